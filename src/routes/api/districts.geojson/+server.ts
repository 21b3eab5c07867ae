/**
 * GET /api/districts.geojson: every district as a GeoJSON polygon feature (`id` and `slug`,
 * `name`, `population`, `geometry_is_demo`), as the map draws them.
 */
import * as districts from '$lib/server/data/districts';
import { orHttpError } from '$lib/server/data/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const collection = await orHttpError(districts.geojson(locals.supabase));
	return new Response(JSON.stringify(collection), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			// districts change with an import, a few times a year
			'cache-control': 'public, max-age=3600'
		}
	});
};
