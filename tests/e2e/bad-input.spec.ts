/**
 * Bad input never crashes the production server. Property-based (fast-check, fixed seed): query
 * strings (reserved names such as `__proto__`, percent-encoding right and wrong, repeated keys,
 * huge values), path segments (ids, slugs, locales, `..`, encoded slashes) and headers
 * (Accept-Language junk, huge headers) are thrown at every route, and no answer is a 5xx; every
 * answer under /api carries `Access-Control-Allow-Origin: *`. Then plain regression tests for
 * the names of built-in properties on each route. HTTP only, no browser page.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';

/** The seed of every property: the same requests on every run. */
const SEED = 20261130;

/** Names every plain JavaScript object inherits. */
const RESERVED = [
	'__proto__',
	'constructor',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'isPrototypeOf',
	'propertyIsEnumerable',
	'toLocaleString',
	'__defineGetter__',
	'__lookupSetter__',
	'prototype'
];

/** The five the issue names, for the regression tests. */
const BUILT_INS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** An offer id and a district slug that exist, read once from the API. */
let offerId = '';
let districtSlug = '';

// The server is warm (tests/e2e/warm-up.setup.ts): read them once.
test.beforeAll(async ({ request }) => {
	offerId = (await (await request.get('/api/offers?limit=1')).json()).offers[0].id;
	const districts = await (await request.get('/api/districts.geojson')).json();
	districtSlug = districts.features[0].properties.slug;
});

/** Every route a visitor or a program reaches, with real ids where the path takes one. */
function routes(): string[] {
	return [
		'/api/offers',
		'/api/offers.ics',
		'/api/offers.geojson',
		`/api/offers/${offerId}`,
		'/api/districts.geojson',
		'/',
		'/de',
		'/ar',
		'/de/week',
		`/de/districts/${districtSlug}`,
		`/uk/offers/${offerId}`,
		`/de/offers/${offerId}/calendar.ics`,
		'/map/style.json',
		'/map/glyphs/Noto%20Sans%20Regular/0-255.pbf',
		'/favicon.svg'
	];
}

/** Percent sequences that are no UTF-8, or no percent-encoding at all. */
const BAD_PERCENT = ['%', '%E0%A4', '%C0%80', '%ED%A0%80', '%FF', '%zz', '%00', '%2', '%%'];

/** A long run of one character: past the schema's limits, some past Node's header limit. */
const huge = fc
	.tuple(fc.constantFrom(1_000, 8_000, 20_000), fc.constantFrom('a', 'ä', '%', ','))
	.map(([length, unit]) => (unit === '%' ? '%25' : encodeURIComponent(unit)).repeat(length));

/** A query string name or value as it goes into the address, encoded or not. */
function part(known: string[]): fc.Arbitrary<string> {
	return fc.oneof(
		{ arbitrary: fc.constantFrom(...known), weight: 4 },
		{ arbitrary: fc.constantFrom(...RESERVED), weight: 3 },
		{ arbitrary: fc.constantFrom(...RESERVED).map(encodeURIComponent), weight: 1 },
		// `_` percent-encoded as `%5F`: `__proto__` spelt so that only a decoder sees it
		{
			arbitrary: fc.constantFrom(...RESERVED).map((name) => name.replaceAll('_', '%5F')),
			weight: 1
		},
		{ arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent), weight: 2 },
		{ arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent), weight: 2 },
		{ arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
		{ arbitrary: fc.constantFrom(...BAD_PERCENT), weight: 2 },
		{ arbitrary: huge, weight: 1 }
	);
}

const NAMES = [
	'q',
	'locale',
	'category',
	'district',
	'language',
	'target_group',
	'weekday',
	'german_level',
	'free',
	'childcare',
	'women_only',
	'wheelchair',
	'near',
	'limit',
	'offset',
	'page',
	'map',
	'id'
];

const VALUES = [
	'',
	'de',
	'ar',
	'de-simple',
	'sports',
	'language_course,counselling',
	'sankt-mang',
	'altstadt',
	'MO',
	'mo,TU',
	'none',
	'a1',
	'true',
	'0',
	'47.7267,10.3139',
	'91,10',
	'1',
	'100',
	'-1',
	'1e3',
	'99999999999999999999',
	'Deutschkurs',
	'%D8%B9%D8%B1%D8%A8%D9%8A',
	'x%26y%3Dz',
	'a+b'
];

/** A whole query string: up to six pairs, names often repeated, now and then a bare name. */
const queryString = fc
	.array(
		fc.oneof(
			{ arbitrary: fc.tuple(part(NAMES), part(VALUES)).map(([n, v]) => `${n}=${v}`), weight: 6 },
			{ arbitrary: part(NAMES), weight: 1 },
			{ arbitrary: fc.constantFrom('=', '&', '==', '=x=y'), weight: 1 }
		),
		{ maxLength: 6 }
	)
	.map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));

