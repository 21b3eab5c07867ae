/**
 * The city office's coverage: which districts the published offers reach in which field of
 * action and category (city_coverage), and the offers behind each number
 * (city_coverage_offers, by the same rules).
 *
 *   import * as coverage from '$lib/server/data/coverage';
 *   const matrix = await coverage.get(locals.supabase, { targetGroup: 'women' });
 *   const list = await coverage.offers(locals.supabase, { district: 'st-mang', field: '1' });
 */
import type { Coverage, CoverageOffer } from '$lib/coverage/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type { Coverage, CoverageOffer };

/** The gaps city_coverage_offers lists. */
export const OFFER_GAPS = ['without_measure', 'without_point', 'without_district'] as const;
export type OfferGap = (typeof OFFER_GAPS)[number];

export interface CoverageQuery {
	/** Concept slug; the current one when missing. */
	concept?: string | null;
	/** Only offers for this target group (or for everyone). */
	targetGroup?: string | null;
}

export interface CoverageOffersQuery extends CoverageQuery {
	/** District slug; without it (and without a gap) the offers in any district. */
	district?: string | null;
	/** Field of action code (not with `category`). */
	field?: string | null;
	/** Category slug (not with `field`). */
	category?: string | null;
	gap?: OfferGap | null;
}

function definedArgs(args: Record<string, string | null | undefined>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(args).filter((entry): entry is [string, string] => !!entry[1])
	);
}

/** The matrix and the gap lists; PT404 (not found) when the city has no such concept. */
export async function get(supabase: Supabase, query: CoverageQuery = {}): Promise<Coverage> {
	const { data, error } = await supabase.rpc(
		'city_coverage',
		definedArgs({ p_concept: query.concept, p_target_group: query.targetGroup })
	);
	if (error) throw fromPostgrestError('city_coverage', error);
	return data as unknown as Coverage;
}

/** The offers behind one number of `get`, by title; unknown keys are invalid input (400). */
export async function offers(
	supabase: Supabase,
	query: CoverageOffersQuery
): Promise<CoverageOffer[]> {
	const { data, error } = await supabase.rpc(
		'city_coverage_offers',
		definedArgs({
			p_concept: query.concept,
			p_target_group: query.targetGroup,
			p_district: query.district,
			p_field: query.field,
			p_category: query.category,
			p_gap: query.gap
		})
	);
	if (error) throw fromPostgrestError('city_coverage_offers', error);
	// the generated type cannot say that a left-joined district may be null
	return data as CoverageOffer[];
}
