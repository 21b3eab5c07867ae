/**
 * Compresses dynamic answers the other handles did not (the response cache sends its own
 * compressed copies): HTML, JSON, GeoJSON and iCalendar above 1 KB, brotli or gzip as the
 * client accepts.
 */
import type { Handle } from '@sveltejs/kit';
import { compress, isCompressible, MIN_COMPRESS_BYTES, negotiateEncoding } from '../cache/encoding';

export const compression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const encoding = negotiateEncoding(event.request.headers.get('accept-encoding'));
	if (
		!encoding ||
		event.request.method === 'HEAD' ||
		!response.body ||
		response.headers.has('content-encoding') ||
		!isCompressible(response.headers.get('content-type'))
	) {
		return response;
	}
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	if (body.byteLength < MIN_COMPRESS_BYTES) {
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const compressed = await compress(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(compressed.byteLength));
	return new Response(compressed as BodyInit, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
