/**
 * The search interface: what is indexed (SearchDocument), what is asked (SearchQuery), what
 * comes back (SearchResult), and the engine contract both engines keep (SearchEngine).
 *
 *   const engine = getSearchEngine();
 *   const result = await engine.search({ q: 'Deutschkurs', locale: 'ar', filters: { free: true } });
 */
import type { Weekday } from '../../schedule/rrule';

export type { Weekday };

/** Locales of the portal, in the order of `public.locales`. */
export const SEARCH_LOCALES = [
	'de',
	'de-simple',
	'en',
	'ar',
	'fa',
	'tr',
	'uk',
	'ru',
	'ro'
] as const;
export type SearchLocale = (typeof SEARCH_LOCALES)[number];

/** Texts of an offer in one locale. */
export interface DocumentText {
	title: string;
	summary: string | null;
	description: string | null;
}

/** A schedule as `search_documents()` returns it. */
export interface DocumentSchedule {
	starts_at: string;
	duration_minutes: number;
	rrule: string | null;
	exdates: string[];
	timezone: string;
}

/** One element of `search_documents()` for a published offer. */
export interface SearchDocumentRow {
	id: string;
	/** Texts by locale code; only the locales the offer has. */
	texts: Record<string, DocumentText>;
	original_locale: string;
	/** The main category (cards, icons). */
	category: string;
	/** Every category of the offer, the main one first: the category filter matches any. */
	categories: string[];
	organisation_name: string;
	/** The organisation's slug: the `organisation` filter (a printed programme of one provider). */
	organisation_slug: string;
	district_slug: string | null;
	district_name: string | null;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	/** ISO 639 codes of the languages the offer is held in. */
	languages: string[];
	target_groups: string[];
	/** null when the cost is unknown. */
	is_free: boolean | null;
	childcare: boolean;
	women_only: boolean;
	wheelchair_accessible: boolean | null;
	german_level: string | null;
	location: { lat: number; lng: number } | null;
	schedules: DocumentSchedule[];
	/** Codes of the measures of the integration concept the offer implements. */
	measures: string[];
	is_demo: boolean;
	updated_at: string;
}

/** What `search_documents(p_ids)` returns for an id that is not a published offer. */
export interface DeletedDocument {
	id: string;
	deleted: true;
}

/** A document as the engines index it: the row plus what is derived from it. */
export interface SearchDocument extends SearchDocumentRow {
	/** Weekdays of the offer's occurrences in the next weeks (wall clock of each schedule). */
	weekdays: Weekday[];
	/** Start of the next occurrence (ISO 8601), null when none is ahead. */
	next_start: string | null;
	/** Topics found in its texts (topic-keywords.ts), e.g. 'recognition', 'recognition.title'. */
	topics: string[];
	/**
	 * Per locale: the category's name and search keywords, the target groups' names and the
	 * topics' words.
	 */
	keywords: Record<SearchLocale, string[]>;
}

/** Facets of the list, each with the values it counts. */
export const FACETS = [
	'category',
	'district',
	'language',
	'target_group',
	'weekday',
	'german_level',
	'free',
	'childcare',
	'women_only',
	'wheelchair'
] as const;
export type FacetName = (typeof FACETS)[number];

/**
 * Filters that are not facets: they narrow a search, and every count respects them, but their
 * values are not counted (a city has too many organisations to count them on every search).
 */
export const FILTER_ONLY = ['organisation'] as const;
/** Everything a search filters by. */
export const FILTERS = [...FACETS, ...FILTER_ONLY] as const;
export type FilterName = (typeof FILTERS)[number];

/** Boolean facets: their values are 'true' and 'false'. */
export const BOOLEAN_FACETS = ['free', 'childcare', 'women_only', 'wheelchair'] as const;
export type BooleanFacet = (typeof BOOLEAN_FACETS)[number];
export type ListFacet = Exclude<FacetName, BooleanFacet>;

/**
 * Filters of a search. Within a facet the values are alternatives (or), across facets all
 * must hold (and). An absent or empty list and an absent flag do not filter; a flag set to
 * false keeps the offers where it is false (an unknown value matches neither).
 */
