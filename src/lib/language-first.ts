/**
 * The reader's language first: the order in which an offer's texts stand in for the page's
 * locale, and the group an offer falls into for a reader of that locale. Lists show group 0
 * first (text in the page's locale), then group 1 (no such text, but the offer is held in the
 * page's language or one the reader chose, e.g. with the language filter), then group 2 (a
 * fallback text, held in other languages); within a group the order stays the list's own
 * (title, relevance, distance or time).
 *
 *   textFallbacks('de-simple', 'tr') // ['de-simple', 'de', 'en', 'tr']
 *   languageGroup({ text_locale: 'de', languages: ['de', 'ar'] }, 'ar') // 1
 *
 * Pure and client-safe: the search engines, the week and the cards use it. The database's
 * fallback (private.offer_text, filter_offers) follows the same order.
 */

/** Groups of the reader's-language order, best first. */
export const LANGUAGE_GROUP = { own: 0, chosen: 1, fallback: 2 } as const;
export type LanguageGroup = (typeof LANGUAGE_GROUP)[keyof typeof LANGUAGE_GROUP];

/**
 * The locales whose text stands in for `locale`, best first, without repeats: the locale, then
 * German for Einfache Sprache, then English, German, the offer's original.
 */
export function textFallbacks(locale: string, original?: string | null): string[] {
	const chain = [locale, ...(locale === 'de-simple' ? ['de'] : []), 'en', 'de'];
	if (original) chain.push(original);
	return [...new Set(chain)];
}

/**
 * ISO 639 codes of the language a reader of `locale` speaks, as offers' `languages` name them:
 * Einfache Sprache is German; Persian also as Dari and Iranian Persian.
 */
export function spokenLanguages(locale: string): string[] {
	if (locale === 'de-simple') return ['de'];
	if (locale === 'fa') return ['fa', 'prs', 'pes'];
	return [locale];
}

/** Whether a text in `textLocale` is a fallback on a page in `locale`. */
export function isFallbackText(textLocale: string, locale: string): boolean {
	return textLocale !== locale;
}

/**
 * The group of an offer for a reader of `locale`: 0 when its text is in the locale, 1 when it
 * is held in the reader's language or one of `chosen`, 2 otherwise.
 */
export function languageGroup(
	offer: { text_locale: string; languages: readonly string[] },
	locale: string,
	chosen: readonly string[] = []
): LanguageGroup {
	return languageGrouper(locale, chosen)(offer);
}

/** languageGroup for many offers of one page: the wanted languages are gathered once. */
export function languageGrouper(
	locale: string,
	chosen: readonly string[] = []
): (offer: { text_locale: string; languages: readonly string[] }) => LanguageGroup {
	const wanted = new Set([...spokenLanguages(locale), ...chosen]);
	return (offer) => {
		if (!isFallbackText(offer.text_locale, locale)) return LANGUAGE_GROUP.own;
		return offer.languages.some((code) => wanted.has(code))
			? LANGUAGE_GROUP.chosen
			: LANGUAGE_GROUP.fallback;
	};
}

/** The languages whose offers make group 1 for a reader of `locale` who chose `chosen`. */
export function wantedLanguages(locale: string, chosen: readonly string[] = []): string[] {
	return [...new Set([...spokenLanguages(locale), ...chosen])];
}
