/**
 * Headers of the production server (server.js, as `npm start` runs it): the open API is
 * readable from any origin on every answer, errors and redirects included, and answers a CORS
 * preflight; static files (static/ and build/client, served before SvelteKit's hooks) carry the
 * same security headers as pages. HTTP only, no browser page.
 */
import { expect, test, type APIResponse } from '@playwright/test';

const SECURITY_HEADERS = ['x-content-type-options', 'referrer-policy', 'permissions-policy'];

let offerId = '';

// The server is warm (tests/e2e/warm-up.setup.ts): read it once.
test.beforeAll(async ({ request }) => {
	offerId = (await (await request.get('/api/offers?limit=1')).json()).offers[0].id;
});

test.describe('headers', () => {
	// plain HTTP, the same on any device: once is enough
	test.skip(({ isMobile }) => isMobile, 'runs on the desktop project only');

	function readableAnywhere(response: APIResponse, what: string) {
		expect(response.headers()['access-control-allow-origin'], what).toBe('*');
	}

	test('every API answer may be read from any origin', async ({ request }) => {
		const routes = [
			'/api/offers',
			'/api/offers?category=sports&limit=1',
			`/api/offers/${offerId}`,
			'/api/offers.ics?district=sankt-mang',
			'/api/offers.geojson',
			'/api/districts.geojson'
		];
		for (const route of routes) {
			const response = await request.get(route, { headers: { origin: 'https://other.example' } });
			expect(response.status(), route).toBe(200);
			readableAnywhere(response, route);
		}
	});

	test('API errors and redirects may be read from any origin too', async ({ request }) => {
		const answers: [method: string, path: string, status: number][] = [
			['GET', '/api/offers?category=nope', 400],
			['GET', '/api/offers.ics?limit=1', 400],
			['GET', '/api/offers.geojson?near=1,2', 400],
			['GET', '/api/districts.geojson?x=1', 400],
			['GET', '/api/offers/not-an-id', 400],
			['GET', '/api/offers/%E0%A4', 400],
			['GET', '/api/offers/00000000-0000-4000-8000-000000000000', 404],
			['GET', '/api/nothing-here', 404],
			['GET', '/api', 404],
			['POST', '/api/offers', 405],
			['DELETE', '/api/offers.ics', 405],
			['PUT', `/api/offers/${offerId}`, 405],
			['GET', '/api/offers/', 308]
		];
		for (const [method, path, status] of answers) {
			const what = `${method} ${path}`;
			const response = await request.fetch(path, {
				method,
				maxRedirects: 0,
				headers: { origin: 'https://other.example' }
			});
			expect(response.status(), what).toBe(status);
			readableAnywhere(response, what);
		}
		// unknown paths answer as the API does, not with the portal's HTML page
		const missing = await request.get('/api/nothing-here');
		expect(missing.headers()['content-type']).toMatch(/^application\/json/);
		expect((await missing.json()).error.message).toContain('/api/offers');
	});

	test('a preflight to any /api path gets 204 with what it may send', async ({ request }) => {
		for (const path of [
			'/api/offers',
			`/api/offers/${offerId}`,
			'/api/offers.ics',
			'/api/offers.geojson',
			'/api/districts.geojson',
			'/api/nothing-here'
		]) {
			const response = await request.fetch(path, {
				method: 'OPTIONS',
				headers: {
					origin: 'https://other.example',
					'access-control-request-method': 'GET',
					'access-control-request-headers': 'if-none-match, accept'
				}
			});
			expect(response.status(), path).toBe(204);
			const headers = response.headers();
			expect(headers['access-control-allow-origin'], path).toBe('*');
			expect(headers['access-control-allow-methods'], path).toBe('GET, HEAD, OPTIONS');
			const allowed = headers['access-control-allow-headers'].split(/,\s*/);
			expect(allowed, path).toEqual(
				expect.arrayContaining(['accept', 'content-type', 'if-none-match'])
			);
			expect(Number(headers['access-control-max-age']), path).toBeGreaterThan(0);
			expect(await response.body(), path).toHaveLength(0);
		}
	});

	test('pages are not opened to other origins', async ({ request }) => {
		const page = await request.get('/de');
		expect(page.headers()['access-control-allow-origin']).toBeUndefined();
		const preflight = await request.fetch('/de', { method: 'OPTIONS', maxRedirects: 0 });
		expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
	});

	test('static files carry the same security headers as pages', async ({ request }) => {
		const page = await request.get('/de');
		expect(page.status()).toBe(200);
		const expected = Object.fromEntries(
			SECURITY_HEADERS.map((name) => [name, page.headers()[name]])
		);
		for (const value of Object.values(expected)) expect(value).toBeTruthy();

		// a built asset the page links (build/client/_app/immutable) and a file from static/
		const html = await page.text();
		const asset = /\/_app\/immutable\/[\w./-]+\.(?:js|css|woff2)/.exec(html)?.[0];
		expect(asset).toBeDefined();
		for (const path of [asset!, '/favicon.svg']) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const got = Object.fromEntries(
				SECURITY_HEADERS.map((name) => [name, response.headers()[name]])
			);
			expect(got, path).toEqual(expected);
		}
	});
});
