/**
 * Fetching an organisation's calendar feed without letting the server be used against its own
 * network (SSRF). A feed URL is a URL anyone with an organisation account types in, so:
 *
 * - only http and https, no credentials in the URL, the default or a named port;
 * - the host is resolved here and EVERY address it resolves to is checked: loopback, private
 *   (RFC 1918, CGNAT), link-local (the cloud metadata address 169.254.169.254), unique-local,
 *   multicast, reserved and the server's own interface addresses are refused; the connection is
 *   then made to the address that was checked (the request's `lookup` hands it over), so a DNS
 *   answer that changes between check and connect cannot slip through;
 * - at most 3 redirects, each one checked the same way;
 * - at most `maxBytes` (2 MB) of body, counted while it streams (also after gzip), and at most
 *   `timeoutMs` (10 s) for the whole fetch including redirects;
 * - conditional: If-None-Match / If-Modified-Since from the last fetch; 304 means unchanged.
 *
 * `CALENDAR_ALLOW_HOSTS` (comma-separated host names or addresses, off by default) lets named
 * hosts through the address check: the browser tests serve their .ics from 127.0.0.1.
 *
 *   const result = await fetchFeed(url, { etag, lastModified });
 *   if (result.status === 'not_modified') …; else parseFeed(result.body, …)
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export const MAX_BYTES = 2 * 1024 * 1024;
export const TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 3;

export type FetchErrorCode =
	| 'bad_url'
	| 'scheme'
	| 'blocked_address'
	| 'dns'
	| 'too_large'
	| 'timeout'
	| 'too_many_redirects'
	| 'http_status'
	| 'network';

/** Why a feed could not be fetched; staff message `staff.calendar.error.<code>`. */
export class FetchError extends Error {
	constructor(
		readonly code: FetchErrorCode,
		message: string
	) {
		super(message);
		this.name = 'FetchError';
	}
}

export interface FetchOptions {
	etag?: string | null;
	lastModified?: string | null;
	maxBytes?: number;
	timeoutMs?: number;
	/** Hosts let through the address check; default: `CALENDAR_ALLOW_HOSTS`. */
	allowHosts?: readonly string[];
}

export type FetchResult =
	| { status: 'not_modified'; url: string }
	| { status: 'ok'; url: string; body: string; etag: string | null; lastModified: string | null };

/** `CALENDAR_ALLOW_HOSTS` as a list (lower case). */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): string[] {
	return (env.CALENDAR_ALLOW_HOSTS ?? '')
		.split(',')
		.map((h) =>
			h
				.trim()
				.toLowerCase()
				.replace(/^\[|\]$/g, '')
		)
		.filter(Boolean);
}

const blocked = new BlockList();
for (const [network, prefix] of [
	['0.0.0.0', 8], // "this" network
	['10.0.0.0', 8], // private
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8], // loopback
	['169.254.0.0', 16], // link-local, cloud metadata
	['172.16.0.0', 12], // private
	['192.0.0.0', 24], // protocol assignments
	['192.0.2.0', 24], // documentation
	['192.168.0.0', 16], // private
	['198.18.0.0', 15], // benchmarking
	['198.51.100.0', 24], // documentation
	['203.0.113.0', 24], // documentation
	['224.0.0.0', 4], // multicast
	['240.0.0.0', 4] // reserved, broadcast
] as const) {
	blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
	['::', 128], // unspecified
	['::1', 128], // loopback
	['fc00::', 7], // unique-local
	['fe80::', 10], // link-local
	['fec0::', 10], // site-local (deprecated)
	['ff00::', 8], // multicast
	['2001:db8::', 32], // documentation
	['100::', 64] // discard
] as const) {
	blocked.addSubnet(network, prefix, 'ipv6');
}

/** An IPv4 address inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | null {
	const lower = address.toLowerCase();
	const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
	if (dotted) return dotted[1];
	const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
	if (hex) {
		const high = parseInt(hex[1], 16);
		const low = parseInt(hex[2], 16);
		return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
	}
	return null;
}

function ownAddresses(): Set<string> {
	const own = new Set<string>();
	for (const list of Object.values(networkInterfaces())) {
		for (const entry of list ?? []) own.add(entry.address.toLowerCase());
	}
	return own;
}

/** Whether the server must not connect to this address. */
export function isBlockedAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 0) return true;
	const v4 = family === 6 ? embeddedIpv4(address) : null;
	if (v4) return isBlockedAddress(v4);
	if (blocked.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
	return ownAddresses().has(address.toLowerCase());
}

function checkUrl(raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new FetchError('bad_url', `"${raw}" is not a web address.`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new FetchError(
			'scheme',
			`Only http and https addresses are fetched, not ${url.protocol}`
		);
	}
	if (url.username || url.password) {
		throw new FetchError('bad_url', 'Addresses with a user name or password are not fetched.');
	}
	return url;
}

