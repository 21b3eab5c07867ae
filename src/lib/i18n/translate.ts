/**
 * Translation and formatting that run on both sides. The server translates with i18next
 * (translator.ts); the browser gets only the current locale's flat messages and this small
 * `translate()`, which resolves keys exactly as i18next does for them: `{{name}}` interpolation
 * and JSON v4 plural suffixes (`_zero`, `_one`, `_two`, `_few`, `_many`, `_other`) chosen by
 * `Intl.PluralRules`, with `_zero` tried first when the count is 0.
 * messages.spec.ts checks that both give the same text for every key of every locale.
 */
import { htmlLang, isLocale, LOCALE_INFO, type Direction, type Locale } from './locales';

/** Flat messages of one locale: key → text. */
export type Messages = Readonly<Record<string, string>>;

/** Values for `{{name}}` placeholders; `count` also picks the plural form. */
export type TranslateOptions = Readonly<Record<string, string | number | null | undefined>>;

/** The time zone the city's offers take place in when a schedule names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const pluralRulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
	let rules = pluralRulesCache.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		pluralRulesCache.set(locale, rules);
	}
	return rules;
}

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

/** The text of `key` in `messages`, with placeholders filled; the key itself when missing. */
export function translate(
	messages: Messages,
	locale: string,
	key: string,
	options: TranslateOptions = {}
): string {
	const count = options.count;
	const candidates: string[] = [];
	if (typeof count === 'number') {
		if (count === 0) candidates.push(`${key}_zero`);
		candidates.push(`${key}_${pluralRules(locale).select(count)}`);
	}
	candidates.push(key);
	const template = candidates.map((candidate) => messages[candidate]).find((t) => t !== undefined);
	if (template === undefined) return key;
	return template.replace(PLACEHOLDER, (_, name: string) => {
		const value = options[name];
		return value === undefined || value === null ? '' : String(value);
	});
}

/**
 * The locale `Intl` formats in. Plain German formats as German. Farsi keeps its digits but uses
 * the Gregorian calendar: the dates are appointments in Germany, matched against German letters.
 */
export function intlLocale(locale: string): string {
	if (locale === 'fa') return 'fa-u-ca-gregory';
	return htmlLang(locale);
}

/** Intl objects cost more to make than to use: one per locale and options, kept. */
const intlCache = new Map<string, unknown>();

function cachedIntl<T>(kind: string, locale: string, options: object, make: () => T): T {
	const cacheKey = `${kind}|${locale}|${JSON.stringify(options)}`;
	let value = intlCache.get(cacheKey) as T | undefined;
	if (value === undefined) {
		value = make();
		intlCache.set(cacheKey, value);
	}
	return value;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
	cachedIntl('number', locale, options, () => new Intl.NumberFormat(intlLocale(locale), options));

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return cachedIntl(
		'date',
		locale,
		options,
		() => new Intl.DateTimeFormat(intlLocale(locale), options)
	);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date or timestamp as a Date. A bare calendar date (`2026-03-01`, SQL `date`) is taken as
 * that day, formatted in UTC, so it is never shifted to the day before.
 */
function toDate(value: Date | string): { date: Date; dateOnly: boolean } {
	if (value instanceof Date) return { date: value, dateOnly: false };
	if (DATE_ONLY.test(value)) return { date: new Date(`${value}T00:00:00Z`), dateOnly: true };
	return { date: new Date(value), dateOnly: false };
}

/** A day as people write it in the locale, e.g. "3. März 2026", "3 March 2026". */
export function formatDate(
	locale: string,
	value: Date | string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	const { date, dateOnly } = toDate(value);
	return dateTimeFormat(locale, {
		dateStyle: 'long',
		timeZone: dateOnly ? 'UTC' : timeZone
	}).format(date);
}

/** The time of day, e.g. "18:30", "6:30 PM". */
export function formatTime(
	locale: string,
	value: Date | string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return dateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(toDate(value).date);
}

/** From–to times of day, e.g. "18:30–20:00". */
export function formatTimeRange(
	locale: string,
	start: Date | string,
	end: Date | string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).formatRange(
		toDate(start).date,
		toDate(end).date
	);
}

/** The weekday, e.g. "Montag", "الاثنين". */
export function formatWeekday(
	locale: string,
	value: Date | string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	const { date, dateOnly } = toDate(value);
	return dateTimeFormat(locale, { weekday: 'long', timeZone: dateOnly ? 'UTC' : timeZone }).format(
		date
	);
}

/** A day with its weekday: "Montag, 14. September 2026", "الاثنين، 14 سبتمبر 2026". */
export function formatDateWithWeekday(
	locale: string,
	value: Date | string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	const { date, dateOnly } = toDate(value);
	return dateTimeFormat(locale, {
		dateStyle: 'full',
		timeZone: dateOnly ? 'UTC' : timeZone
	}).format(date);
}

