/**
 * The portal offline (issue 11, item 5), on the production build: an offer opened once (here by
 * a click on a list card, that is a client-side navigation) opens again with the network off,
 * with the translated note that the visitor is offline and the page may be out of date. An offer
 * not opened before and the search page are not served from the cache: the browser's own
 * offline failure. The worker keeps nothing but offer pages and build files.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { violations } from '../support/staff';

const de = JSON.parse(
	readFileSync(new URL('../../messages/de.json', import.meta.url), 'utf8')
) as Record<string, string>;

const OFFER = /^\/de\/offers\/[0-9a-f-]{36}$/;

/** Paths in the worker's caches. */
function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) {
				paths.push(new URL(request.url).pathname);
			}
		}
		return paths;
	});
}

test('an opened offer opens again offline, with a note; nothing else is served from the cache', async ({
	page,
	context
}, testInfo) => {
	await page.goto('/de');
	// the worker is installed, active and controls the page
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

	const cards = page.locator('a[href*="/de/offers/"]');
	const other = new URL((await cards.nth(1).getAttribute('href'))!, page.url()).pathname;
	// pointing at a card preloads its data (desktop): that offer was not opened, nothing is kept
	if (testInfo.project.name === 'desktop') {
		const preloaded = page.waitForResponse((response) =>
			response.url().includes(`${other}/__data.json`)
		);
		await cards.nth(1).hover();
		await preloaded;
	}
	await cards.first().click();
	await expect(page).toHaveURL(/\/de\/offers\/[0-9a-f-]{36}/);
	const opened = new URL(page.url()).pathname;
	const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	const note = page.getByText(de['site.offline_note']!);
	await expect(note).toBeHidden();

	// the worker kept the page (a client-side navigation: the page told the worker, which fetched it)
	await expect.poll(() => cachedPaths(page)).toContain(opened);

	await context.setOffline(true);
	// the page's scripts and styles come from the worker's cache, its fonts from the HTTP cache
	const failed: string[] = [];
	page.on('requestfailed', (request) => failed.push(request.url()));
	try {
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(note).toBeVisible();
		await page.waitForLoadState('load');
		expect(failed.filter((url) => url.includes('/_app/'))).toEqual([]);
		expect(await violations(page)).toEqual([]);

		// an offer not opened before, and the search: the browser's offline failure (each in a
		// tab of its own: a failed navigation's error page could interrupt the next one)
		expect(other).not.toBe(opened);
		for (const path of [other, '/de?q=Deutsch', '/de']) {
			const tab = await context.newPage();
			await expect(tab.goto(path), path).rejects.toThrow(/ERR_/);
			await tab.close();
		}
		// a new tab opens the kept offer too
		const tab = await context.newPage();
		await tab.goto(opened);
		await expect(tab.getByText(de['site.offline_note']!)).toBeVisible();
		await tab.close();
	} finally {
		await context.setOffline(false);
	}
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(note).toBeHidden();

	// kept: offer pages and immutable build files, nothing else (no list, search, API, staff page)
	const paths = await cachedPaths(page);
	expect(paths.filter((path) => OFFER.test(path))).toEqual([opened]);
	expect(paths.filter((path) => !OFFER.test(path) && !path.startsWith('/_app/immutable/'))).toEqual(
		[]
	);
	expect(paths.some((path) => path.endsWith('.css'))).toBe(true);
});
