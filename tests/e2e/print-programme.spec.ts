/**
 * The printed weekly programme against `node build`, as the Stadtteilbüro Sankt Mang makes it:
 * its editor enters an offer in Sankt Mang whose date tomorrow is cancelled, follows
 * "Wochenprogramm drucken" from the dashboard to the choice of programmes (its own offers, a
 * district with every provider's, the city), prints its own offers and adds Arabic as the
 * second language. Both columns carry their language and direction, the cancelled date is
 * marked in words and with a symbol in each, the Arabic column's QR code (a screenshot, decoded
 * with jsQR) gives the Arabic offer page's absolute address, which opens in Arabic. A4 and A5
 * make PDFs of a few pages; printing hides the toolbar. The district and week pages link to
 * the programme; axe finds no violation on it.
 *
 * Each browser project enters an offer of its own (its title names the project).
 */
import { expect, test, type Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { plusDays } from '../support/dates';
import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];

/** Tomorrow in Berlin, `2026-12-02`, and its German weekday. */
function tomorrow(): { date: string; weekday: string } {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	const date = plusDays(today, 1);
	return { date, weekday: WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]! };
}

/** What a phone camera reads from the element as drawn on the screen. */
async function scan(element: Locator): Promise<string | null> {
	const png = PNG.sync.read(await element.screenshot());
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The pages of a PDF (its page objects). */
function pageCount(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

test('the Stadtteilbüro Sankt Mang prints its week in German and Arabic; the QR codes open the Arabic offer pages', async ({
	page,
	baseURL
}, testInfo) => {
	const title = `Druck-Sprachcafé ${testInfo.project.name} ${Date.now()}`;
	const note = `Raum belegt ${testInfo.project.name}`;
	const { date, weekday } = tomorrow();

	// an offer in Sankt Mang, every week from tomorrow, tomorrow's date cancelled
	await signInAs(page, DEMO.editor);
	await page.goto('/staff/offers/new');
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Breitengrad').fill('47.71153');
	await page.getByLabel('Längengrad').fill('10.33316');
	await page.getByRole('button', { name: 'Wöchentliche Regel hinzufügen' }).click();
	const rule = page.getByRole('group', { name: 'Wöchentliche Regel 1' });
	await rule.getByRole('checkbox', { name: weekday }).check();
	await rule.getByLabel('Erster Termin am').fill(date);
	await rule.getByLabel('Beginn', { exact: true }).fill('18:00');
	await rule.getByLabel('Ende', { exact: true }).fill('19:30');
	await rule.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
	const exception = rule.getByRole('group', { name: 'Ausnahme 1' });
	await exception.getByLabel('Termin am').fill(date);
	await exception.getByLabel('Hinweis für die Öffentlichkeit (freiwillig)').fill(note);
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);
	const id = new URL(page.url()).pathname.split('/').at(-1)!;
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('status')).toHaveText('Der Status des Angebots ist geändert.');

	// from the dashboard to the choice: its own offers, a district (its own first), the city
	await page.goto('/staff');
	await page.getByRole('link', { name: 'Wochenprogramm drucken' }).first().press('Enter');
	await expect(page).toHaveURL(/\/staff\/organisations\/stadtteilbuero-sankt-mang\/programme$/);
	const districts = page.getByRole('list').getByRole('listitem');
	await expect(districts.first()).toHaveText('Sankt Mang (betreut von Ihnen)');
	await expect(districts.last()).toHaveText('Die ganze Stadt');
	await expect(districts.first().getByRole('link')).toHaveAttribute(
		'href',
		'/de/print?district=sankt-mang'
	);
	await page
		.getByRole('link', { name: 'Die Angebote von Stadtteilbüro Sankt Mang' })
		.press('Enter');
	await expect(page).toHaveURL(/\/de\/print\?organisation=stadtteilbuero-sankt-mang$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Wochenprogramm');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Stadtteilbüro Sankt Mang');
	// with JavaScript the print button works, and the hint for the browser's print is gone
	await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible();

	// Arabic beside German
	await page.getByLabel('Zweite Sprache').selectOption('ar');
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(/\/de\/print\?organisation=stadtteilbuero-sankt-mang&second=ar$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	const entry = page.getByRole('listitem').filter({ hasText: title });
	await expect(entry).toHaveCount(1);
	const german = entry.locator('[lang="de"][dir="ltr"]').first();
	const arabic = entry.locator('[lang="ar"][dir="rtl"]');
	await expect(german).toContainText('Fällt aus');
	await expect(german).toContainText('✕');
	await expect(german).toContainText('18:00');
	await expect(german).toContainText(note);
	await expect(german.locator('s')).toHaveCount(1);
	await expect(arabic).toContainText('ملغى');
	await expect(arabic).toContainText('✕');
	await expect(arabic).toContainText(note);
	await expect(page.locator('h1 [lang="ar"][dir="rtl"]')).toContainText('البرنامج الأسبوعي');

	// each column's code opens the offer in its language: the Arabic one, scanned
	const arabicCode = arabic.getByRole('img', { name: /QR/ });
	// the Latin title isolated in the right-to-left sentence (U+2068 … U+2069)
	await expect(arabicCode).toHaveAccessibleName(`رمز QR لـ «\u2068${title}\u2069»`);
	const scanned = await scan(arabicCode);
	expect(scanned).toBe(`${baseURL}/ar/offers/${id}`);
	expect(await scan(german.getByRole('img', { name: `QR-Code zu „${title}“` }))).toBe(
		`${baseURL}/de/offers/${id}`
	);
	expect(await violations(page)).toEqual([]);

	// printed: no toolbar, and a few pages on A4 and on A5
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Drucken' })).toBeHidden();
	await expect(page.getByLabel('Zweite Sprache')).toBeHidden();
	// back to the browser's own choice (page.pdf prints with the emulated media)
	await page.emulateMedia({ media: null });
	const offers = await page.locator('main > ol > li').count();
	expect(offers).toBeGreaterThan(1);
	const a4 = pageCount(await page.pdf({ format: 'A4' }));
	await page.getByRole('link', { name: 'A5 (Handzettel)' }).click();
	await expect(page).toHaveURL(
		/\/de\/print\?organisation=stadtteilbuero-sankt-mang&second=ar&format=a5$/
	);
	const a5 = pageCount(await page.pdf({ format: 'A5', preferCSSPageSize: true }));
	// two languages side by side: at least four offers on a page, and never a page per offer
	for (const pages of [a4, a5]) {
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(Math.ceil(offers / 4));
	}

	// the code opens the Arabic offer page
	const opened = await page.goto(scanned!);
	expect(opened?.status()).toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	// the district page and the week link to the programme
	await page.goto('/de/districts/sankt-mang');
	await page.getByRole('link', { name: 'Wochenprogramm drucken' }).press('Enter');
	await expect(page).toHaveURL(/\/de\/print\?district=sankt-mang$/);
	await page.goto('/de/week?district=sankt-mang');
	await expect(page.getByRole('link', { name: 'Wochenprogramm drucken' })).toHaveAttribute(
		'href',
		'/de/print?district=sankt-mang'
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page names the browser’s print instead of a button; a bad parameter is refused', async ({
		page
	}) => {
		await page.goto('/de-simple/print?district=sankt-mang&format=a5');
		await expect(page.getByText('Drücken Sie Strg und P')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Drucken' })).toBeHidden();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Wochen-Programm');
		for (const bad of [
			'second=de',
			'second=xx',
			'format=a3',
			'district=atlantis',
			'organisation=atlantis',
			'organisation=Stadtteilbüro'
		]) {
			const response = await page.goto(`/de/print?${bad}`);
			expect(response?.status(), bad).toBe(400);
		}
	});
});
