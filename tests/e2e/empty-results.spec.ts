/**
 * A search that finds nothing helps on (issue 9, step 6): the list says what was searched,
 * offers spellings the index knows, the nearest categories and people to ask with their phone
 * (a Stadtteilbüro or counselling service from the data), in every locale, without JavaScript,
 * with no axe violation (scanned with JavaScript, which axe needs) and nothing from other
 * origins. It speaks of another district only when one was chosen. And "нострифікація" finds
 * the recognition counselling (steps 1 and 7).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LOCALE_LIST } from '../../src/lib/i18n/locales';

function messages(locale: string): Record<string, string> {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.flatMap((violation) =>
		violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)
	);
}

function watchForeign(page: Page, baseURL: string): string[] {
	const origin = new URL(baseURL).origin;
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) foreign.push(url);
	});
	return foreign;
}

const results = (page: Page) => page.locator('section[aria-labelledby="offers-heading"]');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const { code, dir } of LOCALE_LIST) {
		test(`/${code}: nothing found says what was searched, where to look and whom to call`, async ({
			page,
			baseURL
		}) => {
			const m = messages(code);
			const foreign = watchForeign(page, baseURL!);
			await page.goto(`/${code}?q=Zzqxvw`);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);

			const list = results(page);
			await expect(list.getByText(m['empty.nothing_found'])).toBeVisible();
			await expect(list.locator('q')).toHaveText('Zzqxvw');
			// no district was chosen: no word about choosing another one
			await expect(list.getByText(m['empty.other_district'])).toHaveCount(0);
			await expect(list.getByText(/Stadtteil oder eine andere Art/)).toHaveCount(0);

			// the categories with offers, counselling first, each a link that finds offers
			await expect(list.getByRole('heading', { name: m['empty.categories_all'] })).toBeVisible();
			const counselling = list.getByRole('link', {
				name: new RegExp(`^${m['category.counselling']} \\(`)
			});
			await expect(counselling).toBeVisible();

			// people to ask, from the data, with a phone to call
			await expect(list.getByRole('heading', { name: m['empty.ask'] })).toBeVisible();
			const contacts = list.getByRole('listitem').filter({ has: page.locator('a[href^="tel:"]') });
			expect(await contacts.count()).toBeGreaterThan(0);
			await expect(contacts.first()).toContainText(m['organisation_kind.neighbourhood_office']);

			await counselling.click();
			await expect(page.getByRole('article').first()).toBeVisible();
			expect(foreign).toEqual([]);
		});
	}

	test('a chosen district: says so, suggests the spelling and searching without the filter', async ({
		page
	}) => {
		const m = messages('de');
		await page.goto('/de?q=Doitschkurz&district=sankt-mang');
		const list = results(page);
		await expect(list.getByText(m['empty.nothing_found'])).toBeVisible();
		await expect(list.getByText(m['empty.other_district'])).toBeVisible();
		// what was chosen is named
		await expect(list.locator('.tag', { hasText: 'Sankt Mang' })).toBeVisible();
		const suggestion = list.getByRole('link', { name: /Deutschkurs/ });
		await expect(suggestion.first()).toBeVisible();
		// the Stadtteilbüro of the chosen district comes first
		await expect(list.locator('li:has(a[href^="tel:"])').first()).toContainText(
			'Stadtteilbüro Sankt Mang'
		);
		await suggestion.first().click();
		await expect(page.getByRole('article').first()).toBeVisible();
		await expect(page).toHaveURL(/q=Deutschkurs/);
	});

	test('words and a filter: the filter is named, no district sentence', async ({ page }) => {
		const m = messages('en');
		await page.goto('/en?q=Zzqxvw&free=true');
		const list = results(page);
		await expect(list.locator('.tag', { hasText: m['offer.free'] })).toBeVisible();
		await expect(list.getByText(m['empty.other_district'])).toHaveCount(0);
		// the words find nothing without the filter either: no such link
		await expect(list.getByRole('link', { name: m['empty.without_filters'] })).toHaveCount(0);
	});
});

test('/uk?q=нострифікація shows the recognition counselling', async ({ page }) => {
	await page.goto(`/uk?q=${encodeURIComponent('нострифікація')}`);
	await expect(results(page).getByRole('article').first()).toBeVisible();
	await expect(
		page.getByRole('link', { name: /визнання іноземних кваліфікацій/ }).first()
	).toBeVisible();
});

for (const [locale, q] of [
	['ar', 'معادلة الشهادة'],
	['fa', 'تصدیق مدرک'],
	['de', 'Berufsanerkennung'],
	['ro', 'echivalare']
]) {
	test(`/${locale}?q=${q} finds offers about recognition`, async ({ page }) => {
		await page.goto(`/${locale}?q=${encodeURIComponent(q)}`);
		await expect(page.getByRole('article').first()).toBeVisible();
		await expect(page.getByText(messages(locale)['empty.nothing_found'])).toHaveCount(0);
	});
}

// On the desktop only: a phone gets the same markup (tests/e2e/accessibility.spec.ts says what
// is scanned where and why)
test(
	'axe finds no violation on the help, in every locale (right to left too)',
	{ tag: '@desktop-only' },
	async ({ page }) => {
		// nine pages, each scanned by axe: more than 30 s on two busy cores
		test.setTimeout(60_000);
		// axe runs as a script in the page: with JavaScript, on the same server-rendered help
		for (const { code } of LOCALE_LIST) {
			await page.goto(`/${code}?q=Doitschkurz&district=sankt-mang`);
			await expect(results(page).locator('a[href^="tel:"]').first()).toBeVisible();
			expect.soft(await violations(page), `axe on /${code}`).toEqual([]);
		}
	}
);

test('with JavaScript, typing a word that finds nothing shows the help as the list follows', async ({
	page
}) => {
	const m = messages('ar');
	await page.goto('/ar');
	await page.getByLabel(m['search.label']).fill('Zzqxvw');
	const list = results(page);
	await expect(list.getByText(m['empty.nothing_found'])).toBeVisible();
	await expect(list.locator('q')).toHaveText('Zzqxvw');
	await expect(list.locator('a[href^="tel:"]').first()).toBeVisible();
});
