/**
 * The integration office reads the coverage, against `node build`: the matrix of districts ×
 * fields of action, a cell's number equal to the offers on the list it links to, the columns
 * switched to categories for one target group, the choropleth of "Sprache und Bildung" with its
 * legend in text, axe clean; and without JavaScript, for an observer (a council member), the
 * same form and matrix, no map button, and the offers without the editor's links.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** The matrix's first linked number in the districts' rows: its figure and its address. */
async function firstLinkedCell(page: Page) {
	const link = page.getByRole('table').locator('tbody td a').first();
	const figure = Number((await link.innerText()).trim());
	return { link, figure };
}

/** The list of the offers behind a number, named by its count. */
const offers = (page: Page) => page.getByRole('list', { name: /^\d+ Angebote?$/ });

test('the matrix, its numbers’ offers, categories for a target group and the choropleth', async ({
	page
}) => {
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/city');
	await page.getByRole('link', { name: 'Abdeckung der Stadtteile durch Angebote' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Abdeckung der Stadtteile');
	const table = page.getByRole('table', { name: /Angebote nach Stadtteil und Handlungsfeld/ });
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader', { name: '1 Sprache und Bildung' })).toBeVisible();
	await expect(table.getByRole('rowheader', { name: 'Alle Stadtteile' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Maßnahmen ohne Angebot' })).toBeVisible();

	// a cell's number is the length of the list behind it
	const { link, figure } = await firstLinkedCell(page);
	expect(figure).toBeGreaterThan(0);
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Angebote hinter einer Zahl der Abdeckung'
	);
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(
		figure === 1 ? '1 Angebot' : `${figure} Angebote`
	);
	await expect(offers(page).getByRole('listitem')).toHaveCount(figure);
	await expect(page.getByRole('link', { name: /^Öffentliche Seite: / }).first()).toHaveAttribute(
		'href',
		/^\/de\/offers\//
	);
	await expect(page.getByRole('link', { name: /^Bearbeiten: / }).first()).toHaveAttribute(
		'href',
		/^\/staff\/offers\/[^/]+\/edit$/
	);
	expect(await violations(page)).toEqual([]);
	await page.getByRole('link', { name: 'Zurück zur Abdeckung' }).click();

	// the choropleth of field 1, its legend in text
	await page.getByRole('button', { name: 'Karte zeigen' }).click();
	await page.getByLabel('Die Karte zeigt').selectOption({ label: '1 Sprache und Bildung' });
	const legend = page.getByRole('list', { name: 'Legende: 1 Sprache und Bildung, Angebote' });
	await expect(legend.getByRole('listitem').first()).toHaveText('0: kein Angebot');
	expect(await legend.getByRole('listitem').count()).toBeGreaterThan(1);
	await expect(page.getByTestId('coverage-map-canvas')).toBeVisible();
	await expect(page.getByRole('status')).toHaveCount(0);
	expect(await violations(page)).toEqual([]);

	// categories for women: the form sends them in the address
	await page.getByLabel('Kategorien').check();
	await page.getByLabel('Zielgruppe', { exact: true }).selectOption({ label: 'Frauen' });
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(/target_group=women/);
	const byCategory = page.getByRole('table', { name: /Angebote nach Stadtteil und Kategorie/ });
	await expect(byCategory).toContainText('Angebote, Frauen');
	await expect(byCategory.getByRole('columnheader', { name: 'Sprachkurs' })).toBeVisible();
	const cell = await firstLinkedCell(page);
	await cell.link.click();
	await expect(offers(page).getByRole('listitem')).toHaveCount(cell.figure);
	await expect(page.getByText('Frauen', { exact: true })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the form and the matrix work for an observer, the map is not offered', async ({
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'one project is enough for the no-JS check');
		await page.goto('/staff/sign-in');
		await signIn(page, DEMO.observer);
		await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
		await page.goto('/city/coverage');
		await page.getByLabel('je 1.000 Einwohner', { exact: true }).check();
		await page.getByRole('button', { name: 'Anzeigen' }).click();
		await expect(page).toHaveURL(/measure=per_1000/);
		const table = page.getByRole('table', { name: /je 1\.000 Einwohner, alle Zielgruppen/ });
		await expect(table.getByRole('columnheader', { name: 'Einwohner' })).toBeVisible();
		// per 1,000 residents: one decimal, the offers behind it named for screen readers
		await expect(table.locator('tbody td a').first()).toContainText(/\d(,\d)?\s*\(\d+ Angebot/);
		await expect(page.getByRole('button', { name: 'Karte zeigen' })).toHaveCount(0);

		// an observer reads the offers behind a number and gets no editor's links
		await table.locator('tbody td a').first().click();
		await expect(offers(page).getByRole('listitem').first()).toBeVisible();
		await expect(page.getByRole('link', { name: /^Öffentliche Seite: / }).first()).toBeVisible();
		await expect(page.getByRole('link', { name: /^Bearbeiten: / })).toHaveCount(0);
	});
});
