/**
 * Any other path under /api, with any method: 404 as the API's JSON error, rather than the
 * portal's HTML error page.
 */
import { apiError } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = () =>
	apiError(404, {
		message:
			'there is no endpoint here; the endpoints are /api/offers, /api/offers/{id}, ' +
			'/api/offers.ics, /api/offers.geojson, /api/districts.geojson, /api/concept and ' +
			'/api/concept/fields/{code}'
	});
