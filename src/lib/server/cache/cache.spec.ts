import { afterEach, describe, expect, it } from 'vitest';
import { negotiateEncoding } from './encoding';
import { advanceEpoch, currentEpoch } from './epoch';
import { memo } from './memo';
import { ResponseCache } from './responses';

const page = (body: string, init: ResponseInit = {}) =>
	new Response(body, { headers: { 'content-type': 'text/html' }, ...init });
const bytes = (text: string) => new TextEncoder().encode(text);

afterEach(() => advanceEpoch(currentEpoch() + 1));

describe('memo', () => {
	it('loads a key once per epoch, concurrent callers included', async () => {
		const cache = memo<number>({ max: 10 });
		let loads = 0;
		const load = async () => ++loads;
		expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
		expect(await cache.get('a', load)).toBe(1);
		advanceEpoch(currentEpoch() + 1);
		expect(await cache.get('a', load)).toBe(2);
	});

	it('keeps no failed load and no value loaded across an epoch change', async () => {
		const cache = memo<string>({ max: 10 });
		await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow();
		expect(cache.has('a')).toBe(false);
		let finish!: (value: string) => void;
		const slow = cache.get('b', () => new Promise<string>((resolve) => (finish = resolve)));
		advanceEpoch(currentEpoch() + 1);
		finish('old');
		expect(await slow).toBe('old');
		expect(cache.has('b')).toBe(false);
	});

	it('forgets the least recently used key beyond its size', async () => {
		const cache = memo<string>({ max: 2 });
		await cache.get('a', async () => 'a');
		await cache.get('b', async () => 'b');
		await cache.get('a', async () => 'again');
		await cache.get('c', async () => 'c');
		expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
	});
});

describe('ResponseCache', () => {
	it('serves an answer until it expires, with a stable ETag', () => {
		let now = 0;
		const cache = new ResponseCache({ ttlMs: 1_000, now: () => now });
		const entry = cache.put('/de', currentEpoch(), page('hello'), bytes('hello'));
		expect(cache.get('/de')?.etag).toBe(entry.etag);
		expect(cache.put('/x', currentEpoch(), page('hello'), bytes('hello')).etag).toBe(entry.etag);
		now = 1_000;
		expect(cache.get('/de')).toBeUndefined();
	});

	it('drops everything when the data changes, and keeps nothing rendered before it', () => {
		const cache = new ResponseCache();
		const before = currentEpoch();
		cache.put('/de', before, page('a'), bytes('a'));
		advanceEpoch(before + 1);
		expect(cache.size).toBe(0);
		cache.put('/de', before, page('stale'), bytes('stale'));
		expect(cache.get('/de')).toBeUndefined();
	});

	it('stays within its byte limit, least recently used first', () => {
		const cache = new ResponseCache({ maxBytes: 10 });
		cache.put('/a', currentEpoch(), page(''), bytes('aaaa'));
		cache.put('/b', currentEpoch(), page(''), bytes('bbbb'));
		cache.get('/a');
		cache.put('/c', currentEpoch(), page(''), bytes('cccc'));
		expect([!!cache.get('/a'), !!cache.get('/b'), !!cache.get('/c')]).toEqual([true, false, true]);
		expect(cache.bytes).toBeLessThanOrEqual(10);
	});

	it('compresses an answer once per encoding', async () => {
		const cache = new ResponseCache();
		const entry = cache.put('/de', currentEpoch(), page(''), bytes('x'.repeat(5_000)));
		const first = await cache.encoded(entry, 'br');
		expect(await cache.encoded(entry, 'br')).toBe(first);
		expect(first.byteLength).toBeLessThan(100);
	});
});

describe('negotiateEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
		expect(negotiateEncoding('identity')).toBeNull();
		expect(negotiateEncoding('*')).toBe('br');
		expect(negotiateEncoding(null)).toBeNull();
	});
});
