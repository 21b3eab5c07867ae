/**
 * The kind of route a request is, for usage counts (src/lib/server/usage/counter.ts): its path
 * and whether it has a query, never more. The staff and city areas, SvelteKit's own files,
 * static files and the map's style, glyphs and basemap are not counted (null).
 *
 * Public pages are counted in their locale (a client-side navigation's `__data.json` as the page
 * it loads); machine endpoints in the `?locale=` they ask for, else as `none`.
 */
import { isLocale, type Locale } from '$lib/i18n/locales';
import { isSessionPath } from '../../staff/session-paths';

export const ROUTE_KINDS = [
	'start',
	'search',
	'offer',
	'district',
	'week',
	'concept',
	'calendar',
	'api',
	'hsds',
	'print',
	'suggest',
	'other'
] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** A public page in no locale (a machine endpoint): `none`. */
export type UsageLocale = Locale | 'none';

export interface RouteUse {
	kind: RouteKind;
	locale: UsageLocale;
}

const DATA_SUFFIX = '/__data.json';
/** Files and machinery that are no visit: the build, static files, the map's own files. */
const NOT_COUNTED = /^\/(?:_app|map|\.well-known)(?:\/|$)|^\/(?:favicon\.[a-z]+|robots\.txt)$/;
/** What a page under a locale is, by its first segment. */
const PAGE_KINDS: Readonly<Record<string, RouteKind>> = {
	offers: 'offer',
	districts: 'district',
	week: 'week',
	concept: 'concept',
	print: 'print',
	suggest: 'suggest',
	report: 'suggest',
	suggestions: 'suggest'
};

function askedLocale(search: URLSearchParams): UsageLocale {
	const locale = search.get('locale');
	return isLocale(locale) ? locale : 'none';
}

/** What `url` is, for the counts; null when it is not counted at all. */
export function routeUse(url: URL): RouteUse | null {
	let path = url.pathname;
	const isData = path.endsWith(DATA_SUFFIX);
	if (isData) path = path.slice(0, -DATA_SUFFIX.length) || '/';
	if (isSessionPath(path) || NOT_COUNTED.test(path)) return null;
	const segments = path.split('/').filter(Boolean);
	const [first, second] = segments;

	if (first === 'api') {
		const calendar = segments.at(-1)?.endsWith('.ics');
		return { kind: calendar ? 'calendar' : 'api', locale: askedLocale(url.searchParams) };
	}
	if (first === 'hsds') return { kind: 'hsds', locale: askedLocale(url.searchParams) };
	if (!isLocale(first)) return { kind: 'other', locale: 'none' };

	if (second === undefined) {
		// the start page is the list: with a query (words, filters, a page) it is a search
		const query = [...url.searchParams.keys()].some((key) => !key.startsWith('x-sveltekit'));
		return { kind: query ? 'search' : 'start', locale: first };
	}
	if (segments.at(-1)?.endsWith('.ics')) return { kind: 'calendar', locale: first };
	if (segments.includes('print')) return { kind: 'print', locale: first };
	if (second === 'offers') {
		// `/<locale>/offers/<id>/report`: a visitor reports a mistake
		const kind = segments.length === 3 ? 'offer' : segments[3] === 'report' ? 'suggest' : 'other';
		return { kind, locale: first };
	}
	return { kind: PAGE_KINDS[second] ?? 'other', locale: first };
}
