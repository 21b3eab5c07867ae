/**
 * Open data in the standards others read, on the production build with the demo data: every
 * answer of the Open Referral HSDS API (/hsds/…) checked against the published HSDS 3.0.1
 * schemas (tests/fixtures/hsds) with its paging and filters; the sitemap index, its files and
 * robots.txt; the offer page's schema.org JSON-LD under the page's CSP. Machine answers are the
 * same for every window: the API and sitemap run once (desktop), the page in both projects.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { hsdsValidators } from '../support/hsds-schemas';

const hsds = hsdsValidators();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Page<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}
type Item = Record<string, unknown> & { id: string };

/** The JSON of a 200 answer, with the API's headers. */
async function ok<T>(request: APIRequestContext, path: string): Promise<T> {
	const response = await request.get(path);
	expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
	expect(response.headers()['content-type']).toMatch(/^application\/json/);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	return (await response.json()) as T;
}

/** A list answer, checked against Page and the list schema of its items. */
async function list(
	request: APIRequestContext,
	path: string,
	schema: 'service_list' | 'organization_list' | 'service_at_location_list'
): Promise<Page<Item>> {
	const body = await ok<Page<Item>>(request, path);
	expect(hsds.errors('page', body), path).toEqual([]);
	expect(
		body.contents.flatMap((item) => hsds.errors(schema, item)),
		path
	).toEqual([]);
	expect(body.size).toBe(body.contents.length);
	expect(body.empty).toBe(body.contents.length === 0);
	return body;
}

/** The error answer of a path: its status and JSON body. */
async function failing(request: APIRequestContext, path: string, status: number) {
	const response = await request.get(path);
	expect(response.status(), path).toBe(status);
	expect(response.headers()['content-type']).toMatch(/^application\/json/);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	return ((await response.json()) as { error: { parameter?: string; message: string } }).error;
}

