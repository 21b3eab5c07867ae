/**
 * An offer in more than one category, against `node build` with the demo data: on /uk the
 * counselling filter lists the recognition counselling (main category: work), and an editor
 * gives an offer a second category in the offer editor, without JavaScript, which the public
 * list's filter then finds. axe finds no violation on the filtered list (on the form it runs in
 * staff-editor.spec.ts, which needs JavaScript for axe).
 *
 * Each browser project works on an offer of its own (its title names the project).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

import { DEMO, signInAs, violations } from '../support/staff';

/** The Ukrainian messages. */
const uk = JSON.parse(
	readFileSync(new URL('../../messages/uk.json', import.meta.url), 'utf8')
) as Record<string, string>;

/** The title of the demo's recognition counselling in Ukrainian. */
const RECOGNITION_UK = /Консультація щодо визнання іноземних кваліфікацій/;

/** The list's page `n` (1-based) of a filtered start page, until a link matching `name` shows. */
async function findOnList(page: Page, path: string, name: RegExp, pages = 4) {
	for (let n = 1; n <= pages; n++) {
		await page.goto(n === 1 ? path : `${path}&page=${n}`);
		const link = page.getByRole('link', { name }).first();
		if ((await link.count()) > 0) return link;
	}
	return null;
}

test('the counselling filter on /uk lists the recognition counselling, filed under work', async ({
	page
}) => {
	const link = await findOnList(page, '/uk?category=counselling', RECOGNITION_UK);
	expect(link, 'the recognition counselling under counselling').not.toBeNull();
	await expect(link!).toBeVisible();
	expect(await violations(page)).toEqual([]);
	// its page names both categories, the main one first
	await link!.click();
	const facts = page.getByRole('definition').filter({ has: page.getByRole('list') });
	await expect(facts.getByRole('listitem')).toHaveText([
		uk['category.work'],
		uk['category.counselling']
	]);
	expect(await violations(page)).toEqual([]);
	// and still under work, its main category
	expect(await findOnList(page, '/uk?category=work', RECOGNITION_UK)).not.toBeNull();
	// the calendar feed of counselling has it too, with both categories named
	const feed = await (
		await page.request.get('/api/offers.ics?category=counselling&locale=de')
	).text();
	expect(feed.replace(/\r\n[ \t]/g, '')).toContain('CATEGORIES:Arbeit und Ausbildung,Beratung');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, locale: 'de-DE' });

	test('an editor files an offer under a second category, and the list finds it there', async ({
		page
	}, testInfo) => {
		test.slow();
		const title = `Zwei-Kategorien-Test ${testInfo.project.name} ${Date.now()}`;
		await signInAs(page, DEMO.editor);
		await page.getByRole('link', { name: 'Neues Angebot' }).click();
		await page.getByLabel('Titel', { exact: true }).fill(title);
		await page
			.getByLabel('Kategorie', { exact: true })
			.selectOption({ label: 'Arbeit und Ausbildung' });
		const also = page.getByRole('group', { name: 'Auch in diesen Kategorien' });
		await also.getByRole('checkbox', { name: 'Beratung' }).check();
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);

		// the editor reads both back
		await page.getByRole('link', { name: 'Angebot bearbeiten' }).click();
		await expect(page.getByLabel('Kategorie', { exact: true })).toHaveValue('work');
		await expect(also.getByRole('checkbox', { name: 'Beratung' })).toBeChecked();
		await expect(also.getByRole('checkbox', { name: 'Sport' })).not.toBeChecked();
		// the main category is not offered again
		await expect(also.getByRole('checkbox', { name: 'Arbeit und Ausbildung' })).toHaveCount(0);

		// published, the public counselling filter finds it (once the search worker has it)
		await page.getByRole('link', { name: 'Zurück zum Angebot' }).click();
		await page.getByRole('button', { name: 'Veröffentlichen' }).click();
		await expect(page.getByRole('status')).toHaveText('Der Status des Angebots ist geändert.');
		const search = `/api/offers?category=counselling&locale=de&limit=5&q=${encodeURIComponent(title)}`;
		await expect
			.poll(async () => {
				const found = (await (await page.request.get(search)).json()) as {
					offers: { title: string; category: string; categories: string[] }[];
				};
				return found.offers.map((o) => [o.title, o.category, o.categories]);
			})
			.toContainEqual([title, 'work', ['work', 'counselling']]);
	});
});
