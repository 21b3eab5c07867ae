/**
 * The answer above the fold (issue 9, step 2), on the production build with the demo data: on
 * `/ar` in a phone window (project phone, 390x844) and on `/de` in a desktop window (1366x768),
 * with and without filters in the address, the first result's top edge lies in the first
 * viewport, the search box and the count too; the filters are a sheet on the phone (closed, even
 * when the address holds filters, counting them) and a column beside the results on the desktop;
 * the map is linked from the count; "skip to results" brings the keyboard to the first result
 * in a few Tab stops; after a sent search the results are in view and announced. The figures go
 * into the report's annotations.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const messages = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;

/** A category and a flag, as the form sends them (see the facets in +page.server.ts). */
const FILTERS = '?category=language_course&free=true';

/** The locale and window each project is measured in. */
function setting(testInfo: TestInfo) {
	return testInfo.project.name === 'phone'
		? { locale: 'ar', lang: 'ar', viewport: { width: 390, height: 844 } }
		: { locale: 'de', lang: 'de', viewport: { width: 1366, height: 768 } };
}

const results = (page: Page) =>
	page
		.getByRole('main')
		.getByRole('region')
		.filter({ has: page.getByRole('article') })
		.first();

/** The start page, hydrated when JavaScript runs ("near me" appears then and takes room). */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
}

function note(testInfo: TestInfo, type: string, description: string) {
	testInfo.annotations.push({ type, description });
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the first result, the search box and the count are in the first viewport', async ({
			page
		}, testInfo) => {
			const { locale, lang, viewport } = setting(testInfo);
			const m = messages(locale);
			await page.setViewportSize(viewport);

			for (const path of [`/${locale}`, `/${locale}${FILTERS}`]) {
				await open(page, path);
				const card = results(page).getByRole('article').first();
				await expect(card).toBeVisible();
				const cardTop = (await card.boundingBox())!.y;
				const countTop = (await results(page).getByRole('heading', { level: 2 }).boundingBox())!.y;
				const search = page.getByRole('searchbox', { name: m['search.label'] });
				const searchBox = (await search.boundingBox())!;
				const header = (await page.getByRole('banner').boundingBox())!;
				note(
					testInfo,
					'above the fold',
					`${path} ${viewport.width}x${viewport.height} ${javaScriptEnabled ? 'JS' : 'no JS'}: header ${Math.round(header.height)} px, search box at ${Math.round(searchBox.y)}, count at ${Math.round(countTop)}, first result at ${Math.round(cardTop)}`
				);
				expect(cardTop, `first result's top edge on ${path}`).toBeGreaterThanOrEqual(0);
				expect(cardTop, `first result's top edge on ${path}`).toBeLessThan(viewport.height);
				expect(searchBox.y + searchBox.height).toBeLessThan(viewport.height);
				expect(countTop).toBeLessThan(viewport.height);
				// the header leaves most of a phone's screen to the page
				expect(header.height).toBeLessThan(viewport.height / 4);

				// one language control: the current language shown, the list folded away
				const languages = page.getByRole('navigation', { name: m['site.languages'] });
				await expect(languages.getByRole('link', { includeHidden: true })).toHaveCount(9);
				await expect(
					languages.getByRole('link', { name: 'English', includeHidden: true })
				).toBeHidden();

				if (path.includes('?')) {
					// filters in the address: counted on the phone's closed toggle, the sheet stays shut
					const toggle = page.getByRole('form', { name: m['filter.heading'] }).locator('summary');
					if (testInfo.project.name === 'phone') {
						await expect(toggle).toBeVisible();
						await expect(toggle).toContainText(new Intl.NumberFormat(lang).format(2));
						await expect(page.getByRole('checkbox', { checked: true }).first()).toBeHidden();
					} else {
						await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(2);
						await expect(page.getByRole('checkbox', { checked: true }).first()).toBeVisible();
					}
				}
			}
		});

		test('"skip to results" brings the keyboard to the first result in a few Tab stops', async ({
			page
		}, testInfo) => {
			// every Tab from the top of a desktop page, past the facets, is counted too
			test.slow();
			const { locale, viewport } = setting(testInfo);
			const m = messages(locale);
			await page.setViewportSize(viewport);

			for (const path of [`/${locale}`, `/${locale}${FILTERS}`]) {
				await open(page, path);
				const first = results(page).getByRole('article').first().getByRole('link').first();
				const isFirst = () => first.evaluate((element) => element === document.activeElement);

				// without the skip link: every stop from the top of the page
				let fromTop = 0;
				while (!(await isFirst()) && fromTop < 200) {
					await page.keyboard.press('Tab');
					fromTop++;
				}

				await open(page, path);
				await page.keyboard.press('Tab');
				await expect(page.getByRole('link', { name: m['site.skip_to_content'] })).toBeFocused();
				await page.keyboard.press('Tab');
				const skip = page.getByRole('link', { name: m['site.skip_to_results'] });
				await expect(skip).toBeFocused();
				await expect(skip).toBeInViewport();
				await page.keyboard.press('Enter');
				let stops = 0;
				while (!(await isFirst()) && stops < 50) {
					await page.keyboard.press('Tab');
					stops++;
				}
				note(
					testInfo,
					'tab stops',
					`${path} ${javaScriptEnabled ? 'JS' : 'no JS'}: first result after ${stops} Tab stops past "skip to results" (3 presses and Enter before), ${fromTop} from the top without it`
				);
				expect(stops).toBeLessThanOrEqual(12);
				await expect(first).toBeInViewport();
			}
		});
	});
}

