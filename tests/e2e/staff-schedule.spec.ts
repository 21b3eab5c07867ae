/**
 * Schedules in the offer editor against `node build`: the Sankt Mang editor creates an offer
 * with a weekly Tuesday rule, cancels one Tuesday with a note and moves another; the form lists
 * the next 10 dates as they will be published (cancelled and moved ones marked); after saving
 * and publishing, the public offer page shows the cancelled date as cancelled with its note and
 * the offer's .ics has the exceptions as overrides. Without JavaScript the same can be entered
 * (each button shows the form again from the server). axe finds no violation on the editor.
 *
 * Each browser project works on offers of its own (their titles name the project).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

import { nextTuesdays, plusDays } from '../support/dates';
import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

/** `2026-12-01` → `20261201`. */
const compact = (date: string) => date.replaceAll('-', '');

/** Fills a weekly Tuesday rule 18:00–19:30 from `first`. */
async function fillTuesdays(rule: Locator, first: string) {
	await rule.getByRole('checkbox', { name: 'Dienstag' }).check();
	await rule.getByLabel('Erster Termin am').fill(first);
	await rule.getByLabel('Beginn', { exact: true }).fill('18:00');
	await rule.getByLabel('Ende', { exact: true }).fill('19:30');
}

/** Fills the rule's exception `n` (1-based). */
async function fillException(
	rule: Locator,
	n: number,
	values: { date: string; note?: string; moveTo?: { date: string; time: string } }
) {
	const exception = rule.getByRole('group', { name: `Ausnahme ${n}` });
	await exception.getByLabel('Termin am').fill(values.date);
	if (values.note) {
		await exception.getByLabel('Hinweis für die Öffentlichkeit (freiwillig)').fill(values.note);
	}
	if (values.moveTo) {
		await exception.getByLabel('Was passiert').selectOption({ label: 'Wird verschoben' });
		await exception.getByLabel('Neues Datum (nur beim Verschieben)').fill(values.moveTo.date);
		await exception.getByLabel('Neue Uhrzeit (nur beim Verschieben)').fill(values.moveTo.time);
	}
}

function previewItems(page: Page): Locator {
	return page
		.getByRole('region', { name: 'Die nächsten 10 Termine, wie sie veröffentlicht werden' })
		.getByRole('listitem');
}

