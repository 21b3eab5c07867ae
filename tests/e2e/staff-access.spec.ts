/**
 * The staff and city areas' doors, as their users meet them against `node build`: signing in
 * (with the keyboard alone), the session cookie kept to /staff and /city, a stale tab that gets
 * the sign-in page and returns where it was, signing out that ends the session on the server,
 * wrong passwords that end in a 429 with the time to wait, who may open which page, inviting
 * staff with a one-time link, roles and removal, the city office's view of every organisation,
 * cross-origin posts refused, and axe with no violation on each page.
 *
 * Both browser projects run these against one server: each invites its own new person, and
 * only the desktop project spends the address's failed sign-ins.
 */
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';

import { DEMO, signIn, violations } from '../support/staff';

const { editor: EDITOR, vhsAdmin: VHS_ADMIN, cityAdmin: CITY_ADMIN, password: PASSWORD } = DEMO;

// the staff area speaks German to German browsers
test.use({ locale: 'de-DE' });

async function signedIn(page: Page, email: string, path = '/staff'): Promise<void> {
	await page.goto(path);
	await expect(page).toHaveURL(/\/staff\/sign-in\?/);
	await signIn(page, email);
	await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

async function sessionCookies(context: BrowserContext) {
	return (await context.cookies()).filter((cookie) => cookie.name.startsWith('sb-'));
}

test.describe('signing in and out', () => {
	test('a stale tab gets the sign-in page and returns where it was, with the keyboard alone', async ({
		page,
		context
	}) => {
		await page.goto('/staff/password');
		await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=%2Fstaff%2Fpassword$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');

		// keyboard only: the skip link, then into the form
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
		await page.getByLabel('E-Mail-Adresse').focus();
		await page.keyboard.type(EDITOR);
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
		await page.keyboard.type(PASSWORD);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/staff\/password$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passwort ändern');

		// the session lives in httpOnly SameSite=Lax cookies of the two areas only
		const cookies = await sessionCookies(context);
		expect(cookies.length).toBeGreaterThan(0);
		for (const cookie of cookies) {
			expect(cookie.httpOnly).toBe(true);
			expect(cookie.sameSite).toBe('Lax');
			expect(['/staff', '/city']).toContain(cookie.path);
		}

		// public pages get no cookie, sent or set
		const requests: Request[] = [];
		const record = (request: Request) => requests.push(request);
		page.on('request', record);
		const publicPage = await page.goto('/de');
		await page.waitForLoadState('networkidle');
		page.off('request', record);
		expect(await publicPage!.headerValue('set-cookie')).toBeNull();
		expect(requests.length).toBeGreaterThan(1);
		for (const request of requests) {
			expect(await request.headerValue('cookie'), request.url()).toBeNull();
		}

		// the same session cookies, once the session is over, lead to the sign-in page
		const stale = await sessionCookies(context);
		await page.goto('/staff');
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await expect(page).toHaveURL(/\/staff\/sign-in$/);
		expect(await sessionCookies(context)).toEqual([]);
		await context.addCookies(stale);
		await page.goto('/staff/password');
		await expect(page).toHaveURL(
			/\/staff\/sign-in\?redirectTo=%2Fstaff%2Fpassword&reason=expired$/
		);
		await expect(page.getByRole('status')).toContainText('Ihre Sitzung ist abgelaufen');
		await signIn(page, EDITOR);
		await expect(page).toHaveURL(/\/staff\/password$/);
	});

	test('a sign-in post from another site is refused', async ({ request }) => {
		const answer = await request.post('/staff/sign-in', {
			headers: { origin: 'https://evil.example', accept: 'text/html' },
			form: { email: EDITOR, password: PASSWORD, redirectTo: '' }
		});
		expect(answer.status()).toBe(403);
		expect(answer.headers()['set-cookie']).toBeUndefined();
	});
});

test.describe('signing in without JavaScript', () => {
	// the form posts as a plain HTML form: the statuses are the page's own
	test.use({ javaScriptEnabled: false });

	test('wrong passwords get a clear message, and past the limit a 429 with the time to wait', async ({
		page
	}, testInfo) => {
		// the failures count for the test server's one address: one project spends them
		test.skip(testInfo.project.name !== 'desktop', 'the desktop project checks the limit');
		const account = `falsches-passwort-${Date.now()}@demo.example.org`;
		await page.goto('/staff/sign-in');
		for (let attempt = 1; attempt <= 5; attempt++) {
			const answer = page.waitForResponse((response) => response.request().method() === 'POST');
			await signIn(page, account, `falsch-${attempt}`);
			expect((await answer).status()).toBe(400);
			await expect(page.getByRole('alert')).toHaveText(
				'E-Mail-Adresse oder Passwort stimmen nicht.'
			);
			// nothing typed as a password comes back
			await expect(page.getByLabel('Passwort', { exact: true })).toHaveValue('');
			await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(account);
		}
		const refused = page.waitForResponse((response) => response.request().method() === 'POST');
		await signIn(page, account, 'falsch-6');
		expect((await refused).status()).toBe(429);
		expect(Number(await (await refused).headerValue('retry-after'))).toBeGreaterThan(800);
		await expect(page.getByRole('alert')).toHaveText(
			/^Zu viele Fehlversuche\. Bitte in 1[45] Minuten noch einmal versuchen\.$/
		);
	});
});

test.describe('who may open what', () => {
	test('an editor sees their organisation, not its staff, nor other organisations or the city office', async ({
		page
	}) => {
		await signedIn(page, EDITOR);
		const organisations = page.getByRole('region', { name: 'Ihre Organisationen' });
		await expect(organisations).toContainText('Stadtteilbüro Sankt Mang');
		await expect(organisations).toContainText('Redaktion');
		await expect(organisations.getByRole('link', { name: 'Mitarbeitende verwalten' })).toHaveCount(
			0
		);
		expect(await violations(page)).toEqual([]);

		for (const [path, status] of [
			['/staff/organisations/stadtteilbuero-sankt-mang/staff', 403],
			['/staff/organisations/vhs-kempten/staff', 404],
			['/city', 403]
		] as const) {
			const answer = await page.goto(path);
			expect(answer!.status(), path).toBe(status);
		}
		// a form post to another organisation's staff is refused the same way
		const post = await page.request.post('/staff/organisations/vhs-kempten/staff?/invite', {
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			form: { email: 'eindringling@demo.example.org', role: 'admin' }
		});
		expect(post.status()).toBe(404);
	});

	test('the sign-in page passes axe', async ({ page }) => {
		await page.goto('/staff/sign-in');
		expect(await violations(page)).toEqual([]);
	});
});

test.describe('staff of an organisation', () => {
	test('an admin invites someone, who sets a password with the one-time link; then role and removal', async ({
		page,
		browser
	}, testInfo) => {
		const person = `neu-${testInfo.project.name}-${Date.now()}@demo.example.org`;
		// the projects run at once: each works on an organisation of its own
		const desktop = testInfo.project.name === 'desktop';
		const organisation = desktop ? 'vhs Kempten' : 'Stadtteilbüro Thingers';
		if (desktop) {
			await signedIn(page, VHS_ADMIN, '/staff/organisations/vhs-kempten/staff');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Mitarbeitende: vhs Kempten'
			);
			// the only admin can neither be demoted nor removed
			const self = page.getByRole('row', { name: new RegExp(VHS_ADMIN) });
			await expect(self.getByRole('combobox')).toBeDisabled();
			await expect(self.locator('summary')).toHaveCount(0);
		} else {
			await signedIn(page, CITY_ADMIN, '/staff/organisations/stadtteilbuero-thingers/staff');
		}
		expect(await violations(page)).toEqual([]);

		const invite = page.getByRole('region', { name: 'Jemanden einladen' });
		await invite.getByLabel('E-Mail-Adresse').fill('keine-adresse');
		await invite.getByRole('button', { name: 'Einladen' }).click();
		await expect(
			invite.getByText('Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.')
		).toBeVisible();
		await invite.getByLabel('E-Mail-Adresse').fill(person);
		// the phone project's organisation has nobody yet: its first person is its admin
		await invite.getByLabel('Rolle').selectOption(desktop ? 'editor' : 'admin');
		await invite.getByRole('button', { name: 'Einladen' }).click();
		await expect(invite.getByRole('status')).toContainText(`${person} ist eingeladen`);
		const link = (await invite.locator('code').textContent())!.trim();
		expect(link).toMatch(/\/staff\/welcome\?token_hash=[0-9a-f]+&type=invite$/);

		// the new person, in a browser of their own
		const theirs = await browser.newContext({ locale: 'de-DE' });
		const newcomer = await theirs.newPage();
		await newcomer.goto(link);
		await expect(newcomer.getByText('Sie wurden eingeladen')).toBeVisible();
		await newcomer.getByRole('button', { name: 'Weiter' }).click();
		await expect(newcomer).toHaveURL(/\/staff\/password\?welcome=invite$/);
		await newcomer.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
		await newcomer.getByLabel('Neues Passwort wiederholen').fill('kurz');
		await newcomer.getByRole('button', { name: 'Passwort speichern' }).click();
		await expect(newcomer.getByText('Das Passwort braucht mindestens 8 Zeichen.')).toBeVisible();
		await newcomer.getByLabel('Neues Passwort', { exact: true }).fill('ein-gutes-passwort');
		await newcomer.getByLabel('Neues Passwort wiederholen').fill('ein-gutes-passwort');
		await newcomer.getByRole('button', { name: 'Passwort speichern' }).click();
		await expect(newcomer).toHaveURL(/\/staff\?saved=password$/);
		await expect(newcomer.getByRole('status')).toHaveText('Ihr neues Passwort ist gespeichert.');
		await expect(newcomer.getByRole('region', { name: 'Ihre Organisationen' })).toContainText(
			organisation
		);
		await theirs.close();

		// the link works once
		const again = await browser.newContext({ locale: 'de-DE' });
		const replay = await again.newPage();
		await replay.goto(link);
		await replay.getByRole('button', { name: 'Weiter' }).click();
		await expect(replay.getByRole('alert')).toContainText('abgelaufen oder wurde schon benutzt');
		await again.close();

		await page.reload();
		const row = page.getByRole('row', { name: new RegExp(person) });
		if (!desktop) {
			// the only admin can neither be demoted nor removed
			await expect(row.getByRole('combobox')).toBeDisabled();
			await expect(row.locator('summary')).toHaveCount(0);
			return;
		}
		// the admin makes them admin too, then removes them
		await row.getByRole('combobox').selectOption('admin');
		await row.getByRole('button', { name: 'Rolle speichern' }).click();
		await expect(page.getByRole('status').first()).toHaveText('Die Rolle ist geändert.');
		await row.locator('summary').click();
		await row.getByRole('button', { name: `${person} wirklich entfernen` }).click();
		await expect(page.getByRole('status').first()).toHaveText(
			'Die Person gehört nicht mehr zur Organisation.'
		);
		await expect(page.getByRole('row', { name: new RegExp(person) })).toHaveCount(0);
	});

	test('the city office sees every organisation and manages its staff', async ({ page }) => {
		await signedIn(page, CITY_ADMIN, '/city');
		expect(await violations(page)).toEqual([]);
		await page.getByRole('link', { name: 'Stadtteilbüro Sankt Mang' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Mitarbeitende: Stadtteilbüro Sankt Mang'
		);
		const row = page.getByRole('row', { name: new RegExp(EDITOR) });
		await row.getByRole('button', { name: /Passwort-Link erstellen/ }).click();
		const notice = page.getByRole('status').first();
		await expect(notice).toContainText('Mit diesem Link setzt die Person ein neues Passwort');
		await expect(notice.locator('code')).toHaveText(
			/\/staff\/welcome\?token_hash=[0-9a-f]+&type=recovery$/
		);
	});
});
