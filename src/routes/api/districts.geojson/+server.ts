/**
 * GET /api/districts.geojson: every district as a GeoJSON polygon feature (`id` and `slug`,
 * `name`, `population`, `geometry_is_demo`), as the map draws them. It takes no parameters: any
 * is answered with 400 and `{ "error": { "parameter", "message" } }`, like the other endpoints.
 */
import { API_HEADERS, apiError, orApiError } from '$lib/server/api';
import * as publicReads from '$lib/server/data/public-reads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const [name] = url.searchParams.keys();
	if (name !== undefined) {
		const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
		return apiError(400, {
			parameter: name,
			message: `'${shown}' is not a parameter here; this endpoint takes none`
		});
	}
	const collection = await orApiError(publicReads.districtsGeojson());
	if (collection instanceof Response) return collection;
	return new Response(JSON.stringify(collection), {
		headers: {
			...API_HEADERS,
			'content-type': 'application/geo+json; charset=utf-8',
			// districts change with an import, a few times a year
			'cache-control': 'public, max-age=3600'
		}
	});
};