test('the map is linked from the count', async ({ page }, testInfo) => {
	const { locale, viewport } = setting(testInfo);
	const m = messages(locale);
	await page.setViewportSize(viewport);
	await open(page, `/${locale}`);
	const link = results(page).getByRole('link', { name: m['offers.to_map'] });
	await expect(link).toBeInViewport();
	await link.click();
	await expect(page).toHaveURL(/#map$/);
	await expect(page.getByRole('heading', { level: 2, name: m['map.heading'] })).toBeInViewport();
});

test.describe('phone', () => {
	test.skip(({ isMobile }) => !isMobile, 'the sheet and the scroll are a phone’s (project phone)');

	test('the filters open as a sheet with a sticky "show N offers" button', async ({ page }) => {
		const m = messages('ar');
		await open(page, '/ar');
		const form = page.getByRole('form', { name: m['filter.heading'] });
		await form.locator('summary').click();
		// over the page, from its top
		await expect(page.getByRole('checkbox').first()).toBeInViewport();
		const free = page.getByRole('checkbox', { name: new RegExp(`^${m['offer.free']}`) });
		await free.check();
		await expect(page).toHaveURL(/[?&]free=true/);
		// the button says how many the list holds now, and stays in reach at the bottom
		const heading = results(page).getByRole('heading', { level: 2 });
		const count = /[\d٠-٩]+/.exec((await heading.textContent())!)![0];
		const show = form.getByRole('button', { name: new RegExp(count) });
		await expect(show).toBeInViewport();
		await show.click();
		await expect(free).toBeHidden();
		await expect(heading).toBeFocused();
		await expect(results(page).getByRole('article').first()).toBeInViewport();
	});

	test('after a search the results are in view and announced', async ({ page }) => {
		const m = messages('ar');
		await open(page, '/ar');
		const search = page.getByRole('searchbox', { name: m['search.label'] });
		await search.fill('Deutschkurs');
		await search.press('Enter');
		await expect(page).toHaveURL(/[?&]q=Deutschkurs/);
		const heading = results(page).getByRole('heading', { level: 2 });
		await expect(heading).toBeFocused();
		await expect(heading).toBeInViewport();
		await expect(results(page).getByRole('article').first()).toBeInViewport();
		const said = (await heading.textContent())!.trim();
		await expect(page.getByRole('status').filter({ hasText: said })).toHaveCount(1);
	});

	test('without JavaScript a sent search opens at the results', async ({ browser }) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		const m = messages('ar');
		await page.goto('/ar');
		await page.getByRole('searchbox', { name: m['search.label'] }).fill('Deutschkurs');
		await page.getByRole('button', { name: m['filter.submit'], exact: true }).first().click();
		await expect(page).toHaveURL(/[?&]q=Deutschkurs.*#offers-heading$/);
		await expect(results(page).getByRole('heading', { level: 2 })).toBeInViewport();
		await expect(results(page).getByRole('article').first()).toBeInViewport();
		await context.close();
	});
});

test('on a wide screen the filters stand in a column beside the results', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'a desktop window');
	await page.setViewportSize({ width: 1366, height: 768 });
	await open(page, '/de');
	const facets = page.getByRole('group', { name: messages('de')['filter.category'] });
	await expect(facets).toBeVisible();
	const column = (await facets.boundingBox())!;
	const list = (await results(page).boundingBox())!;
	// side by side (left to right on a German page), from the same height on
	expect(column.x + column.width).toBeLessThan(list.x);
	expect(Math.abs(column.y - list.y)).toBeLessThan(list.height);
	expect(column.y).toBeLessThan(768);
});
