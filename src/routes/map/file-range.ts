/**
 * A file on the server answered with HTTP ranges (RFC 9110 §14), as a PMTiles reader asks for
 * it: a 16 KB header and directory first, then each tile's bytes. One range a request (what
 * PMTiles and MapLibre send); several, or none, get the whole file. The body is streamed, so a
 * basemap of hundreds of megabytes never sits in memory.
 *
 *   return serveFile('/srv/kempten.pmtiles', request, 'application/vnd.pmtiles');
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** First and last byte (inclusive), or 'unsatisfiable', or null for the whole file. */
export function parseRange(
	header: string | null,
	size: number
): [number, number] | 'unsatisfiable' | null {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	// several ranges or another unit: the whole file is a valid answer
	if (!match || (match[1] === '' && match[2] === '')) return null;
	if (match[1] === '') {
		const suffix = Number(match[2]);
		if (suffix === 0 || size === 0) return 'unsatisfiable';
		return [Math.max(0, size - suffix), size - 1];
	}
	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	if (start >= size || end < start) return 'unsatisfiable';
	return [start, end];
}

function body(path: string, start: number, end: number): ReadableStream<Uint8Array> {
	return Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
}

/** The file at `path` (or 404), the range `request` asks for (206) or all of it (200). */
export async function serveFile(
	path: string | undefined,
	request: Request,
	contentType: string
): Promise<Response> {
	const file = path ? await stat(path).catch(() => null) : null;
	if (!path || !file?.isFile()) {
		return new Response('not found', { status: 404, headers: { 'cache-control': 'no-store' } });
	}
	const size = file.size;
	const etag = `"${size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
	const headers: Record<string, string> = {
		'content-type': contentType,
		'accept-ranges': 'bytes',
		etag,
		'last-modified': file.mtime.toUTCString(),
		// a city replaces its extract a few times a year; the ETag tells a changed file
		'cache-control': 'public, max-age=86400'
	};
	const head = request.method === 'HEAD';
	// a range of another version of the file would mix two files' bytes
	const ifRange = request.headers.get('if-range');
	const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), size);
	if (range === 'unsatisfiable') {
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'content-range': `bytes */${size}` }
		});
	}
	if (range) {
		const [start, end] = range;
		return new Response(head ? null : body(path, start, end), {
			status: 206,
			headers: {
				...headers,
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': String(end - start + 1)
			}
		});
	}
	return new Response(head || size === 0 ? null : body(path, 0, size - 1), {
		status: 200,
		headers: { ...headers, 'content-length': String(size) }
	});
}
