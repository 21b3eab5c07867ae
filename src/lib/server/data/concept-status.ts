/**
 * The public implementation status of the current integration concept (public pages and API).
 *
 *   import * as conceptStatus from '$lib/server/data/concept-status';
 *   const overview = await conceptStatus.overview(supabase);        // null: no current concept
 *   const field = await conceptStatus.field(supabase, '1', 'ar');   // null: no such field
 */
import type { ConceptOverview, FieldStatus } from '$lib/concept-status';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** The current concept's fields of action with their lights; null without a current concept. */
export async function overview(supabase: Supabase): Promise<ConceptOverview | null> {
	const { data, error } = await supabase.rpc('public_concept_fields');
	if (error) throw fromPostgrestError('public_concept_fields', error);
	return data as unknown as ConceptOverview | null;
}

/** One field of action by code, offer titles in `locale` (or the fallback); null when none. */
export async function field(
	supabase: Supabase,
	code: string,
	locale: string
): Promise<FieldStatus | null> {
	const { data, error } = await supabase.rpc('public_concept_field', {
		p_field: code,
		p_locale: locale
	});
	if (error) throw fromPostgrestError('public_concept_field', error);
	return data as unknown as FieldStatus | null;
}
