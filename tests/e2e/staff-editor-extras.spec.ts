/**
 * The offer editor's extras against `node build`: the place picked on the map (a click on the
 * canvas, then the keyboard), the district the map expects and the database assigns on saving;
 * a KIK measure found by typing its code; the preview of the draft's public page in Arabic
 * (right to left, marked as a preview, not indexed); copying the offer from its page; without
 * JavaScript, the measures as check boxes grouped by field of action; a person without an
 * organisation gets a message instead of the form. axe finds no violation.
 *
 * Each browser project works on offers of its own (their titles name the project).
 */
import { expect, test, type Page } from '@playwright/test';

import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** Fills the new-offer form's title and saves; returns the offer page's path. */
async function saveNew(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);
	return new URL(page.url()).pathname;
}

test('the place is picked on the map by click and keyboard, a measure by its code; saving assigns the district', async ({
	page
}, testInfo) => {
	const title = `Kartenwahl ${testInfo.project.name} ${Date.now()}`;
	await signInAs(page, DEMO.editor);
	await page.goto('/staff/offers/new');
	await page.getByLabel('Titel', { exact: true }).fill(title);
	const lat = page.getByLabel('Breitengrad');
	const lng = page.getByLabel('Längengrad');

	await page.getByRole('button', { name: 'Punkt auf der Karte wählen' }).click();
	const canvas = page.getByTestId('point-map-canvas');
	await expect(canvas).toBeVisible();
	const toCenter = page.getByRole('button', { name: 'Punkt in die Kartenmitte setzen' });
	await expect(toCenter).toBeVisible();

	// a click on the map sets the point, rounded to 6 decimals
	const box = (await canvas.boundingBox())!;
	await canvas.click({ position: { x: box.width / 2 + 10, y: box.height / 2 + 10 } });
	await expect(lat).toHaveValue(/^4[0-9]\.[0-9]{1,6}$/);
	await expect(lng).toHaveValue(/^1[0-9]\.[0-9]{1,6}$/);
	const status = page.getByRole('status').filter({ hasText: 'Gewählt:' });
	await expect(status).toContainText(
		`Gewählt: ${await lat.inputValue()}, ${await lng.inputValue()}`
	);

	// the keyboard: the point to the middle of the map, then the arrows move it
	await toCenter.focus();
	await page.keyboard.press('Enter');
	const marker = page.getByRole('button', { name: /^Gewählter Ort: / });
	await expect(marker).toBeFocused();
	const centreLng = Number(await lng.inputValue());
	const centreLat = Number(await lat.inputValue());
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Shift+ArrowUp');
	await expect.poll(async () => Number(await lng.inputValue())).toBeGreaterThan(centreLng);
	await expect.poll(async () => Number(await lat.inputValue())).toBeGreaterThan(centreLat);
	await expect(marker).toHaveAccessibleName(
		`Gewählter Ort: ${await lat.inputValue()}, ${await lng.inputValue()}. Mit den Pfeiltasten verschieben.`
	);
	await expect(status).toContainText('Stadtteil nach dem Speichern voraussichtlich: ');
	const expected = (await status.textContent())!.match(/voraussichtlich: (.+)$/)![1].trim();

	// a measure by its code
	await page.getByLabel('Maßnahmen filtern').fill('1.2.1');
	await expect(page.getByRole('status').filter({ hasText: 'passt' })).toHaveText(
		'1 Maßnahme passt.'
	);
	const measure = page.getByRole('checkbox', { name: /^1\.2\.1 / });
	await measure.check();
	await expect(page.getByText('1 Maßnahme gewählt').first()).toBeVisible();
	expect(await violations(page)).toEqual([]);

	// the offer page and the editor name the district the database assigned
	const district = page
		.locator('dl.facts > div')
		.filter({ has: page.locator('dt', { hasText: /^Stadtteil$/ }) })
		.locator('dd');
	const offerPath = await saveNew(page);
	await expect(district).toHaveText(expected);
	await page.goto(`${offerPath}/edit`);
	await expect(district).toHaveText(expected);
	await expect(page.getByRole('checkbox', { name: /^1\.2\.1 / })).toBeChecked();
	await expect(lat).not.toHaveValue('');
	expect(await violations(page)).toEqual([]);
});

