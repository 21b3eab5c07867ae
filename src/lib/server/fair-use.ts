/**
 * Fair use of the expensive routes, held in memory only: per client, a cap on requests in
 * flight and a number of requests per minute; past either, 429 with Retry-After. A client is
 * its address (behind a proxy, set adapter-node's ADDRESS_HEADER), kept only as a keyed hash
 * with a secret made at start, and forgotten when its minute is over: no cookie, no log, no
 * address on disk.
 *
 *   const limiter = new FairUse();
 *   const verdict = limiter.admit(clientAddress, 'feed');   // { ok: true, release } or 429 data
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Route classes with their own budget per client and minute. */
export type RouteClass = 'feed' | 'search' | 'sign-in' | 'page';

export const PER_MINUTE: Readonly<Record<RouteClass, number>> = {
	// calendar feeds and GeoJSON: a calendar app polls a few times an hour
	feed: 30,
	// search as you type: a query per key stroke, a few hundred characters a minute
	search: 120,
	// passwords are not for guessing
	'sign-in': 10,
	// pages and API reads: only the cap on requests in flight
	page: Infinity
};

/** Requests of one client in flight at once (a browser opens six connections per host). */
export const MAX_IN_FLIGHT = 6;

const WINDOW_MS = 60_000;

interface ClientState {
	inFlight: number;
	counts: Partial<Record<RouteClass, number>>;
}

export type Verdict =
	| { ok: true; release: () => void }
	| { ok: false; retryAfterSeconds: number; reason: 'rate' | 'concurrency' };

export class FairUse {
	readonly #secret = randomBytes(32);
	readonly #now: () => number;
	#clients = new Map<string, ClientState>();
	#windowStart: number;

	constructor(options: { now?: () => number } = {}) {
		this.#now = options.now ?? Date.now;
		this.#windowStart = this.#now();
	}

	/** Clients with state in this window (for tests and the bench). */
	get clients(): number {
		return this.#clients.size;
	}

	/** Lets a request of `address` to a route of `routeClass` in, or says when to come back. */
	admit(address: string, routeClass: RouteClass): Verdict {
		const now = this.#now();
		if (now - this.#windowStart >= WINDOW_MS) {
			// a new minute: counts start again, idle clients are forgotten
			const busy = new Map<string, ClientState>();
			for (const [key, state] of this.#clients) {
				if (state.inFlight > 0) busy.set(key, { inFlight: state.inFlight, counts: {} });
			}
			this.#clients = busy;
			this.#windowStart = now;
		}
		const key = createHmac('sha256', this.#secret).update(address).digest('base64url');
		let state = this.#clients.get(key);
		if (!state) {
			state = { inFlight: 0, counts: {} };
			this.#clients.set(key, state);
		}
		const retryAfterSeconds = Math.max(1, Math.ceil((this.#windowStart + WINDOW_MS - now) / 1000));
		const count = (state.counts[routeClass] ?? 0) + 1;
		if (count > PER_MINUTE[routeClass]) return { ok: false, retryAfterSeconds, reason: 'rate' };
		if (state.inFlight >= MAX_IN_FLIGHT) {
			return { ok: false, retryAfterSeconds: 1, reason: 'concurrency' };
		}
		state.counts[routeClass] = count;
		state.inFlight++;
		const held = state;
		let released = false;
		return {
			ok: true,
			release: () => {
				if (released) return;
				released = true;
				held.inFlight--;
			}
		};
	}
}
