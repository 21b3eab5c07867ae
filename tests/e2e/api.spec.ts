/**
 * The public read API and what builds on the schedules, on the production build with the demo
 * data: `/api/offers` (shape, paging, filters, typo-tolerant search, 400 bodies),
 * `/api/offers/{id}`, the calendar feed `/api/offers.ics`, the "this week" page, and the offer
 * page's calendar download, share link and route link. The tests pick offers through the API
 * rather than naming demo offers, so the seed can change. axe on the week page and on an offer
 * page with dates and a place: tests/e2e/accessibility.spec.ts, in every locale.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { unicodeFilename } from '../../src/lib/calendar-filename';

test.use({ locale: 'de-DE' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ApiOffer {
	id: string;
	title: string;
	text_locale: string;
	category: string;
	categories: string[];
	district_slug: string | null;
	is_free: boolean | null;
	url: string;
	distance: number | null;
}

interface ApiList {
	offers: ApiOffer[];
	total: number;
	limit: number;
	offset: number;
	next: string | null;
	facets: Record<string, Record<string, number>>;
	degraded: boolean;
}

async function list(request: APIRequestContext, search: string): Promise<ApiList> {
	const response = await request.get(`/api/offers${search}`);
	expect(response.status(), await response.text()).toBe(200);
	return (await response.json()) as ApiList;
}

/** The 400 answer of a bad query: which parameter and why. */
async function badRequest(request: APIRequestContext, path: string) {
	const response = await request.get(path);
	expect(response.status()).toBe(400);
	expect(response.headers()['content-type']).toMatch(/^application\/json/);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	return ((await response.json()) as { error: { parameter: string; message: string } }).error;
}

/** Checks an iCalendar text as RFC 5545 wants it; returns its unfolded lines and events. */
function readCalendar(text: string) {
	expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	// CRLF line ends only, no bare CR or LF
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	const physical = text.slice(0, -2).split('\r\n');
	expect(physical.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
	const lines = text
		.replace(/\r\n[ \t]/g, '')
		.slice(0, -2)
		.split('\r\n');
	const events: Map<string, string>[] = [];
	let current: Map<string, string> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = new Map();
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = null;
		} else if (current) {
			const match = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
			if (match) current.set(match[1], match[2]);
		}
	}
	expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(events.length);
	return { lines, events };
}

/** An offer with dates and a place, found through the API. */
async function offerWithDatesAndPlace(request: APIRequestContext) {
	const { offers } = await list(request, '?district=sankt-mang&limit=30');
	for (const candidate of offers) {
		const offer = await (await request.get(`/api/offers/${candidate.id}`)).json();
		if (offer.schedules.length > 0 && offer.latitude !== null) return offer;
	}
	throw new Error('no offer in sankt-mang has dates and a place');
}

/** Requests that leave the portal's origin. */
function watchForeign(page: Page, baseURL: string) {
	const origin = new URL(baseURL).origin;
	const foreign: string[] = [];
	page.context().on('request', (request) => {
		const url = request.url();
		if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
			foreign.push(url);
		}
	});
	return foreign;
}

