/**
 * The reader's language first (issue 9, step 1), on the production build with the demo data:
 * on /ar and /uk page 1 shows the offers with an Arabic or Ukrainian text first; a card whose
 * text is a fallback says so in the reader's language; /de-simple shows no English where German
 * exists. Measured through the list page as a reader sees it and through the open API.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

interface ApiOffer {
	id: string;
	text_locale: string;
}

/** Every offer of the API's list in `locale`, in its order. */
async function allOffers(request: APIRequestContext, locale: string): Promise<ApiOffer[]> {
	const offers: ApiOffer[] = [];
	for (let page = 1; page <= 10; page++) {
		const response = await request.get(`/api/offers?locale=${locale}&limit=100&page=${page}`);
		expect(response.ok()).toBe(true);
		const body = (await response.json()) as { offers: ApiOffer[] };
		offers.push(...body.offers);
		if (body.offers.length < 100) break;
	}
	return offers;
}

/** The `lang` of each card's title on a list page, in order. */
async function cardLanguages(page: Page, path: string): Promise<string[]> {
	await page.goto(path);
	const heading = page.locator('#offers-heading');
	const name = (await heading.textContent())!.trim();
	const cards = page.getByRole('region', { name }).getByRole('article');
	await expect(cards.first()).toBeVisible();
	return cards.evaluateAll((articles) =>
		articles.map((article) => article.querySelector('h3 a')?.getAttribute('lang') ?? '')
	);
}

for (const [locale, note] of [
	['ar', 'النص متوفر باللغة'],
	['uk', 'Лише такою мовою']
] as const) {
	test(`/${locale}: page 1 shows offers with a text in ${locale} first; fallbacks say so`, async ({
		page,
		request
	}) => {
		const api = await allOffers(request, locale);
		const own = api.filter((offer) => offer.text_locale === locale).length;
		expect(own).toBeGreaterThan(0);
		// the API: every offer with the reader's text before any fallback
		const firstFallback = api.findIndex((offer) => offer.text_locale !== locale);
		expect(firstFallback === -1 ? api.length : firstFallback).toBe(own);

		const languages = await cardLanguages(page, `/${locale}`);
		const firstOwn = languages.indexOf(locale) + 1;
		test.info().annotations.push({
			type: 'measured',
			description: `/${locale} page 1: first ${locale} card at position ${firstOwn}; ${languages.filter((l) => l === locale).length} of ${languages.length}; ${own} of ${api.length} offers have a ${locale} text`
		});
		expect(firstOwn).toBe(1);
		expect(languages.filter((l) => l === locale)).toHaveLength(Math.min(own, languages.length));

		// the last page holds the fallbacks, each marked in the reader's language
		const lastPage = Math.ceil(api.length / 20);
		await page.goto(`/${locale}?page=${lastPage}`);
		const fallback = page
			.getByRole('article')
			.filter({ hasNot: page.locator(`h3 a[lang="${locale}"]`) });
		await expect(fallback.first()).toContainText(note);
		const ownCard = page
			.getByRole('article')
			.filter({ has: page.locator(`h3 a[lang="${locale}"]`) });
		if ((await ownCard.count()) > 0) await expect(ownCard.first()).not.toContainText(note);
	});
}

test('/de-simple shows no English where German exists', async ({ page, request }) => {
	const api = await allOffers(request, 'de-simple');
	const english = api.filter((offer) => offer.text_locale === 'en');
	// every demo offer has a German text: none falls back to English
	const withGerman = await allOffers(request, 'de');
	const germanIds = new Set(withGerman.filter((o) => o.text_locale === 'de').map((o) => o.id));
	expect(english.filter((offer) => germanIds.has(offer.id))).toEqual([]);
	test.info().annotations.push({
		type: 'measured',
		description: `/de-simple: ${english.length} of ${api.length} offers in English, ${api.filter((o) => o.text_locale === 'de-simple').length} in Einfache Sprache`
	});

	const languages = await cardLanguages(page, '/de-simple');
	expect(languages).not.toContain('en');
	// Einfache Sprache first, then German texts, each marked as not in Einfache Sprache
	const marked = await page
		.getByRole('article')
		.evaluateAll((articles) =>
			articles.map((article) =>
				(article.textContent ?? '').includes('Nicht in Einfacher Sprache. Text auf Deutsch.')
			)
		);
	const firstMarked = marked.indexOf(true);
	if (firstMarked !== -1) expect(marked.slice(firstMarked)).not.toContain(false);
	test.info().annotations.push({
		type: 'measured',
		description: `/de-simple page 1: ${marked.filter((m) => !m).length} cards in Einfache Sprache, then ${marked.filter(Boolean).length} in German, none in English`
	});
});
