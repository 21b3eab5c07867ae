/**
 * What the service worker (src/service-worker.ts) keeps and how it shows a kept copy: pure
 * functions, so that they are tested without a browser.
 *
 * It keeps only offer pages a visitor opened (`/<locale>/offers/<uuid>`), the immutable build
 * files such a page links to.
 */

/**
 * `/<locale>/offers/<uuid>`; the locale as a pattern rather than the list of $lib/i18n/locales,
 * whose import would carry the locales' names into the worker (the spec checks all nine match).
 */
const OFFER_PAGE = /^\/[a-z]{2}(?:-simple)?\/offers\/[0-9a-f-]{36}$/i;

/** The offer page's path when `pathname` is one (a trailing slash removed), else null. */
export function offerPagePath(pathname: string): string | null {
	const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
	return OFFER_PAGE.test(path) ? path : null;
}

/** Immutable build files (scripts, stylesheets) a page's HTML links to or imports. */
export function linkedAssets(html: string, base: string): string[] {
	const found = new Set<string>();
	for (const match of html.matchAll(
		/(?:href=|import\()["']([^"']*\/_app\/immutable\/[^"']+)["']/g
	)) {
		const url = new URL(match[1], base);
		if (url.origin === new URL(base).origin) found.add(url.pathname);
	}
	return [...found];
}

/**
 * `html` with its offline note shown: the public layout renders the note (`data-offline-note`)
 * with `hidden`; the worker removes that attribute from a kept copy, so no script is needed.
 */
export function withOfflineNote(html: string): string {
	return html.replace(/<[a-z]+\b[^>]*\bdata-offline-note\b[^>]*>/i, (tag) =>
		tag.replace(/\s+hidden(?:=(?:""|''|"hidden"))?(?=[\s>/])/i, '')
	);
}
