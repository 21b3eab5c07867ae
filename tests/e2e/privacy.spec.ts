/**
 * Privacy on every public page, in a Latin, an Arabic-script and a Cyrillic locale: every
 * request the browser makes (workers included) goes to the portal's own origin, also with the
 * map open and while typing in the search field; no cookie is set; each page comes with a strict
 * Content Security Policy (`connect-src 'self'`, no `unsafe-eval`, no other host anywhere); the
 * fonts are the portal's own, and only the subsets the page's script needs are fetched.
 */
import {
	expect,
	test,
	type BrowserContext,
	type Page,
	type Request,
	type Response
} from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The UI messages of a locale, to find controls by the names a visitor reads. */
function messages(locale: string): Record<string, string> {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/**
 * The locales checked, each with the font file its script needs and the script fonts it must
 * not fetch (the language switcher names the other languages in the device's own fonts).
 */
const LOCALES = [
	{
		code: 'de',
		font: /\/noto-sans-latin-400-normal\.[\w-]+\.woff2$/,
		notFonts: /\/noto-sans-(arabic-arabic|cyrillic)-/
	},
	{
		code: 'ar',
		font: /\/noto-sans-arabic-arabic-400-normal\.[\w-]+\.woff2$/,
		notFonts: /\/noto-sans-cyrillic-/
	},
	{
		code: 'uk',
		font: /\/noto-sans-cyrillic-400-normal\.[\w-]+\.woff2$/,
		notFonts: /\/noto-sans-arabic-arabic-/
	}
];

/**
 * Records every request of the context: pages, workers, fonts, the map's data. `quiet()` waits
 * until no request has been open for a while (after a click or typing, when `networkidle` of
 * the page's load is long past).
 */
function recordRequests(context: BrowserContext) {
	const requests: { url: string; type: string }[] = [];
	const open = new Set<Request>();
	let lastActivity = Date.now();
	context.on('request', (request) => {
		requests.push({ url: request.url(), type: request.resourceType() });
		open.add(request);
		lastActivity = Date.now();
	});
	const settle = (request: Request) => {
		open.delete(request);
		lastActivity = Date.now();
	};
	context.on('requestfinished', settle);
	context.on('requestfailed', settle);
	const quiet = async () =>
		expect
			.poll(() => open.size === 0 && Date.now() - lastActivity >= 700, {
				message: 'the page stops making requests',
				timeout: 30_000,
				intervals: [100]
			})
			.toBe(true);
	return { requests, quiet };
}

/** Requests to anything but the portal's own origin (data: and blob: stay in the page). */
function foreign(requests: { url: string }[], baseURL: string): string[] {
	const origin = new URL(baseURL).origin;
	return requests
		.map(({ url }) => url)
		.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

/** The page's Content Security Policy is strict: only our own origin, no eval. */
async function expectStrictCsp(response: Response | null, label: string) {
	expect(response, `${label}: a response`).not.toBeNull();
	const header = await response!.headerValue('content-security-policy');
	expect(header, `${label}: a Content-Security-Policy header`).toBeTruthy();
	const directives = new Map(
		header!
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name.toLowerCase(), values])
	);
	expect.soft(directives.get('connect-src'), `${label}: connect-src`).toEqual(["'self'"]);
	expect.soft(directives.get('default-src'), `${label}: default-src`).toEqual(["'self'"]);
	expect.soft(header, `${label}: no unsafe-eval`).not.toContain('unsafe-eval');
	// no directive names another host: keywords, nonces, hashes, data: and blob: only
	const hosts = [...directives.values()]
		.flat()
		.filter((value) => !/^'[^']+'$/.test(value) && !/^(data|blob):$/.test(value));
	expect.soft(hosts, `${label}: hosts named in the policy`).toEqual([]);
}

/** Opens `path` and waits until the page has made all its requests (hydration, fonts). */
async function visit(page: Page, path: string): Promise<Response | null> {
	const response = await page.goto(path);
	await page.waitForLoadState('networkidle');
	return response;
}

/** Addresses of the first district and the first offer linked from the page's main content. */
async function targets(page: Page, code: string) {
	const hrefs = await page
		.getByRole('main')
		.getByRole('link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	return {
		district: hrefs.find((href) => new RegExp(`^/${code}/districts/[^/?#]+$`).test(href)),
		offer: hrefs.find((href) =>
			// a card's link carries the list it is on (`?from=`), for "back"
			new RegExp(`^/${code}/offers/[^/?#]+(?:\\?[^#]*)?$`).test(href)
		)
	};
}

