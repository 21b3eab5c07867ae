/** GET /hsds/service_at_locations/{id}: one offer's place with its location and full service. */
import { serviceAtLocation } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => serviceAtLocation(params.id, url);
