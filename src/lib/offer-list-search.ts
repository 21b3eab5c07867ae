/**
 * Links to a page of an offer list, as `$lib/schemas/search-query` parses them; kept apart from
 * that zod schema, so that the browser never loads zod.
 */
import type { Category } from '$lib/types';

export interface OfferListSearch {
	district?: string;
	category?: Category;
	page?: number;
}

/** The query string for a list page: only what differs from the defaults, `?` included. */
export function offerListSearch(query: OfferListSearch): string {
	const params = new URLSearchParams();
	if (query.district) params.set('district', query.district);
	if (query.category) params.set('category', query.category);
	if (query.page && query.page > 1) params.set('page', String(query.page));
	const search = params.toString();
	return search ? `?${search}` : '';
}
