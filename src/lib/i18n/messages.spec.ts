/**
 * The UI messages: every locale has every key of `messages/de.json` and no other, every plural
 * family has the forms its language needs, placeholders match, every key the code uses exists,
 * and the browser's small translate() says exactly what i18next says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CATEGORIES,
	GERMAN_LEVELS,
	MEASURE_STATUSES,
	ORGANISATION_KINDS,
	REGISTRATION_KINDS,
	TARGET_GROUPS
} from '$lib/types';
import { LOCALE_INFO, LOCALES, type Locale } from './locales';
import { createI18n, translate, type Messages } from './translate';
import { createTranslator, MESSAGES, STAFF_MESSAGES } from './translator';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

/** Keys with plural families folded: `offers.count_one`, `offers.count_other` → `offers.count`. */
function families(messages: Messages): Map<string, Set<string>> {
	const result = new Map<string, Set<string>>();
	for (const key of Object.keys(messages)) {
		const match = PLURAL_SUFFIX.exec(key);
		const base = match ? key.slice(0, match.index) : key;
		const forms = result.get(base) ?? new Set<string>();
		if (match) forms.add(match[1]);
		result.set(base, forms);
	}
	return result;
}

function placeholders(texts: string[]): string[] {
	const names = new Set<string>();
	for (const text of texts) for (const [, name] of text.matchAll(PLACEHOLDER)) names.add(name);
	return [...names].sort();
}

function textsOf(messages: Messages, base: string, forms: Set<string>): string[] {
	return forms.size === 0
		? [messages[base]]
		: [...forms].map((form) => messages[`${base}_${form}`]);
}

const german = families(MESSAGES.de);

describe('messages/de.json', () => {
	it('exists and has messages', () => {
		expect(german.size).toBeGreaterThan(100);
	});

	it('names every category, target group, German level, registration kind, organisation kind, status and light', () => {
		const needed = [
			...CATEGORIES.map((slug) => `category.${slug}`),
			...TARGET_GROUPS.map((group) => `target_group.${group}`),
			...[...GERMAN_LEVELS, 'unknown'].map((level) => `german_level.${level}`),
			...REGISTRATION_KINDS.map((kind) => `registration.${kind}`),
			...ORGANISATION_KINDS.map((kind) => `organisation_kind.${kind}`),
			...[...MEASURE_STATUSES, 'none'].map((status) => `status.${status}`),
			...['green', 'yellow', 'red', 'grey', 'none'].map((light) => `light.${light}`)
		];
		expect(needed.filter((key) => !german.has(key))).toEqual([]);
	});

	it('has every key the code asks for by name', () => {
		const used = new Set<string>();
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) walk(path);
				else if (/\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
					const source = readFileSync(path, 'utf8');
					for (const [, key] of source.matchAll(/\bt\(\s*'([a-z_]+\.[a-z_.]+)'/g)) used.add(key);
					// error keys that load functions and the data layer hand to the error page
					for (const [, key] of source.matchAll(/key: '(error\.[a-z_]+)'/g)) used.add(key);
				}
			}
		};
		walk(join(process.cwd(), 'src'));
		expect(used.size).toBeGreaterThan(50);
		// the staff and city areas' keys live in messages/staff/
		const staffGerman = families(STAFF_MESSAGES.de);
		const isStaffKey = (key: string) => /^(staff|city)\./.test(key);
		expect([...used].filter((key) => !isStaffKey(key) && !german.has(key))).toEqual([]);
		expect([...used].filter((key) => isStaffKey(key) && !staffGerman.has(key))).toEqual([]);
		// the error page shows `<key>_text` under each error's title
		const errorKeys = [...used].filter(
			(key) => key.startsWith('error.') && key !== 'error.status' && key !== 'error.back_home'
		);
		expect(errorKeys.filter((key) => !german.has(`${key}_text`))).toEqual([]);
	});
});

