/**
 * At most 60 KB of gzipped JavaScript before the map is opened, on the start, district, offer,
 * week, report-a-mistake and suggest-an-offer pages: a size test, not a timing test. Every script response of a first visit (a
 * fresh browser context, nothing cached) is counted once, gzipped at level 9 here from the body
 * the browser received, whatever encoding the server chose (adapter-node serves precompressed
 * brotli to Chromium). `npm run bench` (scripts/bench-js.ts) prints the same figures per route.
 */
import { expect, test, type BrowserContext, type Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const BUDGET = 60 * 1024;

test.use({ locale: 'de-DE' });

/** A district and an offer to measure, found in the start page's links. */
const found: { district?: string; offer?: string } = {};

test.beforeAll(async ({ request }) => {
	const response = await request.get('/de');
	expect(response.status()).toBe(200);
	const html = await response.text();
	found.district = /href="(\/de\/districts\/[^"?#]+)"/.exec(html)?.[1];
	// a card's link carries its list (`?from=`), for "back"
	found.offer = /href="(\/de\/offers\/[^"?#]+)[?"]/.exec(html)?.[1];
});

/** Every script response of the context, by URL (workers included). */
function collectScripts(context: BrowserContext) {
	const scripts = new Map<string, Response>();
	context.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (response.request().resourceType() === 'script' || /javascript/.test(type)) {
			scripts.set(response.url(), response);
		}
	});
	return async () => {
		const sizes = await Promise.all(
			[...scripts.values()].map(async (response) => {
				const body = await response.body();
				const sent = await response.request().sizes();
				return {
					url: response.url(),
					gzipped: gzipSync(body, { level: 9 }).length,
					transferred: sent.responseBodySize
				};
			})
		);
		return {
			count: sizes.length,
			gzipped: sizes.reduce((sum, script) => sum + script.gzipped, 0),
			transferred: sizes.reduce((sum, script) => sum + script.transferred, 0),
			urls: sizes.map((script) => script.url)
		};
	};
}

const ROUTES: { name: string; path: () => string | undefined }[] = [
	{ name: 'start', path: () => '/de' },
	{ name: 'district', path: () => found.district },
	{ name: 'offer', path: () => found.offer },
	{ name: 'week', path: () => '/de/week' },
	// the suggestion forms are server-rendered: no script of their own
	{ name: 'report', path: () => found.offer && `${found.offer}/report` },
	{ name: 'suggest', path: () => '/de/suggest' }
];

for (const route of ROUTES) {
	test(`the ${route.name} page ships at most 60 KB of gzipped JavaScript before the map`, async ({
		page,
		context
	}, testInfo) => {
		const path = route.path();
		expect(path, `the start page links to a ${route.name} page`).toBeDefined();
		const measure = collectScripts(context);

		const response = await page.goto(path!);
		test.skip(
			route.name === 'week' && response?.status() === 404,
			'/de/week answers 404: the week page is not built yet'
		);
		expect(response?.status()).toBe(200);
		// everything the page loads by itself; nothing is clicked, so the map stays closed
		await page.waitForLoadState('networkidle');

		const scripts = await measure();
		expect(scripts.count, 'scripts loaded (the page hydrates)').toBeGreaterThan(0);
		expect(scripts.urls.filter((url) => /maplibre/i.test(url))).toEqual([]);
		testInfo.annotations.push({
			type: 'javascript',
			description:
				`${path}: ${scripts.count} scripts, ${(scripts.gzipped / 1024).toFixed(1)} KB gzipped ` +
				`(${(scripts.transferred / 1024).toFixed(1)} KB transferred)`
		});
		expect(scripts.gzipped, `gzipped JavaScript on ${path}`).toBeLessThanOrEqual(BUDGET);
	});
}
