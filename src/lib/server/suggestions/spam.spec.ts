import { describe, expect, it } from 'vitest';
import { MAX_AGE_SECONDS, SpamGuard } from './spam';

/** A guard on a clock the test moves. */
function guard(options: { perAddress?: number; secret?: string } = {}) {
	const clock = { now: 1_800_000_000_000 };
	const spam = new SpamGuard({ secret: 's3cret', ...options, now: () => clock.now });
	return { spam, clock };
}

describe('SpamGuard', () => {
	it('takes a form a person filled in', async () => {
		const { spam, clock } = guard();
		const started = spam.stamp();
		clock.now += 20_000;
		expect(await spam.judge({ honeypot: '', started, address: '203.0.113.5' })).toEqual({
			verdict: 'accept'
		});
	});

	it('holds back a filled honeypot and a form sent back within 3 seconds', async () => {
		const { spam, clock } = guard();
		const started = spam.stamp();
		clock.now += 2_900;
		expect(await spam.judge({ honeypot: '', started, address: 'a' })).toEqual({
			verdict: 'hold',
			reason: 'too-fast'
		});
		clock.now += 60_000;
		expect(await spam.judge({ honeypot: 'https://spam.example', started, address: 'a' })).toEqual({
			verdict: 'hold',
			reason: 'honeypot'
		});
	});

	it('cannot be fooled by a forged, altered, foreign or stale time stamp: the form comes back', async () => {
		const { spam, clock } = guard();
		const started = spam.stamp();
		clock.now += 10_000;
		const [time, signature] = started.split('.');
		const earlier = `${Number(time) - 60_000}.${signature}`;
		const foreign = guard({ secret: 'other' }).spam.stamp();
		for (const stamp of [earlier, foreign, '', null, `${time}.x`, `${time}`]) {
			expect(await spam.judge({ honeypot: '', started: stamp, address: 'a' })).toEqual({
				verdict: 'resend'
			});
		}
		clock.now += MAX_AGE_SECONDS * 1000;
		expect(spam.stampedAt(started)).toBeNull();
	});

	it('holds back an address past its limit, and only that address', async () => {
		const { spam, clock } = guard({ perAddress: 2 });
		const started = spam.stamp();
		clock.now += 10_000;
		const send = (address: string, honeypot = '') => spam.judge({ honeypot, started, address });
		// a held-back form counts too
		expect((await send('198.51.100.1', 'x')).verdict).toBe('hold');
		expect((await send('198.51.100.1')).verdict).toBe('accept');
		expect(await send('198.51.100.1')).toEqual({ verdict: 'hold', reason: 'rate-limit' });
		expect((await send('198.51.100.2')).verdict).toBe('accept');
	});
});
