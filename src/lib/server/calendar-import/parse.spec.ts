import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { occurrences, toWallClock } from '$lib/schedule/rrule';
import { FeedError, htmlToText, parseFeed, type FeedEvent } from './parse';

const fixture = (name: string) => readFileSync(`tests/fixtures/ics/${name}`, 'utf8');
const options = { timeZone: 'Europe/Berlin' };

function byUid(events: FeedEvent[], uid: string): FeedEvent {
	const event = events.find((e) => e.uid === uid);
	if (!event) throw new Error(`no event ${uid}`);
	return event;
}

/** Local "YYYY-MM-DD HH:MM" of each occurrence in Berlin. */
function berlinDates(event: FeedEvent, index = 0): string[] {
	const schedule = event.schedules[index];
	return occurrences(schedule, { from: new Date('2026-01-01'), to: new Date('2028-12-31') })
		.filter((o) => !schedule.exceptions.some((x) => x.occurs_at === o.start.toISOString()))
		.map((o) => {
			const t = toWallClock(o.start, 'Europe/Berlin');
			const p = (n: number) => String(n).padStart(2, '0');
			return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}`;
		});
}

describe('parseFeed: Google flavour', () => {
	const feed = parseFeed(fixture('google.ics'), options);
	const weekly = byUid(feed.events, '6kq3ak1l8s0f2b7m9r4t@google.com');

	it('keeps a weekly Berlin event at 18:00 local across the change to summer time', () => {
		expect(feed.name).toBe('Stadtteilbüro Sankt Mang');
		expect(weekly.schedules).toHaveLength(1);
		expect(weekly.schedules[0]).toMatchObject({
			starts_at: '2027-03-02T17:00:00.000Z',
			duration_minutes: 90,
			rrule: 'FREQ=WEEKLY;UNTIL=20270413T160000Z;BYDAY=TU',
			timezone: 'Europe/Berlin'
		});
		expect(berlinDates(weekly)).toEqual([
			'2027-03-02 18:00',
			'2027-03-09 18:00',
			'2027-03-30 18:00',
			'2027-04-06 18:00',
			'2027-04-13 18:00'
		]);
	});

	it('turns EXDATE into a cancelled date and a RECURRENCE-ID override into a moved one', () => {
		expect(weekly.schedules[0].exceptions).toEqual([
			{ occurs_at: '2027-03-16T17:00:00.000Z', moved_to: null, note: null },
			{ occurs_at: '2027-03-23T17:00:00.000Z', moved_to: '2027-03-24T17:00:00.000Z', note: null }
		]);
	});

	it('unfolds and unescapes texts', () => {
		expect(weekly.title).toBe('Sprachcafé am Dienstag');
		expect(weekly.description).toBe(
			'Gemeinsam kochen und Deutsch sprechen. Alle sind willkommen, ohne Anmeldung. Bitte bringt eine Schürze mit; Zutaten sind da.'
		);
		expect(weekly.location).toBe('Stadtteilbüro Sankt Mang, Bühl 3, 87439 Kempten');
	});

	it('takes an all-day event as the whole local day, its HTML description as text', () => {
		const fest = byUid(feed.events, '0b1c2d3e4f5a6b7c8d9e@google.com');
		expect(fest.description).toBe(
			'Den ganzen Tag Musik, Essen und Spiele.\nEintritt frei & für alle.'
		);
		expect(fest.schedules).toEqual([
			{
				starts_at: '2027-05-07T22:00:00.000Z',
				duration_minutes: 1440,
				rrule: null,
				timezone: 'Europe/Berlin',
				exceptions: []
			}
		]);
	});

	it('marks an event cancelled as a whole', () => {
		const cancelled = byUid(feed.events, '9z8y7x6w5v@google.com');
		expect(cancelled.cancelled).toBe(true);
		expect(cancelled.schedules).toEqual([]);
		expect(feed.problems).toEqual([]);
	});
});

describe('parseFeed: Outlook flavour', () => {
	const feed = parseFeed(fixture('outlook.ics'), options);

	it('maps Windows zone names and look-alike VTIMEZONEs to IANA zones', () => {
		const course = feed.events.find((e) => e.title === 'Integrationskurs Modul 3')!;
		expect(course.uid).toMatch(
			/^040000008200E00074C5B7101A82E008.*F3A1C5B2E9D4B24CA1E2F3D4C5B6A798$/
		);
		expect(course.schedules[0]).toMatchObject({
			starts_at: '2027-03-03T16:00:00.000Z',
			duration_minutes: 180,
			timezone: 'Europe/Berlin'
		});
		expect(course.schedules[0].exceptions.map((x) => x.occurs_at)).toEqual([
			'2027-03-31T15:00:00.000Z',
			'2027-04-07T15:00:00.000Z'
		]);
		expect(berlinDates(course)).toContain('2027-04-14 17:00');
		expect(course.description).toBeNull();
		const evening = feed.events.find((e) => e.title === 'Elternabend')!;
		expect(evening.schedules[0]).toMatchObject({
			starts_at: '2027-04-15T17:00:00.000Z',
			timezone: 'Europe/Berlin'
		});
	});

	it('reports a zone it cannot represent as a problem of that event only', () => {
		expect(feed.events).toHaveLength(2);
		expect(feed.problems).toEqual([
			{
				uid: '040000008200E00074C5B7101A82E00800000000DDDDEEEEFFFF',
				summary: 'Webinar with New York',
				reason: 'unknown_time_zone',
				detail: 'Eastern Standard Time'
			}
		]);
	});
});

describe('parseFeed: Nextcloud flavour', () => {
	const feed = parseFeed(fixture('nextcloud.ics'), options);
	const reasons = feed.problems.map((p) => [p.uid, p.reason]);

	it('takes monthly rules with a cancelled and a moved override', () => {
		const cafe = byUid(feed.events, 'd3f1c0de-1111-4a2b-9c3d-000000000001');
		expect(cafe.schedules[0].rrule).toBe('FREQ=MONTHLY;COUNT=6;BYDAY=1MO');
		expect(cafe.schedules[0].exceptions).toEqual([
			{ occurs_at: '2027-03-01T14:00:00.000Z', moved_to: null, note: null },
			{ occurs_at: '2027-04-05T13:00:00.000Z', moved_to: '2027-04-05T14:00:00.000Z', note: null }
		]);
		// the longer override is moved but keeps the series' length: said as a problem
		expect(reasons).toContainEqual(['d3f1c0de-1111-4a2b-9c3d-000000000001', 'override_length']);
	});

	it('reads floating times in the city zone', () => {
		const market = byUid(feed.events, 'd3f1c0de-1111-4a2b-9c3d-000000000002');
		expect(market.schedules[0]).toMatchObject({
			starts_at: '2027-06-12T12:00:00.000Z',
			duration_minutes: 120,
			timezone: 'Europe/Berlin'
		});
		expect(market.location).toBe('Innenhof Lindauer Straße');
		expect(market.geo).toEqual({ lat: 47.7205, lng: 10.3158 });
	});

	it('adds RDATEs as one-off schedules', () => {
		const advice = byUid(feed.events, 'd3f1c0de-1111-4a2b-9c3d-000000000005');
		expect(advice.schedules.map((s) => [s.starts_at, s.rrule])).toEqual([
			['2027-02-01T09:00:00.000Z', 'FREQ=WEEKLY;BYDAY=MO'],
			['2027-02-03T09:00:00.000Z', null]
		]);
	});

	it('lists every event it cannot take with its reason', () => {
		expect(reasons).toEqual(
			expect.arrayContaining([
				['d3f1c0de-1111-4a2b-9c3d-000000000003', 'unsupported_rule'],
				[null, 'no_uid'],
				['d3f1c0de-1111-4a2b-9c3d-000000000004', 'too_long'],
				['d3f1c0de-1111-4a2b-9c3d-000000000099', 'override_without_series'],
				['d3f1c0de-1111-4a2b-9c3d-000000000001', 'duplicate_uid']
			])
		);
		expect(feed.problems.find((p) => p.reason === 'unsupported_rule')?.detail).toMatch(/BYHOUR/);
		expect(feed.events.map((e) => e.uid)).toEqual([
			'd3f1c0de-1111-4a2b-9c3d-000000000001',
			'd3f1c0de-1111-4a2b-9c3d-000000000002',
			'd3f1c0de-1111-4a2b-9c3d-000000000005'
		]);
	});
});

describe('parseFeed: broken files', () => {
	it('gives one clear error for a cut-off file', () => {
		expect(() => parseFeed(fixture('broken.ics'), options)).toThrow(FeedError);
		try {
			parseFeed(fixture('broken.ics'), options);
		} catch (error) {
			expect((error as FeedError).code).toBe('unreadable');
		}
	});

	it('refuses what is not a calendar at all', () => {
		expect(() => parseFeed('<html>Not found</html>', options)).toThrow(/BEGIN:VCALENDAR/);
	});

	it('reports an unreadable event without stopping the others', () => {
		const feed = parseFeed(
			[
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'BEGIN:VEVENT',
				'UID:bad',
				'SUMMARY:Kaputt',
				'DTSTART:2027-13-45',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'UID:good',
				'SUMMARY:Gut',
				'DTSTART:20270302T180000',
				'END:VEVENT',
				'END:VCALENDAR'
			].join('\r\n'),
			options
		);
		expect(feed.events.map((e) => e.uid)).toEqual(['good']);
		expect(feed.events[0].schedules[0].duration_minutes).toBe(60);
		expect(feed.problems).toHaveLength(1);
		expect(feed.problems[0]).toMatchObject({ uid: 'bad', summary: 'Kaputt' });
	});
});

describe('htmlToText', () => {
	it('keeps plain text as it is and turns HTML into lines of text', () => {
		expect(htmlToText('Kaffee & Kuchen, 5 < 6')).toBe('Kaffee & Kuchen, 5 < 6');
		expect(
			htmlToText(
				'<p>Anmeldung: <a href="https://example.org">hier</a></p><ul><li>Tee</li><li>Brot</li></ul>&#8364; 2'
			)
		).toBe('Anmeldung: hier\n• Tee\n• Brot\n€ 2');
	});
});
