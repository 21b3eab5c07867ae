/**
 * Archiving the events whose dates have all passed (`archive_past_offers()`, service_role
 * only): published and draft offers whose one-off dates and UNTIL rules have all ended. The
 * server runs it at start and daily (src/lib/server/jobs/archive-past.ts).
 *
 *   const archived = await offerArchive.archivePast(await createServiceSupabase());
 */
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** Archives the offers whose dates have all passed; returns how many. */
export async function archivePast(supabase: Supabase): Promise<number> {
	const { data, error } = await supabase.rpc('archive_past_offers');
	if (error) throw fromPostgrestError('archive_past_offers', error);
	return data;
}