export interface SearchFilters {
	/** Categories; an offer matches by any of its categories, not only its main one. */
	category?: string[];
	/** District slugs. */
	district?: string[];
	/** ISO 639 codes of the language the offer is held in. */
	language?: string[];
	target_group?: string[];
	weekday?: Weekday[];
	/** German level needed; 'none' is "no German needed". */
	german_level?: string[];
	/** Organisation slugs. */
	organisation?: string[];
	free?: boolean;
	childcare?: boolean;
	women_only?: boolean;
	wheelchair?: boolean;
}

export interface SearchQuery {
	/** Words in any language; typos are tolerated. Empty or absent: all offers. */
	q?: string;
	/**
	 * Locale of the texts in the hits (falling back to de for de-simple, then en, de, the
	 * original) and of the order: offers with a text in it first, then those held in its
	 * language or a filtered one, then the rest (language-first.ts); by title within each.
	 */
	locale: string;
	filters?: SearchFilters;
	/** Sort by distance from this point (WGS 84), offers without a location last. */
	near?: { lat: number; lng: number };
	/** Page size, 1 to 200 (default 20). */
	limit?: number;
	offset?: number;
}

/** An offer as a list shows it (a card of the list). */
export interface OfferSummary {
	id: string;
	title: string;
	summary: string | null;
	/** Locale of title and summary: the one asked for, else (de-simple) de, en, de, the original. */
	text_locale: string;
	/** The main category (cards, icons). */
	category: string;
	/** Every category of the offer, the main one first. */
	categories: string[];
	organisation_name: string;
	district_slug: string | null;
	district_name: string | null;
	longitude: number | null;
	latitude: number | null;
	languages: string[];
	is_free: boolean | null;
	childcare: boolean;
	women_only: boolean;
	wheelchair_accessible: boolean | null;
	german_level: string | null;
	is_demo: boolean;
}

export interface SearchHit {
	id: string;
	/** Relevance, higher is better; 0 without a query. Comparable only within one result. */
	score: number;
	/** Metres from `near`; null without `near` or without a location. */
	distance: number | null;
	offer: OfferSummary;
}

/**
 * Counts per facet value. A value's count is the number of offers the search would find with
 * that value selected in addition to (or instead of, within its facet) the current selection:
 * the query and the other facets' filters apply, the facet's own filter does not. A facet lists
 * the values that occur among those offers, and the selected values (possibly with 0).
 */
export type FacetCounts = Record<FacetName, Record<string, number>>;

export interface SearchResult {
	hits: SearchHit[];
	/** All offers that match, not only this page's. */
	total: number;
	facets: FacetCounts;
}

export interface EngineHealth {
	ok: boolean;
	engine: 'embedded' | 'meilisearch';
	/** Documents in the index, when known. */
	documents?: number;
	/** Why it is not ok. */
	detail?: string;
}

/**
 * What an index holds, to compare with the database (`search_index_state()`): the number of
 * documents and the newest `updated_at` among them (null when empty).
 */
export interface IndexState {
	documents: number;
	newest: string | null;
}

/** The contract of a search engine. Every method may throw when the engine is unreachable. */
export interface SearchEngine {
	readonly name: 'embedded' | 'meilisearch';
	/**
	 * Builds a fresh index of exactly these documents and swaps it in atomically: searches see
	 * the old index until the swap, then the new one. Upserts and removals made meanwhile are
	 * not lost.
	 */
	replaceAll(docs: readonly SearchDocument[]): Promise<void>;
	/** Adds or replaces documents by id (idempotent). */
	upsert(docs: readonly SearchDocument[]): Promise<void>;
	/** Removes documents by id; unknown ids are ignored. */
	remove(ids: readonly string[]): Promise<void>;
	search(query: SearchQuery): Promise<SearchResult>;
	/**
	 * Optional: for a query that found nothing, queries with its words spelled as the index
	 * spells them, each finding offers (with `filters`, or else without). Meilisearch has none.
	 */
	suggest?(q: string, filters?: SearchFilters): Promise<string[]>;
	health(): Promise<EngineHealth>;
	/** Documents in the live index and the newest change among them. */
	state(): Promise<IndexState>;
}

/** Thrown by an engine that cannot answer yet (e.g. its index is still being built). */
export class SearchUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SearchUnavailableError';
	}
}
