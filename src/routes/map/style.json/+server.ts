/**
 * GET /map/style.json: the map's style. Without a configured basemap it draws the districts and
 * offers on a plain background and loads no tiles at all.
 */
import { env } from '$env/dynamic/private';
import { basemapFromEnv, buildStyle } from '../style';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	new Response(JSON.stringify(buildStyle(basemapFromEnv(env))), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
