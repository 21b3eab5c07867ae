/**
 * How search documents look in Meilisearch: the index settings, the document shape (flat
 * fields per locale, `_geo`), filter expressions and the mapping back to our hit shape.
 *
 * Meilisearch searches only `folded_*` fields, which hold the words of text.ts (`foldedText`):
 * the texts are folded here exactly as the embedded engine folds them, and the query is too
 * (`foldedQuery`), so Meilisearch's own normaliser only ever sees folded words and "Strasse",
 * "Buergerbuero" or a Persian ی find what the embedded engine finds. The texts as written
 * (`title_*`, `summary_*`) are kept for display and not searched.
 */
import type { Settings } from 'meilisearch';
import { CATEGORY_KEYWORDS } from './keywords';
import { bareForm, foldedText, STOP_WORDS, tokenize } from './text';
import { categoriesOf, documentGroup, selectedValues, summaryOf } from './shared';
import {
	SEARCH_LOCALES,
	type FacetName,
	type FilterName,
	type OfferSummary,
	type SearchDocument,
	type SearchFilters,
	type SearchLocale
} from './types';

/**
 * Version of the documents' shape and folding. Raise it whenever toMeiliDocument or text.ts
 * change what is stored: the worker's start-up comparison (MeilisearchEngine.state) counts only
 * documents of this version, so an index built by an older version is rebuilt.
 */
export const SCHEMA_VERSION = 6;

/** Field suffix of a locale: 'de-simple' → 'de_simple'. */
export const fieldLocale = (locale: string) => locale.replace(/-/g, '_');

/** Meilisearch's language of each locale (ISO 639-3), for its tokenizer and normaliser. */
const MEILI_LANGUAGES: Record<SearchLocale, string> = {
	de: 'deu',
	'de-simple': 'deu',
	en: 'eng',
	ar: 'ara',
	fa: 'pes',
	tr: 'tur',
	uk: 'ukr',
	ru: 'rus',
	ro: 'ron'
};

/**
 * The attribute behind each filter (the facets and the organisation). The category facet is the
 * array of every category of the offer: `categories IN [...]` matches an offer by any of them,
 * and the facet distribution counts it under each (`category` keeps the main one, for display).
 */
export const FILTER_ATTRIBUTES: Record<FilterName, string> = {
	category: 'categories',
	district: 'district_slug',
	language: 'languages',
	target_group: 'target_groups',
	weekday: 'weekdays',
	german_level: 'german_level',
	organisation: 'organisation_slug',
	free: 'is_free',
	childcare: 'childcare',
	women_only: 'women_only',
	wheelchair: 'wheelchair_accessible'
};

const BOOLEAN_ATTRIBUTES = new Set(['is_free', 'childcare', 'women_only', 'wheelchair_accessible']);

const perLocale = (field: string) => SEARCH_LOCALES.map((l) => `${field}_${fieldLocale(l)}`);

/** Fields a hit needs to become an OfferSummary. */
export const RETRIEVED_ATTRIBUTES = [
	'id',
	'original_locale',
	'category',
	'categories',
	'organisation_name',
	'district_slug',
	'district_name',
	'languages',
	'is_free',
	'childcare',
	'women_only',
	'wheelchair_accessible',
	'german_level',
	'is_demo',
	'_geo',
	...perLocale('title'),
	...perLocale('summary')
];

/** A phrase folded as a query is: words of text.ts, Arabic ones without the article. */
const foldedPhrase = (text: string) => tokenize(text).map(bareForm).join(' ');

/**
 * Category names in every locale as mutual synonyms, folded as queries are: "Sprachkurs" also
 * searches "دوره لغه" (دورة لغة).
 */
export function categorySynonyms(): Record<string, string[]> {
	const synonyms: Record<string, string[]> = {};
	for (const locales of Object.values(CATEGORY_KEYWORDS)) {
		const names = [...new Set(Object.values(locales).map((words) => foldedPhrase(words.name)))];
		for (const name of names) {
			const others = names.filter((other) => other !== name);
			if (others.length > 0) synonyms[name] = others;
		}
	}
	return synonyms;
}

