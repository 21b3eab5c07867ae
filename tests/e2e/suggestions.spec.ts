/**
 * Suggestions from the public, as people use them: a visitor on the Farsi page of an offer of
 * the Stadtteilbüro Sankt Mang reports a mistake (a field error first, what was typed kept),
 * gets the Farsi thank-you and no cookie; a report with the honeypot filled gets the same
 * thank-you and is not stored; a visitor suggests a new offer in German. The Sankt Mang editor
 * finds the report in the queue (dashboard link with the count of new ones) and answers it; the
 * city admin accepts the new offer as a draft of Sankt Mang, which visitors cannot open.
 *
 * The time check: playwright.config.ts starts the server with SUGGESTION_MIN_SECONDS=1, and the
 * test waits only for what is left of that second after the form was rendered before sending.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO, signInAs, violations } from '../support/staff';

function messages(locale: string): Record<string, string> {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The server's minimum time between rendering a form and sending it, in this test run. */
const MIN_MS = 1_000;

/** Waits for what is left of the time check since the form was rendered at `renderedAt`. */
async function pastTimeCheck(page: Page, renderedAt: number) {
	const left = MIN_MS + 100 - (Date.now() - renderedAt);
	if (left > 0) await page.waitForTimeout(left);
}

/** Follows a link: Enter on a phone (a tap may meet a wrapped line's gap), a click elsewhere. */
async function follow(page: Page, name: string, isMobile: boolean) {
	const link = page.getByRole('link', { name });
	if (isMobile) await link.press('Enter');
	else await link.click();
}

// the staff pages speak German to a browser that prefers it
test.use({ locale: 'de-DE' });

interface ApiOffer {
	id: string;
	title: string;
	organisation_name: string;
}

