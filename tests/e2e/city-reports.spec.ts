/**
 * The integration office reports to the council, against `node build`: a snapshot on a
 * reference date, a measure's status changed, a second snapshot, the two compared side by side
 * with the change marked in words, the comparison downloaded as XLSX and read with exceljs, and
 * the printable council report with a heading per field of action and the coverage map; axe
 * clean. Each browser project takes its own dates and changes its own measure.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

test('two snapshots compared, the comparison exported, the council report printed', async ({
	page
}, testInfo) => {
	// a journey of five pages, two downloads' worth of work and three axe runs
	test.slow();
	const phone = testInfo.project.name === 'phone';
	const code = phone ? '5.1.3' : '5.1.2';
	const [first, second] = phone ? ['2026-03-02', '2026-03-09'] : ['2026-02-02', '2026-02-09'];
	const note = (n: number) => `Stichtag ${n} (${testInfo.project.name})`;

	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/city');
	await page.getByRole('link', { name: /^Berichte/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berichte');

	const takeSnapshot = async (date: string, n: number) => {
		await page.getByLabel('Stichtag', { exact: true }).fill(date);
		await page.getByLabel('Notiz').fill(note(n));
		await page.getByRole('button', { name: 'Stichtag festhalten' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Festgehalten. Der Stichtag steht in der Liste.' })
		).toBeVisible();
		await expect(page.getByRole('cell', { name: note(n) })).toBeVisible();
	};
	await takeSnapshot(first, 1);
	// the same day again is refused and says why
	await page.getByLabel('Stichtag', { exact: true }).fill(first);
	await page.getByRole('button', { name: 'Stichtag festhalten' }).click();
	await expect(page.getByText('Für diesen Tag gibt es schon einen Stichtag.')).toBeVisible();

	// the measure's status changes between the two reference dates
	await page.goto('/city/concept');
	await page
		.getByRole('link', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) })
		.press('Enter');
	const select = page.getByLabel('Neuer Stand');
	const target = (await select.inputValue()) === 'at_risk' ? 'implemented' : 'at_risk';
	const targetLabel = target === 'at_risk' ? 'Gefährdet oder bisher nicht umgesetzt' : 'Umgesetzt';
	await select.selectOption(target);
	await page.getByLabel('Begründung').fill(`Bericht an den Ausschuss (${testInfo.project.name})`);
	await page.getByRole('button', { name: 'Stand speichern' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();

	await page.goto('/city/reports');
	await takeSnapshot(second, 2);
	expect(await violations(page)).toEqual([]);

	const option = (id: string, n: number) =>
		page.locator(`#${id} option`, { hasText: note(n) }).getAttribute('value');
	await page.getByLabel('Früherer Stichtag').selectOption((await option('compare-from', 1))!);
	await page.getByLabel('Späterer Stichtag').selectOption((await option('compare-to', 2))!);
	await page.getByRole('button', { name: 'Vergleichen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Vergleich');
	const row = page.getByRole('row', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });
	await expect(row).toContainText('geändert');
	await expect(row).toContainText(targetLabel);
	expect(await violations(page)).toEqual([]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page
			.getByRole('link', { name: 'Vergleich der beiden Stichtage als XLSX herunterladen' })
			.click()
	]);
	expect(download.suggestedFilename()).toBe(`vergleich-${first}-${second}.xlsx`);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readFile(await download.path())).buffer as ArrayBuffer);
	expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
		'Vergleich Maßnahmen',
		'Vergleich Abdeckung'
	]);
	const sheet = workbook.worksheets[0];
	expect(sheet.getRow(1).getCell(4).value).toBe(`Stand am ${first}`);
	const changed = sheet.getColumn(1).values.findIndex((value) => value === code);
	expect(changed).toBeGreaterThan(1);
	expect(sheet.getRow(changed).getCell(5).value).toBe(targetLabel);
	expect(sheet.getRow(changed).getCell(10).value).toBe('geändert');
	expect(sheet.getRow(changed).font?.bold).toBe(true);

	// the council report: a heading per field of action, the map with its legend
	await page.goto('/city/reports/council');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bericht an den Stadtrat');
	const fields = page.getByRole('heading', { level: 2, name: /^\d+ / });
	await expect(fields).toHaveCount(6);
	await expect(page.getByRole('img', { name: /^Karte: veröffentlichte Angebote/ })).toBeVisible();
	await expect(page.getByText('kein Angebot').first()).toBeVisible();
	expect(await violations(page)).toEqual([]);
});