/** One path segment: real and wrong ids, slugs, locales, dots, encoded slashes, junk. */
function segment(): fc.Arbitrary<string> {
	return fc.oneof(
		fc.constantFrom(
			offerId,
			offerId.toUpperCase(),
			'00000000-0000-4000-8000-000000000000',
			districtSlug,
			'sankt-mang',
			'de',
			'de-simple',
			'ar',
			'xx',
			'api',
			'offers',
			'week',
			'..',
			'.',
			'%2e%2e',
			'%2F',
			'a%2Fb',
			'%5C',
			'0-255.pbf',
			'65280-65535.pbf',
			'99999-100254.pbf',
			'Noto%20Sans%20Regular',
			'calendar.ics',
			'index.html',
			'%20',
			...RESERVED,
			...BAD_PERCENT
		),
		fc.string({ maxLength: 20 }).map(encodeURIComponent),
		fc.string({ unit: 'binary', maxLength: 10 }).map(encodeURIComponent),
		fc.constantFrom(300, 5_000).map((length) => 'x'.repeat(length))
	);
}

/** A path: a route's shape with its variable segments drawn, or a few segments anywhere. */
function path(): fc.Arbitrary<string> {
	const s = segment();
	return fc.oneof(
		s.map((a) => `/api/offers/${a}`),
		s.map((a) => `/api/${a}`),
		fc.tuple(s, s).map(([a, b]) => `/api/offers/${a}/${b}`),
		s.map((a) => `/${a}`),
		s.map((a) => `/${a}/week`),
		s.map((a) => `/de/districts/${a}`),
		s.map((a) => `/de/offers/${a}`),
		s.map((a) => `/ar/offers/${a}/calendar.ics`),
		s.map((a) => `/${a}/offers/${offerId}`),
		fc.tuple(s, s).map(([a, b]) => `/map/glyphs/${a}/${b}`),
		s.map((a) => `/map/${a}`),
		s.map((a) => `/_app/immutable/${a}`),
		fc.array(s, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`)
	);
}

/** Header values as a client may send them: printable ASCII, Latin-1 bytes, huge. */
const headerJunk = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) }),
	fc.constantFrom(...RESERVED),
	fc.constantFrom(4_000, 20_000).map((length) => 'x'.repeat(length))
);

/** Accept-Language: well-formed, malformed, huge, and built-in names first or among others. */
const acceptLanguage = fc.oneof(
	fc.constantFrom(
		'de',
		'ar-SA,ar;q=0.9',
		'*',
		';q=',
		',,,',
		'de;q=abc',
		'en;q=-1',
		'uk;q=1e999',
		'prs',
		'de-simple',
		RESERVED.join(', '),
		`${'x-'.repeat(3_000)}de`,
		'de,'.repeat(7_000)
	),
	fc.constantFrom(...RESERVED),
	fc
		.tuple(fc.constantFrom(...RESERVED), fc.constantFrom('de', 'fr;q=0.5, ar', '*'))
		.map(([name, other]) => `${name}, ${other}`),
	headerJunk
);

const headers = fc.record(
	{
		'accept-language': acceptLanguage,
		accept: fc.oneof(
			fc.constantFrom('application/json', 'text/html', 'text/calendar', '*/*;q=abc', ''),
			headerJunk
		),
		'accept-encoding': fc.oneof(
			fc.constantFrom('gzip', 'br;q=0', 'identity;q=0, *;q=0', 'zstd', 'gzip;q=abc'),
			headerJunk
		),
		'if-none-match': fc.oneof(fc.constantFrom('*', 'W/"x"', '"'), headerJunk),
		'if-modified-since': fc.oneof(
			fc.constantFrom('yesterday', 'Thu, 01 Jan 1970 00:00:00 GMT'),
			headerJunk
		),
		range: fc.oneof(
			fc.constantFrom('bytes=0-0', 'bytes=99999999-', 'bytes=abc', 'lines=1-2'),
			headerJunk
		),
		// a cookie also keeps the response cache out of the way, so the whole sequence runs
		cookie: fc.oneof(fc.constantFrom('a=b', '__proto__=1; constructor=2', '=;=;'), headerJunk)
	},
	{ requiredKeys: ['accept-language'] }
);

interface Probe {
	method: string;
	url: string;
	headers?: Record<string, string>;
}

/** Node's limit on a request's head (request line and headers), in bytes. */
const MAX_HEAD = 16 * 1024;

/** `probe` as fast-check prints it when a property fails: long values shortened. */
function printable(probe: Probe): Probe {
	const short = (text: string) =>
		text.length > 100 ? `${text.slice(0, 100)}… (${text.length} characters)` : text;
	const lines = Object.entries(probe.headers ?? {}).map(
		([name, value]) => `${name}: ${short(value)}`
	);
	return Object.assign(probe, {
		[fc.toStringMethod]: () => [`${probe.method} ${short(probe.url)}`, ...lines].join('\n  ')
	});
}

/**
 * Sends the request as it is (no redirects followed) and checks the answer: no 5xx, and under
 * /api readable from any origin. Returns the status.
 */
async function probe(request: APIRequestContext, { method, url, headers }: Probe) {
	const head =
		url.length +
		Object.entries(headers ?? {}).reduce((sum, [n, v]) => sum + n.length + v.length, 0);
	let response;
	try {
		response = await request.fetch(url, {
			method,
			headers,
			maxRedirects: 0,
			failOnStatusCode: false,
			timeout: 30_000
		});
	} catch (error) {
		// Node answers a head past its limit with 431 and may close before the client reads it
		if (head > MAX_HEAD - 1024 && /ECONNRESET|EPIPE|socket hang up/.test(String(error))) return 431;
		throw error;
	}
	const status = response.status();
	const what = `${method} ${url.length > 200 ? `${url.slice(0, 200)}…` : url} → ${status}`;
	expect(status, what).toBeLessThan(500);
	// 431: Node refuses a request head over 16 KB before any of the portal's code sees it
	const pathname = new URL(url, 'http://portal.test').pathname;
	if (/^\/api(\/|$)/.test(pathname) && status !== 431) {
		expect(response.headers()['access-control-allow-origin'], what).toBe('*');
	}
	await response.dispose();
	return status;
}

test.describe('bad input never crashes', () => {
	// plain HTTP, the same on any device: once is enough
	test.skip(({ isMobile }) => isMobile, 'runs on the desktop project only');
	test.describe.configure({ timeout: 120_000 });

	test('generated query strings on every route answer below 500', async ({ request }) => {
		const all = routes();
		await fc.assert(
			fc.asyncProperty(
				fc
					.tuple(fc.constantFrom(...all), queryString, fc.constantFrom('GET', 'GET', 'GET', 'HEAD'))
					.map(([route, query, method]) => printable({ method, url: route + query })),
				async (sent) => {
					await probe(request, sent);
				}
			),
			{ seed: SEED, numRuns: 160 }
		);
	});

	test('generated paths answer below 500', async ({ request }) => {
		await fc.assert(
			fc.asyncProperty(
				fc
					.tuple(
						path(),
						fc.constantFrom('', '?locale=de', '?__proto__=1', '?page=2'),
						fc.constantFrom('GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE')
					)
					.map(([where, query, method]) => printable({ method, url: where + query })),
				async (sent) => {
					await probe(request, sent);
				}
			),
			{ seed: SEED, numRuns: 100 }
		);
	});

	test('generated headers answer below 500', async ({ request }) => {
		const all = routes();
		await fc.assert(
			fc.asyncProperty(
				fc
					.tuple(fc.constantFrom(...all), headers, fc.constantFrom('GET', 'HEAD'))
					.map(([url, sent, method]) => printable({ method, url, headers: sent })),
				async (sent) => {
					await probe(request, sent);
				}
			),
			{ seed: SEED, numRuns: 60 }
		);
	});
});

test.describe('names of built-in properties', () => {
	test.skip(({ isMobile }) => isMobile, 'runs on the desktop project only');

	const API = ['/api/offers', '/api/offers.ics', '/api/offers.geojson', '/api/districts.geojson'];

	for (const name of BUILT_INS) {
		test(`?${name}=1 is an unknown parameter: 400 on the API, the error page on pages`, async ({
			request
		}) => {
			for (const route of [...API, `/api/offers/${offerId}`]) {
				const response = await request.get(`${route}?${name}=1`);
				expect(response.status(), route).toBe(400);
				expect(response.headers()['content-type'], route).toMatch(/^application\/json/);
				expect(response.headers()['access-control-allow-origin'], route).toBe('*');
				const { error } = (await response.json()) as {
					error: { parameter: string; message: string };
				};
				expect(error.parameter, route).toBe(name);
				expect(error.message, route).toContain(`'${name}' is not a parameter here`);
			}
			for (const route of ['/de', '/de/week', `/de/districts/${districtSlug}`]) {
				const response = await request.get(`${route}?${name}=1`);
				expect(response.status(), route).toBe(400);
				expect(response.headers()['content-type'], route).toMatch(/^text\/html/);
			}
		});
	}

	test('built-in names as values are refused like any unknown value', async ({ request }) => {
		for (const value of BUILT_INS) {
			for (const parameter of ['free', 'category', 'locale', 'district', 'weekday']) {
				const response = await request.get(`/api/offers?${parameter}=${value}`);
				expect(response.status(), `${parameter}=${value}`).toBe(400);
				expect((await response.json()).error.parameter).toBe(parameter);
			}
			expect((await request.get(`/de?free=${value}`)).status()).toBe(400);
		}
	});

	test('built-in names in Accept-Language are languages the portal does not speak', async ({
		request
	}) => {
		for (const name of BUILT_INS) {
			const headers = { 'accept-language': name };
			const start = await request.get('/', { headers, maxRedirects: 0 });
			expect(start.status()).toBe(302);
			expect(start.headers().location).toBe('/de');
			expect((await request.get('/api/offers?limit=1', { headers })).status()).toBe(200);
			expect((await request.get('/de', { headers })).status()).toBe(200);
		}
	});
});
