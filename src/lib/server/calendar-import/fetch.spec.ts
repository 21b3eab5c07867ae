import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHosts, fetchFeed, FetchError, isBlockedAddress } from './fetch';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

/** A real local HTTP server with a few routes; 127.0.0.1 is let through as CALENDAR_ALLOW_HOSTS would. */
let server: http.Server;
let base: string;
const allow = { allowHosts: ['127.0.0.1'] };

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const url = req.url ?? '/';
		if (url === '/feed.ics') {
			if (req.headers['if-none-match'] === '"v1"') {
				res.writeHead(304).end();
				return;
			}
			res.writeHead(200, {
				'content-type': 'text/calendar; charset=utf-8',
				etag: '"v1"',
				'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT'
			});
			res.end(ICS);
		} else if (url === '/gzip.ics') {
			res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(ICS));
		} else if (url === '/big.ics') {
			// no content-length: the limit must count while the body streams
			res.writeHead(200, { 'content-type': 'text/calendar' });
			const chunk = Buffer.alloc(64 * 1024, 'x');
			let sent = 0;
			const write = () => {
				while (sent < 40 && res.write(chunk)) sent++;
				if (sent < 40) res.once('drain', write);
				else res.end();
			};
			write();
		} else if (url === '/bomb.ics') {
			res
				.writeHead(200, { 'content-encoding': 'gzip' })
				.end(gzipSync(Buffer.alloc(3_000_000, 'x')));
		} else if (url === '/slow.ics') {
			// never answers; the fetch must give up
		} else if (url.startsWith('/redirect/')) {
			res.writeHead(302, { location: decodeURIComponent(url.slice('/redirect/'.length)) }).end();
		} else if (url.startsWith('/hops/')) {
			const n = Number(url.slice('/hops/'.length));
			res.writeHead(301, { location: n > 0 ? `/hops/${n - 1}` : '/feed.ics' }).end();
		} else {
			res.writeHead(404).end();
		}
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

async function refusal(url: string, options = {}): Promise<string> {
	try {
		await fetchFeed(url, options);
	} catch (error) {
		expect(error).toBeInstanceOf(FetchError);
		return (error as FetchError).code;
	}
	throw new Error(`${url} was fetched`);
}

describe('fetchFeed', () => {
	it('fetches a feed with its validators and answers a conditional request with not_modified', async () => {
		const first = await fetchFeed(`${base}/feed.ics`, allow);
		expect(first).toEqual({
			status: 'ok',
			url: `${base}/feed.ics`,
			body: ICS,
			etag: '"v1"',
			lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT'
		});
		expect(await fetchFeed(`${base}/feed.ics`, { ...allow, etag: '"v1"' })).toEqual({
			status: 'not_modified',
			url: `${base}/feed.ics`
		});
		expect((await fetchFeed(`${base}/gzip.ics`, allow)).status).toBe('ok');
	});

	it('follows up to three redirects and no more', async () => {
		expect((await fetchFeed(`${base}/hops/2`, allow)).status).toBe('ok');
		expect(await refusal(`${base}/hops/3`, allow)).toBe('too_many_redirects');
	});

	it('refuses schemes other than http and https', async () => {
		expect(await refusal('file:///etc/passwd')).toBe('scheme');
		expect(await refusal('ftp://example.org/cal.ics')).toBe('scheme');
		expect(await refusal('not a url')).toBe('bad_url');
		expect(await refusal('http://user:secret@example.org/cal.ics')).toBe('bad_url');
	});

	it('refuses private, loopback, link-local and metadata addresses without connecting', async () => {
		for (const url of [
			'http://10.1.2.3/cal.ics',
			'http://192.168.0.10/cal.ics',
			'http://172.20.0.1/cal.ics',
			'http://169.254.169.254/latest/meta-data/',
			'http://[::1]/cal.ics',
			'http://[fd00::1]/cal.ics',
			'http://[::ffff:127.0.0.1]/cal.ics',
			'http://0.0.0.0/cal.ics',
			'http://224.0.0.1/cal.ics'
		]) {
			expect(await refusal(url), url).toBe('blocked_address');
		}
		// the local test server itself, when it is not let through
		expect(await refusal(`${base}/feed.ics`, { allowHosts: [] })).toBe('blocked_address');
		// a name resolving to loopback is checked after the lookup
		const port = (server.address() as AddressInfo).port;
		expect(await refusal(`http://localhost:${port}/feed.ics`, { allowHosts: [] })).toBe(
			'blocked_address'
		);
	});

	it('checks every redirect target', async () => {
		for (const target of ['http://192.168.1.1/cal.ics', 'http://[::1]/x', 'file:///etc/passwd']) {
			const code = await refusal(`${base}/redirect/${encodeURIComponent(target)}`, allow);
			expect(code, target).toBe(target.startsWith('file') ? 'scheme' : 'blocked_address');
		}
	});

	it('stops at the size limit while streaming, also after gzip', async () => {
		expect(await refusal(`${base}/big.ics`, allow)).toBe('too_large');
		expect(await refusal(`${base}/bomb.ics`, allow)).toBe('too_large');
	});

	it('gives up after the time limit', async () => {
		expect(await refusal(`${base}/slow.ics`, { ...allow, timeoutMs: 200 })).toBe('timeout');
	});

	it('reports a server error as such', async () => {
		expect(await refusal(`${base}/missing.ics`, allow)).toBe('http_status');
	});
});

describe('isBlockedAddress and allowedHosts', () => {
	it('knows the networks a feed must never come from', () => {
		expect(isBlockedAddress('127.0.0.1')).toBe(true);
		expect(isBlockedAddress('100.64.0.1')).toBe(true);
		expect(isBlockedAddress('fe80::1')).toBe(true);
		expect(isBlockedAddress('ff02::1')).toBe(true);
		expect(isBlockedAddress('64:ff9b::a00:1')).toBe(true);
		expect(isBlockedAddress('93.184.215.14')).toBe(false);
		expect(isBlockedAddress('2a00:1450:4001:80b::200e')).toBe(false);
	});

	it('reads CALENDAR_ALLOW_HOSTS, off by default', () => {
		expect(allowedHosts({})).toEqual([]);
		expect(allowedHosts({ CALENDAR_ALLOW_HOSTS: ' 127.0.0.1, [::1] ,Localhost' })).toEqual([
			'127.0.0.1',
			'::1',
			'localhost'
		]);
	});
});
