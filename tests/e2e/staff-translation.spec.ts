/**
 * Translations against `node build`: the editor of the Stadtteilbüro Sankt Mang creates an
 * offer, adds an Arabic translation in the side-by-side editor (right to left, lang="ar"),
 * sees it as a person's translation, changes the original's title and then sees the Arabic
 * text as outdated with the title named as changed; without JavaScript a Persian translation
 * is saved as reviewed, a missing title named next to its field. axe (which needs JavaScript)
 * finds no violation on the list and the editor.
 *
 * Each browser project works on an offer of its own (its title names the project).
 */
import { expect, test, type Page } from '@playwright/test';

import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** Creates a draft offer of Sankt Mang through the editor and returns its staff page path. */
async function createOffer(page: Page, title: string): Promise<string> {
	await page.goto('/staff/offers/new');
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee.');
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);
	return new URL(page.url()).pathname;
}

test('an editor adds an Arabic translation; a change of the original makes it outdated', async ({
	page
}, testInfo) => {
	const title = `Übersetzungs-Test ${testInfo.project.name} ${Date.now()}`;
	await signInAs(page, DEMO.editor);
	const offerPath = await createOffer(page, title);

	await page.getByRole('link', { name: 'Übersetzungen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Übersetzungen: ${title}`);
	const arabic = page.getByRole('row', { name: /^Arabisch/ });
	await expect(arabic).toContainText('fehlt');
	// no provider is configured here: no machine translation
	await expect(page.getByRole('button', { name: /maschinell/i })).toHaveCount(0);
	expect(await violations(page)).toEqual([]);

	await arabic.getByRole('link', { name: 'Übersetzen (Arabisch)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Übersetzung: Arabisch');
	const arTitle = page.getByLabel('Titel (Arabisch)');
	await expect(arTitle).toHaveAttribute('dir', 'rtl');
	await expect(arTitle).toHaveAttribute('lang', 'ar');
	await expect(page.getByLabel('Kurzbeschreibung (Arabisch)')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('group', { name: 'Titel im Original' })).toHaveText(title);
	await arTitle.fill('مقهى اللغة');
	await page.getByLabel('Kurzbeschreibung (Arabisch)').fill('التحدث بالألمانية مع الشاي.');
	expect(await violations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Übersetzung speichern' }).click();

	await expect(page).toHaveURL(`${offerPath}/translations?saved=ar`);
	await expect(page.getByRole('status')).toHaveText('Die Übersetzung (Arabisch) ist gespeichert.');
	await expect(page.getByRole('row', { name: /^Arabisch/ })).toContainText(
		'von Menschen übersetzt, ungeprüft'
	);

	// a typo fixed as a minor edit: the Arabic text stays current
	await page.goto(`${offerPath}/edit`);
	await page.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee!');
	await page.getByLabel('Nur eine kleine Korrektur (z. B. ein Tippfehler)').check();
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Übersetzungen' }).click();
	await expect(page.getByRole('row', { name: /^Arabisch/ })).toContainText(
		'von Menschen übersetzt, ungeprüft'
	);

	// the original's title changes: the Arabic text is outdated, its title named as changed
	await page.goto(`${offerPath}/edit`);
	await page.getByLabel('Titel', { exact: true }).fill(`${title} (neu)`);
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Übersetzungen' }).click();
	const outdated = page.getByRole('row', { name: /^Arabisch/ });
	await expect(outdated).toContainText('veraltet');
	await expect(outdated).toContainText('Im Original geändert: Titel');
	expect(await violations(page)).toEqual([]);

	await outdated.getByRole('link', { name: 'Bearbeiten (Arabisch)' }).click();
	await expect(page.getByLabel('Titel (Arabisch)')).toHaveValue('مقهى اللغة');
	await expect(page.getByText('im Original geändert')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('a change of the original while translating is shown, the input kept', async ({
	page
}, testInfo) => {
	const title = `Übersetzungs-Konflikt ${testInfo.project.name} ${Date.now()}`;
	await signInAs(page, DEMO.editor);
	const offerPath = await createOffer(page, title);
	await page.goto(`${offerPath}/translations/en`);
	await page.getByLabel('Titel (Englisch)').fill('Language café');

	// meanwhile, in another tab, the original's title changes
	const other = await page.context().newPage();
	await other.goto(`${offerPath}/edit`);
	await other.getByLabel('Titel', { exact: true }).fill(`${title} am Dienstag`);
	await other.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(
		other.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await other.close();

	await page.getByRole('button', { name: 'Übersetzung speichern' }).click();
	await expect(page.getByRole('alert')).toContainText('Das Original wurde geändert');
	await expect(page.getByRole('group', { name: 'Titel im Original' })).toHaveText(
		`${title} am Dienstag`
	);
	await expect(page.getByLabel('Titel (Englisch)')).toHaveValue('Language café');
	expect(await violations(page)).toEqual([]);
	await page.getByLabel('Titel (Englisch)').fill('Language café on Tuesdays');
	await page.getByRole('button', { name: 'Übersetzung speichern' }).click();
	await expect(page.getByRole('row', { name: /^Englisch/ })).toContainText(
		'von Menschen übersetzt, ungeprüft'
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a Persian translation is saved as reviewed; a missing title is named', async ({
		page
	}, testInfo) => {
		const title = `Übersetzung ohne JS ${testInfo.project.name} ${Date.now()}`;
		await signInAs(page, DEMO.editor);
		const offerPath = await createOffer(page, title);
		await page.goto(`${offerPath}/translations/fa`);
		const faSummary = page.getByLabel('Kurzbeschreibung (Persisch)');
		await expect(faSummary).toHaveAttribute('dir', 'rtl');
		await faSummary.fill('صحبت به آلمانی با چای.');
		await page.getByRole('button', { name: 'Übersetzung speichern' }).click();

		const faTitle = page.getByLabel('Titel (Persisch)');
		await expect(faTitle).toHaveAttribute('aria-invalid', 'true');
		await expect(faSummary).toHaveValue('صحبت به آلمانی با چای.');

		await faTitle.fill('کافه زبان');
		await page.getByRole('checkbox', { name: /^Geprüft/ }).check();
		await page.getByRole('button', { name: 'Übersetzung speichern' }).click();
		await expect(page).toHaveURL(`${offerPath}/translations?saved=fa`);
		await expect(page.getByRole('row', { name: /^Persisch/ })).toContainText(
			'übersetzt und geprüft'
		);
	});
});
