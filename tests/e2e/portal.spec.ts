/**
 * The public portal as a visitor uses it, on the production build with the demo data: the way
 * in through language negotiation, the offer list with its filters, a district, an offer with
 * the measure of the integration concept it implements, the switch to Arabic. Each journey runs
 * with JavaScript and without it; none sets a cookie or sends a request to another origin.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

test.use({ locale: 'de-DE' });

/** Watches a page: every request it makes and every cookie a response tries to set. */
function watch(page: Page) {
	const requests: string[] = [];
	const setCookies: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('response', async (response) => {
		const header = await response.headerValue('set-cookie');
		if (header) setCookies.push(`${response.url()}: ${header}`);
	});
	return { requests, setCookies };
}

/** Requests to anything but the portal's own origin (data: and blob: stay in the page). */
function foreign(requests: string[], baseURL: string): string[] {
	const origin = new URL(baseURL).origin;
	return requests.filter(
		(url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin
	);
}

async function expectPrivate(
	context: BrowserContext,
	watched: ReturnType<typeof watch>,
	baseURL: string
) {
	expect(foreign(watched.requests, baseURL)).toEqual([]);
	expect(watched.setCookies).toEqual([]);
	expect(await context.cookies()).toEqual([]);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the start page lists the demo offers and says they are demo data', async ({
			page,
			context,
			baseURL
		}) => {
			const watched = watch(page);
			await page.goto('/');
			// a German browser is sent to the German pages
			await expect(page).toHaveURL(/\/de$/);
			await expect(page.getByRole('heading', { level: 1, name: /^Angebote in / })).toBeVisible();

			const notice = page.getByRole('note').filter({ hasText: 'DEMO' });
			await expect(notice).toBeVisible();
			await expect(notice).toContainText('Beispieldaten');

			const offers = page.getByRole('region', { name: /^\d+ Angebote?$/ });
			const cards = offers.getByRole('article');
			await expect(cards.first()).toBeVisible();
			expect(await cards.count()).toBeGreaterThan(1);
			await expect(
				cards.first().getByRole('heading', { level: 3 }).getByRole('link')
			).toBeVisible();

			await expectPrivate(context, watched, baseURL!);
		});

		test('the filter form narrows the list by category', async ({ page, context, baseURL }) => {
			const watched = watch(page);
			await page.goto('/de');
			const form = page.getByRole('form', { name: 'Angebote filtern' });
			const category = form
				.getByRole('group', { name: 'Art des Angebots' })
				.getByRole('checkbox', { name: /^Sprachkurs \(\d+\)$/ });
			// on a phone the facets are folded under "Filter"
			if (!(await category.isVisible())) await form.getByText('Filter', { exact: true }).click();
			await category.check();
			// with JavaScript the list follows at once; without, the form is sent
			if (!javaScriptEnabled) await form.getByRole('button', { name: 'Anzeigen' }).last().click();

			await expect(page).toHaveURL(/[?&]category=language_course/);
			// on a phone the sheet is closed again, its toggle counts the chosen filter
			if (!(await category.isVisible())) {
				await expect(form.locator('summary')).toContainText('(1)');
				await form.locator('summary').click();
			}
			await expect(category).toBeChecked();
			const cards = page.getByRole('region', { name: /^\d+ Angebote?$/ }).getByRole('article');
			await expect(cards.first()).toBeVisible();
			for (const card of await cards.all()) await expect(card).toContainText('Sprachkurs');
			await expect(page.getByRole('link', { name: /Filter zurücksetzen/ })).toBeVisible();

			await expectPrivate(context, watched, baseURL!);
		});

		test('a district page shows the district and its offers', async ({
			page,
			context,
			baseURL
		}) => {
			const watched = watch(page);
			await page.goto('/de');
			const districtLink = page
				.getByRole('region', { name: 'Stadtteile' })
				.getByRole('link')
				.first();
			const name = (await districtLink.textContent())!.trim();
			await districtLink.click();

			await expect(page).toHaveURL(/\/de\/districts\/[a-z0-9-]+$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
			await expect(
				page.getByRole('img', { name: new RegExp(`Umriss des Stadtteils ${name}`) })
			).toBeVisible();
			await expect(page.getByText('Einwohnerinnen und Einwohner')).toBeVisible();
			const offers = page.getByRole('region', { name: `Angebote in ${name}` });
			await expect(offers).toBeVisible();
			// its coming week: dates, or an honest empty state, and the way to the whole week
			const week = page.getByRole('region', { name: `Diese Woche in ${name}` });
			await expect(week).toBeVisible();
			await expect(
				week.getByRole('link', { name: 'Alle Termine dieser Woche in diesem Stadtteil' })
			).toHaveAttribute('href', /\/de\/week\?district=[a-z0-9-]+$/);

			await expectPrivate(context, watched, baseURL!);
		});

		test('an offer page shows the measure of the integration concept it implements', async ({
			page,
			context,
			request,
			baseURL
		}) => {
			const watched = watch(page);
			// find, in the list, an offer linked to a measure (any of them; the seed may change)
			await page.goto('/de');
			const links = page
				.getByRole('region', { name: /^\d+ Angebote?$/ })
				.getByRole('heading', { level: 3 })
				.getByRole('link');
			let target: string | null = null;
			for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
				const html = await (await request.get(href!)).text();
				if (html.includes('<dt>Handlungsfeld</dt>')) {
					target = href;
					break;
				}
			}
			expect(target, 'an offer on the first page implements a measure').not.toBeNull();

			await links.and(page.locator(`[href="${target}"]`)).click();
			await expect(page).toHaveURL(target!);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

			const concept = page.getByRole('region', { name: 'Teil des Integrationskonzepts' });
			const measure = concept.getByRole('listitem').first();
			await expect(measure.getByRole('term').filter({ hasText: 'Handlungsfeld' })).toBeVisible();
			await expect(measure.getByRole('term').filter({ hasText: 'Maßnahme' })).toBeVisible();
			await expect(
				measure.getByRole('term').filter({ hasText: 'Stand der Umsetzung' })
			).toBeVisible();
			// the status is written out, never shown by colour alone
			await expect(measure).toContainText(
				/(Umgesetzt|In Umsetzung \([^)]+\)|Gefährdet oder bisher nicht umgesetzt|Geplant für später|Kein Stand gemeldet) \((Ampel (grün|gelb|rot|grau)|keine Ampel)\)/
			);
			await expect(page.getByRole('region', { name: 'Auf einen Blick' })).toBeVisible();

			await expectPrivate(context, watched, baseURL!);
		});

		test('the language switcher leads to the Arabic pages, right to left', async ({
			page,
			context,
			request,
			baseURL
		}) => {
			const watched = watch(page);
			await page.goto('/de');
			const languages = page.getByRole('navigation', { name: 'Sprache wählen' });
			// one control shows the current language; it opens the list of all nine
			await expect(languages.locator('summary')).toContainText('Deutsch');
			await languages.locator('summary').click();
			await expect(languages.getByRole('link', { name: 'Deutsch' })).toHaveAttribute(
				'aria-current',
				'true'
			);
			await languages.getByRole('link', { name: 'العربية' }).click();

			await expect(page).toHaveURL(/\/ar$/);
			await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(page.getByRole('navigation', { name: 'اختاروا اللغة' })).toBeVisible();
			await expect(page.getByRole('heading', { level: 1 })).toContainText('العروض في');

			// the server renders lang and dir; no script sets them
			const html = await (await request.get('/ar')).text();
			expect(html).toMatch(/<html lang="ar" dir="rtl">/);
			const german = await (await request.get('/de-simple')).text();
			expect(german).toMatch(/<html lang="de" dir="ltr">/);

			await expectPrivate(context, watched, baseURL!);
		});
	});
}

