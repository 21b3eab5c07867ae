/**
 * Einfache Sprache that looks simple (issue 9, step 8), on the production build with the demo
 * data: every locale's offer cards show their category and key facts (free, childcare, women
 * only, wheelchair, German level, languages) as an icon with its words, the icon hidden from
 * screen readers; the de-simple offer page says "register" once, and its KIK block says in one
 * sentence what the city wants, the concept's own words one click away. Without JavaScript; axe
 * (with JavaScript, which it needs) finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LOCALE_LIST } from '../../src/lib/i18n/locales';

function messages(locale: string): Record<string, string> {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}
const simple = messages('de-simple');

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

/** Sentences of a text, folded (case, spaces and punctuation ignored). */
function sentences(text: string): string[] {
	return (text.match(/[^.!?:\n]+/g) ?? [])
		.map((sentence) =>
			sentence
				.toLocaleLowerCase('de')
				.replace(/[^\p{L}\p{N}]+/gu, ' ')
				.trim()
		)
		.filter((sentence) => sentence.split(' ').length >= 3);
}

const SIMPLE_OFFER = 'Deutsch-Kurs für Anfänger, mit Kinder-Betreuung';

test.describe('Einfache Sprache that looks simple', () => {
	test.use({ javaScriptEnabled: false });

	for (const { code } of LOCALE_LIST) {
		test(`the cards on /${code} show their category and facts as icons with words`, async ({
			page
		}) => {
			const m = messages(code);
			await page.goto(`/${code}`);
			const cards = page.getByRole('article');
			await expect(cards.first()).toBeVisible();
			const count = Math.min(await cards.count(), 8);
			let facts = 0;
			for (let i = 0; i < count; i++) {
				const card = cards.nth(i);
				const tag = card.locator('.tag--category');
				await expect(tag.locator('svg[aria-hidden="true"]')).toHaveCount(1);
				await expect(tag).not.toHaveText('');
				for (const item of await card.getByRole('listitem').all()) {
					await expect(item.locator('svg[aria-hidden="true"]')).toHaveCount(1);
					expect((await item.innerText()).trim().length, 'each icon has its words').toBeGreaterThan(
						1
					);
					facts++;
				}
			}
			expect(facts, 'the first cards have key facts').toBeGreaterThan(count);
			// the words a reader decides on are there beside their icon
			const free = cards.getByRole('listitem').filter({ hasText: m['offer.free'] }).first();
			await expect(free.locator('svg')).toBeVisible();
		});
	}

	test('a de-simple card with childcare and no German needed says so beside its icons', async ({
		page
	}) => {
		await page.goto(`/de-simple?q=${encodeURIComponent('Kinder-Betreuung')}`);
		const card = page.getByRole('article').filter({ hasText: SIMPLE_OFFER }).first();
		for (const words of [simple['offer.free'], simple['offer.childcare']]) {
			const item = card.getByRole('listitem').filter({ hasText: words });
			await expect(item).toBeVisible();
			await expect(item.locator('svg[aria-hidden="true"]')).toBeVisible();
		}
	});

	test('the de-simple offer page says "register" once and what the city wants in one sentence', async ({
		page
	}) => {
		await page.goto(`/de-simple?q=${encodeURIComponent('Kinder-Betreuung')}`);
		await page.getByRole('link', { name: SIMPLE_OFFER }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(SIMPLE_OFFER);

		const registration = page.getByRole('region', { name: simple['offer.registration'] });
		const said = await registration.innerText();
		expect(said).toContain(simple['registration.required']);
		const folded = sentences(said);
		expect(folded, said).toEqual([...new Set(folded)]);
		// the repetition the newcomers met: "Sie müssen sich vorher anmelden – Bitte melden Sie sich vorher an"
		expect(said).not.toContain('Bitte melden Sie sich vorher an');

		const plan = page.getByRole('region', { name: simple['measure.heading'] });
		const aim = plan.getByText(/^Die Stadt will: /);
		await expect(aim).toBeVisible();
		expect((await aim.innerText()).split(/[.!?]/).filter((part) => part.trim()).length).toBe(1);
		// the concept's own words wait behind a disclosure; none of its jargon shows before
		const words = plan.locator('details');
		await expect(words).not.toHaveAttribute('open');
		await expect(plan.getByText(simple['measure.concept_words'])).toBeVisible();
		for (const jargon of [
			'Handlungsfeld',
			'Maßnahme',
			'zielgruppenspezifisch',
			'Sprachkursformate'
		]) {
			await expect(plan.getByText(jargon, { exact: false }).first()).toBeHidden();
		}
		await plan.getByText(simple['measure.concept_words']).click();
		await expect(words.locator('cite').first()).toBeVisible();
	});

	// The list: tests/e2e/accessibility.spec.ts. On the desktop only: a phone gets the same
	// markup (accessibility.spec.ts says what is scanned where and why).
	test(
		'axe finds nothing on the de-simple offer page',
		{ tag: '@desktop-only' },
		async ({ browser }) => {
			const page = await browser.newPage({ javaScriptEnabled: true });
			await page.goto(`/de-simple?q=${encodeURIComponent('Kinder-Betreuung')}`);
			await page.getByRole('link', { name: SIMPLE_OFFER }).first().click();
			await expect(page.getByRole('heading', { level: 1 })).toContainText(SIMPLE_OFFER);
			expect(await violations(page)).toEqual([]);
			await page.close();
		}
	);
});
