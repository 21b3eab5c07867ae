/**
 * Calendar import (issue 11, item 1), against the production build: a local HTTP server started
 * here serves an .ics with a weekly Tuesday 18:00 (Europe/Berlin) event across the next change
 * to summer time, an EXDATE, a one-off event and an event the portal cannot take. The editor of
 * the Stadtteilbüro Sankt Mang registers its URL (the server lets 127.0.0.1 through:
 * CALENDAR_ALLOW_HOSTS in playwright.config.ts), sees the offers with their dates at 18:00
 * before and after the change, the cancelled date, the event not taken with its reason; a
 * second fetch is answered "not modified" (ETag); detaching an offer keeps the next change of
 * the feed away from it. Dates are computed from today, so the test never goes stale.
 *
 * Each project registers a calendar of its own (names and UIDs carry the project's name); new
 * offers are drafts, so public pages stay as they were. The phone works without JavaScript.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { DEMO, signInAs, violations } from '../support/staff';

test.use({ locale: 'de-DE' });

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;

/** The Tuesdays from 2 March to 13 April of the next spring (dates as UTC midnights). */
function nextSpringTuesdays(today = new Date()): Date[] {
	const year = today.getUTCMonth() >= 2 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
	let day = new Date(Date.UTC(year, 2, 2));
	while (day.getUTCDay() !== 2) day = new Date(day.getTime() + DAY);
	const tuesdays: Date[] = [];
	for (; day <= new Date(Date.UTC(year, 3, 13)); day = new Date(day.getTime() + 7 * DAY)) {
		tuesdays.push(day);
	}
	return tuesdays;
}

/** The last Sunday of March: Europe/Berlin changes to summer time. */
function summerTimeChange(year: number): Date {
	let day = new Date(Date.UTC(year, 2, 31));
	while (day.getUTCDay() !== 0) day = new Date(day.getTime() - DAY);
	return day;
}

/** "Dienstag, 23. März 2027, 18:00", as the staff page writes a date at 18:00. */
const shown = (day: Date) =>
	`${new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeZone: 'UTC' }).format(day)}, 18:00`;

function calendar(project: string, tuesdays: Date[], festTitle: string): string {
	const first = ymd(tuesdays[0]);
	const last = tuesdays[tuesdays.length - 1];
	// UNTIL in UTC as RFC 5545 asks next to a TZID: 16:00Z is 18:00 summer time
	const until = `${ymd(last)}T160000Z`;
	const fest = ymd(new Date(last.getTime() + 4 * DAY));
	return [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Nextcloud calendar v4//EN',
		'BEGIN:VTIMEZONE',
		'TZID:Europe/Berlin',
		'BEGIN:DAYLIGHT',
		'TZOFFSETFROM:+0100',
		'TZOFFSETTO:+0200',
		'TZNAME:CEST',
		'DTSTART:19700329T020000',
		'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
		'END:DAYLIGHT',
		'BEGIN:STANDARD',
		'TZOFFSETFROM:+0200',
		'TZOFFSETTO:+0100',
		'TZNAME:CET',
		'DTSTART:19701025T030000',
		'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
		'END:STANDARD',
		'END:VTIMEZONE',
		'BEGIN:VEVENT',
		`UID:sprachcafe-${project}@example.org`,
		'DTSTAMP:20261201T080000Z',
		`DTSTART;TZID=Europe/Berlin:${first}T180000`,
		`DTEND;TZID=Europe/Berlin:${first}T193000`,
		`RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=${until}`,
		`EXDATE;TZID=Europe/Berlin:${ymd(tuesdays[1])}T180000`,
		`SUMMARY:Sprachcafé ${project}`,
		'DESCRIPTION:Gemeinsam Deutsch sprechen\\, ohne Anmeldung. Alle sind herzlich',
		'  willkommen.',
		'END:VEVENT',
		'BEGIN:VEVENT',
		`UID:fest-${project}@example.org`,
		'DTSTAMP:20261201T080000Z',
		`DTSTART;TZID=Europe/Berlin:${fest}T150000`,
		`DTEND;TZID=Europe/Berlin:${fest}T180000`,
		`SUMMARY:${festTitle}`,
		'END:VEVENT',
		'BEGIN:VEVENT',
		`UID:stuendlich-${project}@example.org`,
		'DTSTAMP:20261201T080000Z',
		`DTSTART;TZID=Europe/Berlin:${first}T090000`,
		'RRULE:FREQ=DAILY;BYHOUR=9,12',
		`SUMMARY:Kaputter Termin ${project}`,
		'END:VEVENT',
		'END:VCALENDAR',
		''
	].join('\r\n');
}

