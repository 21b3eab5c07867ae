/**
 * The sitemaps (https://www.sitemaps.org/protocol.html) of the public pages: `/sitemap.xml` is
 * an index of `/sitemaps/pages.xml` (start page, week, concept and its fields, districts) and
 * `/sitemaps/offers-1.xml`, `-2`, … (OFFERS_PER_FILE offers each). Every page is listed in every
 * locale, each entry with its alternates in all nine locales (`xhtml:link rel="alternate"
 * hreflang`) and `x-default`, the address without a locale that sends a visitor to their
 * language. An offer's `lastmod` is its last change; other pages have none the portal knows.
 *
 * Files stay far under the protocol's limits (50,000 addresses, 50 MB) and under the response
 * cache's largest entry (4 MB): 250 offers make 2250 addresses of about 1.3 KB each.
 */
import { LOCALE_INFO, LOCALES, localizePath, type Locale } from '$lib/i18n/locales';

export const OFFERS_PER_FILE = 250;

/**
 * The hreflang of a locale: its BCP 47 tag, except Einfache Sprache, which shares `de` with
 * German and is told apart by a private-use subtag.
 */
export function hreflang(locale: Locale): string {
	return locale === 'de-simple' ? 'de-x-simple' : LOCALE_INFO[locale].lang;
}

/** Text for XML character data and attribute values. */
export function xmlEscape(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** A page of the portal, by its path without a locale (`/`, `/week`, `/offers/{id}`). */
export interface SitemapPage {
	path: string;
	/** `YYYY-MM-DD` or a full ISO 8601 instant. */
	lastmod?: string | null;
}

/** The `<url>` entries of one page: one per locale, each naming all alternates. */
function pageEntries(origin: string, page: SitemapPage): string {
	const href = (locale: Locale) => xmlEscape(new URL(localizePath(locale, page.path), origin).href);
	const alternates =
		LOCALES.map(
			(locale) =>
				`<xhtml:link rel="alternate" hreflang="${hreflang(locale)}" href="${href(locale)}"/>`
		).join('') +
		`<xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(new URL(page.path, origin).href)}"/>`;
	const lastmod = page.lastmod ? `<lastmod>${xmlEscape(page.lastmod)}</lastmod>` : '';
	return LOCALES.map(
		(locale) => `<url><loc>${href(locale)}</loc>${lastmod}${alternates}</url>`
	).join('\n');
}

/** A `<urlset>` of the given pages in every locale. */
export function urlset(origin: string, pages: readonly SitemapPage[]): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
		'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
		pages.map((page) => pageEntries(origin, page)).join('\n') +
		(pages.length ? '\n' : '') +
		'</urlset>\n'
	);
}

/** A `<sitemapindex>` of the given sitemap paths. */
export function sitemapIndex(origin: string, files: readonly SitemapPage[]): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
		files
			.map(
				(file) =>
					`<sitemap><loc>${xmlEscape(new URL(file.path, origin).href)}</loc>` +
					(file.lastmod ? `<lastmod>${xmlEscape(file.lastmod)}</lastmod>` : '') +
					'</sitemap>'
			)
			.join('\n') +
		'\n</sitemapindex>\n'
	);
}

/** The paths of the sitemap files for `offerCount` published offers. */
export function sitemapFiles(offerCount: number): SitemapPage[] {
	const offerFiles = Math.max(1, Math.ceil(offerCount / OFFERS_PER_FILE));
	return [
		{ path: '/sitemaps/pages.xml' },
		...Array.from({ length: offerFiles }, (_, i) => ({ path: `/sitemaps/offers-${i + 1}.xml` }))
	];
}

/** The pages besides the offers: the start page, the week, the concept and its fields, districts. */
export function otherPages(input: {
	districts: readonly string[];
	conceptFields: readonly string[] | null;
	/** Paths of further public pages that take no parameter (e.g. `/print`). */
	extra?: readonly string[];
}): SitemapPage[] {
	return [
		{ path: '/' },
		{ path: '/week' },
		...(input.extra ?? []).map((path) => ({ path })),
		...(input.conceptFields === null
			? []
			: [
					{ path: '/concept' },
					...input.conceptFields.map((code) => ({
						path: `/concept/${encodeURIComponent(code)}`
					}))
				]),
		...input.districts.map((slug) => ({ path: `/districts/${encodeURIComponent(slug)}` }))
	];
}

/** Response headers of a sitemap: XML, cached for an hour by others, readable by anyone. */
export const SITEMAP_HEADERS: Readonly<Record<string, string>> = {
	'content-type': 'application/xml; charset=utf-8',
	'cache-control': 'public, max-age=3600'
};
