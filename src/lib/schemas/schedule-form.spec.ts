import { describe, expect, it } from 'vitest';
import {
	OP_FIELD,
	ROWS_FIELD,
	checkScheduleForm,
	emptyRow,
	exceptionField,
	fromStoredSchedules,
	nextDates,
	readScheduleForm,
	rowField,
	type SaveSchedule,
	type ScheduleRow,
	type StoredSchedule
} from './schedule-form';

const ID = '11111111-2222-4333-8444-555555555555';

function row(overrides: Partial<ScheduleRow>): ScheduleRow {
	return {
		...emptyRow(overrides.kind ?? 'weekly'),
		start_date: '2026-12-01',
		start_time: '18:00',
		end_time: '19:30',
		...overrides
	};
}

/** What save_offer would store for the element (the id given), as get_offer_for_edit reads it. */
function stored(element: SaveSchedule, id = ID): StoredSchedule {
	if ('keep' in element) throw new Error('a kept schedule');
	return {
		id,
		starts_at: element.starts_at,
		duration_minutes: element.duration_minutes,
		rrule: element.rrule,
		timezone: element.timezone,
		exdates: element.exceptions.map((e) => e.occurs_at),
		exceptions: element.exceptions
	};
}

/** Valid rows → save_offer's schedules → stored → the form's rows again. */
function roundTrip(input: ScheduleRow): { saved: SaveSchedule[]; again: ScheduleRow[] } {
	const checked = checkScheduleForm({ rows: [input] });
	expect(checked.errors).toEqual({});
	return {
		saved: checked.schedules,
		again: fromStoredSchedules(checked.schedules.map((s) => stored(s))).rows
	};
}

describe('schedule form ↔ RRULE', () => {
	it('every second Tuesday until a date', () => {
		const input = row({ weekdays: ['TU'], interval: '2', ends: 'until', until: '2027-03-30' });
		const { saved, again } = roundTrip(input);
		expect(saved).toEqual([
			{
				starts_at: '2026-12-01T17:00:00.000Z',
				duration_minutes: 90,
				rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=20270330;BYDAY=TU',
				timezone: 'Europe/Berlin',
				exceptions: []
			}
		]);
		expect(again).toEqual([{ ...input, id: ID }]);
	});

	it('starts on the first date the rule has, not on a start date it does not', () => {
		// 1 December 2026 is a Tuesday: the first Thursday is the 3rd
		const { saved, again } = roundTrip(row({ weekdays: ['TH', 'TU'] }));
		expect(saved[0]).toMatchObject({
			starts_at: '2026-12-01T17:00:00.000Z',
			rrule: 'FREQ=WEEKLY;BYDAY=TU,TH'
		});
		const thursday = roundTrip(row({ weekdays: ['TH'], start_date: '2026-11-30' }));
		expect(thursday.saved[0]).toMatchObject({ starts_at: '2026-12-03T17:00:00.000Z' });
		expect(thursday.again[0]).toMatchObject({ start_date: '2026-12-03', weekdays: ['TH'] });
		expect(again[0]!.weekdays).toEqual(['TU', 'TH']);
	});

	it('the second Tuesday of the month', () => {
		const input = row({ kind: 'monthly', ordinal: '2', weekday: 'TU' });
		const { saved, again } = roundTrip(input);
		expect(saved[0]).toMatchObject({
			starts_at: '2026-12-08T17:00:00.000Z',
			rrule: 'FREQ=MONTHLY;BYDAY=2TU'
		});
		expect(again).toEqual([{ ...input, id: ID, start_date: '2026-12-08' }]);
	});

	it('the last Friday, five times', () => {
		const input = row({ kind: 'monthly', ordinal: '-1', weekday: 'FR', ends: 'count', count: '5' });
		const { saved, again } = roundTrip(input);
		expect(saved[0]).toMatchObject({
			starts_at: '2026-12-25T17:00:00.000Z',
			rrule: 'FREQ=MONTHLY;COUNT=5;BYDAY=-1FR'
		});
		expect(again[0]).toMatchObject({ kind: 'monthly', ordinal: '-1', weekday: 'FR', count: '5' });
		const dates = nextDates({ rows: again }, new Date('2026-12-01T00:00:00Z'));
		expect(dates.map((d) => d.start.toISOString().slice(0, 10))).toEqual([
			'2026-12-25',
			'2027-01-29',
			'2027-02-26',
			'2027-03-26',
			'2027-04-30'
		]);
	});

	it('cancels one date with a note and moves another, in Berlin time', () => {
		const input = row({
			weekdays: ['TU'],
			exceptions: [
				{
					date: '2026-12-15',
					action: 'cancel',
					note: 'Weihnachtsfeier',
					moved_date: '',
					moved_time: ''
				},
				{
					date: '2026-12-29',
					action: 'move',
					note: '',
					moved_date: '2026-12-30',
					moved_time: '17:00'
				}
			]
		});
		const { saved, again } = roundTrip(input);
		expect(saved[0]).toMatchObject({
			exceptions: [
				{ occurs_at: '2026-12-15T17:00:00.000Z', moved_to: null, note: 'Weihnachtsfeier' },
				{ occurs_at: '2026-12-29T17:00:00.000Z', moved_to: '2026-12-30T16:00:00.000Z', note: null }
			]
		});
		expect(again).toEqual([{ ...input, id: ID }]);

		const shown = nextDates({ rows: again }, new Date('2026-12-01T00:00:00Z'));
		expect(shown).toHaveLength(10);
		expect(shown.slice(0, 5).map((d) => [d.start.toISOString(), d.status, d.note])).toEqual([
			['2026-12-01T17:00:00.000Z', 'regular', null],
			['2026-12-08T17:00:00.000Z', 'regular', null],
			['2026-12-15T17:00:00.000Z', 'cancelled', 'Weihnachtsfeier'],
			['2026-12-22T17:00:00.000Z', 'regular', null],
			['2026-12-30T16:00:00.000Z', 'moved', null]
		]);
	});

	it('keeps the summer time wall clock', () => {
		const { saved } = roundTrip(row({ weekdays: ['TU'], start_date: '2027-06-01' }));
		expect(saved[0]).toMatchObject({ starts_at: '2027-06-01T16:00:00.000Z' });
	});

	it('one date and an irregular list of dates, their ids kept', () => {
		const input = row({ kind: 'dates', dates: '3.12.2026\n2026-12-17, 2027-01-14' });
		const checked = checkScheduleForm({ rows: [input] });
		expect(checked.errors).toEqual({});
		expect(checked.schedules.map((s) => 'starts_at' in s && [s.starts_at, s.rrule])).toEqual([
			['2026-12-03T17:00:00.000Z', null],
			['2026-12-17T17:00:00.000Z', null],
			['2027-01-14T17:00:00.000Z', null]
		]);
		const ids = ['a', 'b', 'c'].map((c) => ID.replace(/^1/, c));
		const rows = fromStoredSchedules(checked.schedules.map((s, i) => stored(s, ids[i]))).rows;
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			kind: 'dates',
			dates: '2026-12-03\n2026-12-17\n2027-01-14',
			start_time: '18:00',
			end_time: '19:30'
		});
		const again = checkScheduleForm({ rows: [{ ...rows[0]!, dates: '2026-12-17\n2027-02-11' }] });
		expect(again.schedules.map((s) => 'id' in s && s.id)).toEqual([ids[1], false]);
	});
});