/** A whole number or decimal in the locale's digits and separators. */
export function formatNumber(locale: string, value: number): string {
	return numberFormat(locale).format(value);
}

/** A share (0.25) as a percentage ("25 %"). */
export function formatPercent(locale: string, share: number): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A distance in metres as kilometres with one decimal: "1,2 km", "٠٫٨ كم". */
export function formatKilometres(locale: string, metres: number): string {
	return numberFormat(locale, {
		style: 'unit',
		unit: 'kilometer',
		maximumFractionDigits: 1
	}).format(metres / 1000);
}

/** An amount in euros. */
export function formatEuro(locale: string, amount: number): string {
	return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);
}

/** Items as a list in the locale's words: "Deutsch, Englisch und Arabisch", "أ وب وج". */
export function formatList(locale: string, items: readonly string[]): string {
	const options = { type: 'conjunction' } as const;
	return cachedIntl(
		'list',
		locale,
		options,
		() => new Intl.ListFormat(intlLocale(locale), options)
	).format(items);
}

/**
 * The name of a language (ISO 639 code or portal locale) in the UI locale, e.g. "Türkisch" for
 * `tr` in German. A portal locale is named by its own name when it is not a language of its own
 * (Einfache Sprache). Unknown codes are returned as they are.
 */
export function languageName(locale: string, code: string): string {
	if (isLocale(code) && LOCALE_INFO[code].lang !== code) return LOCALE_INFO[code].name;
	try {
		const options = { type: 'language', fallback: 'code' } as const;
		const names = cachedIntl(
			'names',
			locale,
			options,
			() => new Intl.DisplayNames(intlLocale(locale), options)
		);
		return names.of(code) as string;
	} catch {
		return code;
	}
}

/** What components use to speak the visitor's language, on the server and in the browser. */
export interface I18n {
	/** The UI locale. */
	readonly locale: Locale;
	/** Its `lang` attribute value. */
	readonly lang: string;
	/** Its writing direction. */
	readonly dir: Direction;
	t(key: string, options?: TranslateOptions): string;
	formatDate(value: Date | string, timeZone?: string): string;
	formatTime(value: Date | string, timeZone?: string): string;
	formatTimeRange(start: Date | string, end: Date | string, timeZone?: string): string;
	formatWeekday(value: Date | string, timeZone?: string): string;
	formatDateWithWeekday(value: Date | string, timeZone?: string): string;
	formatNumber(value: number): string;
	formatPercent(share: number): string;
	formatEuro(amount: number): string;
	formatList(items: readonly string[]): string;
	languageName(code: string): string;
}

/** First-strong isolate … pop directional isolate (Unicode bidi isolation). */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Text values isolated for right-to-left pages, so a name in Latin script with punctuation
 * ("Kempten (Allgäu).") keeps its order inside an Arabic or Persian sentence.
 */
function isolateValues(options: TranslateOptions | undefined): TranslateOptions | undefined {
	if (!options) return options;
	const isolated: Record<string, string | number | null | undefined> = {};
	for (const [name, value] of Object.entries(options)) {
		isolated[name] = typeof value === 'string' && value !== '' ? FSI + value + PDI : value;
	}
	return isolated;
}

/**
 * An I18n that asks `getLocale` at every call, so that a component reading it re-renders when
 * the page's locale changes. On right-to-left pages the text values given to `t` are isolated.
 */
export function bindI18n(
	getLocale: () => Locale,
	t: (key: string, options?: TranslateOptions) => string
): I18n {
	return {
		get locale() {
			return getLocale();
		},
		get lang() {
			return LOCALE_INFO[getLocale()].lang;
		},
		get dir() {
			return LOCALE_INFO[getLocale()].dir;
		},
		t: (key, options) =>
			t(key, LOCALE_INFO[getLocale()].dir === 'rtl' ? isolateValues(options) : options),
		formatDate: (value, timeZone) => formatDate(getLocale(), value, timeZone),
		formatTime: (value, timeZone) => formatTime(getLocale(), value, timeZone),
		formatTimeRange: (start, end, timeZone) => formatTimeRange(getLocale(), start, end, timeZone),
		formatWeekday: (value, timeZone) => formatWeekday(getLocale(), value, timeZone),
		formatDateWithWeekday: (value, timeZone) => formatDateWithWeekday(getLocale(), value, timeZone),
		formatNumber: (value) => formatNumber(getLocale(), value),
		formatPercent: (share) => formatPercent(getLocale(), share),
		formatEuro: (amount) => formatEuro(getLocale(), amount),
		formatList: (items) => formatList(getLocale(), items),
		languageName: (code) => languageName(getLocale(), code)
	};
}

/** The browser-side I18n: the current locale's messages, as the layout data carries them. */
export function createI18n(source: () => { locale: Locale; messages: Messages }): I18n {
	return bindI18n(
		() => source().locale,
		(key, options) => {
			const { locale, messages } = source();
			return translate(messages, locale, key, options);
		}
	);
}
