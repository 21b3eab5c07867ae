/**
 * Fair use of the portal, held in memory only. Per client:
 *
 * - a steady pace: RATE requests a second, BURST at once; a request beyond it waits for its
 *   turn (at most MAX_WAIT_MS) instead of being refused, so that a client sending many at once
 *   is slowed to its share while the server serves everyone else;
 * - at most MAX_IN_FLIGHT requests being answered at once; more wait for a free place;
 * - a budget per minute for the expensive kinds of route (feeds, searches, sign-in).
 *
 * Past any of them: 429 with Retry-After, answered after a pause (MAX_WAIT_MS at most) rather
 * than at once, so that a client that does not wait cannot make the server spin on refusals.
 *
 * A client is its address (behind a proxy, set adapter-node's ADDRESS_HEADER), kept only as a
 * keyed hash with a secret made at start, and forgotten when it has been idle a minute: no
 * cookie, no log, no address on disk.
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
	// pages and API reads: only the pace and the cap on requests in flight
	page: Infinity
};

/** Requests a second a client may send steadily, and at once. */
export const RATE = 10;
export const BURST = 30;
/** Requests of one client being answered at once (a browser opens six connections per host). */
export const MAX_IN_FLIGHT = 6;
/** The longest a request waits for its turn before it is refused. */
export const MAX_WAIT_MS = 2_000;

const WINDOW_MS = 60_000;

interface ClientState {
	/** Tokens of the pace (may be below 0: requests waiting for their turn). */
	tokens: number;
	refilledAt: number;
	inFlight: number;
	/** Requests waiting for a place, first come first served. */
	queue: (() => void)[];
	counts: Partial<Record<RouteClass, number>>;
	windowStart: number;
	lastSeen: number;
}

export type Verdict =
	| { ok: true; release: () => void }
	| { ok: false; retryAfterSeconds: number; reason: 'rate' | 'busy' };

export interface FairUseOptions {
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FairUse {
	readonly #secret = randomBytes(32);
	readonly #now: () => number;
	readonly #sleep: (ms: number) => Promise<void>;
	readonly #clients = new Map<string, ClientState>();
	#sweptAt: number;

	constructor(options: FairUseOptions = {}) {
		this.#now = options.now ?? Date.now;
		this.#sleep = options.sleep ?? pause;
		this.#sweptAt = this.#now();
	}

	/** Clients the limiter remembers (for tests and the bench). */
	get clients(): number {
		return this.#clients.size;
	}

	/**
	 * Lets a request of `address` to a route of `routeClass` in, after its turn has come, or
	 * refuses it (after a pause). Call `release()` when the answer is done.
	 */
	async admit(address: string, routeClass: RouteClass): Promise<Verdict> {
		const state = this.#state(address);
		const now = this.#now();

		if (now - state.windowStart >= WINDOW_MS) {
			state.counts = {};
			state.windowStart = now;
		}
		const count = (state.counts[routeClass] ?? 0) + 1;
		if (count > PER_MINUTE[routeClass]) {
			const retryAfterSeconds = Math.ceil((state.windowStart + WINDOW_MS - now) / 1000);
			return this.#refuse(retryAfterSeconds, 'rate');
		}

		// the pace: take a token, or wait until one is due
		state.tokens = Math.min(BURST, state.tokens + ((now - state.refilledAt) / 1000) * RATE);
		state.refilledAt = now;
		const waitMs = state.tokens >= 1 ? 0 : ((1 - state.tokens) / RATE) * 1000;
		if (waitMs > MAX_WAIT_MS) return this.#refuse(Math.ceil(waitMs / 1000), 'busy');
		state.tokens -= 1;
		state.counts[routeClass] = count;
		if (waitMs > 0) await this.#sleep(waitMs);

		// a place among the client's requests in flight
		if (state.inFlight >= MAX_IN_FLIGHT) {
			const placed = await new Promise<boolean>((resolve) => {
				const take = () => {
					clearTimeout(timer);
					resolve(true);
				};
				const timer = setTimeout(() => {
					state.queue.splice(state.queue.indexOf(take), 1);
					resolve(false);
				}, MAX_WAIT_MS);
				state.queue.push(take);
			});
			if (!placed) return { ok: false, retryAfterSeconds: 1, reason: 'busy' };
		} else {
			state.inFlight++;
		}
		state.lastSeen = this.#now();
		let released = false;
		return {
			ok: true,
			release: () => {
				if (released) return;
				released = true;
				state.lastSeen = this.#now();
				// the place goes to the next waiting request, or is freed
				const next = state.queue.shift();
				if (next) next();
				else state.inFlight--;
			}
		};
	}

	async #refuse(retryAfterSeconds: number, reason: 'rate' | 'busy'): Promise<Verdict> {
		await this.#sleep(Math.min(MAX_WAIT_MS, retryAfterSeconds * 1000));
		return { ok: false, retryAfterSeconds: Math.max(1, retryAfterSeconds), reason };
	}

	#state(address: string): ClientState {
		const now = this.#now();
		if (now - this.#sweptAt >= WINDOW_MS) {
			// clients idle for a minute are forgotten
			for (const [key, state] of this.#clients) {
				if (state.inFlight === 0 && now - state.lastSeen >= WINDOW_MS) this.#clients.delete(key);
			}
			this.#sweptAt = now;
		}
		const key = createHmac('sha256', this.#secret).update(address).digest('base64url');
		let state = this.#clients.get(key);
		if (!state) {
			state = {
				tokens: BURST,
				refilledAt: now,
				inFlight: 0,
				queue: [],
				counts: {},
				windowStart: now,
				lastSeen: now
			};
			this.#clients.set(key, state);
		}
		return state;
	}
}