describe('rules the form cannot express', () => {
	it.each([
		['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', '2026-12-08T17:00:00Z'],
		['FREQ=DAILY', '2026-12-01T17:00:00Z'],
		['FREQ=YEARLY;BYMONTH=12', '2026-12-01T17:00:00Z'],
		['FREQ=WEEKLY;BYDAY=TU', '2026-11-30T17:00:00Z'], // starts on a Monday: one extra date
		['FREQ=MONTHLY;INTERVAL=2;BYDAY=1SA', '2026-12-05T09:00:00Z']
	])('%s is kept as it is, read-only', (rrule, starts_at) => {
		const schedule = { id: ID, starts_at, duration_minutes: 60, rrule, timezone: 'Europe/Berlin' };
		const rows = fromStoredSchedules([schedule]).rows;
		expect(rows).toMatchObject([{ kind: 'keep', id: ID }]);
		expect(JSON.parse(rows[0]!.stored)).toEqual(schedule);
		expect(checkScheduleForm({ rows }).schedules).toEqual([{ id: ID, keep: true }]);
		// and its dates are in the preview
		expect(nextDates({ rows }, new Date('2026-11-01T00:00:00Z')).length).toBeGreaterThan(0);
	});

	it('keeps an import’s exdates as cancelled dates without a note', () => {
		const rows = fromStoredSchedules([
			{
				id: ID,
				starts_at: '2026-12-01T17:00:00Z',
				duration_minutes: 90,
				rrule: 'FREQ=WEEKLY;UNTIL=20270330T215959Z',
				exdates: ['2026-12-08T17:00:00Z']
			}
		]).rows;
		expect(rows[0]).toMatchObject({
			kind: 'weekly',
			weekdays: ['TU'],
			ends: 'until',
			until: '2027-03-30',
			exceptions: [{ date: '2026-12-08', action: 'cancel', note: '' }]
		});
	});
});