test('the preview shows the draft public page in Arabic, right to left; copying opens the copy', async ({
	page
}, testInfo) => {
	const title = `Vorschau ${testInfo.project.name} ${Date.now()}`;
	await signInAs(page, DEMO.editor);
	await page.goto('/staff/offers/new');
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee.');
	const offerPath = await saveNew(page);

	await page.getByRole('link', { name: 'Vorschau' }).click();
	await expect(page.getByText('Vorschau – nicht veröffentlicht')).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Sprache der Vorschau' })
		.getByRole('link', { name: 'العربية' })
		.click();
	await expect(page).toHaveURL(new RegExp(`${offerPath}/preview\\?locale=ar$`));
	const publicPage = page.locator('[dir="rtl"][lang="ar"]');
	await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText(title);
	// the public page's own parts, in Arabic (its text falls back to German, and says so)
	await expect(publicPage.getByRole('heading', { level: 2 }).first()).not.toHaveText('');
	await expect(page.getByText('Vorschau – nicht veröffentlicht')).toBeVisible();
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	expect(await violations(page)).toEqual([]);

	// the draft is still no public page
	const visitor = await page.context().browser()!.newContext();
	const response = await (await visitor.newPage()).goto(`/ar/offers/${offerPath.split('/')[3]}`);
	expect(response?.status()).toBe(404);
	await visitor.close();

	await page.goto(offerPath);
	await page.getByRole('button', { name: 'Als Entwurf kopieren' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\/edit$/);
	expect(new URL(page.url()).pathname).not.toBe(`${offerPath}/edit`);
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(`${title} (Kopie)`);
});

test('a person without an organisation gets a message instead of the new-offer form', async ({
	page,
	browser
}, testInfo) => {
	// two people, an invitation and a new password: longer than most
	test.slow();
	const person = `ohne-organisation-${testInfo.project.name}-${Date.now()}@demo.example.org`;
	// the city office invites them to an organisation and removes them again
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/staff/organisations/stadtteilbuero-sankt-mang/staff');
	const invite = page.getByRole('region', { name: 'Jemanden einladen' });
	await invite.getByLabel('E-Mail-Adresse').fill(person);
	await invite.getByLabel('Rolle').selectOption('editor');
	await invite.getByRole('button', { name: 'Einladen' }).click();
	const link = (await invite.locator('code').textContent())!.trim();

	const theirs = await browser.newContext({ locale: 'de-DE' });
	const newcomer = await theirs.newPage();
	await newcomer.goto(link);
	await newcomer.getByRole('button', { name: 'Weiter' }).click();
	await newcomer.getByLabel('Neues Passwort', { exact: true }).fill('ein-gutes-passwort');
	await newcomer.getByLabel('Neues Passwort wiederholen').fill('ein-gutes-passwort');
	await newcomer.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(newcomer).toHaveURL(/\/staff\?saved=password$/);

	await page.reload();
	const row = page.getByRole('row', { name: new RegExp(person) });
	await row.locator('summary').click();
	await row.getByRole('button', { name: `${person} wirklich entfernen` }).click();
	await expect(page.getByRole('row', { name: new RegExp(person) })).toHaveCount(0);

	await newcomer.goto('/staff/offers/new');
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Neues Angebot');
	await expect(newcomer.getByRole('status')).toHaveText(
		/Sie gehören zu keiner Organisation, für die Sie Angebote anlegen können\./
	);
	await expect(newcomer.getByRole('button', { name: 'Entwurf speichern' })).toHaveCount(0);
	expect(await violations(newcomer)).toEqual([]);
	await theirs.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the measures are check boxes grouped by field of action; the typed point is kept', async ({
		page
	}, testInfo) => {
		const title = `Maßnahmen ohne JS ${testInfo.project.name} ${Date.now()}`;
		await signInAs(page, DEMO.editor);
		await page.goto('/staff/offers/new');
		await expect(page.getByRole('button', { name: 'Punkt auf der Karte wählen' })).toHaveCount(0);
		await expect(page.getByLabel('Maßnahmen filtern')).toHaveCount(0);
		await page.getByLabel('Titel', { exact: true }).fill(title);
		await page.getByLabel('Breitengrad').fill('47,7262');
		await page.getByLabel('Längengrad').fill('10,3139');
		await page.getByText('Sprache und Bildung').click();
		await page.getByRole('checkbox', { name: /^1\.2\.1 / }).check();
		const offerPath = await saveNew(page);
		await page.goto(`${offerPath}/edit`);
		await expect(page.getByRole('checkbox', { name: /^1\.2\.1 / })).toBeChecked();
		// (axe needs JavaScript: the same form is checked in the tests above)
		await expect(page.getByLabel('Breitengrad')).toHaveValue('47.7262');
	});
});
