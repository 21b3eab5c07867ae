/**
 * The list from the database alone (`filter_offers()`), for when the search engine is down:
 * the same filters, facet counts and hit shape, but the words of the query are only plain
 * substrings (no typo tolerance, no cross-language keywords, no ranking) and weekdays are
 * approximate (see the SQL function).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { emptyFacets, nearOf, pageOf } from './shared';
import { type OfferSummary, type SearchQuery, type SearchResult } from './types';
import { fromPostgrestError } from '../data/errors';

type Supabase = SupabaseClient<Database>;

interface FilterOffersResult {
	total: number;
	offers: (OfferSummary & { distance: number | null })[];
	facets: SearchResult['facets'];
}

/** An empty list means no filter; the SQL function treats null and empty alike. */
const list = (values: readonly string[] | undefined) =>
	values && values.length > 0 ? [...values] : undefined;

export async function searchDatabase(
	supabase: Supabase,
	query: SearchQuery
): Promise<SearchResult> {
	const { limit, offset } = pageOf(query);
	const filters = query.filters ?? {};
	const { data, error } = await supabase.rpc('filter_offers', {
		p_locale: query.locale,
		p_q: query.q?.trim() || undefined,
		p_category: list(filters.category),
		p_district: list(filters.district),
		p_language: list(filters.language),
		p_target_group: list(filters.target_group),
		p_weekday: list(filters.weekday),
		p_german_level: list(filters.german_level),
		p_organisation: list(filters.organisation),
		p_free: filters.free,
		p_childcare: filters.childcare,
		p_women_only: filters.women_only,
		p_wheelchair: filters.wheelchair,
		p_near_lat: nearOf(query)?.lat,
		p_near_lng: nearOf(query)?.lng,
		p_limit: limit,
		p_offset: offset
	});
	if (error) throw fromPostgrestError('filter_offers', error);
	const result = data as unknown as FilterOffersResult;
	return {
		total: Number(result.total),
		hits: result.offers.map(({ distance, ...offer }) => ({
			id: offer.id,
			score: 0,
			distance: distance === null ? null : Math.round(distance),
			offer
		})),
		facets: { ...emptyFacets(), ...result.facets }
	};
}