test.describe('the read API', () => {
	// the answers do not depend on the device: once is enough
	test.skip(({ isMobile }) => isMobile, 'runs on the desktop project only');

	test('GET /api/offers answers JSON with offers, total, paging, facets', async ({ request }) => {
		const response = await request.get('/api/offers');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^application\/json/);
		expect(response.headers()['access-control-allow-origin']).toBe('*');
		expect(response.headers()['cache-control']).toBe('public, max-age=60');
		expect(response.headers()['set-cookie']).toBeUndefined();

		const body = (await response.json()) as ApiList;
		expect(Object.keys(body).sort()).toEqual(
			['degraded', 'facets', 'limit', 'next', 'offers', 'offset', 'total'].sort()
		);
		expect(body).toMatchObject({ limit: 20, offset: 0 });
		expect(body.total).toBeGreaterThan(20);
		expect(body.offers).toHaveLength(20);
		const [first] = body.offers;
		expect(first.id).toMatch(UUID);
		expect(first.title).not.toBe('');
		expect(first.url).toMatch(new RegExp(`/de/offers/${first.id}$`));
		expect(Object.keys(body.facets)).toEqual(
			expect.arrayContaining(['category', 'district', 'language', 'weekday', 'free'])
		);

		// next leads to the following page, which equals page=2
		expect(body.next).toMatch(/[?&]offset=20(&|$)/);
		const next = (await (await request.get(body.next!)).json()) as ApiList;
		expect(next.offset).toBe(20);
		const page2 = await list(request, '?page=2');
		expect(page2.offers.map((offer) => offer.id)).toEqual(next.offers.map((offer) => offer.id));
		expect(next.offers.map((offer) => offer.id)).not.toContain(first.id);

		// the last page has no next
		const last = await list(request, `?limit=100&offset=${Math.max(0, body.total - 5)}`);
		expect(last.offers.length).toBeLessThanOrEqual(5);
		expect(last.next).toBeNull();
	});

	test('GET /api/offers finds recognition counselling under work and under counselling', async ({
		request
	}) => {
		const recognition = (found: ApiList) =>
			found.offers.filter((offer) => offer.title.startsWith('Beratung zur Anerkennung'));
		const counselling = await list(request, '?category=counselling&limit=100&locale=de');
		const work = await list(request, '?category=work&limit=100&locale=de');
		expect(recognition(counselling).length).toBeGreaterThan(0);
		expect(recognition(counselling).map((o) => o.id)).toEqual(recognition(work).map((o) => o.id));
		for (const offer of recognition(counselling)) {
			// the main category stays work (its icon); categories has both
			expect(offer.category).toBe('work');
			expect(offer.categories).toEqual(['work', 'counselling']);
		}
		// the facet counts each offer under each of its categories
		const all = await list(request, '?limit=1');
		const sum = Object.values(all.facets.category).reduce((a, b) => a + b, 0);
		expect(sum).toBeGreaterThan(all.total);
		expect(all.facets.category.counselling).toBe(counselling.total);
		// the map's points carry them too
		const geojson = await request.get('/api/offers.geojson?category=counselling&locale=de');
		const points = (await geojson.json()) as {
			features: { properties: { id: string; category: string; categories: string[] } }[];
		};
		const ids = new Set(points.features.map((f) => f.properties.id));
		for (const offer of recognition(counselling)) expect(ids.has(offer.id)).toBe(true);
		for (const feature of points.features) {
			expect(feature.properties.categories).toContain('counselling');
		}
	});

	test('GET /api/offers filters like the list', async ({ request }) => {
		const courses = await list(request, '?category=language_course&limit=100');
		expect(courses.total).toBeGreaterThan(0);
		// an offer is found by any of its categories; the main one comes first
		for (const offer of courses.offers) {
			expect(offer.categories).toContain('language_course');
			expect(offer.categories[0]).toBe(offer.category);
		}

		const inDistrict = await list(request, '?district=sankt-mang&limit=100');
		expect(inDistrict.total).toBeGreaterThan(0);
		for (const offer of inDistrict.offers) expect(offer.district_slug).toBe('sankt-mang');

		const both = await list(request, '?district=sankt-mang&category=language_course,counselling');
		for (const offer of both.offers) {
			expect(offer.district_slug).toBe('sankt-mang');
			expect(offer.categories.some((c) => ['language_course', 'counselling'].includes(c))).toBe(
				true
			);
		}
		// facet counts: the district's own facet counts what choosing it would give
		expect(both.facets.category.language_course ?? 0).toBeGreaterThanOrEqual(0);
		expect(inDistrict.facets.district['sankt-mang']).toBe(inDistrict.total);

		const free = await list(request, '?free=true&limit=100');
		for (const offer of free.offers) expect(offer.is_free).toBe(true);

		// titles in the locale asked for (or the fallback it names)
		const arabic = await list(request, '?locale=ar&limit=5');
		for (const offer of arabic.offers) {
			expect(['ar', 'en', 'de']).toContain(offer.text_locale);
			expect(offer.url).toContain('/ar/offers/');
		}
	});

	test('a misspelt search finds German courses', async ({ request }) => {
		// the search engine builds its index after the start; until then the database answers
		await expect
			.poll(async () => (await list(request, '?q=Deutschkur')).degraded, { timeout: 60_000 })
			.toBe(false);
		const result = await list(request, '?q=Deutschkur&limit=5');
		expect(result.total).toBeGreaterThan(0);
		expect(result.offers[0].category).toBe('language_course');
		const other = await list(request, '?q=Sprachkrus&limit=5');
		expect(other.offers[0].category).toBe('language_course');
	});

	test('a bad parameter gets 400 naming the parameter and why', async ({ request }) => {
		expect(await badRequest(request, '/api/offers?category=sprachkurs')).toEqual({
			parameter: 'category',
			message:
				"category: 'sprachkurs' is not one of language_course, cultural_cafe, counselling, " +
				'sports, family, work, event'
		});
		const district = await badRequest(request, '/api/offers?district=sankt-mango');
		expect(district.parameter).toBe('district');
		expect(district.message).toMatch(/^district: 'sankt-mango' is not one of .*sankt-mang/);
		expect(await badRequest(request, '/api/offers?limit=500')).toEqual({
			parameter: 'limit',
			message: 'limit: 500 is not between 1 and 100'
		});
		expect((await badRequest(request, '/api/offers?near=91,10')).message).toBe(
			'near: latitude 91 is not between -90 and 90'
		);
		expect((await badRequest(request, '/api/offers?free=yes')).parameter).toBe('free');
		const unknown = await badRequest(request, '/api/offers?categroy=sports');
		expect(unknown.parameter).toBe('categroy');
		expect(unknown.message).toContain('known are q, locale, category');
		// the first bad one is named
		expect((await badRequest(request, '/api/offers?weekday=XX&locale=fr')).parameter).toBe(
			'weekday'
		);
	});

	test('GET /api/offers/{id} answers the offer with its next dates, 400 and 404', async ({
		request
	}) => {
		const { offers } = await list(request, '?limit=1');
		const response = await request.get(`/api/offers/${offers[0].id}?locale=en`);
		expect(response.status()).toBe(200);
		expect(response.headers()['access-control-allow-origin']).toBe('*');
		const offer = await response.json();
		expect(offer).toMatchObject({ id: offers[0].id, state: 'published' });
		expect(Array.isArray(offer.schedules)).toBe(true);
		expect(Array.isArray(offer.measures)).toBe(true);
		expect(Array.isArray(offer.next_dates)).toBe(true);
		expect(offer.url).toMatch(new RegExp(`/en/offers/${offers[0].id}$`));

		const withDates = await offerWithDatesAndPlace(request);
		expect(withDates.next_dates.length).toBeGreaterThan(0);
		const [next] = withDates.next_dates;
		expect(new Date(next.starts_at).getTime()).toBeLessThan(new Date(next.ends_at).getTime());
		expect(withDates.calendar_url).toMatch(/\/offers\/[0-9a-f-]+\/calendar\.ics$/);

		expect(await badRequest(request, '/api/offers/not-an-id')).toEqual({
			parameter: 'id',
			message: "id: 'not-an-id' is not a UUID"
		});
		expect((await badRequest(request, `/api/offers/${offers[0].id}?locale=xx`)).parameter).toBe(
			'locale'
		);
		expect((await badRequest(request, `/api/offers/${offers[0].id}?limit=1`)).parameter).toBe(
			'limit'
		);

		const missing = await request.get('/api/offers/00000000-0000-4000-8000-000000000000');
		expect(missing.status()).toBe(404);
		expect(missing.headers()['content-type']).toMatch(/^application\/json/);
		expect((await missing.json()).error.parameter).toBe('id');
	});

	test('GET /api/offers.ics is a calendar feed of the matching offers', async ({
		request,
		baseURL
	}) => {
		const response = await request.get('/api/offers.ics');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		expect(response.headers()['content-disposition']).toBe('inline; filename="angebote.ics"');
		expect(response.headers()['access-control-allow-origin']).toBe('*');
		const all = readCalendar(await response.text());
		expect(all.events.length).toBeGreaterThan(0);
		expect(all.lines).toContain('BEGIN:VTIMEZONE');
		expect(all.lines).toContain('TZID:Europe/Berlin');
		// recurrences stay rules; UIDs are the schedules' ids at the portal's host
		expect(all.events.some((event) => event.has('RRULE'))).toBe(true);
		const host = new URL(baseURL!).hostname;
		const uids = all.events.map((event) => event.get('UID')!);
		for (const uid of uids) expect(uid).toMatch(new RegExp(`^[0-9a-f-]{36}@${host}$`));
		expect(new Set(uids).size).toBe(uids.length);

		// stable: the same UIDs when read again
		const again = readCalendar(await (await request.get('/api/offers.ics')).text());
		expect(again.events.map((event) => event.get('UID'))).toEqual(uids);

		// a district's feed holds only that district's offers
		const district = readCalendar(
			await (await request.get('/api/offers.ics?district=sankt-mang')).text()
		);
		expect(district.events.length).toBeGreaterThan(0);
		expect(district.events.length).toBeLessThan(all.events.length);
		expect(district.lines).toContain('X-WR-CALNAME:Angebote in Sankt Mang');
		const ids = new Set<string>();
		for (let offset = 0; ; offset += 100) {
			const page = await list(request, `?district=sankt-mang&limit=100&offset=${offset}`);
			for (const offer of page.offers) ids.add(offer.id);
			if (!page.next) break;
		}
		for (const event of district.events) {
			const id = /\/offers\/([0-9a-f-]{36})$/.exec(event.get('URL')!)![1];
			expect(ids.has(id)).toBe(true);
		}

		// titles in the locale asked for
		const english = readCalendar(
			await (await request.get('/api/offers.ics?district=sankt-mang&locale=en')).text()
		);
		expect(english.lines).toContain('X-WR-CALNAME:Offers in Sankt Mang');

		expect((await badRequest(request, '/api/offers.ics?district=nowhere')).parameter).toBe(
			'district'
		);
		expect((await badRequest(request, '/api/offers.ics?limit=10')).parameter).toBe('limit');
	});
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('"this week" lists the next seven days and filters by district', async ({
			page,
			baseURL
		}) => {
			const foreign = watchForeign(page, baseURL!);
			await page.goto('/de');
			await page
				.getByRole('navigation', { name: 'Hauptnavigation' })
				.getByRole('link', { name: 'Diese Woche' })
				.click();
			await expect(page).toHaveURL(/\/de\/week$/);
			await expect(page.getByRole('heading', { level: 1, name: 'Diese Woche' })).toBeVisible();

			const days = page.getByRole('main').getByRole('region');
			await expect(days).toHaveCount(7);
			await expect(days.first().getByRole('heading', { level: 2 })).toContainText(/^Heute:/);
			await expect(days.nth(1).getByRole('heading', { level: 2 })).toContainText(/^Morgen:/);
			// the weekday and date in German: "Montag, 23. November 2026"
			await expect(days.nth(2).getByRole('heading', { level: 2 })).toContainText(
				/(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \S+ \d{4}$/
			);
			const entries = page.getByRole('main').getByRole('listitem');
			expect(await entries.count()).toBeGreaterThan(0);
			// the entry's link carries the week as the list to return to
			await expect(entries.first().getByRole('link')).toHaveAttribute(
				'href',
				/^\/de\/offers\/[0-9a-f-]{36}\?from=%2Fde%2Fweek$/
			);
			await expect(entries.first()).toContainText(/\d{1,2}:\d{2}/);

			const form = page.getByRole('form', { name: 'Angebote filtern' });
			await form.getByLabel('Stadtteil').selectOption({ label: 'Sankt Mang' });
			await form.getByRole('button', { name: 'Anzeigen' }).click();
			await expect(page).toHaveURL(/\/de\/week\?district=sankt-mang&category=$/);
			await expect(page.getByLabel('Stadtteil')).toHaveValue('sankt-mang');
			const filtered = page.getByRole('main').getByRole('listitem');
			expect(await filtered.count()).toBeGreaterThan(0);
			for (const entry of await filtered.all()) await expect(entry).toContainText('Sankt Mang');
			await expect(page.getByRole('link', { name: /Filter zurücksetzen/ })).toBeVisible();

			expect(foreign).toEqual([]);
		});

		test('an offer page offers its dates as a calendar file', async ({ page, request }) => {
			const offer = await offerWithDatesAndPlace(request);
			await page.goto(`/de/offers/${offer.id}`);
			const link = page.getByRole('link', { name: 'Zum Kalender hinzufügen' });
			await expect(link).toBeVisible();
			const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
			// named after the offer, as its page titles it
			const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
			expect(download.suggestedFilename()).toBe(unicodeFilename(title));
			const { readFile } = await import('node:fs/promises');
			const calendar = readCalendar(await readFile((await download.path())!, 'utf8'));
			expect(calendar.events).toHaveLength(offer.schedules.length);
			for (const event of calendar.events) expect(event.get('SUMMARY')).toBeTruthy();
		});

		test('an offer page has a share link and a route link that loads nothing until followed', async ({
			page,
			baseURL
		}) => {
			const offer = await offerWithDatesAndPlace(page.request);
			const foreign = watchForeign(page, baseURL!);
			await page.goto(`/de/offers/${offer.id}`);

			const share = page.getByRole('region', { name: 'Teilen' });
			const field = share.getByRole('textbox', { name: 'Link zu diesem Angebot' });
			await expect(field).toHaveValue(new URL(`/de/offers/${offer.id}`, baseURL).href);
			await expect(field).toHaveAttribute('readonly', '');
			if (javaScriptEnabled) {
				await expect(share.getByRole('button', { name: 'Link kopieren' })).toBeVisible();
				await expect(share.getByRole('link')).toHaveCount(0);
			} else {
				await expect(share.getByRole('button')).toHaveCount(0);
				await expect(share.getByRole('link', { name: /^Link zu diesem Angebot/ })).toHaveAttribute(
					'href',
					new URL(`/de/offers/${offer.id}`, baseURL).href
				);
			}

			const route = page.getByRole('link', { name: 'Weg dorthin auf OpenStreetMap' });
			await expect(route).toHaveAttribute(
				'href',
				/^https:\/\/www\.openstreetmap\.org\/directions\?to=-?\d+\.\d+%2C-?\d+\.\d+$/
			);
			const rel = ((await route.getAttribute('rel')) ?? '').split(/\s+/);
			expect(rel).toEqual(expect.arrayContaining(['noopener', 'noreferrer', 'external']));
			await expect(page.getByText(/Öffnet die externe Website openstreetmap\.org/)).toBeVisible();

			await page.waitForLoadState('networkidle');
			expect(foreign).toEqual([]);
		});
	});
}

test('the week page refuses a bad filter', async ({ request }) => {
	expect((await request.get('/de/week?category=nope')).status()).toBe(400);
	expect((await request.get('/de/week?limit=5')).status()).toBe(400);
	const arabic = await request.get('/ar/week?district=sankt-mang');
	expect(arabic.status()).toBe(200);
	expect(await arabic.text()).toContain('هذا الأسبوع');
});
