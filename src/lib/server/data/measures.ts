/**
 * The measures of the integration concept as the offer editor offers them, through
 * `measure_choices()` (20261203113000_measure_choices.sql): the current concept's, in the
 * concept's order, and those of earlier concepts the offer is linked to already.
 *
 *   import * as measures from '$lib/server/data/measures';
 *   const choices = await measures.choices(locals.supabase, offerId);
 */
import type { MeasureChoice } from '$lib/staff/measure-choices';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** The measures to choose from; with `offerId`, also that offer's links to other concepts. */
export async function choices(
	supabase: Supabase,
	offerId: string | null = null
): Promise<MeasureChoice[]> {
	const { data, error } = await supabase.rpc(
		'measure_choices',
		offerId ? { p_offer_id: offerId } : {}
	);
	if (error) throw fromPostgrestError('measure_choices', error);
	return (data ?? []) as MeasureChoice[];
}
