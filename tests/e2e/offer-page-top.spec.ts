/**
 * When, where, how on top (issue 9, step 3), on the production build with the demo data: on a
 * 390×844 phone the offer page shows the next date and the call, route and calendar buttons
 * without scrolling (/ar and /de); a list card shows its next date; "back" returns to the list
 * with its filters, at the card, with and without JavaScript; the calendar file is named after
 * the offer. Nothing is loaded from another origin.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	asciiFilename,
	contentDisposition,
	unicodeFilename
} from '../../src/lib/calendar-filename';

function messages(locale: string): Record<string, string> {
	return JSON.parse(
		readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')
	);
}
const MESSAGES: Record<string, Record<string, string>> = { ar: messages('ar'), de: messages('de') };
const de = MESSAGES.de!;

/** An offer of the list's first pages with a phone, a position and dates: all three buttons. */
async function offerWithAllButtons(request: APIRequestContext, locale: string): Promise<string> {
	for (let number = 1; number <= 4; number++) {
		const list = await (await request.get(`/${locale}?page=${number}`)).text();
		const hrefs = [...list.matchAll(/href="(\/[a-z-]+\/offers\/[0-9a-f-]{36})[?"]/g)].map(
			(match) => match[1]!
		);
		for (const href of new Set(hrefs)) {
			const html = await (await request.get(href)).text();
			if (
				html.includes('href="tel:') &&
				html.includes('openstreetmap.org/directions') &&
				html.includes('/calendar.ics"') &&
				/<time class="offer-top__date/.test(html)
			) {
				return href;
			}
		}
	}
	throw new Error(`no offer with phone, position and dates on /${locale}`);
}

/** Records where something ends, in CSS pixels from the top of the page. */
async function bottom(page: Page, name: string, locator: ReturnType<Page['locator']>) {
	const box = (await locator.boundingBox())!;
	const end = Math.round(box.y + box.height);
	test.info().annotations.push({ type: 'measured', description: `${name}: ends at ${end} px` });
	return end;
}

/** Every request the page makes goes to its own origin. */
function watchOrigins(page: Page, baseURL: string): string[] {
	const foreign: string[] = [];
	const own = new URL(baseURL).origin;
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/^https?:$/.test(url.protocol) && url.origin !== own) foreign.push(request.url());
	});
	return foreign;
}

for (const locale of ['ar', 'de'] as const) {
	test(`/${locale}: the next date and call, route, calendar are in the first viewport`, async ({
		page,
		request,
		baseURL
	}) => {
		const m = MESSAGES[locale]!;
		const href = await offerWithAllButtons(request, locale);
		const foreign = watchOrigins(page, baseURL!);
		await page.goto(href);
		const viewport = page.viewportSize()!;

		const top = page.getByRole('article');
		const next = top
			.getByRole('definition')
			.filter({ has: page.locator('time') })
			.first();
		await expect(next).toBeVisible();
		const call = page.getByRole('link', { name: m['offer.call'], exact: true });
		const route = page.getByRole('link', { name: m['offer.route'], exact: true });
		const calendar = page.getByRole('link', { name: m['offer.add_to_calendar'], exact: true });
		await expect(call).toHaveAttribute('href', /^tel:\+?\d+$/);
		await expect(route).toHaveAttribute(
			'href',
			/^https:\/\/www\.openstreetmap\.org\/directions\?to=/
		);
		await expect(calendar).toHaveAttribute('href', /\/calendar\.ics$/);

		const ends = [
			await bottom(page, `/${locale} ${viewport.width}×${viewport.height} next date`, next),
			await bottom(page, `/${locale} call`, call),
			await bottom(page, `/${locale} route`, route),
			await bottom(page, `/${locale} add to calendar`, calendar)
		];
		for (const end of ends) expect(end).toBeLessThanOrEqual(viewport.height);
		// the buttons are big enough to tap
		for (const button of [call, route, calendar]) {
			expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		}
		// registration says how, and the concept comes after contact
		await expect(page.getByRole('region', { name: m['offer.registration'] })).toBeVisible();
		const order = await page
			.getByRole('heading', { level: 2 })
			.evaluateAll((headings) => headings.map((h) => h.id));
		expect(order.indexOf('measures-heading')).toBeGreaterThan(order.indexOf('contact-heading'));
		expect(foreign).toEqual([]);
	});
}

test('a card of the list shows its next date and the place', async ({ page }) => {
	await page.goto('/de');
	const cards = page.getByRole('main').getByRole('article');
	await expect(cards.first()).toBeVisible();
	const dated = cards.filter({ has: page.locator('time[datetime]') });
	expect(await dated.count()).toBeGreaterThan(0);
	// "Dienstag, 1. Dezember · 10:00–12:00"
	await expect(dated.first().locator('time')).toHaveText(
		/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \S+ · \d{1,2}:\d{2}/
	);
	// and where: the street and the district, named for screen readers
	await expect(dated.first().getByRole('term').filter({ hasText: de['offer.place'] })).toHaveCount(
		1
	);
	const counted = await dated.count();
	test.info().annotations.push({
		type: 'measured',
		description: `/de page 1: ${counted} of ${await cards.count()} cards show a next date`
	});
});

for (const javaScriptEnabled of [true, false]) {
	test(`"back" returns to the list with its filters, at the card (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL, javaScriptEnabled });
		const page = await context.newPage();
		const list = '/de?category=language_course&free=true';
		await page.goto(list);
		const link = page
			.getByRole('main')
			.getByRole('article')
			.first()
			.getByRole('heading')
			.getByRole('link');
		const title = (await link.textContent())!.trim();
		await link.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const id = /\/offers\/([0-9a-f-]{36})/.exec(page.url())![1]!;

		await page.getByRole('link', { name: de['offer.back_to_list'] }).click();
		await expect(page).toHaveURL(
			new RegExp(`/de\\?category=language_course&free=true#offer-${id}$`)
		);
		// on a phone the filters wait in their closed sheet
		await expect(
			page.getByRole('checkbox', { name: /^Sprachkurs/, includeHidden: true }).first()
		).toBeChecked();
		// the card the reader opened is in view
		await expect(page.locator(`#offer-${id}`)).toBeInViewport();
		await context.close();
	});
}

test('a "from" that is no list of the portal leads back to the start page', async ({
	page,
	request
}) => {
	const href = await offerWithAllButtons(request, 'de');
	await page.goto(`${href}?from=${encodeURIComponent('https://evil.example/de')}`);
	await expect(page.getByRole('link', { name: de['offer.back'] })).toHaveAttribute('href', '/de');
});

test('the calendar file is named after the offer', async ({ page, request }) => {
	const href = await offerWithAllButtons(request, 'de');
	await page.goto(href);
	const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	const response = await request.get(`${href}/calendar.ics`);
	const header = response.headers()['content-disposition'];
	expect(header).toBe(contentDisposition(title));
	expect(header).toContain(`filename="${asciiFilename(title)}"`);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: de['offer.add_to_calendar'], exact: true }).click()
	]);
	expect(download.suggestedFilename()).toBe(unicodeFilename(title));
});
