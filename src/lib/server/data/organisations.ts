/**
 * Organisations as the public pages name them, through `organisation_names()`.
 *
 *   import * as organisations from '$lib/server/data/organisations';
 *   const names = await organisations.names(supabase, ['vhs-kempten']); // { 'vhs-kempten': 'VHS …' }
 */
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** The names of the organisations with these slugs, by slug; unknown slugs are missing. */
export async function names(
	supabase: Supabase,
	slugs: readonly string[]
): Promise<Record<string, string>> {
	if (slugs.length === 0) return {};
	const { data, error } = await supabase.rpc('organisation_names', { p_slugs: [...slugs] });
	if (error) throw fromPostgrestError('organisation_names', error);
	return (data ?? {}) as Record<string, string>;
}
