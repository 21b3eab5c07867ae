/**
 * Schedules of many offers at once, through `offer_schedules()`: the search finds the offers,
 * this adds when and where they take place ("this week", the calendar feeds).
 *
 *   import * as schedules from '$lib/server/data/schedules';
 *   const byOffer = await schedules.ofOffers(locals.supabase, hits.map((hit) => hit.id));
 */
import { searchAllOffers, type SearchQuery } from '$lib/server/search';
import type { OfferSummary, Schedule } from '$lib/types';
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

/** An offer the search found, with where and when it takes place. */
export interface ScheduledOffer extends OfferSummary {
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	updated_at: string | null;
	schedules: Schedule[];
}

export interface ScheduledOffers {
	/** The offers in the search's order, at most `max`. */
	offers: ScheduledOffer[];
	/** All offers that match, also those beyond `max`. */
	total: number;
	/** Whether the search engine failed and the database answered with plain filters. */
	degraded: boolean;
}

/**
 * The offers a search finds (every page, up to `max`) with their schedules: for views of
 * dates across many offers. `query.limit` and `query.offset` are ignored.
 * @throws when the database fails (also when the search fell back to it)
 */
export async function search(
	supabase: Supabase,
	query: SearchQuery,
	options: { max: number }
): Promise<ScheduledOffers> {
	const { offers: found, total, degraded } = await searchAllOffers(supabase, query, options.max);
	const byOffer = await ofOffers(
		supabase,
		found.map((offer) => offer.id)
	);
	const offers: ScheduledOffer[] = [];
	for (const offer of found) {
		const extra = byOffer.get(offer.id);
		// published when searched, unpublished since: left out
		if (!extra) continue;
		const { offer_id: _id, ...where } = extra;
		// the search's row is the list's row (category as text)
		offers.push({ ...(offer as OfferSummary), ...where });
	}
	return { offers, total, degraded };
}
