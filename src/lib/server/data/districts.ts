/**
 * Districts through `list_districts()`, `get_district()` and `districts_geojson()`.
 *
 *   import * as districts from '$lib/server/data/districts';
 *   const district = await districts.get(locals.supabase, 'st-mang');
 */
import type { DistrictDetail, DistrictFeatureCollection, DistrictSummary } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** All districts by name, with population and the number of published offers. */
export async function list(supabase: Supabase): Promise<DistrictSummary[]> {
	const { data, error } = await supabase.rpc('list_districts');
	if (error) throw fromPostgrestError('list_districts', error);
	return ((data ?? []) as unknown as DistrictSummary[]).map((district) => ({
		...district,
		offer_count: Number(district.offer_count)
	}));
}

/** One district with its outline; null when no district has this slug. */
export async function get(supabase: Supabase, slug: string): Promise<DistrictDetail | null> {
	const { data, error } = await supabase.rpc('get_district', { p_slug: slug });
	if (error) throw fromPostgrestError('get_district', error);
	return (data ?? null) as unknown as DistrictDetail | null;
}

/** Every district as a GeoJSON feature, for the map. */
export async function geojson(supabase: Supabase): Promise<DistrictFeatureCollection> {
	const { data, error } = await supabase.rpc('districts_geojson');
	if (error) throw fromPostgrestError('districts_geojson', error);
	return (data ?? {
		type: 'FeatureCollection',
		features: []
	}) as unknown as DistrictFeatureCollection;
}
