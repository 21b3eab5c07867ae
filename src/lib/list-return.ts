/**
 * "Back to the list you came from": a list links to an offer with `?from=<the list's path and
 * query>`, and the offer page's back link returns there, filters and page kept, to the card
 * the reader opened (`#offer-<id>`). Works without JavaScript. Only a list of this portal is
 * accepted (start page, week, a district), so the parameter cannot send anyone elsewhere.
 *
 *   offerHref('/ar/offers/1', '/ar?category=language_course&page=2')
 *   listReturn('/ar?category=language_course', 'de') // '/de?category=language_course'
 */
import { LOCALES, localizePath, type Locale } from '$lib/i18n/locales';

/** The query parameter that carries the list's address. */
export const FROM = 'from';

/** Longer addresses are not a list the portal made. */
const MAX_LENGTH = 2000;

const LOCALE_PATTERN = LOCALES.map((code) => code.replace('-', '\\-')).join('|');
/** `/`, `/{locale}`, `/{locale}/week`, `/{locale}/districts/{slug}` (a trailing slash allowed). */
const LIST_PATH = new RegExp(
	`^(?:/(?:${LOCALE_PATTERN}))?(/week|/districts/[a-z0-9][a-z0-9-]{0,99})?/?$`
);

/** A base that no real address has: anything resolving elsewhere is refused. */
const BASE = 'http://portal.invalid';

/** The fragment of an offer's card in a list, to return to it. */
export function cardAnchor(id: string): string {
	return `offer-${id}`;
}

/** An offer's address carrying the list it was opened from. */
export function offerHref(path: string, from: string): string {
	return `${path}?${FROM}=${encodeURIComponent(from)}`;
}

/**
 * The list to return to, in `locale`, with its query (without any `from` of its own); null when
 * `from` is missing or no list of this portal.
 */
export function listReturn(from: string | null | undefined, locale: Locale): string | null {
	if (!from || from.length > MAX_LENGTH || !from.startsWith('/') || /^\/[/\\]/.test(from)) {
		return null;
	}
	let url: URL;
	try {
		url = new URL(from, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const match = LIST_PATH.exec(url.pathname);
	if (!match) return null;
	url.searchParams.delete(FROM);
	const search = url.searchParams.toString().replaceAll('%2C', ',');
	return localizePath(locale, match[1] ?? '/') + (search ? `?${search}` : '');
}