test.describe('machine-readable', () => {
	test('the HSDS API answers what the HSDS 3.0 schemas require, paged and filtered', async ({
		request
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the same answers for any window');
		// compiling the full schemas (MBs each) and reading dozens of services in full
		test.slow();
		// the root, with and without its slash
		for (const path of ['/hsds/', '/hsds']) {
			const root = await ok<Record<string, string>>(request, path);
			expect(hsds.errors('root', root)).toEqual([]);
			expect(root.version).toMatch(/^3\.0(\.\d+)?$/);
		}

		// services, page after page at the largest page size; the Page header adds up
		const all = await list(request, '/hsds/services?per_page=100', 'service_list');
		expect(all.total_items).toBeGreaterThan(20);
		expect(all).toMatchObject({ page_number: 1, first_page: true });
		expect(all.total_pages).toBe(Math.ceil(all.total_items / 100));
		for (let number = 2; number <= all.total_pages; number++) {
			const next = await list(
				request,
				`/hsds/services?per_page=100&page=${number}`,
				'service_list'
			);
			expect(next).toMatchObject({ page_number: number, last_page: number === all.total_pages });
			all.contents.push(...next.contents);
		}
		expect(new Set(all.contents.map((s) => s.id)).size).toBe(all.total_items);
		const second = await list(request, '/hsds/services?page=2&per_page=20', 'service_list');
		expect(second).toMatchObject({ page_number: 2, first_page: false, size: 20 });
		const firstIds = (
			await list(request, '/hsds/services?per_page=20', 'service_list')
		).contents.map((s) => s.id);
		expect(second.contents.filter((s) => firstIds.includes(s.id))).toEqual([]);
		// past the last page: empty, and still a valid page
		const beyond = await list(
			request,
			`/hsds/services?per_page=20&page=${Math.ceil(all.total_items / 20) + 1}`,
			'service_list'
		);
		expect(beyond).toMatchObject({ empty: true, size: 0, last_page: true, contents: [] });
		expect(beyond.total_items).toBe(all.total_items);
		expect((await failing(request, '/hsds/services?per_page=101', 400)).parameter).toBe('per_page');
		expect((await failing(request, '/hsds/services?page=0', 400)).parameter).toBe('page');
		expect((await failing(request, '/hsds/services?taxonomy_id=x', 400)).parameter).toBe(
			'taxonomy_id'
		);

		// modified_after: on or after the instant, fewer than all; the future: none
		const changes = all.contents.map((s) => String(s.last_modified)).sort();
		const middle = changes[Math.floor(changes.length / 2)];
		const since = await list(
			request,
			`/hsds/services?per_page=100&modified_after=${encodeURIComponent(middle)}`,
			'service_list'
		);
		expect(since.total_items).toBeGreaterThan(0);
		expect(since.contents.every((s) => String(s.last_modified) >= middle)).toBe(true);
		expect(since.total_items).toBe(changes.filter((c) => c >= middle).length);
		const future = await list(request, '/hsds/services?modified_after=2999-01-01', 'service_list');
		expect(future).toMatchObject({ total_items: 0, total_pages: 0, empty: true });
		expect((await failing(request, '/hsds/services?modified_after=soon', 400)).parameter).toBe(
			'modified_after'
		);

		// search in another language: Arabic words find German language courses
		const arabic = await list(
			request,
			`/hsds/services?per_page=100&search=${encodeURIComponent('دورة لغة')}`,
			'service_list'
		);
		expect(arabic.total_items).toBeGreaterThan(0);
		expect(arabic.total_items).toBeLessThan(all.total_items);
		expect(arabic.contents.some((s) => /deutsch|sprach/i.test(String(s.name)))).toBe(true);
		// with a filter too: cumulative (AND)
		const both = await list(
			request,
			`/hsds/services?per_page=100&search=${encodeURIComponent('دورة لغة')}&modified_after=2999-01-01`,
			'service_list'
		);
		expect(both.total_items).toBe(0);

		// services in full (a sample spread over all): organization, place, languages, schedules
		let weekly = 0;
		const step = Math.max(1, Math.floor(all.contents.length / 25));
		for (const { id } of all.contents.filter((_, i) => i % step === 0)) {
			const service = await ok<Record<string, unknown>>(request, `/hsds/services/${id}`);
			expect(hsds.errors('service', service), id).toEqual([]);
			const schedules = service.schedules as Record<string, unknown>[];
			for (const schedule of schedules.filter((s) => s.freq === 'WEEKLY')) {
				weekly++;
				expect(schedule.byday).toMatch(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/);
				expect(schedule.dtstart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				expect(schedule.opens_at).toMatch(/^\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
			}
			expect(
				(service.languages as { code: string }[]).every((l) => /^[a-z]{2,3}$/.test(l.code))
			).toBe(true);
		}
		expect(weekly).toBeGreaterThan(0);
		const full = await ok<Record<string, unknown>>(
			request,
			`/hsds/services/${all.contents[0].id}?locale=ar`
		);
		expect(full).toMatchObject({ id: all.contents[0].id, status: 'active' });
		expect(String(full.url)).toContain('/ar/offers/');
		expect((await failing(request, '/hsds/services/not-a-uuid', 400)).parameter).toBe('id');
		await failing(request, '/hsds/services/00000000-0000-4000-8000-000000000000', 404);

		// services at a location: the offers with a place, each also on its own
		const places = await list(
			request,
			'/hsds/service_at_locations?per_page=100',
			'service_at_location_list'
		);
		expect(places.total_items).toBeGreaterThan(0);
		expect(places.total_items).toBeLessThanOrEqual(all.total_items);
		const place = places.contents[0] as Item & { location: { id: string; latitude?: number } };
		expect(place.location.id).toMatch(UUID);
		const one = await ok<Record<string, unknown>>(
			request,
			`/hsds/service_at_locations/${place.id}`
		);
		expect(hsds.errors('service_at_location', one)).toEqual([]);
		expect(one).toMatchObject({ id: place.id, service_id: place.service_id });
		await failing(request, '/hsds/service_at_locations/00000000-0000-4000-8000-000000000000', 404);

		// organizations: by name, each with its services
		const orgs = await list(request, '/hsds/organizations?per_page=100', 'organization_list');
		expect(orgs.total_items).toBeGreaterThan(1);
		const named = await list(
			request,
			`/hsds/organizations?search=${encodeURIComponent(String(orgs.contents[0].name).slice(0, 6))}`,
			'organization_list'
		);
		expect(named.contents.map((o) => o.id)).toContain(orgs.contents[0].id);
		const org = await ok<Record<string, unknown>>(
			request,
			`/hsds/organizations/${orgs.contents[0].id}`
		);
		expect(hsds.errors('organization', org)).toEqual([]);
		expect((org.services as unknown[]).length).toBeGreaterThan(0);
		await failing(request, '/hsds/organizations/00000000-0000-4000-8000-000000000000', 404);

		// anything else under /hsds: JSON, readable anywhere; a preflight is allowed
		await failing(request, '/hsds/taxonomies', 404);
		const preflight = await request.fetch('/hsds/services', { method: 'OPTIONS' });
		expect(preflight.status()).toBe(204);
		expect(preflight.headers()['access-control-allow-origin']).toBe('*');
	});

	test('the sitemap lists every public page in every locale with its alternates', async ({
		request,
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the same answers for any window');
		// every sitemap file read and parsed, and a sample of pages rendered for the first time
		test.slow();
		const robots = await request.get('/robots.txt');
		expect(robots.status()).toBe(200);
		const sitemapLine = /^Sitemap: (\S+)$/m.exec(await robots.text());
		expect(sitemapLine?.[1]).toMatch(/\/sitemap\.xml$/);

		/** Parses XML in the browser: the root's name, its <loc>s and each <url>'s hreflangs. */
		const parse = async (path: string) => {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['content-type']).toMatch(/^application\/xml/);
			return page.evaluate(
				(text) => {
					const doc = new DOMParser().parseFromString(text, 'application/xml');
					const sm = 'http://www.sitemaps.org/schemas/sitemap/0.9';
					return {
						error: doc.querySelector('parsererror')?.textContent ?? null,
						root: doc.documentElement.localName,
						locs: [...doc.getElementsByTagNameNS(sm, 'loc')].map((loc) => loc.textContent ?? ''),
						alternates: [...doc.getElementsByTagNameNS(sm, 'url')].map((url) =>
							[...url.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((link) =>
								link.getAttribute('hreflang')
							)
						)
					};
				},
				await response.text()
			);
		};

		const index = await parse(new URL(sitemapLine![1]).pathname);
		expect(index).toMatchObject({ error: null, root: 'sitemapindex' });
		const files = index.locs.map((loc) => new URL(loc).pathname);
		expect(files).toEqual(
			expect.arrayContaining(['/sitemaps/pages.xml', '/sitemaps/offers-1.xml'])
		);
		const urls: string[] = [];
		for (const file of files) {
			const sitemap = await parse(file);
			expect(sitemap).toMatchObject({ error: null, root: 'urlset' });
			expect(sitemap.locs.length).toBeLessThanOrEqual(50_000);
			for (const langs of sitemap.alternates) {
				expect(langs).toHaveLength(10);
				expect(langs).toContain('x-default');
				expect(new Set(langs).size).toBe(10);
			}
			urls.push(...sitemap.locs);
		}
		const paths = urls.map((url) => new URL(url).pathname);
		for (const expected of ['/de', '/ar/week', '/fa/concept', '/de-simple', '/uk']) {
			expect(paths).toContain(expected);
		}
		expect(paths.filter((p) => p.startsWith('/ro/districts/')).length).toBeGreaterThan(0);
		expect(paths.filter((p) => p.startsWith('/tr/offers/')).length).toBeGreaterThan(20);
		// a sample, spread over the list, answers 200
		const step = Math.max(1, Math.floor(paths.length / 15));
		for (let i = 0; i < paths.length; i += step) {
			const response = await request.get(paths[i], { maxRedirects: 0 });
			expect(response.status(), paths[i]).toBe(200);
		}
	});
});

test('an offer page carries schema.org JSON-LD of the event and its place, within its CSP', async ({
	page,
	request
}) => {
	const services = await ok<Page<Item>>(request, '/hsds/service_at_locations?per_page=100');
	// an offer with a place and a weekly schedule
	let id: string | undefined;
	for (const item of services.contents) {
		const service = await ok<{ schedules: { freq?: string }[] }>(
			request,
			`/hsds/services/${String(item.service_id)}`
		);
		if (service.schedules.some((s) => s.freq === 'WEEKLY')) {
			id = String(item.service_id);
			break;
		}
	}
	expect(id).toBeDefined();

	const violations: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) violations.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) =>
			console.error(`Content Security Policy violation: ${event.violatedDirective}`)
		);
	});
	const response = await page.goto(`/ar/offers/${id}`);
	expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
	const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
	expect(blocks).toHaveLength(1);
	const event = JSON.parse(blocks[0]) as Record<string, unknown>;
	expect(event).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'Event',
		url: expect.stringContaining(`/ar/offers/${id}`),
		location: { '@type': 'Place' },
		organizer: { '@type': 'Organization' }
	});
	expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
	expect(event.eventSchedule).toEqual(
		expect.arrayContaining([expect.objectContaining({ '@type': 'Schedule' })])
	);
	expect(Array.isArray(event.inLanguage)).toBe(true);
	// the page still hydrates and works: the language switcher is there, no CSP complaint
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	expect(violations).toEqual([]);
});