/** A lookup that resolves, refuses if any address is blocked, and hands over the checked one. */
function checkedLookup(allow: readonly string[]): LookupFunction {
	return (hostname, options, callback) => {
		dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
			if (error || addresses.length === 0) {
				callback(new FetchError('dns', `${hostname} could not be resolved.`), '', 0);
				return;
			}
			const allowed = allow.includes(hostname.toLowerCase());
			const bad = allowed
				? undefined
				: addresses.find((a) => isBlockedAddress(a.address) && !allow.includes(a.address));
			if (bad) {
				callback(
					new FetchError(
						'blocked_address',
						`${hostname} resolves to ${bad.address}, an address of a private or local network.`
					),
					'',
					0
				);
				return;
			}
			const pinned = addresses[0];
			if ((options as { all?: boolean }).all) {
				(callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [pinned]);
			} else {
				callback(null, pinned.address, pinned.family);
			}
		});
	};
}

function decoded(response: http.IncomingMessage): Readable {
	const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
	if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
	if (encoding === 'deflate') return response.pipe(createInflate());
	return response;
}

interface Hop {
	status: number;
	location: string | null;
	headers: http.IncomingHttpHeaders;
	body: string;
}

function request(
	url: URL,
	headers: Record<string, string>,
	options: { maxBytes: number; signal: AbortSignal; allow: readonly string[] }
): Promise<Hop> {
	return new Promise((resolve, reject) => {
		const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
		// an address in the URL is never looked up: check it here
		if (isIP(host) && isBlockedAddress(host) && !options.allow.includes(host)) {
			reject(
				new FetchError('blocked_address', `${host} is an address of a private or local network.`)
			);
			return;
		}
		const client = url.protocol === 'https:' ? https : http;
		const req = client.request(
			url,
			{
				method: 'GET',
				headers,
				lookup: checkedLookup(options.allow),
				signal: options.signal,
				// no connection reuse: every request goes through the lookup above
				agent: false
			},
			(response) => {
				const status = response.statusCode ?? 0;
				if (status >= 300 && status < 400 && status !== 304) {
					response.resume();
					resolve({ status, location: response.headers.location ?? null, headers: {}, body: '' });
					return;
				}
				if (status !== 200) {
					response.resume();
					resolve({ status, location: null, headers: response.headers, body: '' });
					return;
				}
				const declared = Number(response.headers['content-length']);
				if (Number.isFinite(declared) && declared > options.maxBytes) {
					req.destroy();
					reject(tooLarge(options.maxBytes));
					return;
				}
				const chunks: Buffer[] = [];
				let size = 0;
				const stream = decoded(response);
				stream.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > options.maxBytes) {
						req.destroy();
						stream.destroy();
						reject(tooLarge(options.maxBytes));
						return;
					}
					chunks.push(chunk);
				});
				stream.on('end', () =>
					resolve({
						status,
						location: null,
						headers: response.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
				stream.on('error', (error) => reject(networkError(error, options.signal)));
			}
		);
		req.on('error', (error) => reject(networkError(error, options.signal)));
		req.end();
	});
}

function tooLarge(maxBytes: number): FetchError {
	return new FetchError(
		'too_large',
		`The calendar is larger than ${Math.round(maxBytes / 1024)} KB.`
	);
}

function networkError(error: unknown, signal: AbortSignal): FetchError {
	if (error instanceof FetchError) return error;
	if (signal.aborted) return new FetchError('timeout', 'The calendar took too long to answer.');
	return new FetchError('network', error instanceof Error ? error.message : String(error));
}

function header(value: string | string[] | undefined): string | null {
	const first = Array.isArray(value) ? value[0] : value;
	return first && first.length <= 500 ? first : null;
}

/** Fetches a feed; throws `FetchError` with a code for every refusal and failure. */
export async function fetchFeed(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
	const maxBytes = options.maxBytes ?? MAX_BYTES;
	const allow = (options.allowHosts ?? allowedHosts()).map((h) => h.toLowerCase());
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? TIMEOUT_MS);
	try {
		let url = checkUrl(rawUrl);
		const headers: Record<string, string> = {
			accept: 'text/calendar, */*;q=0.5',
			'accept-encoding': 'gzip',
			'user-agent': 'Angebotsportal-Kalenderimport/1'
		};
		if (options.etag) headers['if-none-match'] = options.etag;
		if (options.lastModified) headers['if-modified-since'] = options.lastModified;
		for (let redirects = 0; ; redirects++) {
			const hop = await request(url, headers, { maxBytes, signal: controller.signal, allow });
			if (hop.status === 304) return { status: 'not_modified', url: url.href };
			if (hop.location !== null) {
				if (redirects >= MAX_REDIRECTS) {
					throw new FetchError(
						'too_many_redirects',
						`More than ${MAX_REDIRECTS} redirects from ${rawUrl}.`
					);
				}
				url = checkUrl(new URL(hop.location, url).href);
				continue;
			}
			if (hop.status !== 200) {
				throw new FetchError('http_status', `The server answered ${hop.status}.`);
			}
			return {
				status: 'ok',
				url: url.href,
				body: hop.body,
				etag: header(hop.headers.etag),
				lastModified: header(hop.headers['last-modified'])
			};
		}
	} catch (error) {
		throw networkError(error, controller.signal);
	} finally {
		clearTimeout(timer);
	}
}
