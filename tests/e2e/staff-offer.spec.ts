/**
 * The staff offer page against `node build`: an editor opens an own offer from the dashboard,
 * confirms it as still valid, sees the date and the change in its history, and visitors see
 * "last checked on" on its public page; another organisation's offer is a 404 for them; axe
 * finds no violation on the page.
 *
 * Both browser projects confirm the same offer: the second finds it confirmed today already,
 * which changes nothing, so the history's entry is the first project's.
 */
import { expect, test } from '@playwright/test';

import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** Today as the pages write a date in German ("30. November 2026"). */
const today = () =>
	new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());

test('an editor confirms an own offer as still valid and sees it in the history and on the public page', async ({
	page
}) => {
	await signInAs(page, DEMO.editor);
	const row = page.getByRole('row').filter({ hasText: 'Veröffentlicht' }).first();
	const link = row.getByRole('link').first();
	const title = (await link.textContent())!.trim();
	// a title wrapped over lines may have no point of its own in the middle of its box: the
	// keyboard opens it on any screen
	await link.press('Enter');
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	expect(await violations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Noch aktuell' }).click();
	await expect(page.getByRole('status')).toHaveText('Das Angebot ist als aktuell bestätigt.');
	const verified = page.getByRole('definition').filter({ hasText: today() });
	await expect(verified).toBeVisible();
	await expect(verified).not.toContainText('fällig');

	const history = page.getByRole('region', { name: 'Verlauf' });
	const confirmation = history
		.getByRole('listitem')
		.filter({ hasText: DEMO.editor })
		.filter({ hasText: 'Zuletzt bestätigt' });
	await expect(confirmation.first()).toContainText('Angebot geändert');
	expect(await violations(page)).toEqual([]);

	await page.getByRole('link', { name: 'Öffentliche Seite des Angebots' }).click();
	await expect(page).toHaveURL(/\/de\/offers\/[0-9a-f-]{36}$/);
	// the public caches follow the data version within about a second
	await expect(async () => {
		await page.reload();
		await expect(page.getByText(`Zuletzt geprüft am ${today()}`)).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 15_000 });
});

test('an editor tags an own offer with cross-cutting themes of the concept', async ({
	page
}, testInfo) => {
	await signInAs(page, DEMO.editor);
	// each project its own offer: the form sends the whole choice
	const row = page
		.getByRole('row')
		.filter({ hasText: 'Veröffentlicht' })
		.nth(testInfo.project.name === 'phone' ? 1 : 2);
	await row.getByRole('link').first().press('Enter');
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}$/);
	const themes = page.getByRole('group', { name: 'Dieses Angebot dient den Themen' });
	await themes.getByLabel('Frauen').check();
	await themes.getByLabel('Ehrenamt').uncheck();
	await page.getByRole('button', { name: 'Themen speichern' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Themen gespeichert.' })).toBeVisible();
	await page.reload();
	await expect(themes.getByLabel('Frauen')).toBeChecked();
	await expect(themes.getByLabel('Ehrenamt')).not.toBeChecked();
	expect(await violations(page)).toEqual([]);
});

test("another organisation's offer, an unknown id and a malformed one are not found", async ({
	page,
	request
}) => {
	const answer = await request.get('/api/offers?q=vhs&limit=100');
	const { offers } = (await answer.json()) as {
		offers: { id: string; organisation_name: string }[];
	};
	const vhs = offers.find((offer) => offer.organisation_name === 'vhs Kempten');
	expect(vhs, 'a published offer of the vhs Kempten').toBeDefined();

	await signInAs(page, DEMO.editor);
	for (const id of [vhs!.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
		const response = await page.goto(`/staff/offers/${id}`);
		expect(response?.status(), id).toBe(404);
	}
});
