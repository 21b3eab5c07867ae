import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe';
import { RRuleError, fromWallClock, type Schedule } from './rrule';

/** A schedule starting on a Berlin wall-clock time, two hours long. */
function schedule(
	start: string,
	rrule: string | null,
	overrides: Partial<Schedule> = {}
): Schedule {
	const [date, time] = start.split(' ');
	const [year, month, day] = date!.split('-').map(Number);
	const [hour, minute] = time!.split(':').map(Number);
	return {
		starts_at: fromWallClock(
			{ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 },
			'Europe/Berlin'
		),
		duration_minutes: 120,
		rrule,
		exdates: [],
		timezone: 'Europe/Berlin',
		...overrides
	};
}

// 2026-11-24 is a Tuesday
const weekly = schedule('2026-11-24 10:00', 'FREQ=WEEKLY;BYDAY=TU');
const twoDays = schedule('2026-11-24 10:00', 'FREQ=WEEKLY;BYDAY=TU,TH');
const fortnightly = schedule('2026-11-24 10:00', 'FREQ=WEEKLY;INTERVAL=2');
const secondThursday = schedule('2026-12-10 10:00', 'FREQ=MONTHLY;BYDAY=2TH');
const firstAndThirdSaturday = schedule('2026-12-05 10:00', 'FREQ=MONTHLY;BYDAY=1SA,3SA');
const lastFriday = schedule('2026-11-27 10:00', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=4');
const daily = schedule('2026-11-24 10:00', 'FREQ=DAILY');
const once = schedule('2026-11-24 10:00', null);

/** Intl puts thin or no-break spaces around some separators; compare with plain spaces. */
function plain(text: string): string {
	return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

describe('describeSchedule', () => {
	it('speaks German', () => {
		const de = (s: Schedule) => plain(describeSchedule(s, 'de'));
		expect(de(weekly)).toMatch(/^jeden Dienstag, 10:00–12:00( Uhr)?$/);
		expect(de(twoDays)).toMatch(/^jeden Dienstag und Donnerstag, 10:00–12:00/);
		expect(de(fortnightly)).toMatch(/^alle 2 Wochen am Dienstag, 10:00–12:00/);
		expect(de(secondThursday)).toMatch(/^jeden 2\. Donnerstag im Monat, 10:00–12:00/);
		expect(de(firstAndThirdSaturday)).toMatch(/^jeden 1\. und 3\. Samstag im Monat, /);
		expect(de(lastFriday)).toMatch(
			/^jeden letzten Freitag im Monat, 10:00–12:00( Uhr)?, bis 26\. Februar 2027$/
		);
		expect(de(daily)).toMatch(/^täglich, 10:00–12:00/);
		expect(de(once)).toMatch(/^einmalig am Dienstag, 24\. November 2026, 10:00–12:00/);
	});

	it('treats de-simple like German', () => {
		expect(describeSchedule(weekly, 'de-simple')).toBe(describeSchedule(weekly, 'de'));
		expect(describeSchedule(lastFriday, 'de-simple')).toBe(describeSchedule(lastFriday, 'de'));
	});

	it('speaks English, with the locale’s own clock', () => {
		const en = (s: Schedule) => plain(describeSchedule(s, 'en'));
		expect(en(weekly)).toMatch(/^every Tuesday, 10:00 AM – 12:00 PM$/);
		expect(en(twoDays)).toMatch(/^every Tuesday and Thursday, /);
		expect(en(fortnightly)).toMatch(/^every 2 weeks on Tuesday, /);
		expect(en(secondThursday)).toMatch(/^on the second Thursday of every month, /);
		expect(en(firstAndThirdSaturday)).toMatch(/^on the first and third Saturday of every month, /);
		expect(en(lastFriday)).toMatch(
			/^on the last Friday of every month, .*, until February 26, 2027$/
		);
		expect(en(daily)).toMatch(/^daily, /);
		expect(en(once)).toMatch(/^once on Tuesday, November 24, 2026, 10:00 AM – 12:00 PM$/);
	});

	it('speaks Arabic', () => {
		const ar = (s: Schedule) => describeSchedule(s, 'ar');
		expect(ar(weekly)).toMatch(/^كل يوم الثلاثاء، /);
		expect(ar(twoDays)).toMatch(/^أيام الثلاثاء والخميس من كل أسبوع، /);
		expect(ar(fortnightly)).toMatch(/^كل أسبوعين يوم الثلاثاء، /);
		expect(ar(secondThursday)).toMatch(/^ثاني خميس من كل شهر، /);
		expect(ar(firstAndThirdSaturday)).toMatch(/^أول وثالث سبت من كل شهر، /);
		expect(ar(lastFriday)).toMatch(/^آخر جمعة من كل شهر، .*، حتى /);
		expect(ar(daily)).toMatch(/^يوميًا، /);
		expect(ar(once)).toMatch(/^مرة واحدة: الثلاثاء، /);
		expect(ar(weekly)).toMatch(/10[:٫]00|١٠:٠٠/);
	});

	it('speaks Ukrainian, declining weekdays and ordinals', () => {
		const uk = (s: Schedule) => plain(describeSchedule(s, 'uk'));
		expect(uk(weekly)).toBe('по вівторках, 10:00–12:00');
		expect(uk(twoDays)).toBe('по вівторках і четвергах, 10:00–12:00');
		expect(uk(fortnightly)).toBe('раз на 2 тижні по вівторках, 10:00–12:00');
		expect(uk(secondThursday)).toBe('щомісяця в другий четвер, 10:00–12:00');
		expect(uk(firstAndThirdSaturday)).toBe('щомісяця в першу і третю суботу, 10:00–12:00');
		expect(uk(lastFriday)).toMatch(/^щомісяця в останню пʼятницю, 10:00–12:00, до 26 лютого 2027/);
		expect(uk(daily)).toBe('щодня, 10:00–12:00');
		expect(uk(once)).toMatch(/^одноразово: вівторок, 24 листопада 2026/);
	});

	it('has phrases for Farsi, Turkish, Russian and Romanian', () => {
		expect(describeSchedule(weekly, 'fa')).toMatch(/^هر سه‌شنبه، /);
		expect(describeSchedule(lastFriday, 'fa')).toMatch(/^آخرین جمعهٔ هر ماه، /);
		expect(describeSchedule(weekly, 'tr')).toMatch(/^her salı, 10:00–12:00$/);
		expect(describeSchedule(firstAndThirdSaturday, 'tr')).toMatch(
			/^her ayın ilk ve üçüncü cumartesi günü, /
		);
		expect(describeSchedule(weekly, 'ru')).toBe('по вторникам, 10:00–12:00');
		expect(describeSchedule(lastFriday, 'ru')).toMatch(/^каждую последнюю пятницу месяца, /);
		expect(describeSchedule(schedule('2026-11-24 10:00', 'FREQ=WEEKLY;INTERVAL=5'), 'ru')).toMatch(
			/^раз в 5 недель по вторникам/
		);
		expect(describeSchedule(weekly, 'ro')).toBe('în fiecare marți, 10:00–12:00');
		expect(describeSchedule(lastFriday, 'ro')).toMatch(/^în ultima vineri a fiecărei luni, /);
		expect(describeSchedule(schedule('2026-11-24 10:00', 'FREQ=WEEKLY;INTERVAL=20'), 'ro')).toMatch(
			/^o dată la 20 de săptămâni, marți/
		);
	});

	it('uses the Gregorian calendar for Farsi dates', () => {
		expect(describeSchedule(once, 'fa')).toMatch(/نوامبر/);
	});

	it('falls back to English for other languages', () => {
		expect(describeSchedule(weekly, 'sq')).toBe(describeSchedule(weekly, 'en'));
	});

	it('reads BYDAY=SA;BYSETPOS=1 as the first Saturday', () => {
		const s = schedule('2026-12-05 10:00', 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1');
		expect(plain(describeSchedule(s, 'de'))).toMatch(/^jeden 1\. Samstag im Monat, /);
	});

	it('calls rules without a phrase "regularly" and keeps their times', () => {
		const s = schedule('2026-11-24 10:00', 'FREQ=YEARLY;BYMONTH=11;BYDAY=-1TU');
		expect(plain(describeSchedule(s, 'de'))).toMatch(/^regelmäßig, 10:00–12:00/);
		expect(plain(describeSchedule(s, 'en'))).toMatch(/^regularly, /);
	});

	it('shows the times of the schedule’s zone, wherever the server runs', () => {
		const ny = schedule('2026-11-24 10:00', 'FREQ=WEEKLY', { timezone: 'America/New_York' });
		// 10:00 in Berlin is 04:00 in New York
		expect(plain(describeSchedule(ny, 'de'))).toMatch(/^jeden Dienstag, 04:00–06:00/);
	});

	it('rejects an invalid rule', () => {
		expect(() => describeSchedule(schedule('2026-11-24 10:00', 'FREQ=HOURLY'), 'de')).toThrow(
			RRuleError
		);
	});
});
