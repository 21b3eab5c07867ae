/** GET /hsds/organizations/{id}: one organisation with its published services. */
import { organization } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => organization(params.id, url);
