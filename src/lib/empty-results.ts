/**
 * What the start page shows when a search finds nothing (the server builds it in
 * $lib/server/empty-results.ts, _components/EmptyResults.svelte shows it). Types only, so
 * that the browser's code never imports the server's.
 */
import type { OrganisationKind } from '$lib/types';

/** A category to look in, with the offers it has and the query string that shows them. */
export interface NearCategory {
	value: string;
	count: number;
	/** `q=…&category=…` without the leading `?`. */
	search: string;
}

/** Someone to ask: an organisation that holds a counselling offer, and that offer. */
export interface HelpContact {
	organisation: string;
	kind: OrganisationKind;
	phone: string | null;
	email: string | null;
	offer_id: string;
	offer_title: string;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	district_name: string | null;
}

export interface EmptyResultsHelp {
	/** Offers the words find without the filters; null when there are no words or no filters. */
	withoutFilters: number | null;
	/** Other spellings of the words, each with the query string that searches them. */
	suggestions: { q: string; search: string }[];
	/** Where the words (or a suggestion) find offers, else every category with offers. */
	categories: NearCategory[];
	/** Whether `categories` are related to the words rather than simply all categories. */
	categoriesRelated: boolean;
	contacts: HelpContact[];
}
