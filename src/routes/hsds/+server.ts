/**
 * GET /hsds/ (and /hsds): the root of the Open Referral HSDS 3.0 API, its version and profile
 * (see $lib/server/hsds and the README's API section).
 */
import { root } from '$lib/server/hsds/answers';
import type { RequestHandler } from './$types';

// HSDS clients call the root as `…/hsds/`: answered with and without the slash
export const trailingSlash = 'ignore';

export const GET: RequestHandler = ({ url }) => root(url);
