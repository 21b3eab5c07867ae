/**
 * Usage counts (issue 11, item 6), against `node build` with USAGE_FLUSH_MS=1000 (the counts
 * reach the database within a second, playwright.config.ts): a council member opens "Nutzung des
 * Portals" from /city, a visitor without cookies opens the Farsi week page three times, and the
 * Farsi × Woche cell has grown by at least three (other specs run beside this one, so "at least");
 * a month without counts says so; the CSV is the reports' (BOM, semicolons, CRLF); axe clean.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** The Farsi row's count of week pages (the fifth kind: start, search, offer, district, week). */
async function farsiWeek(page: Page): Promise<number> {
	const row = page.getByRole('row', { name: /^Farsi/ });
	if ((await row.count()) === 0) return 0;
	return Number((await row.getByRole('cell').nth(4).textContent())!.replace(/\D/g, ''));
}

test('the city office sees public page views by locale and kind, and exports them', async ({
	page,
	playwright,
	baseURL
}) => {
	await page.goto('/staff/sign-in');
	await signIn(page, DEMO.observer);
	// an observer's start is the city's pages
	await expect(page).toHaveURL(/\/city$/);
	await page.getByRole('link', { name: /^Nutzung des Portals/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nutzung des Portals');
	const before = await farsiWeek(page);

	// a visitor: no cookies, no session
	const visitor = await playwright.request.newContext({ baseURL });
	for (let n = 0; n < 3; n++) expect((await visitor.get('/fa/week')).status()).toBe(200);
	// the staff's own pages are not counted: this does not move any public number
	await visitor.dispose();

	await expect
		.poll(
			async () => {
				await page.reload();
				return farsiWeek(page);
			},
			{ timeout: 15_000 }
		)
		.toBeGreaterThanOrEqual(before + 3);
	expect(await violations(page)).toEqual([]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /als CSV herunterladen/ }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^nutzung-\d{4}-\d{2}\.csv$/);
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv.startsWith('\uFEFFSprache;Startseite;Suche;Angebot;')).toBe(true);
	const farsi = csv.split('\r\n').find((line) => line.startsWith('Farsi;'))!;
	expect(Number(farsi.split(';')[5])).toBeGreaterThanOrEqual(before + 3);

	// a month without counts says so honestly
	await page.getByLabel('Monat').fill('2020-01');
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page.getByText('Für Januar 2020 gibt es keine Zählungen.')).toBeVisible();
});
