/**
 * The offer editor against `node build`: an editor creates a draft offer from the dashboard
 * with a phone number as people write it, gets a bad e-mail address named next to its field
 * with the rest of the input kept, saves, edits and publishes it; a second browser saving with
 * the version it read before gets the conflict message and keeps its input; axe finds no
 * violation on the form and the offer page.
 *
 * Each browser project works on an offer of its own (its title names the project).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** A second person's browser, signed in as the same editor. */
async function secondEditor(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ locale: 'de-DE' });
	const page = await context.newPage();
	await signInAs(page, DEMO.editor);
	return page;
}

test('an editor creates, edits and publishes an offer; a stale save is a conflict that keeps the input', async ({
	page,
	browser
}, testInfo) => {
	// two browsers, four saves and axe four times: longer than the default on two loaded cores
	test.slow();
	const title = `Editor-Test ${testInfo.project.name} ${Date.now()}`;
	await signInAs(page, DEMO.editor);
	await page.getByRole('link', { name: 'Neues Angebot' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Neues Angebot' })).toBeVisible();
	expect(await violations(page)).toEqual([]);

	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Kategorie').selectOption({ label: 'Begegnungscafé' });
	await page.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee.');
	await page.getByRole('checkbox', { name: 'Arabisch' }).check();
	await page.getByLabel('Telefon', { exact: true }).fill('030 – 746 900 50');
	const email = page.getByLabel('E-Mail-Adresse für Fragen');
	await email.fill('mailto:info@example.org');
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();

	await expect(email).toHaveAttribute('aria-invalid', 'true');
	await expect(email).toHaveAccessibleDescription(
		'Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.'
	);
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
	await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('030 – 746 900 50');
	await expect(page.getByRole('checkbox', { name: 'Arabisch' })).toBeChecked();
	expect(await violations(page)).toEqual([]);

	await email.fill('info@example.org');
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(
		page.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await expect(page.getByText('Entwurf', { exact: true })).toBeVisible();
	expect(await violations(page)).toEqual([]);
	const offerPath = new URL(page.url()).pathname;

	// edit: the form holds what was saved
	await page.getByRole('link', { name: 'Angebot bearbeiten' }).click();
	await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('030 – 746 900 50');
	await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue('Deutsch sprechen bei Tee.');
	expect(await violations(page)).toEqual([]);

	// someone else saves in between
	const other = await secondEditor(browser);
	// typed after hydration: text typed into the textarea before it was hydrated came out
	// with the saved text in front of it once (phone project, clean-clone run of 1 December)
	await other.goto(`${offerPath}/edit`, { waitUntil: 'networkidle' });
	await other.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee und Gebäck.');
	await other.getByRole('button', { name: 'Speichern' }).click();
	await expect(
		other.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await other.context().close();

	await page.getByLabel('Kurzbeschreibung').fill('Meine Fassung.');
	await page.getByRole('button', { name: 'Speichern' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(`${DEMO.editor} hat dieses Angebot am`);
	// the merge view: the other person's text next to this input, which stays in the form
	const changes = alert.getByRole('table', { name: 'Gespeicherte Fassung und Ihre Eingabe' });
	await expect(changes.getByRole('row')).toHaveCount(2);
	await expect(changes.getByRole('row', { name: /Kurzbeschreibung/ })).toHaveText(
		/Kurzbeschreibung\s*Deutsch sprechen bei Tee und Gebäck\.\s*Meine Fassung\./
	);
	await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue('Meine Fassung.');
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
	expect(await violations(page)).toEqual([]);

	// merged: take part of their text, save against their version
	await page.getByLabel('Kurzbeschreibung').fill('Meine Fassung, mit Gebäck.');
	await page.getByRole('button', { name: 'Speichern' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Angebot bearbeiten' }).click();
	await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue('Meine Fassung, mit Gebäck.');
	await page.getByRole('link', { name: 'Zurück zum Angebot' }).click();

	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('status')).toHaveText('Der Status des Angebots ist geändert.');
	await expect(page.getByRole('link', { name: 'Öffentliche Seite des Angebots' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a bad phone number is named next to its field and everything typed stays', async ({
		page
	}, testInfo) => {
		const title = `Editor ohne JS ${testInfo.project.name} ${Date.now()}`;
		await signInAs(page, DEMO.editor);
		await page.goto('/staff/offers/new');
		await page.getByLabel('Titel', { exact: true }).fill(title);
		await page.getByRole('checkbox', { name: 'Frauen', exact: true }).check();
		await page.getByLabel('Mit Kinderbetreuung').check();
		const phone = page.getByLabel('Telefon', { exact: true });
		await phone.fill('0831 <b>');
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();

		await expect(phone).toHaveAttribute('aria-invalid', 'true');
		await expect(phone).toHaveValue('0831 <b>');
		await expect(page.getByText('Bitte eine Telefonnummer mit mindestens 3 Ziffern')).toBeVisible();
		await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
		await expect(page.getByRole('checkbox', { name: 'Frauen', exact: true })).toBeChecked();
		await expect(page.getByLabel('Mit Kinderbetreuung')).toBeChecked();

		await phone.fill('0157 … oder 030 …');
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(
			page.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
		).toBeVisible();
	});
});