describe('checkScheduleForm', () => {
	it('names each problem at its field', () => {
		const { ok, errors } = checkScheduleForm({
			rows: [
				row({ weekdays: [], start_time: '25:00', interval: '0' }),
				row({
					kind: 'monthly',
					end_time: '17:00',
					ends: 'until',
					until: '2026-11-01',
					exceptions: [
						{
							date: '2026-12-02',
							action: 'move',
							note: 'x'.repeat(301),
							moved_date: '',
							moved_time: ''
						}
					]
				}),
				row({ kind: 'dates', dates: '2026-12-03\n31.2.2027' }),
				row({ weekdays: ['TU'], ends: 'count', count: 'zehn' })
			]
		});
		expect(ok).toBe(false);
		expect(errors).toEqual({
			sched_0_weekdays: ['staff.schedule.weekdays_required'],
			sched_0_start_time: ['staff.schedule.time_invalid'],
			sched_0_interval: ['staff.schedule.interval_invalid'],
			sched_1_x0_note: ['staff.schedule.note_too_long'],
			sched_1_x0_moved_date: ['staff.schedule.moved_required'],
			sched_1_x0_moved_time: ['staff.schedule.time_invalid'],
			sched_1_end_time: ['staff.schedule.end_before_start'],
			sched_1_until: ['staff.schedule.until_before_start'],
			sched_2_dates: ['staff.schedule.dates_invalid'],
			sched_3_count: ['staff.schedule.count_invalid']
		});
	});

	it('refuses an exception on a date the rule does not have, or twice', () => {
		const cancel = (date: string) => ({
			date,
			action: 'cancel' as const,
			note: '',
			moved_date: '',
			moved_time: ''
		});
		const { errors } = checkScheduleForm({
			rows: [
				row({
					weekdays: ['TU'],
					exceptions: [cancel('2026-12-09'), cancel('2026-12-15'), cancel('2026-12-15')]
				})
			]
		});
		expect(errors).toEqual({
			sched_0_x0_date: ['staff.schedule.not_an_occurrence'],
			sched_0_x2_date: ['staff.schedule.exception_twice']
		});
	});

	it('accepts no schedules at all', () => {
		expect(checkScheduleForm({ rows: [] })).toEqual({ ok: true, errors: {}, schedules: [] });
	});
});

describe('readScheduleForm', () => {
	function posted(fields: [string, string][]): FormData {
		const data = new FormData();
		for (const [name, value] of fields) data.append(name, value);
		return data;
	}

	const weekly: [string, string][] = [
		[ROWS_FIELD, '1'],
		[rowField(0, 'kind'), 'weekly'],
		[rowField(0, 'start_date'), '2026-12-01'],
		[rowField(0, 'start_time'), '18:00'],
		[rowField(0, 'end_time'), '19:30'],
		[rowField(0, 'weekdays'), 'TU'],
		[rowField(0, 'weekdays'), 'TH'],
		[rowField(0, 'interval'), '1'],
		[rowField(0, 'ends'), 'never'],
		['sched_0_xrows', '1'],
		[exceptionField(0, 0, 'date'), '2026-12-15'],
		[exceptionField(0, 0, 'action'), 'cancel'],
		[exceptionField(0, 0, 'note'), 'Feiertag']
	];

	it('reads flat fields into rows', () => {
		const { form, op } = readScheduleForm(posted(weekly));
		expect(op).toBeNull();
		expect(form.rows).toMatchObject([
			{
				kind: 'weekly',
				weekdays: ['TU', 'TH'],
				exceptions: [{ date: '2026-12-15', note: 'Feiertag' }]
			}
		]);
		expect(checkScheduleForm(form).ok).toBe(true);
	});

	it('applies the button that was pressed', () => {
		const add = readScheduleForm(posted([...weekly, [OP_FIELD, 'add_monthly']]));
		expect(add.op).toEqual({ kind: 'add', row: 'monthly' });
		expect(add.form.rows.map((r) => r.kind)).toEqual(['weekly', 'monthly']);
		const exception = readScheduleForm(posted([...weekly, [OP_FIELD, 'add_exception_0']]));
		expect(exception.form.rows[0]!.exceptions).toHaveLength(2);
		const removeX = readScheduleForm(posted([...weekly, [OP_FIELD, 'remove_exception_0_0']]));
		expect(removeX.form.rows[0]!.exceptions).toEqual([]);
		expect(readScheduleForm(posted([...weekly, [OP_FIELD, 'remove_0']])).form.rows).toEqual([]);
		expect(readScheduleForm(posted([...weekly, [OP_FIELD, 'preview']])).op).toEqual({
			kind: 'preview'
		});
		expect(readScheduleForm(posted([...weekly, [OP_FIELD, 'drop table']])).op).toBeNull();
	});

	it('ignores rows of unknown kinds', () => {
		const { form } = readScheduleForm(
			posted([
				[ROWS_FIELD, '2'],
				[rowField(0, 'kind'), 'hourly'],
				[rowField(1, 'kind'), 'dates']
			])
		);
		expect(form.rows.map((r) => r.kind)).toEqual(['dates']);
	});
});
