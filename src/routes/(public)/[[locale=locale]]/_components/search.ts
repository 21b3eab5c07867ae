/**
 * The start page's search as its components see it: the facet groups the server sends, and the
 * addresses the form, "near me" and the pagination lead to. Kept apart from the zod schema
 * (`$lib/schemas/search-query`), so that the browser never loads zod.
 */
import type { OfferSummary } from '$lib/types';

/** One value of a facet: how many offers it would find, and whether it is chosen. */
export interface FacetOption {
	value: string;
	count: number;
	selected: boolean;
}

/** A facet whose values are alternatives (checkboxes with the same name). */
export interface ListFacetGroup {
	name: 'category' | 'district' | 'language' | 'target_group' | 'weekday' | 'german_level';
	options: FacetOption[];
}

/** A yes/no facet, offered as one checkbox (`free=true`). */
export interface FlagFacet {
	name: 'free' | 'childcare' | 'women_only' | 'wheelchair';
	count: number;
	selected: boolean;
}

/** An offer of the list, with its distance in metres when sorted by distance. */
export interface ResultOffer extends OfferSummary {
	distance: number | null;
}

/** Parameters that a new search drops: the page (a new list starts at 1). */
const RESET_ON_SEARCH = ['page'];

/**
 * The query string (`?…`, or '' when empty) of a GET form as the browser would submit it,
 * without empty values, so that the address stays short.
 */
export function formSearch(form: HTMLFormElement): string {
	const params = new URLSearchParams();
	for (const [name, value] of new FormData(form)) {
		if (typeof value === 'string' && value.trim() !== '') params.append(name, value);
	}
	return params.size ? `?${params}` : '';
}

/**
 * `search` (a query string, `?` or not) with `name` set to `value`, or removed with null; a
 * change of anything but the page starts at page 1 again.
 */
export function withParam(search: string, name: string, value: string | null): string {
	const params = new URLSearchParams(search);
	if (name !== 'page') for (const reset of RESET_ON_SEARCH) params.delete(reset);
	if (value === null) params.delete(name);
	else params.set(name, value);
	// a comma needs no escaping in a query: `near=47.727,10.314` stays readable
	const query = params.toString().replaceAll('%2C', ',');
	return query ? `?${query}` : '';
}

/** A position rounded to 3 decimals (about 100 m), as `near` carries it: `47.727,10.314`. */
export function nearValue(latitude: number, longitude: number): string {
	return `${latitude.toFixed(3)},${longitude.toFixed(3)}`;
}
