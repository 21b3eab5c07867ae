/**
 * A Stadtteilbüro's public facts through district_offices, get_office_facts and
 * save_office_facts (20261203141700_office_facts.sql). Row level security and the functions
 * decide who may change them: the organisation's staff and the city's admins (403 otherwise,
 * 409 when someone saved meanwhile, 400 for facts the database refuses).
 *
 *   import * as offices from '$lib/server/data/offices';
 *   const list = await offices.forDistrict(locals.supabase, 'sankt-mang');
 */
import type { Json } from '$lib/database.types';
import type { Office, OfficeFactsInput, OfficeForEdit } from '$lib/office';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** The offices serving a district, or the nearest one (`nearest: true`); [] for none. */
export async function forDistrict(supabase: Supabase, slug: string): Promise<Office[]> {
	const { data, error } = await supabase.rpc('district_offices', { p_slug: slug });
	if (error) throw fromPostgrestError('district_offices', error);
	return (data ?? []) as unknown as Office[];
}

/** One organisation's facts for its staff page; null when there is no such organisation. */
export async function forEdit(
	supabase: Supabase,
	organisationId: string
): Promise<OfficeForEdit | null> {
	const { data, error } = await supabase.rpc('get_office_facts', {
		p_organisation_id: organisationId
	});
	if (error) throw fromPostgrestError('get_office_facts', error);
	return (data ?? null) as unknown as OfficeForEdit | null;
}

/** Saves the facts against the version read; returns the new version. */
export async function save(
	supabase: Supabase,
	organisationId: string,
	facts: OfficeFactsInput,
	version: number
): Promise<number> {
	const { data, error } = await supabase.rpc('save_office_facts', {
		p_organisation_id: organisationId,
		p_facts: facts as unknown as Json,
		p_version: version
	});
	if (error) throw fromPostgrestError('save_office_facts', error);
	return data;
}
