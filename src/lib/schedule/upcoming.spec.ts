import { describe, expect, it } from 'vitest';
import { RRuleError, type Schedule } from './rrule';
import { groupByDay, upcoming } from './upcoming';

interface OfferSchedule extends Schedule {
	offer_id: string;
}

function schedule(offer: string, overrides: Partial<OfferSchedule> = {}): OfferSchedule {
	return {
		offer_id: offer,
		starts_at: '2026-11-23T09:00:00Z', // Monday 10:00 in Berlin
		duration_minutes: 60,
		rrule: 'FREQ=WEEKLY',
		exdates: [],
		timezone: 'Europe/Berlin',
		...overrides
	};
}

const from = new Date('2026-11-23T00:00:00+01:00'); // Monday 00:00 in Berlin

describe('upcoming', () => {
	const cafe = schedule('cafe', { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE' });
	const course = schedule('course', { starts_at: '2026-11-24T17:00:00Z', rrule: 'FREQ=DAILY' });
	const fair = schedule('fair', { starts_at: '2026-11-25T09:00:00Z', rrule: null });

	it('merges the occurrences of several schedules by start', () => {
		const items = upcoming([cafe, course, fair], { from, days: 3 });
		expect(items.map((i) => [i.schedule.offer_id, i.start.toISOString()])).toEqual([
			['cafe', '2026-11-23T09:00:00.000Z'],
			['course', '2026-11-24T17:00:00.000Z'],
			['cafe', '2026-11-25T09:00:00.000Z'],
			['fair', '2026-11-25T09:00:00.000Z'],
			['course', '2026-11-25T17:00:00.000Z']
		]);
		expect(items[0]!.end.toISOString()).toBe('2026-11-23T10:00:00.000Z');
	});

	it('keeps the order of the schedules for equal times and cuts at the limit', () => {
		const items = upcoming([fair, cafe, course], { from, days: 7, limit: 3 });
		expect(items.map((i) => i.schedule.offer_id)).toEqual(['cafe', 'course', 'fair']);
		expect(upcoming([fair, cafe], { from, days: 7, limit: 0 })).toEqual([]);
	});

	it('covers exactly the given days', () => {
		const items = upcoming([course], { from, days: 2 });
		expect(items.map((i) => i.start.toISOString())).toEqual(['2026-11-24T17:00:00.000Z']);
	});

	it('throws for a broken schedule unless told what to do with it', () => {
		const broken = schedule('broken', { timezone: 'Mars/Olympus_Mons' });
		expect(() => upcoming([cafe, broken], { from, days: 7 })).toThrow(RRuleError);
		const skipped: string[] = [];
		const items = upcoming([cafe, broken], {
			from,
			days: 7,
			onError: (_error, s) => skipped.push(s.offer_id)
		});
		expect(skipped).toEqual(['broken']);
		expect(items).toHaveLength(2);
	});
});

describe('groupByDay', () => {
	// 23:30 UTC on Tuesday is already Wednesday in Berlin
	const late = { start: new Date('2026-11-24T23:30:00Z'), title: 'late' };
	const monday = { start: new Date('2026-11-23T09:00:00Z'), title: 'monday' };
	const wednesday = { start: new Date('2026-11-25T09:00:00Z'), title: 'wednesday' };

	it('groups by the local day in the given zone', () => {
		const berlin = groupByDay([monday, late, wednesday], 'Europe/Berlin');
		expect(berlin.map((g) => [g.day, g.items.map((i) => i.title)])).toEqual([
			['2026-11-23', ['monday']],
			['2026-11-25', ['late', 'wednesday']]
		]);
		const utc = groupByDay([monday, late, wednesday], 'UTC');
		expect(utc.map((g) => g.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
	});

	it('gives a date that formats as that day', () => {
		const [group] = groupByDay([late], 'Europe/Berlin');
		const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });
		expect(format.format(group!.date)).toBe('2026-11-25');
	});

	it('lists every day of a week, empty ones too, and nothing outside it', () => {
		const week = groupByDay([monday, late, wednesday], 'Europe/Berlin', { from, days: 7 });
		expect(week.map((g) => [g.day, g.items.length])).toEqual([
			['2026-11-23', 1],
			['2026-11-24', 0],
			['2026-11-25', 2],
			['2026-11-26', 0],
			['2026-11-27', 0],
			['2026-11-28', 0],
			['2026-11-29', 0]
		]);
		const twoDays = groupByDay([monday, late, wednesday], 'Europe/Berlin', { from, days: 2 });
		expect(twoDays.map((g) => g.items.length)).toEqual([1, 0]);
	});

	it('works on the output of upcoming', () => {
		const items = upcoming([schedule('cafe', { rrule: 'FREQ=DAILY' })], { from, days: 7 });
		const days = groupByDay(items, 'Europe/Berlin');
		expect(days).toHaveLength(7);
		expect(
			days.every((d) => d.items.length === 1 && d.items[0]!.schedule.offer_id === 'cafe')
		).toBe(true);
	});
});
