import { describe, expect, it } from 'vitest';
import { localeOfPath, negotiateLocale, switchLocale } from './locales';

describe('negotiateLocale', () => {
	it('takes the first language the portal speaks', () => {
		expect(negotiateLocale('ar-SA,ar;q=0.9')).toBe('ar');
		expect(negotiateLocale('fr, en;q=0.5')).toBe('en');
		expect(negotiateLocale('uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.6')).toBe('uk');
	});

	it('falls back to German', () => {
		expect(negotiateLocale(null)).toBe('de');
		expect(negotiateLocale('')).toBe('de');
		expect(negotiateLocale('fr, it;q=0.5')).toBe('de');
		expect(negotiateLocale('*')).toBe('de');
	});

	it('ignores the region', () => {
		expect(negotiateLocale('de-CH')).toBe('de');
		expect(negotiateLocale('fa-AF')).toBe('fa');
		expect(negotiateLocale('TR-tr')).toBe('tr');
	});

	it('respects q-values, not only the order', () => {
		expect(negotiateLocale('en;q=0.3, ro;q=0.8')).toBe('ro');
		expect(negotiateLocale('ru;q=0, uk;q=0.1')).toBe('uk');
	});

	it('knows Dari as Farsi', () => {
		expect(negotiateLocale('prs')).toBe('fa');
	});

	it('takes names of built-in properties for unknown languages', () => {
		for (const tag of ['constructor', '__proto__', 'toString', 'valueOf;q=0.9', 'hasOwnProperty']) {
			expect(negotiateLocale(tag)).toBe('de');
		}
		expect(negotiateLocale('constructor, ar;q=0.5')).toBe('ar');
	});

	it('never chooses plain German, which is only chosen', () => {
		expect(negotiateLocale('de-simple')).toBe('de');
	});
});

describe('locale paths', () => {
	it('reads the locale from the first segment', () => {
		expect(localeOfPath('/ar/offers/x')).toBe('ar');
		expect(localeOfPath('/de-simple')).toBe('de-simple');
		expect(localeOfPath('/api/offers')).toBeNull();
		expect(localeOfPath('/')).toBeNull();
	});

	it('switches the locale and keeps the rest of the address', () => {
		const url = new URL('http://x/de/districts/st-mang?page=2');
		expect(switchLocale(url, 'ar')).toBe('/ar/districts/st-mang?page=2');
		expect(switchLocale(new URL('http://x/de'), 'fa')).toBe('/fa');
		expect(switchLocale(new URL('http://x/districts/a'), 'tr')).toBe('/tr/districts/a');
	});
});
