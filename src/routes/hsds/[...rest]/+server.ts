/** Any other path under /hsds, with any method: 404 as the API's JSON error. */
import { apiError } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = () =>
	apiError(404, {
		message:
			'there is no endpoint here; the HSDS endpoints are /hsds/, /hsds/services, ' +
			'/hsds/services/{id}, /hsds/service_at_locations, /hsds/service_at_locations/{id}, ' +
			'/hsds/organizations and /hsds/organizations/{id}'
	});