test('a Farsi report reaches Sankt Mang’s queue, spam does not, a new offer becomes a draft', async ({
	page,
	request,
	isMobile
}, testInfo) => {
	test.slow();
	const tag = `${testInfo.project.name}-${Date.now()}`;
	const fa = messages('fa');
	const de = messages('de');

	const listed = await request.get('/api/offers?district=sankt-mang&locale=de&limit=100');
	const offer = ((await listed.json()) as { offers: ApiOffer[] }).offers.find(
		(candidate) => candidate.organisation_name === 'Stadtteilbüro Sankt Mang'
	);
	expect(offer, 'an offer of the Stadtteilbüro Sankt Mang').toBeDefined();

	// the visitor, in Farsi: the offer page links to the report form
	await page.goto(`/fa/offers/${offer!.id}`);
	await follow(page, fa['suggest.report_link'], isMobile);
	await expect(
		page.getByRole('heading', { level: 1, name: fa['suggest.report_title'] })
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	// the offer it is about, linked by its title (in Farsi, or German where it has no Farsi text)
	await expect(page.getByRole('main').locator(`a[href="/fa/offers/${offer!.id}"]`)).toHaveCount(2);

	// too short: a translated error at the field, the contact kept
	await page.getByLabel(fa['suggest.report_what']).fill('ab');
	await page.getByLabel(fa['suggest.contact']).fill('visitor@example.org');
	await page.getByRole('button', { name: fa['suggest.report_submit'] }).click();
	await expect(page.getByText(fa['suggest.error_what_short']).first()).toBeVisible();
	const renderedAt = Date.now();
	await expect(page.getByLabel(fa['suggest.report_what'])).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(fa['suggest.contact'])).toHaveValue('visitor@example.org');

	const report = `ساعت این برنامه اشتباه است ${tag}`;
	await page.getByLabel(fa['suggest.report_what']).fill(report);
	await pastTimeCheck(page, renderedAt);
	await page.getByRole('button', { name: fa['suggest.report_submit'] }).click();
	await expect(page.getByRole('status')).toContainText(fa['suggest.thanks_title']);
	await expect(page.getByRole('status')).toContainText(fa['suggest.thanks_next']);
	expect(await page.context().cookies(), 'no cookie for a visitor').toEqual([]);

	// a program fills the honeypot: the same thank-you, nothing stored
	await page.goto(`/fa/offers/${offer!.id}/report`);
	const spamRenderedAt = Date.now();
	await page.getByLabel(fa['suggest.report_what']).fill(`spam ${tag}`);
	await page.locator('#leave_empty').fill('https://spam.example');
	await pastTimeCheck(page, spamRenderedAt);
	await page.getByRole('button', { name: fa['suggest.report_submit'] }).click();
	await expect(page.getByRole('status')).toContainText(fa['suggest.thanks_title']);

	// a new offer, suggested in German from the footer's link
	await page.goto('/de');
	await follow(page, de['suggest.footer_link'], isMobile);
	const suggestedAt = Date.now();
	await page.getByLabel(de['suggest.what']).fill(`Nähcafé ${tag}\nMit Kinderbetreuung.`);
	await page.getByLabel(de['suggest.where']).fill('Pfarrsaal St. Ulrich');
	await page.getByLabel(de['suggest.when']).fill('donnerstags 15 Uhr');
	await page.getByLabel(de['suggest.who']).fill('Frauen');
	await pastTimeCheck(page, suggestedAt);
	await page.getByRole('button', { name: de['suggest.submit'] }).click();
	await expect(page.getByRole('status')).toContainText(de['suggest.thanks_title']);
	expect(await page.context().cookies()).toEqual([]);

	// the Stadtteilbüro: the dashboard counts new entries and leads to the queue
	await signInAs(page, DEMO.editor);
	await follow(page, 'Vorschläge und Fehlermeldungen', isMobile);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Vorschläge und Fehlermeldungen' })
	).toBeVisible();
	const entry = page.getByRole('article').filter({ hasText: report });
	// the offer's title in its original language (German in the demo)
	await expect(entry).toContainText(offer!.title);
	await expect(entry).toContainText('visitor@example.org');
	await expect(entry).toContainText('فارسی');
	// the honeypot's report was not stored; the new offer is the city's, not Sankt Mang's
	await expect(page.getByText(`spam ${tag}`)).toHaveCount(0);
	await expect(page.getByText(`Nähcafé ${tag}`)).toHaveCount(0);
	expect(await violations(page)).toEqual([]);

	await entry.getByLabel('Antwort festhalten').fill('Danke, wir haben die Zeit korrigiert.');
	await entry.getByRole('button', { name: 'Als beantwortet speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Die Antwort ist gespeichert.');
	const answered = page.getByRole('article').filter({ hasText: report });
	await expect(answered).toContainText('Beantwortet');
	await expect(answered).toContainText('Danke, wir haben die Zeit korrigiert.');
	await expect(answered.getByRole('button')).toHaveCount(0);

	// the city office: the new offer becomes a draft of Sankt Mang, not public
	await page.context().clearCookies();
	await signInAs(page, DEMO.cityAdmin);
	await page.goto('/staff/suggestions?state=new');
	const suggestion = page.getByRole('article').filter({ hasText: `Nähcafé ${tag}` });
	await expect(suggestion).toContainText('Pfarrsaal St. Ulrich');
	await expect(suggestion).toContainText('Stadt (Integrationsbüro)');
	await suggestion
		.getByLabel('Organisation des Entwurfs')
		.selectOption({ label: 'Stadtteilbüro Sankt Mang' });
	await suggestion.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Der Entwurf ist angelegt und nicht öffentlich'
	);
	const edit = await page
		.getByRole('status')
		.getByRole('link', { name: 'Entwurf bearbeiten' })
		.getAttribute('href');
	const draftId = /^\/staff\/offers\/([0-9a-f-]{36})\/edit$/.exec(edit ?? '')?.[1];
	expect(draftId, 'the link to the draft’s editor').toBeDefined();
	expect((await request.get(`/de/offers/${draftId}`)).status()).toBe(404);
	expect((await request.get(`/api/offers/${draftId}`)).status()).toBe(404);
	await page.goto(edit!);
	await expect(page.locator('input[name="title"]')).toHaveValue(`Nähcafé ${tag}`);
});
