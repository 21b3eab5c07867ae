/**
 * CORS of the open read APIs: every answer under `/api` and `/hsds` may be read from any origin, errors
 * included (the endpoints' own, SvelteKit's 404 and 405, and a failure of a later handle), and a
 * preflight `OPTIONS` to any such path is answered here with 204. Nothing else is touched.
 */
import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { apiError, isApiPath, orApiError } from '../api';

/** What a preflight is told: reading is allowed, with the headers a browser's fetch may add. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, OPTIONS',
	'access-control-allow-headers':
		'accept, accept-language, content-language, content-type, cache-control, ' +
		'if-none-match, if-modified-since',
	// a day; browsers cap it lower (Chromium at two hours)
	'access-control-max-age': '86400',
	allow: 'GET, HEAD, OPTIONS'
};

/** `response` readable from any origin (a copy when its headers are immutable). */
function withAllowOrigin(response: Response): Response {
	try {
		response.headers.set('access-control-allow-origin', '*');
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set('access-control-allow-origin', '*');
		return copy;
	}
}

export const cors: Handle = async ({ event, resolve }) => {
	if (!isApiPath(event.url.pathname)) return resolve(event);
	if (event.request.method === 'OPTIONS') {
		return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
	}
	try {
		// a database failure in a later handle becomes the API's 503, as in the endpoints
		return withAllowOrigin(await orApiError(Promise.resolve(resolve(event))));
	} catch (caught) {
		// Any other failure of a later handle (an endpoint's own errors are answered inside
		// resolve): SvelteKit would answer without the header, so the API answers itself.
		if (isRedirect(caught)) throw caught;
		if (isHttpError(caught)) return apiError(caught.status, { message: caught.body.message });
		console.error(`[${event.request.method} ${event.url.pathname}] 500`, caught);
		return apiError(500, { message: 'the request could not be answered' });
	}
};