/** The index settings. */
export function meiliSettings(): Settings {
	return {
		searchableAttributes: [
			...perLocale('folded_title'),
			...perLocale('folded_keywords'),
			...perLocale('folded_summary'),
			'folded_organisation',
			'folded_district',
			...perLocale('folded_description'),
			'folded_address'
		],
		filterableAttributes: [...Object.values(FILTER_ATTRIBUTES), '_geo', 'schema'],
		// updated_ms: the index's newest change (MeilisearchEngine.state); language_group_* and
		// own_text_*: the reader's language first (languageSort)
		sortableAttributes: [
			'_geo',
			'updated_ms',
			...perLocale('sort_title'),
			...perLocale('language_group'),
			...perLocale('own_text')
		],
		// `words` first: an offer with every word searched for comes before one with fewer, as in
		// the embedded engine, which keeps only those with the most words. Then `sort`: the
		// reader's-language group, then a distance or title sort when asked for; relevance last
		rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
		// folded like the words they stop: the index holds no other form
		stopWords: [...STOP_WORDS].sort(),
		synonyms: categorySynonyms(),
		typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
		faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'alpha' } },
		pagination: { maxTotalHits: 100_000 },
		// `*_de` covers folded_title_de as well as title_de
		localizedAttributes: SEARCH_LOCALES.filter((l) => l !== 'de-simple').map((locale) => ({
			attributePatterns: locale === 'de' ? ['*_de', '*_de_simple'] : [`*_${fieldLocale(locale)}`],
			locales: [MEILI_LANGUAGES[locale]]
		}))
	};
}

/** A document as stored in Meilisearch. */
export type MeiliDocument = Record<string, unknown> & { id: string };

/**
 * A search document as Meilisearch stores it: the row's fields as they are (what a hit shows,
 * what filters use), per locale the title and summary as written, and what is searched, folded
 * (`folded_*`: title, keywords, summary, description per locale; organisation, district and
 * address). `updated_ms` is `updated_at` as a number, for sorting by the newest change.
 */
export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
	const out: MeiliDocument = {
		id: doc.id,
		schema: SCHEMA_VERSION,
		original_locale: doc.original_locale,
		category: doc.category,
		categories: categoriesOf(doc),
		organisation_name: doc.organisation_name,
		organisation_slug: doc.organisation_slug,
		district_slug: doc.district_slug,
		district_name: doc.district_name,
		street: doc.street,
		postal_code: doc.postal_code,
		locality: doc.locality,
		languages: doc.languages,
		target_groups: doc.target_groups,
		weekdays: doc.weekdays,
		german_level: doc.german_level,
		is_free: doc.is_free,
		childcare: doc.childcare,
		women_only: doc.women_only,
		wheelchair_accessible: doc.wheelchair_accessible,
		is_demo: doc.is_demo,
		measures: doc.measures,
		next_start: doc.next_start,
		updated_at: doc.updated_at,
		updated_ms: Date.parse(doc.updated_at) || 0,
		folded_organisation: foldedText(doc.organisation_name),
		folded_district: foldedText(doc.district_name),
		folded_address: foldedText([doc.street, doc.postal_code, doc.locality].join(' '))
	};
	for (const locale of SEARCH_LOCALES) {
		const key = fieldLocale(locale);
		const text = doc.texts[locale];
		if (text) {
			out[`title_${key}`] = text.title;
			if (text.summary) out[`summary_${key}`] = text.summary;
			out[`folded_title_${key}`] = foldedText(text.title);
			if (text.summary) out[`folded_summary_${key}`] = foldedText(text.summary);
			// not shown in lists: only searched
			if (text.description) out[`folded_description_${key}`] = foldedText(text.description);
		}
		out[`folded_keywords_${key}`] = (doc.keywords[locale] ?? []).map(foldedText);
		out[`sort_title_${key}`] = tokenize(summaryOf(doc, locale).title).join(' ');
		// numbers, as Meilisearch sorts numbers and strings but not booleans
		out[`language_group_${key}`] = documentGroup(doc, locale);
		out[`own_text_${key}`] = text ? 1 : 0;
	}
	if (doc.location) out._geo = { lat: doc.location.lat, lng: doc.location.lng };
	return out;
}

