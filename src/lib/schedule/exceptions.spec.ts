import { describe, expect, it } from 'vitest';
import { shownDates } from './exceptions';
import type { Schedule } from './rrule';

/** Tuesdays 18:00–19:30 in Berlin from 1 December 2026; one cancelled, one moved. */
const cafe: Schedule & { id: string } = {
	id: 'cafe',
	starts_at: '2026-12-01T17:00:00Z',
	duration_minutes: 90,
	rrule: 'FREQ=WEEKLY;BYDAY=TU',
	timezone: 'Europe/Berlin',
	exdates: ['2026-12-08T17:00:00Z', '2026-12-15T17:00:00Z'],
	exceptions: [
		{ occurs_at: '2026-12-08T17:00:00Z', moved_to: null, note: 'Weihnachtsfeier im Saal' },
		{ occurs_at: '2026-12-15T17:00:00Z', moved_to: '2026-12-17T16:00:00Z', note: null }
	]
};

const from = new Date('2026-11-30T00:00:00Z');

describe('shownDates', () => {
	it('keeps a cancelled date in the list with its note and shows a moved one at its new time', () => {
		const dates = shownDates([cafe], { from, days: 28 });
		expect(
			dates.map((d) => [d.start.toISOString(), d.status, d.note, d.movedFrom?.toISOString()])
		).toEqual([
			['2026-12-01T17:00:00.000Z', 'regular', null, undefined],
			['2026-12-08T17:00:00.000Z', 'cancelled', 'Weihnachtsfeier im Saal', undefined],
			['2026-12-17T16:00:00.000Z', 'moved', null, '2026-12-15T17:00:00.000Z'],
			['2026-12-22T17:00:00.000Z', 'regular', null, undefined]
		]);
		// a moved date keeps the duration
		expect(dates[2]!.end.toISOString()).toBe('2026-12-17T17:30:00.000Z');
		expect(dates[1]!.schedule).toBe(cafe);
	});

	it('leaves the original out even when the exdates lack it', () => {
		const dates = shownDates([{ ...cafe, exdates: [] }], { from, days: 28 });
		expect(dates.filter((d) => d.start.toISOString() === '2026-12-15T17:00:00.000Z')).toEqual([]);
		expect(dates.filter((d) => d.status === 'regular')).toHaveLength(2);
	});

	it('limits the merged list, cancelled dates counted', () => {
		const dates = shownDates([cafe], { from, days: 365, limit: 3 });
		expect(dates.map((d) => d.status)).toEqual(['regular', 'cancelled', 'moved']);
	});

	it('shows exceptions only inside the window', () => {
		const later = new Date('2026-12-16T00:00:00Z');
		const dates = shownDates([cafe], { from: later, days: 7 });
		expect(dates.map((d) => [d.start.toISOString(), d.status])).toEqual([
			['2026-12-17T16:00:00.000Z', 'moved'],
			['2026-12-22T17:00:00.000Z', 'regular']
		]);
	});

	it('merges several schedules in order and reports one that cannot be expanded', () => {
		const once: Schedule & { id: string } = {
			id: 'once',
			starts_at: '2026-12-09T10:00:00Z',
			duration_minutes: 60,
			rrule: null
		};
		const broken = { ...once, id: 'broken', rrule: 'FREQ=HOURLY' };
		const failed: string[] = [];
		const dates = shownDates([cafe, once, broken], {
			from,
			days: 10,
			onError: (_error, schedule) => failed.push(schedule.id)
		});
		expect(dates.map((d) => `${d.schedule.id} ${d.status}`)).toEqual([
			'cafe regular',
			'cafe cancelled',
			'once regular'
		]);
		expect(failed).toEqual(['broken']);
		expect(() => shownDates([broken], { from, days: 10 })).toThrow();
	});

	it('treats a blank note as none', () => {
		const blank = {
			...cafe,
			exceptions: [{ occurs_at: '2026-12-08T17:00:00Z', moved_to: null, note: '  ' }]
		};
		expect(shownDates([blank], { from, days: 10 })[1]!.note).toBeNull();
	});
});
