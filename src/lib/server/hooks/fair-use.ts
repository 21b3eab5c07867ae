/**
 * Fair use per client (FairUse in $lib/server/fair-use): every dynamic request keeps to a pace
 * and a cap on requests in flight, waiting for its turn when a client sends many at once;
 * feeds and GeoJSON, searches and sign-in also have a budget per minute. Past them: 429 with
 * Retry-After. FAIR_USE=off turns it off (for test suites that send everything from one
 * address).
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { isApiPath } from '../api';
import { FairUse, type RouteClass } from '../fair-use';

const limiter = new FairUse();

const FEEDS = /(?:\.ics|\.geojson|\.xml)$/;
const SIGN_IN = /^\/(?:staff|city)\/sign-in(?:\/|$)/;

function routeClass({ request, url }: RequestEvent): RouteClass {
	if (request.method === 'POST' && SIGN_IN.test(url.pathname)) return 'sign-in';
	if (FEEDS.test(url.pathname)) return 'feed';
	if (url.searchParams.get('q')) return 'search';
	if (url.searchParams.get('search') && url.pathname.startsWith('/hsds/')) return 'search';
	return 'page';
}

function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		// ADDRESS_HEADER is set but the proxy did not send it
		return 'unknown';
	}
}

export const fairUse: Handle = async ({ event, resolve }) => {
	if (env.FAIR_USE === 'off') return resolve(event);
	const verdict = await limiter.admit(clientAddress(event), routeClass(event));
	if (!verdict.ok) {
		const api = isApiPath(event.url.pathname);
		const message =
			verdict.reason === 'rate'
				? 'too many requests from your address; please wait a minute'
				: 'too many requests from your address at once; please wait a moment';
		return new Response(api ? JSON.stringify({ error: { message } }) : message, {
			status: 429,
			headers: {
				'retry-after': String(verdict.retryAfterSeconds),
				'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
				'cache-control': 'no-store'
			}
		});
	}
	try {
		return await resolve(event);
	} finally {
		verdict.release();
	}
};