describe.each(LOCALES.map((locale) => [locale]))('messages/%s.json', (locale: Locale) => {
	const messages = MESSAGES[locale];
	const own = families(messages);
	const pluralCategories = new Intl.PluralRules(LOCALE_INFO[locale].lang)
		.resolvedOptions()
		.pluralCategories.map(String);

	it('has every key of de.json', () => {
		expect([...german.keys()].filter((key) => !own.has(key))).toEqual([]);
	});

	it('has no key that de.json lacks', () => {
		expect([...own.keys()].filter((key) => !german.has(key))).toEqual([]);
	});

	it('has every plural form its language needs, and no form it cannot use', () => {
		for (const [base, forms] of own) {
			if (forms.size === 0) continue;
			expect(messages[base], `${base} is a plural family and a plain key`).toBeUndefined();
			const missing = pluralCategories.filter((category) => !forms.has(category));
			// i18next looks up `_zero` for a count of 0 in every language
			const extra = [...forms].filter(
				(form) => form !== 'zero' && !pluralCategories.includes(form)
			);
			expect({ base, missing, extra }).toEqual({ base, missing: [], extra: [] });
		}
		for (const [base, forms] of german) {
			const ownForms = own.get(base);
			if (!ownForms) continue;
			expect(ownForms.size === 0, `${base}: plural in one of de and ${locale} only`).toBe(
				forms.size === 0
			);
		}
	});

	it('fills the same placeholders as de.json', () => {
		for (const [base, forms] of own) {
			const germanForms = german.get(base);
			if (!germanForms) continue;
			expect({ base, names: placeholders(textsOf(messages, base, forms)) }).toEqual({
				base,
				names: placeholders(textsOf(MESSAGES.de, base, germanForms))
			});
		}
	});

	it('has no empty message', () => {
		expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
	});

	it("gives the browser's translate() the same text as the server's i18next", () => {
		const translator = createTranslator(locale);
		const browser = createI18n(() => ({ locale, messages }));
		const values = {
			city: 'Kempten',
			name: 'Sankt Mang',
			language: 'English',
			date: '1',
			page: 2,
			distance: '1,2 km',
			pages: 9,
			status: 404,
			n: 3,
			code: '1.2'
		};
		for (const [base] of own) {
			for (const count of [undefined, 0, 1, 2, 3, 5, 11, 21, 100, 1.5]) {
				const options = count === undefined ? values : { ...values, count };
				expect(browser.t(base, options)).toBe(translator.t(base, options));
			}
		}
		expect(translate(messages, locale, 'no.such_key')).toBe(translator.t('no.such_key'));
	});

	it('keeps names in Latin script in order inside right-to-left sentences', () => {
		const title = createTranslator(locale).t('home.title', { city: 'Kempten (Allgäu)' });
		if (LOCALE_INFO[locale].dir === 'rtl') expect(title).toContain('\u2068Kempten (Allgäu)\u2069');
		else expect(title).toContain('Kempten (Allgäu)');
	});
});

describe('messages/staff/*.json', () => {
	const de = families(STAFF_MESSAGES.de);
	const en = families(STAFF_MESSAGES.en);

	it('has the staff and city keys only, the same in German and English', () => {
		expect(de.size).toBeGreaterThan(40);
		expect([...de.keys()].filter((key) => !/^(staff|city)\./.test(key))).toEqual([]);
		expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
	});

	it('has the same plural forms and placeholders in both, and no empty message', () => {
		for (const [base, forms] of de) {
			expect({ base, forms: [...(en.get(base) ?? [])].sort() }).toEqual({
				base,
				forms: [...forms].sort()
			});
			expect({ base, names: placeholders(textsOf(STAFF_MESSAGES.en, base, forms)) }).toEqual({
				base,
				names: placeholders(textsOf(STAFF_MESSAGES.de, base, forms))
			});
		}
		for (const text of [...Object.values(STAFF_MESSAGES.de), ...Object.values(STAFF_MESSAGES.en)]) {
			expect(text.trim()).not.toBe('');
		}
	});
});
