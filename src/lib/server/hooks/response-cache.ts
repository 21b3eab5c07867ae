/**
 * Anonymous GET requests for public pages and the read API are answered from the response
 * cache ($lib/server/cache/responses): keyed by path and query (the locale is in the path),
 * dropped when the data changes and after a minute. Concurrent misses of one address render it
 * once. Every cacheable answer carries an ETag, and a matching If-None-Match gets 304: a phone
 * that has the page already loads nothing again.
 *
 * Not cached: requests with credentials (a cookie or Authorization header), the staff and city
 * areas, searches near a point (a visitor's position is not kept), answers that are not 200,
 * set a cookie or say private/no-store.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { negotiateEncoding } from '../cache/encoding';
import { currentEpoch } from '../cache/epoch';
import { ResponseCache, type CachedResponse } from '../cache/responses';
import { isSessionPath } from '../../staff/session-paths';

export const responses = new ResponseCache();

const CACHEABLE_TYPES = /^(?:text\/html|application\/(?:json|geo\+json|xml)|text\/calendar)\b/i;

function cacheKey(event: RequestEvent): string | null {
	const { request, url } = event;
	if (request.method !== 'GET' && request.method !== 'HEAD') return null;
	if (request.headers.has('cookie') || request.headers.has('authorization')) return null;
	if (isSessionPath(url.pathname) || url.searchParams.has('near')) return null;
	return url.pathname + url.search;
}

function isCacheable(response: Response): boolean {
	const cacheControl = response.headers.get('cache-control') ?? '';
	return (
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		!response.headers.has('content-encoding') &&
		!/private|no-store/i.test(cacheControl) &&
		CACHEABLE_TYPES.test(response.headers.get('content-type') ?? '')
	);
}

/** The answer to `request` from `entry`: 304, HEAD without body, or the body as accepted. */
async function serve(request: Request, entry: CachedResponse, hit: boolean): Promise<Response> {
	const headers = new Headers(entry.headers);
	headers.set('etag', entry.etag);
	headers.append('vary', 'Accept-Encoding');
	headers.set('x-cache', hit ? 'hit' : 'miss');
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((tag) => tag.trim() === entry.etag)) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const body = encoding ? await responses.encoded(entry, encoding) : entry.body;
	if (encoding) headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.byteLength));
	return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
		status: entry.status,
		headers
	});
}

/** Renders in flight, by key: later requests for the same address wait for the first. */
const rendering = new Map<string, Promise<CachedResponse | null>>();

export const responseCache: Handle = async ({ event, resolve }) => {
	const key = cacheKey(event);
	if (key === null) return resolve(event);
	const cached = responses.get(key);
	if (cached) return serve(event.request, cached, true);

	const pending = rendering.get(key);
	if (pending) {
		const entry = await pending;
		// the first render was not cacheable: this one renders for itself
		return entry ? serve(event.request, entry, true) : resolve(event);
	}

	const epoch = currentEpoch();
	let answer: Response | undefined;
	const render = (async () => {
		answer = await resolve(event);
		if (!isCacheable(answer) || event.request.method === 'HEAD') return null;
		const body = new Uint8Array(await answer.arrayBuffer());
		return responses.put(key, epoch, answer, body);
	})();
	rendering.set(key, render);
	try {
		const entry = await render;
		return entry ? serve(event.request, entry, false) : answer!;
	} finally {
		rendering.delete(key);
	}
};
