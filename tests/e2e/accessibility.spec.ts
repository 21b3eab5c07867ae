/**
 * WCAG 2.1 AA and axe's best practices on every public page, in every locale (right to left
 * included), on a phone and on a desktop: the start page, the start page with a filter, a
 * district, an offer, the forms to report a mistake on it and to suggest an offer, the week, the
 * concept's implementation status (overview and one field of action) and a page that does not
 * exist; the printed programme; and, as a visitor opens it with
 * its button, the map on the start and district pages. axe-core must find no violation.
 *
 * One browser context per locale and test: the pages are visited one after the other, and every
 * page is scanned even when an earlier one failed (soft assertions name the page).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LOCALE_LIST, type LocaleInfo } from '../../src/lib/i18n/locales';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The UI messages of a locale, to find controls by the names a visitor reads. */
function messages(locale: string): Record<string, string> {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/**
 * axe on the page as it is now. Each violation as one line a reader can act on:
 * rule (impact): selector → the first part of axe's explanation.
 */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(TAGS)
		// axe runs in the page itself instead of finishing in a blank page of its own: half the
		// time per scan. The portal's pages have no frames, and none from another origin.
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${violation.id} (${violation.impact ?? 'n/a'}): ${node.target.join(' ')} → ` +
				(node.failureSummary ?? violation.help).split('\n').slice(0, 2).join(' ')
		)
	);
}

/**
 * Opens `path` and checks that the page is in the locale's language and direction. Where the
 * page has a map, waits until its button has replaced the link it is without JavaScript
 * (hydrated); the other pages look the same before and after hydration.
 */
async function visit(page: Page, path: string, locale: LocaleInfo): Promise<number> {
	const response = await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('lang', locale.lang);
	await expect(page.locator('html')).toHaveAttribute('dir', locale.dir);
	const m = messages(locale.code);
	if (m['map.show'] && (await page.getByRole('link', { name: m['map.show'] }).count()) > 0) {
		await expect(page.getByRole('button', { name: m['map.show'], exact: true })).toBeVisible();
	}
	return response?.status() ?? 0;
}

/** Addresses of the first district and the first offer linked from the page's main content. */
async function targets(page: Page, code: string) {
	const hrefs = await page
		.getByRole('main')
		.getByRole('link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	const district = hrefs.find((href) => new RegExp(`^/${code}/districts/[^/?#]+$`).test(href));
	// a card's link carries the list it is on (`?from=`), for "back"
	const offer = hrefs.find((href) =>
		new RegExp(`^/${code}/offers/[^/?#]+(?:\\?[^#]*)?$`).test(href)
	);
	return { district, offer };
}

/** Opens the map with its button, as a visitor does, and waits until MapLibre has drawn it. */
async function openMap(page: Page, m: Record<string, string>) {
	await page.getByRole('button', { name: m['map.show'], exact: true }).click();
	await expect(page.getByRole('button', { name: m['map.hide'], exact: true })).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	await expect(page.getByTestId('offer-map-canvas')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('status').filter({ hasText: m['map.loading'] })).toHaveCount(0, {
		timeout: 30_000
	});
	await expect(page.getByRole('button', { name: m['map.zoom_in'], exact: true })).toBeVisible();
}

/** Whether the page offers the map: its button (or, before hydration, its link) is there. */
async function hasMapControl(page: Page, m: Record<string, string>): Promise<boolean> {
	if (!m['map.show']) return false;
	const name = { name: m['map.show'], exact: true };
	return (await page.getByRole('button', name).or(page.getByRole('link', name)).count()) > 0;
}

// The printed programme of a district (the first the API names), in one language and in two
// side by side, each column with its own lang and dir: a test of its own, since every scan of
// the locales' test above costs seconds of its time limit.
test('no violation on the printed programme: German with Arabic, Arabic with German, Farsi, Einfache Sprache', async ({
	page
}) => {
	const districts = (await (await page.request.get('/api/districts.geojson')).json()) as {
		features: { id: string }[];
	};
	const slug = districts.features[0]?.id;
	expect(slug, 'the API names a district').toBeDefined();
	const byCode = new Map(LOCALE_LIST.map((info) => [info.code, info]));
	for (const [code, second] of [
		['de', 'ar'],
		['ar', 'de'],
		['fa', null],
		['de-simple', null]
	] as const) {
		const path = `/${code}/print?district=${slug}${second ? `&second=${second}` : ''}`;
		expect(await visit(page, path, byCode.get(code)!)).toBe(200);
		expect.soft(await violations(page), `axe on ${path}`).toEqual([]);
	}
});

for (const locale of LOCALE_LIST) {
	const { code } = locale;

	test.describe(`${code} (${locale.dir})`, () => {
		test('no violation on the start, filtered start, district, offer, week, concept and 404 pages', async ({
			page
		}) => {
			// eleven pages, each scanned by axe: on two busy cores this takes more than 30 s
			test.setTimeout(60_000);
			const check = async (label: string) =>
				expect.soft(await violations(page), `axe on ${label} (/${code})`).toEqual([]);

			await visit(page, `/${code}`, locale);
			await check('the start page');
			const { district, offer } = await targets(page, code);

			await visit(page, `/${code}?category=language_course`, locale);
			await check('the start page filtered by category');

			expect(district, 'the start page links to a district').toBeDefined();
			await visit(page, district!, locale);
			await check(`the district page ${district}`);

			expect(offer, 'the start page links to an offer').toBeDefined();
			await visit(page, offer!, locale);
			await check(`the offer page ${offer}`);

			// the suggestion forms: report a mistake on this offer, suggest a new offer
			const report = `${offer!.split('?')[0]}/report`;
			expect(await visit(page, report, locale)).toBe(200);
			await check(`the report form ${report}`);
			expect(await visit(page, `/${code}/suggest`, locale)).toBe(200);
			await check('the suggestion form');

			const weekStatus = await visit(page, `/${code}/week`, locale);
			if (weekStatus === 404) {
				test.info().annotations.push({
					type: 'week page',
					description: `/${code}/week answers 404: the week page is not built yet`
				});
			} else {
				await check('the week page');
			}

			expect(await visit(page, `/${code}/concept`, locale)).toBe(200);
			await check('the implementation status');
			expect(await visit(page, `/${code}/concept/1`, locale)).toBe(200);
			await check('the implementation status of field of action 1');

			expect(await visit(page, `/${code}/no-such-page`, locale)).toBe(404);
			await check('the 404 page');
		});

		test('no violation with the map open on the start and district pages', async ({ page }) => {
			// WebGL through SwiftShader on two cores: drawing a map takes seconds
			test.setTimeout(90_000);
			const m = messages(code);

			await visit(page, `/${code}`, locale);
			test.skip(
				!(await hasMapControl(page, m)),
				'the start page has no map control yet (no button or link named ' +
					`"${m['map.show'] ?? 'map.show'}")`
			);
			const { district } = await targets(page, code);
			await openMap(page, m);
			expect.soft(await violations(page), `axe on the start page with the map open`).toEqual([]);

			expect(district, 'the start page links to a district').toBeDefined();
			await visit(page, district!, locale);
			if (await hasMapControl(page, m)) {
				await openMap(page, m);
				expect.soft(await violations(page), `axe on ${district} with the map open`).toEqual([]);
			} else {
				test.info().annotations.push({
					type: 'skip',
					description: `${district} has no map control yet`
				});
			}
		});
	});
}
