/**
 * Compression of dynamic answers (HTML, JSON, GeoJSON, iCalendar): brotli or gzip, as the
 * client accepts, in Node's thread pool so that the event loop stays free.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Smaller answers are sent as they are: compressing them saves nothing worth the time. */
export const MIN_COMPRESS_BYTES = 1_024;

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|geo\+json|javascript|xml|manifest\+json))/i;

/** Whether answers of this content type are worth compressing. */
export function isCompressible(contentType: string | null): boolean {
	return contentType !== null && COMPRESSIBLE.test(contentType);
}

/** The best encoding the client accepts (`Accept-Encoding`), or null for none. */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		accepted.set(name, q === undefined ? 1 : Number(q));
	}
	const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
	if (allows('br')) return 'br';
	if (allows('gzip')) return 'gzip';
	return null;
}

/** The body compressed; brotli at quality 5, about gzip's speed and a sixth smaller. */
export function compress(body: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
	return encoding === 'br'
		? brotli(body, {
				params: {
					[zlib.constants.BROTLI_PARAM_QUALITY]: 5,
					[zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzip(body, { level: 6 });
}
