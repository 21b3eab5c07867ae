/**
 * GET /map/basemap.pmtiles: the city's basemap, a PMTiles extract of its area
 * (`MAP_BASEMAP_PMTILES`, a path on the server), with HTTP ranges: MapLibre reads it tile by
 * tile through the `pmtiles` protocol, from our own origin. 404 when none is configured.
 */
import { env } from '$env/dynamic/private';
import { serveFile } from '../file-range';
import type { RequestHandler } from './$types';

const TYPE = 'application/vnd.pmtiles';

export const GET: RequestHandler = ({ request }) =>
	serveFile(env.MAP_BASEMAP_PMTILES?.trim(), request, TYPE);
// HEAD: SvelteKit answers it with GET, and serveFile sends no body for it
