/**
 * The integration office imports a concept from its spreadsheet, against `node build`: a dry
 * run that lists what would change and changes nothing, the import from the file kept in the
 * page, the same file again changing nothing, and a file with bad rows refused with each row and
 * its reason. Each browser project imports into its own new concept, so the current concept and
 * the public pages stay as they are.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signInAs, violations } from '../support/staff';
import { kikCsv, kikRows, kikWorkbook } from '../support/kik-workbook';

test.use({ locale: 'de-DE' });

async function chooseFile(page: Page, name: string, bytes: Uint8Array, mimeType: string) {
	await page
		.getByLabel('Tabelle (.xlsx oder .csv)')
		.setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

async function intoNewConcept(page: Page, slug: string) {
	await page
		.locator('summary')
		.filter({ hasText: 'Stattdessen ein neues Konzept anlegen' })
		.press('Enter');
	await page.getByLabel('Kurzname in der Adresse').fill(slug);
	await page.getByLabel('Titel des neuen Konzepts').fill(`Testkonzept ${slug}`);
}

test('a dry run, then the import, then the same file again changes nothing', async ({
	page
}, testInfo) => {
	test.slow();
	const slug = `kik-test-${testInfo.project.name}`;
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/city');
	await page.getByRole('link', { name: 'Konzept aus einer Tabelle importieren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konzept importieren');
	expect(await violations(page)).toEqual([]);

	await chooseFile(
		page,
		'kik.xlsx',
		await kikWorkbook(),
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
	await intoNewConcept(page, slug);
	await page.getByRole('button', { name: 'Probelauf: zeigen, was sich ändert' }).click();

	const report = page.getByRole('region', { name: 'Probelauf: das würde sich ändern' });
	await expect(report).toContainText('kik.xlsx: 3 Maßnahmen für „Testkonzept');
	await expect(report).toContainText('Das Konzept wird neu angelegt.');
	await expect(report.getByRole('row', { name: 'Maßnahmen 3 0' })).toBeVisible();
	await expect(report).toContainText('Noch wurde nichts geändert.');
	expect(await violations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Jetzt importieren: kik.xlsx' }).click();
	const done = page.getByRole('region', { name: 'Importiert' });
	await expect(done).toContainText('3 Maßnahmen in „Testkonzept');

	// the same table as CSV into the concept just made: nothing changes
	await chooseFile(page, 'kik.csv', kikCsv(), 'text/csv');
	await page.getByLabel('In welches Konzept?').selectOption({ label: `Testkonzept ${slug}` });
	await page.getByRole('button', { name: 'Probelauf: zeigen, was sich ändert' }).click();
	const again = page.getByRole('region', { name: 'Probelauf: das würde sich ändern' });
	await expect(again).toContainText('3 Maßnahmen der Datei bleiben, wie sie sind.');
	await expect(again.getByRole('row', { name: 'Maßnahmen 0 0' })).toBeVisible();
});

test('a file with bad rows is refused, each row with its reason', async ({ page }, testInfo) => {
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/city/concept/import');
	const rows = kikRows('Gelb');
	rows[2][3] = '1.2.1 Noch einmal dieselbe Nummer';
	await chooseFile(page, 'kik-fehler.csv', kikCsv(rows), 'text/csv');
	await intoNewConcept(page, `kik-bad-${testInfo.project.name}`);
	await page.getByRole('button', { name: 'Probelauf: zeigen, was sich ändert' }).click();

	const refusal = page.getByRole('alert').filter({ hasText: 'Nichts wurde importiert' });
	await expect(refusal).toBeVisible();
	await expect(refusal.getByRole('row')).toHaveText([
		/Zeile\s*Grund/,
		/^2\s*column status: "Gelb" is not a status/,
		/^4\s*column measure: 1\.2\.1 is also in row 2/
	]);
	expect(await violations(page)).toEqual([]);
});
