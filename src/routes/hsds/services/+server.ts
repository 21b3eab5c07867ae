/**
 * GET /hsds/services: published offers as HSDS services (one-to-one fields and organization),
 * paginated as HSDS says, with `search`, `page`, `per_page`, `modified_after`,
 * `organization_id` and `locale`.
 */
import { serviceList } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	serviceList(url, locals.supabase, 'services');
