/**
 * The public implementation status of the integration concept (issue 10, step 5), on the
 * production build with the demo data: the overview of the fields of action and one field's
 * goals and measures, in German, Arabic (right to left, the concept's German words marked
 * lang="de") and Einfache Sprache; a measure with an offer links to the offer's page; the status
 * is written out, not shown by colour alone; the same data in /api/concept. axe finds nothing,
 * nothing is loaded from another origin; without JavaScript and by keyboard it works the same.
 * The JSON's shape in detail: src/lib/server/concept-api.spec.ts and
 * tests/sql/public-concept-status.spec.ts.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { violations } from '../support/staff';

function messages(locale: string): Record<string, string> {
	return JSON.parse(
		readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')
	);
}
const de = messages('de');
const ar = messages('ar');
const simple = messages('de-simple');

function watchOrigins(page: Page, baseURL: string): string[] {
	const own = new URL(baseURL).origin;
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/^https?:$/.test(url.protocol) && url.origin !== own) foreign.push(request.url());
	});
	return foreign;
}

interface ApiMeasure {
	code: string;
	status: string | null;
	light: string | null;
	offers: Array<{ id: string; title: string; text_locale: string; url: string }>;
}

/** A field of the demo concept with a measure that has an offer, found through the API. */
async function fieldWithOffer(request: APIRequestContext, locale: 'ar' | 'de' = 'ar') {
	const response = await request.get(`/api/concept?locale=${locale}`);
	expect(response.status()).toBe(200);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	const overview = await response.json();
	expect(overview.url).toMatch(new RegExp(`/${locale}/concept$`));
	const field = overview.fields.find((f: { offers: number }) => f.offers > 0);
	expect(field).toMatchObject({
		code: expect.any(String),
		lights: {
			green: expect.any(Number),
			yellow: expect.any(Number),
			red: expect.any(Number),
			grey: expect.any(Number),
			none: expect.any(Number)
		},
		url: expect.stringMatching(new RegExp(`/${locale}/concept/`))
	});

	const detail = await (await request.get(`${field.api_url}?locale=${locale}`)).json();
	const measures: ApiMeasure[] = detail.goals.flatMap(
		(g: { measures: ApiMeasure[] }) => g.measures
	);
	const measure = measures.find((m) => m.offers.length > 0)!;
	expect(measure.offers[0].url).toContain(`/${locale}/offers/${measure.offers[0].id}`);
	// errors as the API's JSON
	const missing = await request.get('/api/concept/fields/no-such-field');
	expect(missing.status()).toBe(404);
	expect(await missing.json()).toMatchObject({ error: { parameter: 'code' } });
	expect((await request.get('/api/concept?colour=red')).status()).toBe(400);
	return { code: field.code as string, title: field.title as string, measure };
}

test('the implementation status in German, Arabic and Einfache Sprache, from the footer to an offer', async ({
	page,
	request,
	baseURL
}) => {
	const { code, title, measure } = await fieldWithOffer(request);
	const foreign = watchOrigins(page, baseURL!);

	// German: from every page's footer to the overview, then to the field
	await page.goto('/de');
	await page.getByRole('contentinfo').getByRole('link', { name: de['concept.title'] }).click();
	await expect(page).toHaveURL(/\/de\/concept$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(de['concept.title']);
	const fieldLink = page.getByRole('link', { name: new RegExp(title) });
	await expect(fieldLink).toHaveAttribute('href', `/de/concept/${code}`);
	// every field's lights in words and numbers
	await expect(page.getByRole('list', { name: de['concept.lights'] }).first()).toBeVisible();
	expect(await violations(page)).toEqual([]);

	await fieldLink.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	const item = page.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			level: 3,
			name: new RegExp(`(^|\\s)${measure.code.replace(/\./g, '\\.')}(\\s|$)`)
		})
	});
	await expect(item.getByText(de[`status.${measure.status ?? 'none'}`])).toBeVisible();
	await expect(item.getByText(`(${de[`light.${measure.light ?? 'none'}`]})`)).toBeVisible();
	await expect(item.getByText(/^Zuletzt geändert: \d{1,2}\. \S+ \d{4}$/)).toBeVisible();
	// the API was asked in Arabic: the German page names the offer in German, at the same address
	await expect(item.locator(`a[href="/de/offers/${measure.offers[0].id}"]`)).toHaveCount(1);
	expect(await violations(page)).toEqual([]);

	// Arabic: right to left, the concept's words marked German, the labels Arabic
	await page.goto(`/ar/concept/${code}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('h1 [lang="de"]')).toHaveText(title);
	await expect(page.locator('h1 [lang="de"]')).toHaveAttribute('dir', 'ltr');
	await expect(page.getByText(ar['measure.german_only'])).toBeVisible();
	const arItem = page.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			level: 3,
			name: new RegExp(`(^|\\s)${measure.code.replace(/\./g, '\\.')}(\\s|$)`)
		})
	});
	await expect(arItem.getByText(ar[`status.${measure.status ?? 'none'}`])).toBeVisible();
	const offerLink = arItem.getByRole('link', { name: measure.offers[0].title, exact: true });
	await expect(offerLink).toHaveAttribute('href', `/ar/offers/${measure.offers[0].id}`);
	await expect(offerLink).toHaveAttribute('lang', measure.offers[0].text_locale);
	expect(await violations(page)).toEqual([]);
	await page.getByRole('link', { name: ar['concept.back'] }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['concept.title']);
	expect(await violations(page)).toEqual([]);

	// Einfache Sprache: its own words for the plan
	await page.goto(`/de-simple/concept`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(simple['concept.title']);
	await page.getByRole('link', { name: new RegExp(title) }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: simple['concept.field_status'] })
	).toBeVisible();
	expect(await violations(page)).toEqual([]);

	expect(foreign).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('by keyboard from the overview to a field and on to an offer', async ({
		page,
		request
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the same pages as with JavaScript');
		const { title, measure } = await fieldWithOffer(request, 'de');
		await page.goto('/de/week');
		await page.getByRole('contentinfo').getByRole('link', { name: de['concept.title'] }).click();
		await expect(page).toHaveURL(/\/de\/concept$/);
		// the fields come right after the frame's few controls
		const field = page.getByRole('link', { name: new RegExp(title) });
		for (
			let tab = 0;
			tab < 12 && !(await field.evaluate((el) => el === document.activeElement));
			tab++
		) {
			await page.keyboard.press('Tab');
		}
		await expect(field).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
		const offer = page.locator(`a[href="/de/offers/${measure.offers[0].id}"]`).first();
		await offer.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/de/offers/${measure.offers[0].id}$`));
	});
});
