/**
 * The portal's frame: city, current integration concept and counts, through `portal_info()`.
 *
 *   import * as portal from '$lib/server/data/portal';
 *   const info = await portal.info(locals.supabase);
 */
import type { PortalInfo } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export async function info(supabase: Supabase): Promise<PortalInfo> {
	const { data, error } = await supabase.rpc('portal_info');
	if (error) throw fromPostgrestError('portal_info', error);
	const info = data as unknown as PortalInfo;
	return {
		...info,
		offer_count: Number(info.offer_count),
		district_count: Number(info.district_count)
	};
}