async function expectNoCookies(context: BrowserContext) {
	expect(await context.cookies(), 'cookies in the browser').toEqual([]);
}

// The newcomer's device: what the browser requests does not depend on the window's size, so the
// suite runs once, on the phone (the desktop would repeat it at twice the time).
test.skip(({ isMobile }) => !isMobile, 'privacy is checked once, on the phone');

for (const { code, font, notFonts } of LOCALES) {
	test.describe(code, () => {
		test('every page: own origin only, no cookie, a strict CSP, our own fonts', async ({
			page,
			context,
			baseURL
		}) => {
			const { requests } = recordRequests(context);

			const start = await visit(page, `/${code}`);
			await expectStrictCsp(start, 'the start page');
			const { district, offer } = await targets(page, code);
			expect(district, 'the start page links to a district').toBeDefined();
			expect(offer, 'the start page links to an offer').toBeDefined();

			const pages: [string, string][] = [
				['the filtered start page', `/${code}?category=language_course`],
				['a district page', district!],
				['an offer page', offer!],
				['the week page', `/${code}/week`],
				['a page that does not exist', `/${code}/no-such-page`]
			];
			for (const [label, path] of pages) {
				await expectStrictCsp(await visit(page, path), `${label} (${path})`);
			}

			expect(foreign(requests, baseURL!)).toEqual([]);
			await expectNoCookies(context);

			// the fonts are ours, and the page's script got its subset
			const fonts = requests.filter(({ type }) => type === 'font').map(({ url }) => url);
			expect(fonts.length, 'fonts loaded').toBeGreaterThan(0);
			for (const url of fonts) {
				expect(url.startsWith(`${new URL(baseURL!).origin}/_app/immutable/assets/`), url).toBe(
					true
				);
			}
			expect(fonts.some((url) => font.test(url))).toBe(true);
			expect(
				fonts.filter((url) => notFonts.test(url)),
				'fonts of other scripts'
			).toEqual([]);
		});

		test('with the map open: own origin only, no cookie', async ({ page, context, baseURL }) => {
			test.setTimeout(90_000);
			const m = messages(code);
			const { requests, quiet } = recordRequests(context);

			await visit(page, `/${code}`);
			const show = page.getByRole('button', { name: m['map.show'], exact: true });
			test.skip(
				!m['map.show'] || (await show.count()) === 0,
				`the start page has no map button yet ("${m['map.show'] ?? 'map.show'}")`
			);
			const { district } = await targets(page, code);

			const openMap = async () => {
				await page.getByRole('button', { name: m['map.show'], exact: true }).click();
				await expect(page.getByTestId('offer-map-canvas')).toBeVisible({ timeout: 30_000 });
				await expect(page.getByRole('status').filter({ hasText: m['map.loading'] })).toHaveCount(
					0,
					{ timeout: 30_000 }
				);
				// the map's style, data, glyphs and worker: wait until all of them have come
				await quiet();
			};
			await openMap();
			expect(
				requests.some(({ url }) => url.includes('/api/offers.geojson')),
				'the map has loaded its offers'
			).toBe(true);

			await visit(page, district!);
			if ((await page.getByRole('button', { name: m['map.show'], exact: true }).count()) > 0) {
				await openMap();
			}

			expect(foreign(requests, baseURL!)).toEqual([]);
			await expectNoCookies(context);
		});

		test('typing in the search field: own origin only, no cookie', async ({
			page,
			context,
			baseURL
		}) => {
			const m = messages(code);
			const { requests, quiet } = recordRequests(context);

			await visit(page, `/${code}`);
			const form = page.getByRole('form', { name: m['filter.heading'] });
			const search = form.getByRole('searchbox').or(form.getByRole('textbox')).first();
			test.skip((await search.count()) === 0, 'the filter form has no search field yet');

			// one key at a time, as a visitor types: search-as-you-type may ask the server
			await search.pressSequentially('Deutschkurs', { delay: 80 });
			await quiet();
			await search.press('Enter');
			await page.waitForLoadState('load');
			await quiet();

			expect(foreign(requests, baseURL!)).toEqual([]);
			await expectNoCookies(context);
		});
	});
}
