/**
 * GET /hsds/service_at_locations: the published offers that have a place, each with its
 * location and service; the parameters of /hsds/services.
 */
import { serviceList } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	serviceList(url, locals.supabase, 'service_at_locations');
