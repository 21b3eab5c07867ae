/**
 * Schedules of many offers at once, through `offer_schedules()`: the search finds the offers,
 * this adds when and where they take place ("this week", the calendar feeds; visitors read
 * them through public-reads.ts, which caches them).
 *
 *   import * as schedules from '$lib/server/data/schedules';
 *   const byOffer = await schedules.ofOffers(supabase, hits.map((hit) => hit.id));
 */
import type { Schedule } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** Where and when one offer takes place. */
export interface OfferSchedules {
	offer_id: string;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	/** When the offer last changed (ISO 8601). */
	updated_at: string;
	schedules: Schedule[];
}

/** Ids per call of `offer_schedules()`, the most it takes. */
const BATCH = 1000;

/**
 * The schedules of the given offers, by offer id. Offers that are not published (or not
 * visible to the caller) are missing from the map.
 */
export async function ofOffers(
	supabase: Supabase,
	ids: readonly string[]
): Promise<Map<string, OfferSchedules>> {
	const result = new Map<string, OfferSchedules>();
	const unique = [...new Set(ids)];
	for (let start = 0; start < unique.length; start += BATCH) {
		const { data, error } = await supabase.rpc('offer_schedules', {
			p_ids: unique.slice(start, start + BATCH)
		});
		if (error) throw fromPostgrestError('offer_schedules', error);
		for (const row of (data ?? []) as unknown as OfferSchedules[]) result.set(row.offer_id, row);
	}
	return result;
}
