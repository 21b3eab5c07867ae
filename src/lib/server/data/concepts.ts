/**
 * A city's integration concepts, for the city office.
 *
 *   import * as concepts from '$lib/server/data/concepts';
 *   const list = await concepts.list(locals.supabase);
 */
import type { Database } from '$lib/database.types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type ConceptChoice = Database['public']['Functions']['city_concepts']['Returns'][number];

/** The concepts, the current one first, then the newest, with their number of measures. */
export async function list(supabase: Supabase): Promise<ConceptChoice[]> {
	const { data, error } = await supabase.rpc('city_concepts');
	if (error) throw fromPostgrestError('city_concepts', error);
	return data;
}
