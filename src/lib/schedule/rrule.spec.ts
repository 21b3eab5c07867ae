import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	RRuleError,
	formatRRule,
	fromWallClock,
	lastOccurrence,
	occurrences,
	parseRRule,
	toWallClock,
	type Schedule
} from './rrule';

const BERLIN = 'Europe/Berlin';

function schedule(overrides: Partial<Schedule> = {}): Schedule {
	return {
		starts_at: '2026-10-13T16:00:00Z', // Tuesday 18:00 in Berlin (summer time)
		duration_minutes: 90,
		rrule: null,
		exdates: [],
		timezone: BERLIN,
		...overrides
	};
}

/** "2026-10-27 18:00" on a zone's wall clock → instant */
function at(text: string, timeZone = BERLIN): Date {
	const [date, time = '00:00'] = text.split(' ');
	const [year, month, day] = date!.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	return fromWallClock(
		{ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 },
		timeZone
	);
}

/** instant → "2026-10-27 18:00" on a zone's wall clock */
function local(instant: Date, timeZone = BERLIN): string {
	const w = toWallClock(instant, timeZone);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

function starts(s: Schedule, from: string, to: string, limit?: number): string[] {
	const zone = s.timezone ?? BERLIN;
	return occurrences(s, { from: at(from, zone), to: at(to, zone), limit }).map((o) =>
		local(o.start, zone)
	);
}

describe('occurrences', () => {
	it('keeps a weekly 18:00 meeting at 18:00 local time across the autumn change', () => {
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=TU' });
		const found = occurrences(s, { from: at('2026-10-01'), to: at('2026-11-04') });
		expect(found.map((o) => local(o.start))).toEqual([
			'2026-10-13 18:00',
			'2026-10-20 18:00',
			'2026-10-27 18:00',
			'2026-11-03 18:00'
		]);
		// summer time is UTC+2, winter time UTC+1
		expect(found.map((o) => o.start.toISOString())).toEqual([
			'2026-10-13T16:00:00.000Z',
			'2026-10-20T16:00:00.000Z',
			'2026-10-27T17:00:00.000Z',
			'2026-11-03T17:00:00.000Z'
		]);
		expect(found.map((o) => local(o.end))).toEqual([
			'2026-10-13 19:30',
			'2026-10-20 19:30',
			'2026-10-27 19:30',
			'2026-11-03 19:30'
		]);
	});

	it('keeps local time across the spring change', () => {
		const s = schedule({ starts_at: at('2027-03-16 18:00'), rrule: 'FREQ=WEEKLY' });
		const found = occurrences(s, { from: at('2027-03-01'), to: at('2027-04-01') });
		expect(found.map((o) => o.start.toISOString())).toEqual([
			'2027-03-16T17:00:00.000Z',
			'2027-03-23T17:00:00.000Z',
			'2027-03-30T16:00:00.000Z'
		]);
	});

	it('reads a skipped local time with the offset before the gap and a doubled one as the first', () => {
		const s = schedule({ starts_at: at('2027-03-26 02:30'), rrule: 'FREQ=DAILY' });
		expect(starts(s, '2027-03-27', '2027-03-30')).toEqual([
			'2027-03-27 02:30',
			'2027-03-28 03:30', // 02:30 does not exist that night
			'2027-03-29 02:30'
		]);
		const autumn = schedule({ starts_at: at('2026-10-24 02:30'), rrule: 'FREQ=DAILY' });
		const found = occurrences(autumn, { from: at('2026-10-25'), to: at('2026-10-26') });
		expect(found.map((o) => o.start.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']);
	});

	it('follows the schedule’s own time zone', () => {
		const s = schedule({
			starts_at: at('2026-10-27 09:00', 'America/New_York'),
			timezone: 'America/New_York',
			rrule: 'FREQ=WEEKLY'
		});
		// New York changes on 1 November, a week after Berlin
		expect(starts(s, '2026-10-26', '2026-11-11')).toEqual([
			'2026-10-27 09:00',
			'2026-11-03 09:00',
			'2026-11-10 09:00'
		]);
	});

	it('takes every second week, also when the window starts far later', () => {
		const s = schedule({
			starts_at: at('2026-11-03 10:00'),
			rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'
		});
		expect(starts(s, '2026-11-01', '2026-12-31')).toEqual([
			'2026-11-03 10:00',
			'2026-11-17 10:00',
			'2026-12-01 10:00',
			'2026-12-15 10:00',
			'2026-12-29 10:00'
		]);
		// 2028-06-06 is 83 weeks after the first occurrence: odd, so not a meeting day
		expect(starts(s, '2028-06-01', '2028-06-30')).toEqual(['2028-06-13 10:00', '2028-06-27 10:00']);
	});

	it('counts weeks from WKST (the RFC 5545 example)', () => {
		const ny = 'America/New_York';
		const base = { starts_at: at('1997-08-05 09:00', ny), timezone: ny };
		const mo = schedule({ ...base, rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO' });
		const su = schedule({ ...base, rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU' });
		expect(starts(mo, '1997-08-01', '1997-12-31').map((d) => d.slice(5, 10))).toEqual([
			'08-05',
			'08-10',
			'08-19',
			'08-24'
		]);
		expect(starts(su, '1997-08-01', '1997-12-31').map((d) => d.slice(5, 10))).toEqual([
			'08-05',
			'08-17',
			'08-19',
			'08-31'
		]);
	});

	it('finds the first Saturday of every month', () => {
		const s = schedule({ starts_at: at('2026-11-07 10:00'), rrule: 'FREQ=MONTHLY;BYDAY=1SA' });
		expect(starts(s, '2026-11-01', '2027-05-01')).toEqual([
			'2026-11-07 10:00',
			'2026-12-05 10:00',
			'2027-01-02 10:00',
			'2027-02-06 10:00',
			'2027-03-06 10:00',
			'2027-04-03 10:00'
		]);
	});

	it('finds the last Friday of every month', () => {
		const s = schedule({ starts_at: at('2026-11-27 18:00'), rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
		expect(starts(s, '2026-11-01', '2027-05-01')).toEqual([
			'2026-11-27 18:00',
			'2026-12-25 18:00',
			'2027-01-29 18:00',
			'2027-02-26 18:00',
			'2027-03-26 18:00',
			'2027-04-30 18:00'
		]);
	});

	it('skips months without the day of the month', () => {
		const s = schedule({ starts_at: at('2027-01-31 12:00'), rrule: 'FREQ=MONTHLY' });
		expect(starts(s, '2027-01-01', '2027-06-01')).toEqual([
			'2027-01-31 12:00',
			'2027-03-31 12:00',
			'2027-05-31 12:00'
		]);
		const both = schedule({
			starts_at: at('2027-01-01 12:00'),
			rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,-1'
		});
		expect(starts(both, '2027-01-01', '2027-03-01')).toEqual([
			'2027-01-01 12:00',
			'2027-01-31 12:00',
			'2027-02-01 12:00',
			'2027-02-28 12:00'
		]);
	});

	it('picks positions from the set with BYSETPOS', () => {
		const lastWorkday = schedule({
			starts_at: at('2026-11-30 15:00'),
			rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'
		});
		expect(starts(lastWorkday, '2026-11-01', '2027-03-01')).toEqual([
			'2026-11-30 15:00',
			'2026-12-31 15:00',
			'2027-01-29 15:00',
			'2027-02-26 15:00'
		]);
		const secondSaturday = schedule({
			starts_at: at('2026-11-14 10:00'),
			rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2'
		});
		expect(starts(secondSaturday, '2026-11-01', '2027-01-31')).toEqual([
			'2026-11-14 10:00',
			'2026-12-12 10:00',
			'2027-01-09 10:00'
		]);
	});

	it('expands yearly rules by month and weekday', () => {
		const s = schedule({
			starts_at: at('2027-03-28 10:00'),
			rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'
		});
		expect(starts(s, '2027-01-01', '2030-01-01')).toEqual([
			'2027-03-28 10:00',
			'2028-03-26 10:00',
			'2029-03-25 10:00'
		]);
	});

	it.each([
		'FREQ=DAILY;INTERVAL=3',
		'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;WKST=TH',
		'FREQ=MONTHLY;INTERVAL=5;BYDAY=2WE,-1SU',
		'FREQ=MONTHLY;BYMONTHDAY=31,-3;BYMONTH=1,2,3,8',
		'FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2,-1',
		'FREQ=YEARLY;INTERVAL=2;BYDAY=-2MO',
		'FREQ=YEARLY;BYMONTHDAY=29;BYMONTH=2',
		'FREQ=WEEKLY;UNTIL=20300101T000000Z'
	])('skips ahead to the window with the same result as walking from the start: %s', (rrule) => {
		const s = schedule({ starts_at: at('2026-01-14 07:45'), rrule });
		const from = at('2029-02-03 12:00');
		const to = at('2032-06-01');
		const walked = occurrences(s, { from: at('2026-01-01'), to }).filter(
			(o) => o.end.getTime() > from.getTime()
		);
		expect(occurrences(s, { from, to })).toEqual(walked);
		expect(walked.length).toBeGreaterThan(0);
	});

	it.each([
		[
			'19970904 09:00',
			'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
			['1997-09-04', '1997-10-07', '1997-11-06']
		],
		[
			'19970929 09:00',
			'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;COUNT=7',
			[
				'1997-09-29',
				'1997-10-30',
				'1997-11-27',
				'1997-12-30',
				'1998-01-29',
				'1998-02-26',
				'1998-03-30'
			]
		],
		[
			'19961105 09:00',
			'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8;COUNT=3',
			['1996-11-05', '2000-11-07', '2004-11-02']
		],
		[
			'19970913 09:00',
			'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13;COUNT=5',
			['1997-09-13', '1997-10-11', '1997-11-08', '1997-12-13', '1998-01-10']
		],
		[
			'19970610 09:00',
			'FREQ=YEARLY;COUNT=5;BYMONTH=6,7',
			['1997-06-10', '1997-07-10', '1998-06-10', '1998-07-10', '1999-06-10']
		],
		['19970902 09:00', 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1', null]
	])('matches the RFC 5545 example from %s: %s', (start, rrule, expected) => {
		const ny = 'America/New_York';
		const [date, time] = start.split(' ');
		const s = schedule({
			starts_at: at(`${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)} ${time}`, ny),
			timezone: ny,
			rrule
		});
		const found = starts(s, '1996-01-01', '2010-01-01').map((d) => d.slice(0, 10));
		if (expected) {
			expect(found).toEqual(expected);
		} else {
			// every day of January in 1998, 1999 and 2000, after the first occurrence
			expect(found).toHaveLength(1 + 31 * 3);
			expect(found.slice(0, 3)).toEqual(['1997-09-02', '1998-01-01', '1998-01-02']);
			expect(found.at(-1)).toBe('2000-01-31');
		}
	});

	it('counts COUNT from the first occurrence, not from the window', () => {
		const s = schedule({ starts_at: at('2026-11-03 10:00'), rrule: 'FREQ=WEEKLY;COUNT=5' });
		expect(starts(s, '2026-11-20', '2027-12-31')).toEqual(['2026-11-24 10:00', '2026-12-01 10:00']);
		expect(starts(s, '2026-12-02', '2027-12-31')).toEqual([]);
	});

	it('counts exception dates towards COUNT, as RFC 5545 does', () => {
		const s = schedule({
			starts_at: at('2026-11-03 10:00'),
			rrule: 'FREQ=WEEKLY;COUNT=3',
			exdates: [at('2026-11-10 10:00')]
		});
		expect(starts(s, '2026-11-01', '2027-12-31')).toEqual(['2026-11-03 10:00', '2026-11-17 10:00']);
	});

	it('ends with UNTIL, inclusive, in each of its forms', () => {
		const weekly = (until: string) =>
			starts(schedule({ rrule: `FREQ=WEEKLY;UNTIL=${until}` }), '2026-11-20', '2027-12-31');
		// 18:00 in winter is 17:00 UTC
		expect(weekly('20261201T170000Z')).toEqual(['2026-11-24 18:00', '2026-12-01 18:00']);
		expect(weekly('20261201T165959Z')).toEqual(['2026-11-24 18:00']);
		expect(weekly('20261201')).toEqual(['2026-11-24 18:00', '2026-12-01 18:00']);
		expect(weekly('20261201T175959')).toEqual(['2026-11-24 18:00']);
	});

	it('leaves out exception dates, matched by instant', () => {
		const s = schedule({
			starts_at: at('2026-11-03 10:00'),
			rrule: 'FREQ=WEEKLY',
			exdates: [
				at('2026-11-10 10:00'),
				'2026-11-24 09:00:00+00', // PostgreSQL's text output of 10:00 Berlin
				at('2026-12-01 10:30') // not the time of any occurrence: nothing to remove
			]
		});
		expect(starts(s, '2026-11-01', '2026-12-02')).toEqual([
			'2026-11-03 10:00',
			'2026-11-17 10:00',
			'2026-12-01 10:00'
		]);
	});

	it('returns a one-off event when it overlaps the window', () => {
		const s = schedule({ starts_at: at('2026-12-05 10:00'), duration_minutes: 120 });
		expect(starts(s, '2026-12-01', '2026-12-31')).toEqual(['2026-12-05 10:00']);
		expect(starts(s, '2026-12-05 11:00', '2026-12-31')).toEqual(['2026-12-05 10:00']); // running
		expect(starts(s, '2026-12-05 12:00', '2026-12-31')).toEqual([]); // over
		expect(starts(s, '2026-11-01', '2026-12-05 10:00')).toEqual([]); // `to` is exclusive
	});

	it('stops at the limit and at the window', () => {
		const s = schedule({ starts_at: at('2026-01-01 09:00'), rrule: 'FREQ=DAILY' });
		expect(starts(s, '2026-06-01', '2026-07-01', 3)).toEqual([
			'2026-06-01 09:00',
			'2026-06-02 09:00',
			'2026-06-03 09:00'
		]);
		expect(starts(s, '2026-06-01 09:00', '2026-06-03 09:00')).toEqual([
			'2026-06-01 09:00',
			'2026-06-02 09:00'
		]);
		expect(starts(s, '2026-06-01', '2026-06-01')).toEqual([]);
		expect(starts(s, '2026-06-01', '2026-07-01', 0)).toEqual([]);
	});

	it('bounds the work to ten years, and ends rules that never match', () => {
		const daily = schedule({ starts_at: at('2026-01-01 09:00'), rrule: 'FREQ=DAILY' });
		const from = at('2026-06-01');
		const found = occurrences(daily, { from, to: at('2126-01-01') });
		expect(found.length).toBeGreaterThan(3650);
		expect(found.length).toBeLessThan(3660);
		expect(local(found.at(-1)!.start) < '2036-06-02').toBe(true);

		const never = schedule({
			starts_at: at('2026-01-30 09:00'),
			rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=10'
		});
		expect(starts(never, '2026-06-01', '2126-01-01')).toEqual([]);
		expect(lastOccurrence(never)).toBeNull();
	});

	it('tells the last occurrence of a finite schedule', () => {
		const s = schedule({ starts_at: at('2026-11-03 10:00'), rrule: 'FREQ=WEEKLY;COUNT=4' });
		expect(local(lastOccurrence(s)!)).toBe('2026-11-24 10:00');
		expect(lastOccurrence(schedule({ rrule: 'FREQ=WEEKLY' }))).toBeNull();
		expect(local(lastOccurrence(schedule())!)).toBe('2026-10-13 18:00');
	});

	it('rejects an unknown time zone clearly', () => {
		expect(() =>
			occurrences(schedule({ timezone: 'Europe/Atlantis' }), {
				from: at('2026-01-01'),
				to: at('2027-01-01')
			})
		).toThrow(/"Europe\/Atlantis" is not a known IANA time zone/);
	});
});

describe('parseRRule', () => {
	it('reads every supported part', () => {
		expect(
			parseRRule(
				'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SA,-1FR,TU;BYMONTHDAY=1,-1;BYMONTH=3,10;BYSETPOS=1,-2;WKST=SU'
			)
		).toEqual({
			freq: 'MONTHLY',
			interval: 2,
			count: 10,
			until: null,
			byDay: [
				{ weekday: 'SA', ordinal: 1 },
				{ weekday: 'FR', ordinal: -1 },
				{ weekday: 'TU', ordinal: null }
			],
			byMonthDay: [1, -1],
			byMonth: [3, 10],
			bySetPos: [1, -2],
			wkst: 'SU'
		});
		expect(parseRRule('FREQ=WEEKLY;UNTIL=20270330T215959Z').until).toEqual({
			form: 'utc',
			year: 2027,
			month: 3,
			day: 30,
			hour: 21,
			minute: 59,
			second: 59
		});
	});

	it.each([
		['', /empty/],
		['RRULE:FREQ=WEEKLY', /without the "RRULE:" prefix/],
		['BYDAY=TU', /needs a FREQ part/],
		['FREQ=HOURLY', /FREQ=HOURLY is invalid: expected DAILY, WEEKLY, MONTHLY or YEARLY/],
		['freq=weekly', /"freq" is not supported/],
		['FREQ=WEEKLY;BYHOUR=10', /"BYHOUR" is not supported \(supported: FREQ, INTERVAL/],
		['FREQ=WEEKLY;FREQ=DAILY', /FREQ appears more than once/],
		['FREQ=WEEKLY;', /empty part/],
		['FREQ=WEEKLY;INTERVAL=', /INTERVAL has no value/],
		['FREQ=WEEKLY;INTERVAL=0', /INTERVAL=0 is invalid: expected a whole number from 1 to 999/],
		['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', /COUNT or UNTIL, not both/],
		['FREQ=MONTHLY;BYDAY=6SA', /BYDAY=6SA is invalid/],
		['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY=32 is invalid/],
		['FREQ=YEARLY;BYMONTH=13', /BYMONTH=13 is invalid/],
		['FREQ=WEEKLY;UNTIL=20270230', /UNTIL=20270230 is not a real date/],
		['FREQ=WEEKLY; BYDAY=TU', /" BYDAY" is not supported/]
	])('rejects %j', (rule, message) => {
		expect(() => parseRRule(rule)).toThrow(RRuleError);
		expect(() => parseRRule(rule)).toThrow(message);
	});

	it('writes UNTIL in UTC for a calendar', () => {
		const rule = parseRRule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330');
		expect(formatRRule(rule)).toBe('FREQ=WEEKLY;UNTIL=20270330;BYDAY=TU');
		// the end of 30 March in Berlin (summer time) is 21:59:59 UTC
		expect(formatRRule(rule, BERLIN)).toBe('FREQ=WEEKLY;UNTIL=20270330T215959Z;BYDAY=TU');
	});
});

describe('parseRRule and the database agree (private.is_valid_rrule on PGlite)', () => {
	let db: PGlite;

	beforeAll(async () => {
		const migration = readFileSync(
			new URL(
				'../../../supabase/migrations/20261121100200_districts_and_offers.sql',
				import.meta.url
			),
			'utf8'
		);
		const fn = /create function private\.is_valid_rrule[\s\S]*?\n\$\$;/.exec(migration);
		if (!fn) throw new Error('is_valid_rrule not found in the migration');
		db = new PGlite();
		await db.exec(`create schema private; ${fn[0]}`);
	});

	afterAll(async () => {
		await db?.close();
	});

	const rules = [
		'FREQ=DAILY',
		'FREQ=WEEKLY;BYDAY=TU',
		'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU',
		'FREQ=MONTHLY;BYDAY=1SA',
		'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12',
		'FREQ=MONTHLY;BYDAY=+2TU',
		'FREQ=MONTHLY;BYDAY=-SU',
		'FREQ=MONTHLY;BYMONTHDAY=-1,15',
		'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
		'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20301231',
		'FREQ=WEEKLY;UNTIL=20301231T120000',
		'FREQ=WEEKLY;UNTIL=20301231T120000Z',
		'INTERVAL=999;FREQ=DAILY;COUNT=9999',
		'',
		'FREQ=HOURLY',
		'FREQ=WEEKLY;INTERVAL=1000',
		'FREQ=WEEKLY;COUNT=10000',
		'FREQ=WEEKLY;COUNT=0',
		'FREQ=WEEKLY;BYDAY=TU;BYDAY=TH',
		'FREQ=WEEKLY;BYDAY=',
		'FREQ=WEEKLY;BYDAY=TU,',
		'FREQ=WEEKLY;BYDAY=0TU',
		'FREQ=WEEKLY;BYDAY=tu',
		'FREQ=WEEKLY;COUNT=2;UNTIL=20301231',
		'FREQ=WEEKLY;UNTIL=2030-12-31',
		'FREQ=MONTHLY;BYMONTHDAY=0',
		'FREQ=MONTHLY;BYSETPOS=0',
		'FREQ=WEEKLY;WKST=XX',
		'FREQ=WEEKLY;BYWEEKNO=1',
		'RRULE:FREQ=WEEKLY',
		'FREQ',
		'FREQ=WEEKLY;;BYDAY=TU'
	];

	it.each(rules)('%j', async (rule) => {
		const [row] = (
			await db.query<{ valid: boolean }>('select private.is_valid_rrule($1) as valid', [rule])
		).rows;
		let parsed = true;
		try {
			parseRRule(rule);
		} catch (error) {
			expect(error).toBeInstanceOf(RRuleError);
			parsed = false;
		}
		expect(parsed).toBe(row!.valid);
	});
});
