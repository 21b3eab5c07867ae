import { describe, expect, it } from 'vitest';
import { BURST, FairUse, MAX_IN_FLIGHT, MAX_WAIT_MS, PER_MINUTE, RATE } from './fair-use';

/** A limiter on a clock that only moves when a request waits. */
function limiter() {
	const clock = { now: 0, slept: [] as number[] };
	const fairUse = new FairUse({
		now: () => clock.now,
		sleep: async (ms) => {
			clock.slept.push(ms);
			clock.now += ms;
		}
	});
	return { fairUse, clock };
}

const admitted = async (fairUse: FairUse, address: string, kind: 'page' | 'feed' = 'page') => {
	const verdict = await fairUse.admit(address, kind);
	if (verdict.ok) verdict.release();
	return verdict.ok;
};

describe('FairUse', () => {
	it('lets a burst in at once, then paces the client instead of refusing it', async () => {
		const { fairUse, clock } = limiter();
		for (let i = 0; i < BURST; i++) expect(await admitted(fairUse, 'a')).toBe(true);
		expect(clock.slept).toEqual([]);
		expect(await admitted(fairUse, 'a')).toBe(true);
		expect(clock.slept).toEqual([1000 / RATE]);
		// another client is not slowed by it
		expect(await admitted(fairUse, 'b')).toBe(true);
		expect(clock.slept).toHaveLength(1);
	});

	it('refuses, after a pause, a request whose turn is too far off', async () => {
		const { fairUse, clock } = limiter();
		const pending = Array.from({ length: BURST + RATE * (MAX_WAIT_MS / 1000) + 1 }, () =>
			fairUse.admit('a', 'page')
		);
		const verdicts = await Promise.all(pending);
		const refused = verdicts.filter((verdict) => !verdict.ok);
		expect(refused.length).toBeGreaterThan(0);
		expect(refused[0]).toMatchObject({ ok: false, reason: 'busy' });
		expect(Math.max(...clock.slept)).toBeLessThanOrEqual(MAX_WAIT_MS);
	});

	it('answers 429 past the budget of a minute, with the seconds left, per client', async () => {
		const { fairUse, clock } = limiter();
		for (let i = 0; i < PER_MINUTE.feed; i++) {
			clock.now += 1_000; // a steady client: never waits for its turn
			expect(await admitted(fairUse, '203.0.113.1', 'feed')).toBe(true);
		}
		const verdict = await fairUse.admit('203.0.113.1', 'feed');
		// its minute began with its first request, at 1 s
		expect(verdict).toEqual({ ok: false, reason: 'rate', retryAfterSeconds: 31 });
		expect(await admitted(fairUse, '203.0.113.2', 'feed')).toBe(true);
		expect(await admitted(fairUse, '203.0.113.1', 'page')).toBe(true);
		clock.now += 60_000;
		expect(await admitted(fairUse, '203.0.113.1', 'feed')).toBe(true);
	});

	it('caps the requests of one client in flight; the next waits for a free place', async () => {
		const fairUse = new FairUse();
		const held = await Promise.all(
			Array.from({ length: MAX_IN_FLIGHT }, () => fairUse.admit('a', 'page'))
		);
		expect(held.every((verdict) => verdict.ok)).toBe(true);
		let placed = false;
		const waiting = fairUse.admit('a', 'page').then((verdict) => (placed = verdict.ok));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(placed).toBe(false);
		const first = held[0];
		if (first.ok) {
			first.release();
			first.release(); // twice is once
		}
		await waiting;
		expect(placed).toBe(true);
	});

	it('forgets clients idle for a minute', async () => {
		const { fairUse, clock } = limiter();
		await admitted(fairUse, '198.51.100.7');
		expect(fairUse.clients).toBe(1);
		clock.now += 61_000;
		await admitted(fairUse, '198.51.100.8');
		expect(fairUse.clients).toBe(1);
	});
});
