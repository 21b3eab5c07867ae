import { describe, expect, it } from 'vitest';
import type { Schedule } from '$lib/types';
import { cardWhen } from './card-when';
import { formatNextDay } from './next-day';

function schedule(overrides: Partial<Schedule> = {}): Schedule {
	return {
		id: 's1',
		starts_at: '2026-11-24T09:00:00Z', // Tuesday 10:00 in Berlin
		duration_minutes: 120,
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		exdates: [],
		timezone: 'Europe/Berlin',
		...overrides
	};
}

const now = new Date('2026-11-30T12:00:00Z'); // a Monday

describe('cardWhen', () => {
	it('is null for an offer without schedules', () => {
		expect(cardWhen([], 'de', now)).toBeNull();
	});

	it('gives the next date and the rule in the reader’s language', () => {
		const when = cardWhen([schedule()], 'de', now);
		expect(when?.next).toMatchObject({
			starts_at: '2026-12-01T09:00:00.000Z',
			ends_at: '2026-12-01T11:00:00.000Z',
			timezone: 'Europe/Berlin'
		});
		expect(when?.rule).toBe('jeden Dienstag');
		expect(cardWhen([schedule()], 'ar', now)?.rule).toContain('الثلاثاء');
	});

	it('has no rule for a one-off date', () => {
		const when = cardWhen(
			[schedule({ rrule: null, starts_at: '2026-12-05T14:00:00Z' })],
			'en',
			now
		);
		expect(when).toEqual({
			next: expect.objectContaining({ starts_at: '2026-12-05T14:00:00.000Z' }),
			rule: null
		});
	});

	it('steps over a cancelled date and shows a moved one at its new time', () => {
		const cancelled = schedule({
			exdates: ['2026-12-01T09:00:00Z'],
			exceptions: [{ occurs_at: '2026-12-01T09:00:00Z', moved_to: null, note: 'krank' }]
		});
		expect(cardWhen([cancelled], 'de', now)?.next?.starts_at).toBe('2026-12-08T09:00:00.000Z');
		const moved = schedule({
			exdates: ['2026-12-01T09:00:00Z'],
			exceptions: [
				{ occurs_at: '2026-12-01T09:00:00Z', moved_to: '2026-12-02T15:00:00Z', note: null }
			]
		});
		expect(cardWhen([moved], 'de', now)?.next).toMatchObject({
			starts_at: '2026-12-02T15:00:00.000Z',
			status: 'moved'
		});
	});

	it('says until when a rule ends', () => {
		const when = cardWhen([schedule({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' })], 'de', now);
		expect(when?.rule).toBe('jeden Dienstag, bis 8. Dezember 2026');
	});

	it('says there is no next date when all lie in the past', () => {
		expect(cardWhen([schedule({ rrule: null })], 'de', now)).toEqual({ next: null, rule: null });
	});

	it('picks the soonest of several schedules', () => {
		const when = cardWhen(
			[schedule(), schedule({ id: 's2', starts_at: '2026-11-30T17:00:00Z', rrule: 'FREQ=DAILY' })],
			'de',
			now
		);
		expect(when?.next?.starts_at).toBe('2026-11-30T17:00:00.000Z');
		expect(when?.rule).toBe('täglich');
	});
});

describe('formatNextDay', () => {
	it('names weekday, day and month in the reader’s language, without the year', () => {
		expect(formatNextDay('de', '2026-12-02T09:00:00Z', 'Europe/Berlin')).toBe(
			'Mittwoch, 2. Dezember'
		);
		expect(formatNextDay('de-simple', '2026-12-02T09:00:00Z', 'Europe/Berlin')).toBe(
			'Mittwoch, 2. Dezember'
		);
		expect(formatNextDay('en', '2026-12-02T09:00:00Z', 'Europe/Berlin')).toBe(
			'Wednesday, December 2'
		);
		// Farsi in the Gregorian calendar: the appointment is in Germany
		expect(formatNextDay('fa', '2026-12-02T09:00:00Z', 'Europe/Berlin')).toContain('دسامبر');
		// the day in Berlin, not in UTC
		expect(formatNextDay('de', '2026-12-01T23:30:00Z', 'Europe/Berlin')).toBe(
			'Mittwoch, 2. Dezember'
		);
	});
});
