/**
 * The offers a signed-in person may edit, and the dashboard's bulk actions on them, through the
 * functions of 20261201110000_staff_offers.sql. Row level security decides which offers a call
 * sees and changes: an id the caller may not change is left alone, and the counts say how many
 * were changed. More than 500 ids are refused (400, error.invalid_input).
 *
 *   import * as staffOffers from '$lib/server/data/staff-offers';
 *   const rows = await staffOffers.list(locals.supabase, organisationId);
 *   const confirmed = await staffOffers.confirmCurrent(locals.supabase, ids);
 */
import type { StaffOfferRow } from '$lib/staff/dashboard';
import type { PublicationState } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** The offers the caller may edit; of one organisation when `organisationId` is given. */
export async function list(
	supabase: Supabase,
	organisationId: string | null = null
): Promise<StaffOfferRow[]> {
	const { data, error } = await supabase.rpc(
		'staff_offers',
		organisationId ? { p_organisation_id: organisationId } : {}
	);
	if (error) throw fromPostgrestError('staff_offers', error);
	return (data ?? []) as unknown as StaffOfferRow[];
}

/** Confirms the offers as still current today; returns how many the caller could confirm. */
export async function confirmCurrent(supabase: Supabase, ids: readonly string[]): Promise<number> {
	const { data, error } = await supabase.rpc('confirm_offers_current', { p_ids: [...ids] });
	if (error) throw fromPostgrestError('confirm_offers_current', error);
	return data;
}

/** Sets the offers' publication state; returns how many are in that state now. */
export async function setState(
	supabase: Supabase,
	ids: readonly string[],
	state: PublicationState
): Promise<number> {
	const { data, error } = await supabase.rpc('set_offers_state', {
		p_ids: [...ids],
		p_state: state
	});
	if (error) throw fromPostgrestError('set_offers_state', error);
	return data;
}

/** Copies the offers as drafts; returns the copies' ids. */
export async function duplicate(supabase: Supabase, ids: readonly string[]): Promise<string[]> {
	const { data, error } = await supabase.rpc('duplicate_offers', { p_ids: [...ids] });
	if (error) throw fromPostgrestError('duplicate_offers', error);
	return data ?? [];
}
