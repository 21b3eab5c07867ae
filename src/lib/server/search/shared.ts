/**
 * Small functions on the search types that every engine shares: paging bounds, the text of an
 * offer in a locale with its fallback, the list row of a document, a document's facet values
 * and the selected values of a filter.
 */
import { languageGroup, textFallbacks, type LanguageGroup } from '../../language-first';
import {
	FACETS,
	type FacetCounts,
	type FilterName,
	type OfferSummary,
	type SearchDocument,
	type SearchDocumentRow,
	type SearchFilters,
	type SearchQuery,
	type DocumentText
} from './types';

/** Page size bounds, as the database's list functions clamp them. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

/** The limit and offset of a query, clamped. */
export function pageOf(query: SearchQuery): { limit: number; offset: number } {
	const limit = Math.trunc(query.limit ?? DEFAULT_LIMIT);
	const offset = Math.trunc(query.offset ?? 0);
	return {
		limit: Number.isFinite(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : DEFAULT_LIMIT,
		offset: Number.isFinite(offset) ? Math.max(offset, 0) : 0
	};
}

/** The point of a distance sort, or undefined when the query has none or not a valid one. */
export function nearOf(query: SearchQuery): { lat: number; lng: number } | undefined {
	const near = query.near;
	if (!near) return undefined;
	const { lat, lng } = near;
	const valid =
		Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
	return valid ? { lat, lng } : undefined;
}

/** Facet counts with every facet present and no values. */
export function emptyFacets(): FacetCounts {
	return Object.fromEntries(FACETS.map((facet) => [facet, {}])) as FacetCounts;
}

/**
 * The text of a document in `locale`, else (Einfache Sprache) German, else en, de, the original
 * locale, else any: see textFallbacks.
 */
export function textFor(
	doc: Pick<SearchDocumentRow, 'texts' | 'original_locale'>,
	locale: string
): { text: DocumentText; locale: string } | null {
	for (const candidate of textFallbacks(locale, doc.original_locale)) {
		const text = doc.texts[candidate];
		if (text) return { text, locale: candidate };
	}
	const [first] = Object.keys(doc.texts).sort();
	return first ? { text: doc.texts[first], locale: first } : null;
}

/**
 * Every category of a document, the main one first (a row from before offers.categories has
 * only its main one).
 */
export function categoriesOf(doc: Pick<SearchDocumentRow, 'category' | 'categories'>): string[] {
	const further = (doc.categories ?? []).filter((category) => category !== doc.category);
	return [doc.category, ...new Set(further)];
}

/** The list row of a document with its texts in `locale` (or the fallback). */
export function summaryOf(doc: SearchDocumentRow, locale: string): OfferSummary {
	const found = textFor(doc, locale);
	return {
		id: doc.id,
		title: found?.text.title ?? '',
		summary: found?.text.summary ?? null,
		text_locale: found?.locale ?? doc.original_locale,
		category: doc.category,
		categories: categoriesOf(doc),
		organisation_name: doc.organisation_name,
		district_slug: doc.district_slug,
		district_name: doc.district_name,
		longitude: doc.location?.lng ?? null,
		latitude: doc.location?.lat ?? null,
		languages: doc.languages,
		is_free: doc.is_free,
		childcare: doc.childcare,
		women_only: doc.women_only,
		wheelchair_accessible: doc.wheelchair_accessible,
		german_level: doc.german_level,
		is_demo: doc.is_demo
	};
}

/**
 * The reader's-language group of a document on a page in `locale` (0 text in the locale, 1
 * held in the reader's language or a chosen one, 2 a fallback): lists show the groups in order.
 * `chosen` are the languages the reader filtered by.
 */
export function documentGroup(
	doc: Pick<SearchDocumentRow, 'texts' | 'languages'>,
	locale: string,
	chosen: readonly string[] = []
): LanguageGroup {
	const textLocale = doc.texts[locale] ? locale : '';
	return languageGroup({ text_locale: textLocale, languages: doc.languages }, locale, chosen);
}

/**
 * The values a document has in a facet or filter ('true'/'false' for the flags; none when
 * unknown).
 */
export function facetValues(doc: SearchDocument, facet: FilterName): string[] {
	const flag = (value: boolean | null) => (value === null ? [] : [String(value)]);
	switch (facet) {
		case 'category':
			return categoriesOf(doc);
		case 'district':
			return doc.district_slug ? [doc.district_slug] : [];
		case 'language':
			return doc.languages;
		case 'target_group':
			return doc.target_groups;
		case 'weekday':
			return doc.weekdays;
		case 'german_level':
			return doc.german_level ? [doc.german_level] : [];
		case 'organisation':
			return doc.organisation_slug ? [doc.organisation_slug] : [];
		case 'free':
			return flag(doc.is_free);
		case 'childcare':
			return flag(doc.childcare);
		case 'women_only':
			return flag(doc.women_only);
		case 'wheelchair':
			return flag(doc.wheelchair_accessible);
	}
}

/** The selected values of a facet or filter in `filters`; empty when it does not filter. */
export function selectedValues(filters: SearchFilters | undefined, facet: FilterName): string[] {
	if (!filters) return [];
	switch (facet) {
		case 'free':
		case 'childcare':
		case 'women_only':
		case 'wheelchair': {
			const value = filters[facet];
			return value === undefined ? [] : [String(value)];
		}
		default:
			return [...new Set(filters[facet] ?? [])];
	}
}
