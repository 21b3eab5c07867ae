/**
 * GET /map/glyphs/{fontstack}/{start}-{end}.pbf: a range of 256 SDF glyphs, as MapLibre asks for
 * them through the style's `glyphs` URL. Drawn from a font on our own origin, never fetched from
 * a font server.
 */
import { error } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import { glyphRange } from '../../ranges';
import type { RequestHandler } from './$types';

const RANGE = /^(\d{1,5})-(\d{1,5})$/;

/** Compressed once per range: most browsers ask for gzip. */
const gzipped = new WeakMap<Uint8Array, Uint8Array>();

export const GET: RequestHandler = async ({ params, request }) => {
	const match = RANGE.exec(params.range);
	const start = match ? Number(match[1]) : NaN;
	if (!match || start % 256 !== 0 || Number(match[2]) !== start + 255 || start > 65280) {
		error(404, { message: 'error.not_found', key: 'error.not_found' });
	}
	const file = await glyphRange(params.fontstack, start);
	if (!file) error(404, { message: 'error.not_found', key: 'error.not_found' });

	const headers: Record<string, string> = {
		'content-type': 'application/x-protobuf',
		// the font changes only with a release
		'cache-control': 'public, max-age=86400',
		vary: 'accept-encoding'
	};
	const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!gzip) return new Response(file as Uint8Array<ArrayBuffer>, { headers });
	let compressed = gzipped.get(file);
	if (!compressed) {
		compressed = gzipSync(file, { level: 9 });
		gzipped.set(file, compressed);
	}
	return new Response(compressed as Uint8Array<ArrayBuffer>, {
		headers: { ...headers, 'content-encoding': 'gzip' }
	});
};
