/**
 * WCAG 2.1 AA and axe's best practices on every public page, in every locale (right to left
 * included). axe-core must find no violation.
 *
 * What is scanned where. The server sends a phone the same markup as a desktop: what differs is
 * CSS (media queries) and, on the start and district pages, how the filter sheet and the header's
 * language menu sit over the page. axe's rules look at markup (names, roles, landmarks, ids,
 * lang) and at the colours of what is shown; a page scanned on the desktop is scanned again on the
 * phone only where the phone shows something the desktop does not. So:
 *
 * - desktop (tag @desktop-only), in all nine locales: the start page, the start page with a filter,
 *   a district, an offer (one with dates and a place, as the API says), the forms to report a
 *   mistake on it and to suggest an offer, the week, the concept's implementation status
 *   (overview and field of action 1) and a page that does not exist; the map, opened with its
 *   button as a visitor does, on the start and district pages; and the printed programme (German
 *   with Arabic, Arabic with German, Farsi, Einfache Sprache: paper, not a phone's screen).
 * - phone (tag @phone-only), in all nine locales, the layouts only a phone has: the start page with
 *   its header as a phone lays it out and the filter sheet folded under its button, the filter sheet opened
 *   over the filtered list, and the language menu opened over a page (the suggestion form, a short
 *   one: the menu is the same on every page).
 *
 * Elsewhere: the map open on a phone (de, ar) and the sheet of a marker's offers on both projects
 * in map.spec.ts; on the desktop, the list that finds nothing in every locale
 * (empty-results.spec.ts) and a de-simple offer page with its plan in simple words
 * (simple-language.spec.ts).
 *
 * The tags keep each test to its project (playwright.config.ts: `grepInvert`), so nothing is
 * counted as skipped. The tests read only the demo data and run in parallel (both workers take
 * them); one browser context per test, the pages visited one after the other, and every page is
 * scanned even when an earlier one failed (soft assertions name the page). Where the time goes:
 * axe's analysis (1.5 s on a form, 5 s on the start page, 8 s on the week on two busy cores), not
 * the page loads (under 1.5 s) or the contexts (0.6 s).
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

/** Addresses of the first district and of the offers linked from the page's main content. */
async function targets(page: Page, code: string) {
	const hrefs = await page
		.getByRole('main')
		.getByRole('link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	const district = hrefs.find((href) => new RegExp(`^/${code}/districts/[^/?#]+$`).test(href));
	// a card's link carries the list it is on (`?from=`), for "back"
	const offers = hrefs.filter((href) =>
		new RegExp(`^/${code}/offers/[^/?#]+(?:\\?[^#]*)?$`).test(href)
	);
	return { district, offers };
}

/**
 * The first of these offer links whose offer has dates and a place (the API says which): its
 * page shows the next date, the place, and the route and calendar buttons.
 */
async function withDatesAndPlace(page: Page, offers: string[]): Promise<string | undefined> {
	for (const href of offers) {
		const id = new URL(href, 'http://portal').pathname.split('/').at(-1);
		const offer = (await (await page.request.get(`/api/offers/${id}`)).json()) as {
			schedules: unknown[];
			latitude: number | null;
		};
		if (offer.schedules.length > 0 && offer.latitude !== null) return href;
	}
	return undefined;
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

const DESKTOP = { tag: '@desktop-only' };
const PHONE = { tag: '@phone-only' };

test.describe.configure({ mode: 'parallel' });

// The printed programme of a district (the first the API names), in one language and in two
// side by side, each column with its own lang and dir.
test(
	'no violation on the printed programme: German with Arabic, Arabic with German, Farsi, Einfache Sprache',
	DESKTOP,
	async ({ page }) => {
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
	}
);

for (const locale of LOCALE_LIST) {
	const { code } = locale;

	test.describe(`${code} (${locale.dir})`, () => {
		test(
			'no violation on the start, filtered start, district, offer, report, suggest, week, concept and 404 pages',
			DESKTOP,
			async ({ page }) => {
				// ten pages, each scanned by axe: on two busy cores this takes more than a minute
				test.setTimeout(120_000);
				const check = async (label: string) =>
					expect.soft(await violations(page), `axe on ${label} (/${code})`).toEqual([]);

				await visit(page, `/${code}`, locale);
				await check('the start page');
				const { district, offers } = await targets(page, code);
				const offer = await withDatesAndPlace(page, offers);

				await visit(page, `/${code}?category=language_course`, locale);
				await check('the start page filtered by category');

				expect(district, 'the start page links to a district').toBeDefined();
				await visit(page, district!, locale);
				await check(`the district page ${district}`);

				expect(offer, 'the start page links to an offer with dates and a place').toBeDefined();
				await visit(page, offer!, locale);
				await check(`the offer page ${offer}`);

				// the suggestion forms: report a mistake on this offer, suggest a new offer
				const report = `${offer!.split('?')[0]}/report`;
				expect(await visit(page, report, locale)).toBe(200);
				await check(`the report form ${report}`);
				expect(await visit(page, `/${code}/suggest`, locale)).toBe(200);
				await check('the suggestion form');

				expect(await visit(page, `/${code}/week`, locale)).toBe(200);
				await check('the week page');

				expect(await visit(page, `/${code}/concept`, locale)).toBe(200);
				await check('the implementation status');
				expect(await visit(page, `/${code}/concept/1`, locale)).toBe(200);
				await check('the implementation status of field of action 1');

				expect(await visit(page, `/${code}/no-such-page`, locale)).toBe(404);
				await check('the 404 page');
			}
		);

		test(
			'no violation with the map open on the start and district pages',
			DESKTOP,
			async ({ page }) => {
				// WebGL through SwiftShader on two cores: drawing a map takes seconds
				test.setTimeout(90_000);
				const m = messages(code);

				await visit(page, `/${code}`, locale);
				expect(await hasMapControl(page, m), 'the start page offers the map').toBe(true);
				const { district } = await targets(page, code);
				await openMap(page, m);
				expect.soft(await violations(page), `axe on the start page with the map open`).toEqual([]);

				expect(district, 'the start page links to a district').toBeDefined();
				await visit(page, district!, locale);
				expect(await hasMapControl(page, m), `${district} offers the map`).toBe(true);
				await openMap(page, m);
				expect.soft(await violations(page), `axe on ${district} with the map open`).toEqual([]);
			}
		);

		test(
			'no violation on the layouts only a phone has: the header, the filter sheet open and closed, the language menu open',
			PHONE,
			async ({ page }) => {
				test.setTimeout(60_000);
				const m = messages(code);
				const check = async (label: string) =>
					expect.soft(await violations(page), `axe on ${label} (/${code})`).toEqual([]);

				await visit(page, `/${code}`, locale);
				const filters = page.getByRole('form', { name: m['filter.heading'] });
				const sheet = filters.locator('details');
				await expect(sheet, 'the filter sheet is folded on a phone').not.toHaveAttribute('open');
				await check('the start page, the filter sheet folded');

				// the sheet opened over the list, with a filter chosen (its button counts it)
				await visit(page, `/${code}?category=language_course`, locale);
				await filters.locator('summary').click();
				await expect(sheet).toHaveAttribute('open');
				// its one button, "show N offers", ends the sheet: shown only when the sheet is open
				await expect(sheet.getByRole('button')).toBeVisible();
				await check('the start page filtered by category, the filter sheet open');

				// the header's language menu opened, over a short page
				expect(await visit(page, `/${code}/suggest`, locale)).toBe(200);
				const languages = page.getByRole('navigation', { name: m['site.languages'] });
				await languages.locator('summary').click();
				await expect(languages.getByRole('link', { name: locale.name })).toBeVisible();
				await check('the suggestion form, the language menu open');
			}
		);
	});
}
