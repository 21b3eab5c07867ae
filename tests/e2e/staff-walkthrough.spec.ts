/**
 * The workspace as a Stadtteilbüro uses it, end to end against `node build` (issue 8, "Done
 * when"): the Sankt Mang editor creates a weekly language café on Tuesdays with one Tuesday
 * cancelled and the place picked on the map, adds the Arabic text, publishes it; within seconds
 * a misspelled Arabic search on the public list finds it, its page shows the cancelled date as
 * cancelled among the next dates, and its calendar file carries the exception. The admin of the
 * adult education centre cannot reach the draft or the edit form. Two windows editing the café:
 * the second save shows the merge view instead of overwriting.
 *
 * (Ten wrong passwords in a row → 429 is tests/e2e/staff-access.spec.ts; the parts in detail are
 * staff-schedule, staff-translation, staff-editor-extras and staff-editor.)
 *
 * Each browser project works on a café of its own (the titles name the project).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

import { nextTuesdays } from '../support/dates';
import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

async function browserAs(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'de-DE' });
	const page = await context.newPage();
	await signInAs(page, email);
	return page;
}

test('a Stadtteilbüro publishes its Tuesday language café with a cancelled date and an Arabic text', async ({
	page,
	browser
}, testInfo) => {
	test.slow();
	const project = testInfo.project.name;
	const title = `Sprachcafé am Dienstag ${project} ${Date.now()}`;
	const arabicTitle = `مقهى المحادثة ${project}`;
	const note = `Weihnachtsferien ${project}`;
	const [first, cancelledOn] = nextTuesdays(2) as [string, string];

	// the editor of Sankt Mang creates the café: weekly on Tuesdays, one Tuesday cancelled
	await signInAs(page, DEMO.editor);
	await page.goto('/staff/offers/new');
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee und Gebäck.');
	await page.getByRole('button', { name: 'Wöchentliche Regel hinzufügen' }).click();
	const rule = page.getByRole('group', { name: 'Wöchentliche Regel 1' });
	await rule.getByRole('checkbox', { name: 'Dienstag' }).check();
	await rule.getByLabel('Erster Termin am').fill(first);
	await rule.getByLabel('Beginn', { exact: true }).fill('17:00');
	await rule.getByLabel('Ende', { exact: true }).fill('18:30');
	await rule.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
	const exception = rule.getByRole('group', { name: 'Ausnahme 1' });
	await exception.getByLabel('Termin am').fill(cancelledOn);
	await exception.getByLabel('Hinweis für die Öffentlichkeit (freiwillig)').fill(note);

	// the place, picked on the map
	await page.getByRole('button', { name: 'Punkt auf der Karte wählen' }).click();
	const canvas = page.getByTestId('point-map-canvas');
	await expect(canvas).toBeVisible();
	const box = (await canvas.boundingBox())!;
	await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
	await expect(page.getByLabel('Breitengrad')).toHaveValue(/^4[0-9]\.[0-9]+$/);
	expect(await violations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);
	const offerPath = new URL(page.url()).pathname;
	const id = offerPath.split('/').at(-1)!;

	// the admin of the adult education centre cannot reach the draft or its edit form
	const vhs = await browserAs(browser, DEMO.vhsAdmin);
	for (const path of [offerPath, `${offerPath}/edit`, `${offerPath}/translations/ar`]) {
		const response = await vhs.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	await vhs.goto('/staff');
	await expect(vhs.getByText(title)).toHaveCount(0);

	// the Arabic text a volunteer wrote
	await page.goto(`${offerPath}/translations/ar`);
	await page.getByLabel('Titel (Arabisch)').fill(arabicTitle);
	await page.getByLabel('Kurzbeschreibung (Arabisch)').fill('التحدث بالألمانية مع الشاي.');
	await page.getByRole('button', { name: 'Übersetzung speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Übersetzung (Arabisch) ist gespeichert.');

	// published, it is found within seconds on the Arabic list by a misspelled search
	await page.goto(offerPath);
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('status')).toHaveText('Der Status des Angebots ist geändert.');
	const visitor = await browser.newPage();
	await expect(async () => {
		await visitor.goto(`/ar?q=${encodeURIComponent('المحدثة')}`);
		await expect(visitor.getByRole('link', { name: arabicTitle })).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 10_000 });

	// the public page shows the cancelled Tuesday as cancelled among the next dates
	await visitor.goto(`/de/offers/${id}`);
	const cancelled = visitor.getByRole('listitem').filter({ hasText: note });
	await expect(cancelled).toContainText('Fällt aus');
	await expect(visitor.getByRole('listitem').filter({ hasText: '17:00' }).first()).toBeVisible();

	// and its calendar file has the exception
	const ics = (await (await visitor.request.get(`/de/offers/${id}/calendar.ics`)).text()).replace(
		/\r\n[ \t]/g,
		''
	);
	expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
	expect(ics).toContain(
		`RECURRENCE-ID;TZID=Europe/Berlin:${cancelledOn.replaceAll('-', '')}T170000`
	);
	expect(ics).toContain('STATUS:CANCELLED');
	await visitor.close();

	// published now, its edit form is still out of the adult education centre's reach
	expect((await vhs.goto(`${offerPath}/edit`))?.status()).toBe(404);
	await vhs.context().close();

	// two windows edit the café: the second save shows the merge view, nothing is overwritten
	const second = await browserAs(browser, DEMO.editor);
	await page.goto(`${offerPath}/edit`);
	await second.goto(`${offerPath}/edit`);
	await second.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Tee.');
	await second.getByRole('button', { name: 'Speichern' }).click();
	await expect(
		second.getByRole('status').filter({ hasText: 'Das Angebot ist gespeichert.' })
	).toBeVisible();
	await second.context().close();
	await page.getByLabel('Kurzbeschreibung').fill('Deutsch sprechen bei Kaffee.');
	await page.getByRole('button', { name: 'Speichern' }).click();
	const changes = page.getByRole('table', { name: 'Gespeicherte Fassung und Ihre Eingabe' });
	await expect(changes.getByRole('row', { name: /Kurzbeschreibung/ })).toContainText(
		'Deutsch sprechen bei Tee.'
	);
	await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue('Deutsch sprechen bei Kaffee.');
});