test('an editor enters a weekly rule with a cancelled and a moved date; the public page and the .ics show them', async ({
	page
}, testInfo) => {
	const title = `Sprachcafé Termine ${testInfo.project.name} ${Date.now()}`;
	const note = `Weihnachtsfeier im Saal ${testInfo.project.name}`;
	const [first, , third] = nextTuesdays(3) as [string, string, string];
	const movedTo = plusDays(third, 2); // the Thursday after

	await signInAs(page, DEMO.editor);
	await page.goto('/staff/offers/new');
	await page.getByLabel('Titel', { exact: true }).fill(title);

	await page.getByRole('button', { name: 'Wöchentliche Regel hinzufügen' }).click();
	const rule = page.getByRole('group', { name: 'Wöchentliche Regel 1' });
	// the keyboard goes on in the new row
	await expect(rule.getByRole('checkbox', { name: 'Montag' })).toBeFocused();
	await fillTuesdays(rule, first);
	await rule.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
	await expect(
		rule.getByRole('group', { name: 'Ausnahme 1' }).getByLabel('Termin am')
	).toBeFocused();
	await fillException(rule, 1, { date: first, note });
	await rule.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
	await fillException(rule, 2, { date: third, moveTo: { date: movedTo, time: '17:00' } });

	// the next 10 dates as they will be published, live
	const items = previewItems(page);
	await expect(items).toHaveCount(10);
	await expect(items.nth(0)).toContainText('Fällt aus');
	await expect(items.nth(0)).toContainText(note);
	await expect(items.nth(1)).toContainText('18:00');
	await expect(items.nth(1)).not.toContainText('Fällt aus');
	await expect(items.nth(2)).toContainText('verschoben vom');
	await expect(items.nth(2)).toContainText('17:00');
	expect(await violations(page)).toEqual([]);

	// a date that does not exist: named at its field, everything typed kept
	await page.getByRole('button', { name: 'Einzelne Termine hinzufügen' }).click();
	const dates = page.getByRole('group', { name: 'Einzelne Termine 2' });
	await dates.getByLabel('Daten').fill('31.02.2027');
	await dates.getByLabel('Beginn', { exact: true }).fill('10:00');
	await dates.getByLabel('Ende', { exact: true }).fill('11:00');
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(dates.getByLabel('Daten')).toHaveAccessibleDescription(
		/Mindestens eine Zeile ist kein Datum/
	);
	await expect(page.getByRole('alert')).toContainText('Bitte die markierten Angaben');
	await expect(
		rule
			.getByRole('group', { name: 'Ausnahme 1' })
			.getByLabel('Hinweis für die Öffentlichkeit (freiwillig)')
	).toHaveValue(note);
	expect(await violations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Einzelne Termine 2 entfernen' }).click();

	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page).toHaveURL(/\/staff\/offers\/[0-9a-f-]{36}\?saved=1$/);
	const id = new URL(page.url()).pathname.split('/').at(-1)!;

	// the editor reads the rule and its exceptions back
	await page.goto(`/staff/offers/${id}/edit`);
	const again = page.getByRole('group', { name: 'Wöchentliche Regel 1' });
	await expect(again.getByRole('checkbox', { name: 'Dienstag' })).toBeChecked();
	await expect(again.getByLabel('Beginn', { exact: true })).toHaveValue('18:00');
	await expect(
		again
			.getByRole('group', { name: 'Ausnahme 1' })
			.getByLabel('Hinweis für die Öffentlichkeit (freiwillig)')
	).toHaveValue(note);
	await expect(previewItems(page).nth(0)).toContainText('Fällt aus');
	expect(await violations(page)).toEqual([]);

	await page.goto(`/staff/offers/${id}`);
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('status')).toHaveText('Der Status des Angebots ist geändert.');

	// the public page: the cancelled date stays in the list, marked, with its note
	await page.goto(`/de/offers/${id}`);
	const cancelled = page.getByRole('listitem').filter({ hasText: note });
	await expect(cancelled).toContainText('Fällt aus');
	await expect(page.getByRole('listitem').filter({ hasText: 'Verlegt vom' })).toContainText(
		'17:00'
	);

	// this week's page, when the cancelled Tuesday is in it (today and the six days after)
	if (Date.parse(first) - Date.now() < 6 * 86_400_000) {
		await page.goto('/de/week');
		const entry = page.getByRole('listitem').filter({ hasText: title });
		await expect(entry).toContainText('Fällt aus');
		await expect(entry).toContainText(note);
	}

	// the offer's calendar file: overrides for both exceptions
	const response = await page.request.get(`/de/offers/${id}/calendar.ics`);
	expect(response.status()).toBe(200);
	const ics = (await response.text()).replace(/\r\n[ \t]/g, '');
	expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
	expect(ics).toContain(`RECURRENCE-ID;TZID=Europe/Berlin:${compact(first)}T180000`);
	expect(ics).toContain('STATUS:CANCELLED');
	expect(ics).toContain(`SUMMARY:Fällt aus: ${title}`);
	expect(ics).toContain(`DESCRIPTION:${note}`);
	expect(ics).toContain(`RECURRENCE-ID;TZID=Europe/Berlin:${compact(third)}T180000`);
	expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${compact(movedTo)}T170000`);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a rule with a cancelled date is entered through the server, the dates shown, then saved', async ({
		page
	}, testInfo) => {
		const title = `Termine ohne JS ${testInfo.project.name} ${Date.now()}`;
		const [first, second] = nextTuesdays(2) as [string, string];
		await signInAs(page, DEMO.editor);
		await page.goto('/staff/offers/new');
		await page.getByLabel('Titel', { exact: true }).fill(title);

		await page.getByRole('button', { name: 'Wöchentliche Regel hinzufügen' }).click();
		await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
		const rule = page.getByRole('group', { name: 'Wöchentliche Regel 1' });
		await fillTuesdays(rule, first);
		await rule.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
		await expect(rule.getByLabel('Beginn', { exact: true })).toHaveValue('18:00');
		await fillException(rule, 1, { date: second, note: 'Ferien' });

		await page.getByRole('button', { name: 'Termine anzeigen' }).click();
		const items = previewItems(page);
		await expect(items).toHaveCount(10);
		await expect(items.nth(1)).toContainText('Fällt aus');
		await expect(items.nth(1)).toContainText('Ferien');

		// an exception on a day the rule does not have is named at its field
		await fillException(rule, 1, { date: plusDays(second, 1), note: 'Ferien' });
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(
			page.getByRole('group', { name: 'Ausnahme 1' }).getByLabel('Termin am')
		).toHaveAccessibleDescription('An diesem Tag gibt es nach der Regel keinen Termin.');
		await expect(page.getByRole('alert')).toContainText('Bitte die markierten Angaben');
		await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);

		await fillException(page.getByRole('group', { name: 'Wöchentliche Regel 1' }), 1, {
			date: second,
			note: 'Ferien'
		});
		// Enter in a field saves, as it did before the schedule's buttons were in the form
		await page.getByLabel('Titel', { exact: true }).press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByRole('status')).toHaveText('Das Angebot ist gespeichert.');
	});
});
