/**
 * The district page serves the neighbourhood (issue 9, step 5), on the production build with
 * the demo data: Sankt Mang's page starts with its Stadtteilbüro, whose address and opening
 * hours are in the first viewport (a 390×844 phone in the phone project), with a call button
 * big enough to tap, the route, the languages in the reader's language, how to get there; then this
 * week's offers, the figures last; in Arabic too; a district without an office of its own names
 * the nearest one. The week page's entries link with ?from=, and the offer page's back link
 * returns to the week at the entry (the offer-page-top spec covers that path without JavaScript).
 * Nothing from another origin; axe clean.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { violations } from '../support/staff';

function messages(locale: string): Record<string, string> {
	return JSON.parse(
		readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')
	);
}
const de = messages('de');
const ar = messages('ar');

/** Requests to another origin than the portal's. */
function watchOrigins(page: Page, baseURL: string): string[] {
	const own = new URL(baseURL).origin;
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/^https?:$/.test(url.protocol) && url.origin !== own) foreign.push(request.url());
	});
	return foreign;
}

test('Sankt Mang starts with its Stadtteilbüro: address and hours in the first viewport', async ({
	page,
	baseURL
}) => {
	const foreign = watchOrigins(page, baseURL!);
	await page.goto('/de/districts/sankt-mang');
	const viewport = page.viewportSize()!;
	const office = page.getByRole('article', { name: 'Stadtteilbüro Sankt Mang' });
	await expect(office).toBeVisible();

	const address = office.getByText('Füssener Straße 45, 87437 Kempten (Allgäu)');
	const hours = office.getByRole('heading', { name: de['office.hours'] });
	const firstDay = office.getByRole('term').first();
	await expect(firstDay).toContainText('Montag');
	for (const [what, locator] of [
		['address', address],
		['hours heading', hours],
		['first weekday', firstDay]
	] as const) {
		const box = (await locator.boundingBox())!;
		test.info().annotations.push({
			type: 'measured',
			description: `${viewport.width}×${viewport.height}: ${what} ends at ${Math.round(box.y + box.height)} px`
		});
		expect(box.y + box.height, what).toBeLessThanOrEqual(viewport.height);
	}
	// today is marked in words, not by colour alone
	await expect(office.getByText(`(${de['office.today']})`)).toHaveCount(1);

	const call = office.getByRole('link', { name: /^Anrufen: 0831 000 0001$/ });
	await expect(call).toHaveAttribute('href', 'tel:08310000001');
	expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	await expect(office.getByRole('link', { name: de['offer.route'] })).toHaveAttribute(
		'href',
		/^https:\/\/www\.openstreetmap\.org\/directions\?to=47\.\d+%2C10\.\d+$/
	);
	// languages in the reader's language: no font of another script is loaded for them
	const languages = office.getByRole('list').filter({ hasText: 'Russisch' });
	await expect(languages.getByRole('listitem').filter({ hasText: /^Russisch$/ })).toHaveCount(1);
	await expect(languages.getByRole('listitem').filter({ hasText: /^Türkisch$/ })).toHaveCount(1);
	await expect(office.getByRole('heading', { name: de['office.directions'] })).toBeVisible();

	// then the week, the offers, the figures last
	const order = await page
		.getByRole('heading', { level: 2 })
		.evaluateAll((headings) => headings.map((h) => h.id || h.textContent?.trim()));
	expect(order[0]).toBe('office-stadtteilbuero-sankt-mang-name');
	expect(order.indexOf('district-week-heading')).toBeLessThan(
		order.indexOf('district-offers-heading')
	);
	expect(order.at(-1)).toBe('district-figures-heading');
	expect(await violations(page)).toEqual([]);
	expect(foreign).toEqual([]);
});

test('the Arabic page names the office’s hours in Arabic, right to left', async ({ page }) => {
	await page.goto('/ar/districts/sankt-mang');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const office = page.getByRole('article', { name: 'Stadtteilbüro Sankt Mang' });
	await expect(office.getByRole('heading', { name: ar['office.hours'] })).toBeVisible();
	await expect(office.getByRole('term').first()).toContainText('الاثنين');
	await expect(office.getByRole('link', { name: /^اتصال هاتفي/ })).toHaveAttribute(
		'href',
		'tel:08310000001'
	);
	// no Arabic directions were written: the English ones, marked as English
	await expect(office.locator('p[lang="en"]').filter({ hasText: 'Bus to the stop' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('a district without a Stadtteilbüro of its own names the nearest one', async ({ page }) => {
	await page.goto('/de/districts/altstadt');
	await expect(page.getByText('Für Altstadt gibt es kein eigenes Stadtteilbüro.')).toBeVisible();
	const nearest = page.getByRole('region', { name: de['office.section'] }).getByRole('article');
	await expect(nearest).toHaveCount(1);
	await expect(nearest.getByRole('heading', { level: 2 })).toContainText(/Stadtteilbüro|Quartier/);
});

test('the week page’s entries return from the offer page to the week, at the entry', async ({
	page
}) => {
	await page.goto('/de/week?district=sankt-mang');
	const link = page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').first();
	const href = (await link.getAttribute('href'))!;
	expect(href).toMatch(/^\/de\/offers\/[0-9a-f-]{36}\?from=%2Fde%2Fweek%3Fdistrict%3Dsankt-mang$/);
	const id = /offers\/([0-9a-f-]{36})/.exec(href)![1];
	// the offer's first entry of the week carries its anchor, once
	await expect(page.locator(`#offer-${id}`)).toHaveCount(1);
	await link.click();
	const back = page.getByRole('link', { name: de['offer.back_to_list'] });
	await expect(back).toHaveAttribute('href', `/de/week?district=sankt-mang#offer-${id}`);
	await back.click();
	await expect(page).toHaveURL(new RegExp(`/de/week\\?district=sankt-mang#offer-${id}$`));
	await expect(page.locator(`#offer-${id}`)).toBeInViewport();
});
