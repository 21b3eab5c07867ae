/**
 * A Stadtteilbüro's facts on the staff page (issue 9, step 5), against the production build:
 * from the dashboard a member opens "Öffnungszeiten und Sprachen", gets a closing time before
 * the opening time named next to its field with the input kept, saves hours, a note, a language
 * and directions, and the public district page shows them. axe clean (it needs JavaScript);
 * the phone project saves without JavaScript.
 *
 * Each browser project edits an organisation of its own: the desktop the Stadtteilbüro Sankt
 * Mang (its editor; the district page shows it), the phone the vhs Kempten (its admin).
 */
import { expect, test } from '@playwright/test';
import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

test('a member keeps the office’s hours, languages and directions current', async ({
	browser,
	baseURL
}, testInfo) => {
	test.slow();
	const phone = testInfo.project.name === 'phone';
	// the phone works without JavaScript, where axe cannot run
	const context = await browser.newContext({
		baseURL,
		locale: 'de-DE',
		javaScriptEnabled: !phone
	});
	const page = await context.newPage();
	const axe = async () => (phone ? [] : violations(page));
	const account = phone ? DEMO.vhsAdmin : DEMO.editor;
	const name = phone ? 'vhs Kempten' : 'Stadtteilbüro Sankt Mang';
	const note = `Termine nach Vereinbarung (${testInfo.project.name} ${Date.now()})`;

	await signInAs(page, account);
	await page
		.getByRole('listitem')
		.filter({ hasText: name })
		.getByRole('link', { name: 'Öffnungszeiten und Sprachen' })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Öffnungszeiten und mehr: ${name}` })
	).toBeVisible();
	expect(await axe()).toEqual([]);

	const saturday = page.getByRole('group', { name: 'Samstag' });
	await saturday.getByLabel('von', { exact: true }).fill('12:00');
	await saturday.getByLabel('bis', { exact: true }).fill('10:00');
	await page.getByLabel('Hinweis zu den Öffnungszeiten (Deutsch)').fill(note);
	await page.getByRole('button', { name: 'Speichern' }).click();

	// refused at its field, the rest kept
	const closes = saturday.getByLabel('bis', { exact: true });
	await expect(closes).toHaveAttribute('aria-invalid', 'true');
	await expect(saturday.getByText('„Bis“ muss nach „von“ liegen.')).toBeVisible();
	await expect(page.getByLabel('Hinweis zu den Öffnungszeiten (Deutsch)')).toHaveValue(note);
	expect(await axe()).toEqual([]);

	await saturday.getByLabel('von', { exact: true }).fill('10:00');
	await closes.fill('12:30');
	await page.getByRole('checkbox', { name: /^Polski/ }).check();
	await page.getByLabel('So kommt man hin (Deutsch)').fill('Bus 1 bis Rathaus.');
	await page.getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Gespeichert. Die Seite des Stadtteils zeigt jetzt die neuen Angaben.'
	);
	await expect(saturday.getByLabel('bis', { exact: true })).toHaveValue('12:30');
	await expect(page.getByRole('checkbox', { name: /^Polski/ })).toBeChecked();

	if (!phone) {
		// the district page shows it to visitors at once
		await page.goto('/de/districts/sankt-mang');
		const office = page.getByRole('article', { name });
		await expect(office.getByText(note)).toBeVisible();
		await expect(
			office.getByRole('definition').filter({ hasText: /^10:00–12:30 Uhr$/ })
		).toHaveCount(1);
		// the languages in the reader's language
		await expect(office.getByRole('listitem').filter({ hasText: /^Polnisch$/ })).toHaveCount(1);
	}
	await context.close();
});

test('a person of another organisation cannot open an office’s page', async ({ page }) => {
	await signInAs(page, DEMO.vhsAdmin);
	const response = await page.goto('/staff/organisations/stadtteilbuero-sankt-mang/office');
	expect(response!.status()).toBe(404);
});
