/**
 * The integration office keeps its concept's status, against `node build`: the measures with
 * their lights, late flags and offers; one measure's status changed with a justification, which
 * the history shows with who and why; a change without a justification refused at its field;
 * axe clean; the public status page shows the new light in Arabic. Each browser project changes
 * its own measure. An observer (a council member)
 * reads the same pages and cannot change them, not even by posting the form.
 */
import { expect, test } from '@playwright/test';
import { DEMO, signIn, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

test('a status change with its justification lands in the measure’s history', async ({
	page
}, testInfo) => {
	const code = testInfo.project.name === 'phone' ? '6.8.2' : '6.8.3';
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/city');
	await page.getByRole('link', { name: 'Maßnahmen und Stand der Umsetzung' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maßnahmen des Konzepts');
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(6);
	expect(await violations(page)).toEqual([]);

	// by keyboard: on a phone, after the import spec, a wrapped title's link left the middle of
	// its box to the cell (a click there met the <th>), as on the staff dashboard
	await page
		.getByRole('link', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) })
		.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(code);

	// without a justification: refused at the field, nothing saved
	await page.getByLabel('Neuer Stand').selectOption({ label: 'In Umsetzung (Mitte)' });
	await page.getByRole('button', { name: 'Stand speichern' }).click();
	await expect(
		page.getByText('Bitte begründen Sie die Änderung in ein paar Worten.')
	).toBeVisible();

	await page
		.getByLabel('Begründung')
		.fill(`Zwei von vier Kursen laufen (${testInfo.project.name})`);
	await page.getByRole('button', { name: 'Stand speichern' }).click();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Gespeichert. Die Änderung steht in der Geschichte.' })
	).toBeVisible();
	const history = page.getByRole('region', { name: 'Geschichte des Stands' });
	await expect(history.getByRole('listitem').first()).toContainText('In Umsetzung (Mitte)');
	await expect(history.getByRole('listitem').first()).toContainText(
		`Zwei von vier Kursen laufen (${testInfo.project.name})`
	);
	await expect(history.getByRole('listitem').first()).toContainText(DEMO.cityAdmin);
	expect(await violations(page)).toEqual([]);

	// the public status page of the measure's field shows the new light, in Arabic too (the
	// caches follow the data version within a second)
	const measure = page.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			level: 3,
			name: new RegExp(`(^|\\s)${code.replace(/\./g, '\\.')}(\\s|$)`)
		})
	});
	await expect(async () => {
		await page.goto('/ar/concept/6');
		await expect(measure.getByText('قيد التنفيذ (المنتصف)')).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 15_000 });
});

test('an observer reads the concept and cannot change a status', async ({ page }) => {
	await page.goto('/staff/sign-in');
	await signIn(page, DEMO.observer);
	// an observer's start is the city's pages, without the import and the organisations
	await expect(page).toHaveURL(/\/city$/);
	await expect(
		page.getByRole('link', { name: 'Konzept aus einer Tabelle importieren' })
	).toHaveCount(0);
	await page.getByRole('link', { name: 'Maßnahmen und Stand der Umsetzung' }).click();
	await page.getByRole('link', { name: /^1\.1\.1 / }).press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('1.1.1');
	await expect(page.getByRole('button', { name: 'Stand speichern' })).toHaveCount(0);

	const response = await page.request.post(`${page.url()}?/status`, {
		form: { status: 'done', note: 'Ein Beobachter versucht es', expected: '' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(response.status()).toBe(403);
	await page.goto('/city/concept/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kein Zugriff');
});

test('the office edits every column of a measure and records a measured value with its source', async ({
	page
}, testInfo) => {
	const code = testInfo.project.name === 'phone' ? '6.7.2' : '6.7.3';
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/city/concept');
	await page
		.getByRole('link', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) })
		.press('Enter');
	await page.waitForURL(/\/city\/concept\/measures\//);
	const measureUrl = page.url();
	await page.getByRole('link', { name: 'Alle Spalten bearbeiten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Maßnahme ${code} bearbeiten`);

	// a bad end date and a bad target are refused at their fields, nothing saved
	await page.getByLabel('Beginn', { exact: true }).fill('2026-03-01');
	await page.getByLabel('Ende', { exact: true }).fill('2025-03-01');
	const newRow = page.getByRole('group', { name: 'Neuer Indikator' });
	await newRow.getByLabel('Beschreibung').fill('Teilnehmende je Treffen');
	await newRow.getByLabel('Zielwert').fill('zwölf');
	await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(page.getByText('Das Ende liegt vor dem Beginn.')).toBeVisible();
	await expect(page.getByText('Bitte eine Zahl angeben, z. B. 12 oder 2,5.')).toBeVisible();

	await page.getByLabel('Ende', { exact: true }).fill('2027-12-31');
	await newRow.getByLabel('Zielwert').fill('12,5');
	await newRow.getByLabel('Einheit').fill('Personen');
	await page.getByLabel('verantwortlich').fill(`Amt für Integration (${testInfo.project.name})`);
	expect(await violations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(page).toHaveURL(`${measureUrl}?saved=columns`);
	await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
	await expect(page.getByText(`Amt für Integration (${testInfo.project.name})`)).toBeVisible();

	const indicators = page.getByRole('region', { name: 'Indikatoren' });
	await expect(indicators.getByText('Ziel: 12,5 Personen')).toBeVisible();
	const record = page.getByRole('form', { name: 'Messwert eintragen' });
	await record.getByLabel('Indikator').selectOption({ label: 'Teilnehmende je Treffen' });
	await record.getByLabel('Datum').fill('2026-06-30');
	await record.getByLabel('Wert').fill('9');
	await record.getByLabel('Quelle', { exact: true }).fill('Teilnahmelisten Juni');
	await record.getByRole('button', { name: 'Messwert speichern' }).click();
	const article = indicators.getByRole('article', { name: 'Teilnehmende je Treffen' });
	await expect(article.getByRole('cell', { name: 'Teilnahmelisten Juni' })).toBeVisible();
	await expect(
		article.getByRole('img', { name: /Ein Messwert: 9; Ziel 12,5 Personen/ })
	).toBeVisible();
	// the columns' notice gave way to the value's own
	await expect(page.getByRole('status').filter({ hasText: /^Gespeichert\.$/ })).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'Messwert gespeichert.' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});
