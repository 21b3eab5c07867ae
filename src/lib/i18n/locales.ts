/**
 * The portal's nine UI locales, their names in their own language and writing direction, and
 * the choice of a locale from a browser's `Accept-Language` header.
 *
 * `de-simple` is Einfache Sprache (plain German): a register, not a language a browser asks for.
 * It is never negotiated, only chosen, and the page says `lang="de"` for it.
 */

export const LOCALES = ['de', 'de-simple', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro'] as const;

export type Locale = (typeof LOCALES)[number];

export type Direction = 'ltr' | 'rtl';

export interface LocaleInfo {
	/** The locale code as it appears in URLs and `messages/<code>.json`. */
	code: Locale;
	/** Its name in its own language, as the language switcher shows it. */
	name: string;
	/** The BCP 47 tag for `<html lang>`, `lang`/`hreflang` attributes and `Intl`. */
	lang: string;
	/** Writing direction. */
	dir: Direction;
}

export const DEFAULT_LOCALE: Locale = 'de';

export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
	de: { code: 'de', name: 'Deutsch', lang: 'de', dir: 'ltr' },
	'de-simple': { code: 'de-simple', name: 'Einfache Sprache', lang: 'de', dir: 'ltr' },
	en: { code: 'en', name: 'English', lang: 'en', dir: 'ltr' },
	ar: { code: 'ar', name: 'العربية', lang: 'ar', dir: 'rtl' },
	fa: { code: 'fa', name: 'فارسی', lang: 'fa', dir: 'rtl' },
	tr: { code: 'tr', name: 'Türkçe', lang: 'tr', dir: 'ltr' },
	uk: { code: 'uk', name: 'Українська', lang: 'uk', dir: 'ltr' },
	ru: { code: 'ru', name: 'Русский', lang: 'ru', dir: 'ltr' },
	ro: { code: 'ro', name: 'Română', lang: 'ro', dir: 'ltr' }
};

/** Locales in the order the language switcher lists them. */
export const LOCALE_LIST: readonly LocaleInfo[] = LOCALES.map((code) => LOCALE_INFO[code]);

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The `lang` attribute value of a locale code; codes the portal does not know pass through. */
export function htmlLang(code: string): string {
	return isLocale(code) ? LOCALE_INFO[code].lang : code;
}

/** Writing direction of a locale code; unknown codes are left to right. */
export function dirOf(code: string): Direction {
	return isLocale(code) ? LOCALE_INFO[code].dir : 'ltr';
}

/** Locales a browser may ask for: every locale except the chosen-only plain German. */
const NEGOTIABLE: readonly Locale[] = LOCALES.filter((code) => code !== 'de-simple');

/**
 * Language codes that mean one of the portal's locales: Dari and Iranian Persian, Moldovan. A Map,
 * so that a header naming `constructor` finds nothing.
 */
const ALIASES: ReadonlyMap<string, Locale> = new Map([
	['prs', 'fa'],
	['pes', 'fa'],
	['mo', 'ro']
]);

interface Preference {
	tag: string;
	q: number;
	order: number;
}

function parseAcceptLanguage(header: string): Preference[] {
	const preferences: Preference[] = [];
	header.split(',').forEach((part, order) => {
		const [rawTag, ...params] = part.trim().split(';');
		const tag = rawTag.trim().toLowerCase();
		if (!tag) return;
		let q = 1;
		for (const param of params) {
			const [name, value] = param.trim().split('=');
			if (name?.trim().toLowerCase() === 'q') {
				const parsed = Number(value?.trim());
				q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
			}
		}
		if (q > 0) preferences.push({ tag, q, order });
	});
	// highest quality first; equal qualities keep the browser's order
	return preferences.sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * The locale to send a first-time visitor to: the most preferred language in `Accept-Language`
 * (q-values respected, region and script ignored, `*` meaning the default) that the portal
 * speaks, else `fallback` (the city's default locale; German unless the city says otherwise).
 */
export function negotiateLocale(
	acceptLanguage: string | null,
	fallback: Locale = DEFAULT_LOCALE
): Locale {
	if (!acceptLanguage) return fallback;
	for (const { tag } of parseAcceptLanguage(acceptLanguage)) {
		if (tag === '*') return fallback;
		const primary = tag.split('-')[0];
		const match = NEGOTIABLE.find((code) => code === primary) ?? ALIASES.get(primary);
		if (match) return match;
	}
	return fallback;
}

/** The languages of the staff and city areas: German, and English as the second. */
export const STAFF_LOCALES = ['de', 'en'] as const satisfies readonly Locale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** The staff language for an Accept-Language header: English when preferred to German. */
export function negotiateStaffLocale(acceptLanguage: string | null): StaffLocale {
	for (const { tag } of parseAcceptLanguage(acceptLanguage ?? '')) {
		const primary = tag.split('-')[0].toLowerCase();
		if (primary === 'de') return 'de';
		if (primary === 'en') return 'en';
	}
	return 'de';
}

/** The locale a path starts with (`/ar/offers/…` → `ar`), or null. */
export function localeOfPath(pathname: string): Locale | null {
	const first = pathname.split('/')[1];
	return isLocale(first) ? first : null;
}

/** `path` (starting with `/`) in `locale`: `/ar` + `/districts/x`. */
export function localizePath(locale: Locale, path: string = '/'): string {
	return path === '/' || path === '' ? `/${locale}` : `/${locale}${path}`;
}

/** The same page in another locale: the first path segment replaced (or added), query kept. */
export function switchLocale(url: URL, locale: Locale): string {
	const current = localeOfPath(url.pathname);
	const rest = current ? url.pathname.slice(current.length + 1) : url.pathname;
	return localizePath(locale, rest) + url.search;
}

/** A locale from a route parameter or `locals.locale`; the default for anything else. */
export function toLocale(value: string | undefined | null): Locale {
	return isLocale(value) ? value : DEFAULT_LOCALE;
}
