/**
 * Usage counts without tracking (src/lib/server/usage/): every successful GET answer (200, or
 * 304 to a phone that has the page) of a public page or the API is counted by day, route kind
 * and locale. It sits before the response cache, so answers from the cache count too, and after
 * the locale's redirects and fair use's refusals, which do not. Not counted: the staff and city
 * areas (the office's own work would mix with the public's figures, and its staff are few and
 * known), static and build files, and the service worker's own copy of an offer page
 * (`x-offline-copy`: the visit was counted when its data was loaded).
 *
 * The counts go to the database once a minute (USAGE_FLUSH_MS) and when the server stops.
 */
import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import * as usage from '../data/usage';
import { createServiceSupabase } from '../supabase';
import { UsageCounter } from '../usage/counter';
import { routeUse } from '../usage/route-kind';

export const usageCounter = new UsageCounter();

export const usageCounts: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const { request } = event;
	if (
		request.method === 'GET' &&
		(response.status === 200 || response.status === 304) &&
		!request.headers.has('x-offline-copy')
	) {
		const use = routeUse(event.url);
		if (use) usageCounter.add(use);
	}
	return response;
};

export interface UsageFlusher {
	/** Flushes now (the counts of a failed flush stay for the next). */
	flush(): Promise<void>;
	/** No more timed flushes; the last one, of what is left. */
	stop(): Promise<void>;
}

/** Flushes the counts every USAGE_FLUSH_MS (default a minute) with the service client. */
export function startUsageFlush(): UsageFlusher {
	const interval = Number(env.USAGE_FLUSH_MS) > 0 ? Number(env.USAGE_FLUSH_MS) : 60_000;
	const flush = () =>
		usageCounter.flush(async (rows) => usage.record(await createServiceSupabase(), rows));
	const timer = setInterval(() => {
		flush().catch((error: unknown) => console.error('[usage] counts not stored yet', error));
	}, interval);
	timer.unref();
	return {
		flush,
		stop: () => {
			clearInterval(timer);
			return flush();
		}
	};
}
