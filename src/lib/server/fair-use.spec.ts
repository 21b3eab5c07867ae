import { describe, expect, it } from 'vitest';
import { FairUse, MAX_IN_FLIGHT, PER_MINUTE } from './fair-use';

describe('FairUse', () => {
	it('answers 429 past the budget of a minute, with the seconds left, per client', () => {
		let now = 0;
		const limiter = new FairUse({ now: () => now });
		for (let i = 0; i < PER_MINUTE.feed; i++) {
			const verdict = limiter.admit('203.0.113.1', 'feed');
			expect(verdict.ok).toBe(true);
			if (verdict.ok) verdict.release();
		}
		now = 45_000;
		expect(limiter.admit('203.0.113.1', 'feed')).toEqual({
			ok: false,
			reason: 'rate',
			retryAfterSeconds: 15
		});
		// another client, and another kind of route, still go in
		expect(limiter.admit('203.0.113.2', 'feed').ok).toBe(true);
		expect(limiter.admit('203.0.113.1', 'page').ok).toBe(true);
		now = 60_000;
		expect(limiter.admit('203.0.113.1', 'feed').ok).toBe(true);
	});

	it('caps the requests of one client in flight', () => {
		const limiter = new FairUse();
		const held = Array.from({ length: MAX_IN_FLIGHT }, () => limiter.admit('a', 'page'));
		expect(held.every((verdict) => verdict.ok)).toBe(true);
		expect(limiter.admit('a', 'page')).toMatchObject({ ok: false, reason: 'concurrency' });
		const first = held[0];
		if (first.ok) {
			first.release();
			first.release(); // twice is once
		}
		expect(limiter.admit('a', 'page').ok).toBe(true);
		expect(limiter.admit('a', 'page').ok).toBe(false);
	});

	it('forgets idle clients when their minute is over', () => {
		let now = 0;
		const limiter = new FairUse({ now: () => now });
		const verdict = limiter.admit('198.51.100.7', 'search');
		if (verdict.ok) verdict.release();
		expect(limiter.clients).toBe(1);
		now = 61_000;
		limiter.admit('198.51.100.8', 'page');
		expect(limiter.clients).toBe(1);
	});
});