test.describe('the way in', () => {
	test('redirects to the language the browser asks for', async ({ request }) => {
		for (const [accept, locale] of [
			['ar-SA,ar;q=0.9', 'ar'],
			['fr, en;q=0.5', 'en'],
			['uk-UA', 'uk'],
			['', 'de']
		]) {
			const response = await request.get('/', {
				headers: { 'accept-language': accept },
				maxRedirects: 0
			});
			expect([302, 307]).toContain(response.status());
			expect(response.headers()['location']).toBe(`/${locale}`);
			expect(response.headers()['vary']).toMatch(/accept-language/i);
		}
	});

	test('keeps the rest of the address when it adds the locale', async ({ request }) => {
		const response = await request.get('/districts/x?page=2', {
			headers: { 'accept-language': 'tr' },
			maxRedirects: 0
		});
		expect(response.headers()['location']).toBe('/tr/districts/x?page=2');
	});

	test('answers an unknown offer, district or page with a 404 in the visitor’s language', async ({
		request
	}) => {
		for (const path of [
			'/ar/offers/not-a-uuid',
			'/ar/offers/00000000-0000-4000-8000-000000000000',
			'/ar/districts/no-such-district',
			'/ar/no/such/page'
		]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(404);
			const html = await response.text();
			expect(html).toContain('الصفحة غير موجودة');
			expect(html).toMatch(/<html lang="ar" dir="rtl">/);
		}
	});

	test('refuses an unknown filter with a 400, not a database error', async ({ request }) => {
		const response = await request.get('/de?category=%27%3B%20drop%20table');
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('Ungültige Auswahl');
	});

	test('sends the security headers and sets no cookie', async ({ request }) => {
		const response = await request.get('/de');
		const headers = response.headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('same-origin');
		expect(headers['permissions-policy']).toContain('geolocation=(self)');
		expect(headers['content-security-policy']).toContain("connect-src 'self'");
		expect(headers['set-cookie']).toBeUndefined();
	});
});