test('an editor imports the Stadtteilbüro’s calendar, sees its dates across summer time and detaches an offer', async ({
	browser,
	baseURL
}, testInfo) => {
	test.slow();
	const project = testInfo.project.name;
	const phone = project === 'phone';
	const tuesdays = nextSpringTuesdays();
	const change = summerTimeChange(tuesdays[0].getUTCFullYear());
	const before = tuesdays.filter((d) => d < change).at(-1)!;
	const after = tuesdays.find((d) => d > change)!;
	let festTitle = `Frühlingsfest ${project}`;
	let version = 1;

	const server = http.createServer((req, res) => {
		const etag = `"v${version}"`;
		if (req.headers['if-none-match'] === etag) {
			res.writeHead(304).end();
			return;
		}
		res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag });
		res.end(calendar(project, tuesdays, festTitle));
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${project}.ics`;

	const context = await browser.newContext({ baseURL, locale: 'de-DE', javaScriptEnabled: !phone });
	const page = await context.newPage();
	const axe = async () => (phone ? [] : violations(page));
	try {
		await signInAs(page, DEMO.editor);
		await page
			.getByRole('listitem')
			.filter({ hasText: 'Stadtteilbüro Sankt Mang' })
			.getByRole('link', { name: 'Kalender-Import' })
			.click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Kalender-Import: Stadtteilbüro Sankt Mang' })
		).toBeVisible();

		const feedName = `Kalender ${project} ${Date.now()}`;
		// the other project's feed may be on the page too, with settings of the same names
		const register = page.getByRole('region', { name: 'Kalender hinzufügen' });
		await register.getByLabel('Name des Kalenders').fill(feedName);
		await register.getByLabel('iCalendar-Adresse (https://…)').fill(url);
		await expect(
			register.getByLabel('als Entwurf anlegen (wir veröffentlichen selbst)')
		).toBeChecked();
		await register.getByRole('button', { name: 'Kalender hinzufügen und abrufen' }).click();
		await expect(page.getByText('Der Kalender ist eingetragen und wurde abgerufen.')).toBeVisible();

		const feed = page.getByRole('region', { name: feedName });
		await expect(feed.getByText(url)).toBeVisible();
		const cafe = feed.getByRole('list', { name: `Nächste Termine: Sprachcafé ${project}` });
		// 18:00 local before and after the change to summer time, the EXDATE marked as cancelled
		await expect(cafe.getByText(shown(before), { exact: true })).toBeVisible();
		await expect(cafe.getByText(shown(after), { exact: true })).toBeVisible();
		await expect(cafe.getByRole('listitem')).toHaveCount(tuesdays.length);
		await expect(
			cafe
				.getByRole('listitem')
				.filter({ hasText: shown(tuesdays[1]) })
				.getByText('fällt aus')
		).toBeVisible();
		await expect(feed.getByRole('link', { name: festTitle })).toBeVisible();
		// the run: two new drafts, and the event not taken with its reason
		const runs = feed.getByRole('list').filter({ hasText: 'übernommen' }).first();
		await expect(runs.getByText('2 neu')).toBeVisible();
		await expect(runs.getByText(`Kaputter Termin ${project}`)).toBeVisible();
		await expect(
			runs.getByText('Diese Wiederholung kann das Portal nicht darstellen.')
		).toBeVisible();
		await expect(feed.getByText('Entwurf').first()).toBeVisible();
		expect(await axe()).toEqual([]);

		// the settings: offers whose event disappears are deleted rather than archived
		await feed.getByText('Einstellungen', { exact: true }).click();
		await feed.getByLabel('Angebot löschen').check();
		await feed.getByRole('button', { name: 'Einstellungen speichern' }).click();
		await expect(page.getByText('Die Einstellungen des Kalenders sind gespeichert.')).toBeVisible();
		await feed.getByText('Einstellungen', { exact: true }).click();
		await expect(feed.getByLabel('Angebot löschen')).toBeChecked();

		// fetched again: the server answers 304 to the ETag
		await feed.getByRole('button', { name: 'Jetzt abrufen' }).click();
		await expect(
			page.getByText('Der Kalender hat sich seit dem letzten Abruf nicht geändert.')
		).toBeVisible();

		// the festival's offer shows its source; detached, the feed leaves it alone
		await page
			.getByRole('region', { name: feedName })
			.getByRole('link', { name: festTitle })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: festTitle })).toBeVisible();
		const source = page.getByRole('region', { name: 'Aus einem Kalender übernommen' });
		await expect(source.getByText(feedName)).toBeVisible();
		await expect(source.getByText(`fest-${project}@example.org`)).toBeVisible();
		expect(await axe()).toEqual([]);
		await source.getByRole('button', { name: 'Vom Kalender lösen' }).click();
		await expect(
			page.getByText('Das Angebot ist vom Kalender gelöst. Der Kalender ändert es nicht mehr.')
		).toBeVisible();

		const originalTitle = festTitle;
		festTitle = `Frühlingsfest ${project} (neu)`;
		version = 2;
		await page.goto('/staff/organisations/stadtteilbuero-sankt-mang/calendar');
		await page
			.getByRole('region', { name: feedName })
			.getByRole('button', { name: 'Jetzt abrufen' })
			.click();
		await expect(page.getByText('Der Kalender wurde abgerufen und übernommen.')).toBeVisible();
		const after2 = page.getByRole('region', { name: feedName });
		await expect(after2.getByText('1 vom Kalender gelöst (nicht angefasst)')).toBeVisible();
		await expect(after2.getByRole('link', { name: originalTitle, exact: true })).toBeVisible();
		await expect(after2.getByText('vom Kalender gelöst', { exact: true })).toBeVisible();
	} finally {
		await context.close();
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});
