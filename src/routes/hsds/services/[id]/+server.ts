/**
 * GET /hsds/services/{id}: one published offer as a full HSDS service (organization, location,
 * languages, schedules, costs); 400 for an id that is no UUID, 404 when no published offer has it.
 */
import { service } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => service(params.id, url);
