/** GET /hsds/organizations: the organisations holding published offers, by name (`search`). */
import { organizationList } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => organizationList(url);