/** A hit of Meilisearch back as the list row, texts in `locale` with the usual fallback. */
export function summaryFromHit(hit: Record<string, unknown>, locale: string): OfferSummary {
	const texts: SearchDocument['texts'] = {};
	for (const l of SEARCH_LOCALES) {
		const title = hit[`title_${fieldLocale(l)}`];
		if (typeof title === 'string') {
			const summary = hit[`summary_${fieldLocale(l)}`];
			texts[l] = {
				title,
				summary: typeof summary === 'string' ? summary : null,
				description: null
			};
		}
	}
	const geo = hit._geo as { lat: number; lng: number } | undefined;
	return summaryOf(
		{
			id: String(hit.id),
			texts,
			original_locale: String(hit.original_locale ?? 'de'),
			category: String(hit.category),
			categories: Array.isArray(hit.categories) ? hit.categories.map(String) : [],
			organisation_name: String(hit.organisation_name ?? ''),
			organisation_slug: '',
			district_slug: (hit.district_slug as string | null) ?? null,
			district_name: (hit.district_name as string | null) ?? null,
			street: null,
			postal_code: null,
			locality: null,
			languages: (hit.languages as string[]) ?? [],
			target_groups: [],
			is_free: (hit.is_free as boolean | null) ?? null,
			childcare: hit.childcare === true,
			women_only: hit.women_only === true,
			wheelchair_accessible: (hit.wheelchair_accessible as boolean | null) ?? null,
			german_level: (hit.german_level as string | null) ?? null,
			location: geo ? { lat: Number(geo.lat), lng: Number(geo.lng) } : null,
			schedules: [],
			measures: [],
			is_demo: hit.is_demo === true,
			updated_at: ''
		},
		locale
	);
}

/**
 * The sort that puts the reader's language first (language-first.ts): by the document's group
 * for `locale` (0 text in it, 1 held in the reader's language, 2 other). With a language filter
 * every offer found is held in a chosen language, so groups 1 and 2 are one: the sort is then
 * by whether the offer has a text in the locale. The list's own order follows.
 */
export function languageSort(locale: string, filters: SearchFilters | undefined): string {
	const key = fieldLocale(locale);
	return selectedValues(filters, 'language').length > 0
		? `own_text_${key}:desc`
		: `language_group_${key}:asc`;
}

/** `attribute IN ["a", "b"]`, or `attribute = true` for a flag. */
function condition(name: FilterName, values: string[]): string {
	const attribute = FILTER_ATTRIBUTES[name];
	if (BOOLEAN_ATTRIBUTES.has(attribute)) return `${attribute} = ${values[0] === 'true'}`;
	return `${attribute} IN [${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/** The filter of the selected values (all facets, or all but `except`); undefined for none. */
export function filterExpression(
	filters: SearchFilters | undefined,
	except?: FacetName
): string[] | undefined {
	const parts: string[] = [];
	for (const name of Object.keys(FILTER_ATTRIBUTES) as FilterName[]) {
		if (name === except) continue;
		const values = selectedValues(filters, name);
		if (values.length > 0) parts.push(condition(name, values));
	}
	return parts.length > 0 ? parts : undefined;
}

/** Meilisearch languages of a query, by its script: lets it tokenize Arabic and Cyrillic right. */
export function queryLocales(q: string): string[] | undefined {
	if (/\p{Script=Arabic}/u.test(q)) return ['ara', 'pes'];
	if (/\p{Script=Cyrillic}/u.test(q)) return ['ukr', 'rus'];
	return undefined;
}
