/**
 * One offer for the staff offer page and its history, through the functions of
 * 20261202090000_offer_currency.sql. Both answer only for offers the caller may edit: `get`
 * gives null for any other id (and for one that does not exist), `history` a DataError with
 * status 403.
 *
 *   import * as staffOffer from '$lib/server/data/staff-offer';
 *   const row = await staffOffer.get(locals.supabase, id);
 *   const entries = await staffOffer.history(locals.supabase, id);
 */
import type { StaffOfferRow } from '$lib/staff/dashboard';
import type { HistoryEntry } from '$lib/staff/history';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** How many changes the page shows at most. */
export const HISTORY_LIMIT = 100;

/** The offer as the dashboard's rows describe it, or null when the caller may not edit it. */
export async function get(supabase: Supabase, id: string): Promise<StaffOfferRow | null> {
	const { data, error } = await supabase.rpc('staff_offer', { p_offer_id: id });
	if (error) throw fromPostgrestError('staff_offer', error);
	return ((data ?? [])[0] ?? null) as unknown as StaffOfferRow | null;
}

/** The offer's changes, newest first, at most `limit`. */
export async function history(
	supabase: Supabase,
	id: string,
	limit = HISTORY_LIMIT
): Promise<HistoryEntry[]> {
	const { data, error } = await supabase.rpc('offer_history', { p_offer_id: id, p_limit: limit });
	if (error) throw fromPostgrestError('offer_history', error);
	return (data ?? []) as unknown as HistoryEntry[];
}
