/**
 * The schedule part of the offer editor: when an offer takes place, as a form that works
 * without JavaScript. Each row is one schedule:
 *
 * - `weekly`: on some weekdays, every n weeks; `monthly`: the nth (or last) weekday of the month;
 *   both from a start date, at a start and end time, until a date, n times or open-ended, with
 *   exceptions (one date cancelled with an optional note, or moved to another date and time);
 * - `dates`: one date or an irregular list of dates at the same time (one-off schedules);
 * - `keep`: a rule the form cannot express (an imported RRULE with BYSETPOS, DAILY, …), shown
 *   read-only and posted back as `{id, keep: true}`, so a save never changes it.
 *
 * Fields are flat (`sched_0_start_date`, `sched_0_x1_note`) with counts (`sched_rows`,
 * `sched_0_xrows`); a submit button named `schedule_op` adds or removes a row and shows the form
 * again without saving. Times are wall-clock times in Europe/Berlin.
 *
 *   const { form, op } = readScheduleForm(formData);
 *   const checked = checkScheduleForm(form);
 *   if (!op && checked.ok) save({ ...offer, schedules: checked.schedules });
 */
import * as z from 'zod';
import {
	WEEKDAYS,
	civilDate,
	dayNumber,
	daysInMonth,
	formatRRule,
	fromWallClock,
	occurrences,
	parseRRule,
	toInstant,
	toWallClock,
	weekdayIndex,
	type RRule,
	type Schedule,
	type ScheduleException,
	type Weekday
} from '$lib/schedule/rrule';
import { shownDates, type ShownDate } from '$lib/schedule/exceptions';

export const SCHEDULE_TIME_ZONE = 'Europe/Berlin';
/** What save_offer accepts at most. */
export const MAX_ROWS = 100;
export const MAX_NOTE = 300;
/** Positions of the weekday in the month the form offers: 1st to 4th and last. */
export const ORDINALS = ['1', '2', '3', '4', '-1'] as const;
export const ROW_KINDS = ['weekly', 'monthly', 'dates', 'keep'] as const;
export type RowKind = (typeof ROW_KINDS)[number];
export const ENDS = ['never', 'until', 'count'] as const;

/** One exception of a rule, as typed. */
export interface ExceptionRow {
	/** The date the rule has it on, `2026-12-08`. */
	date: string;
	action: 'cancel' | 'move';
	note: string;
	moved_date: string;
	moved_time: string;
}

/** One schedule as typed (all text, as a form posts it). */
export interface ScheduleRow {
	/** The stored schedule's id; empty for a new one. */
	id: string;
	kind: RowKind;
	start_date: string;
	start_time: string;
	end_time: string;
	weekdays: string[];
	interval: string;
	ordinal: string;
	weekday: string;
	ends: (typeof ENDS)[number];
	until: string;
	count: string;
	/** `dates`: one date per line. */
	dates: string;
	/** `dates`: ids of stored one-off dates, `2026-12-03=<uuid>` separated by spaces. */
	date_ids: string;
	exceptions: ExceptionRow[];
	/** `keep`: the stored schedule as JSON, to describe it and list its dates. */
	stored: string;
}

export interface ScheduleFormData {
	rows: ScheduleRow[];
}

/** What the editor page hands the schedule fields: the rows and their errors by field name. */
export interface ScheduleFormState {
	form: ScheduleFormData;
	errors: Record<string, string[]>;
}

/** A schedule as `get_offer_for_edit` returns it. */
export interface StoredSchedule {
	id: string;
	starts_at: string;
	duration_minutes: number;
	rrule: string | null;
	timezone?: string | null;
	exdates?: string[] | null;
	exceptions?: ScheduleException[] | null;
}

/** One element of save_offer's `schedules`. */
export type SaveSchedule =
	| { id: string; keep: true }
	| {
			id?: string;
			starts_at: string;
			duration_minutes: number;
			rrule: string | null;
			timezone: string;
			exceptions: ScheduleException[];
	  };

const REQUIRED = 'staff.field.required';

export function emptyRow(kind: RowKind): ScheduleRow {
	return {
		id: '',
		kind,
		start_date: '',
		start_time: '',
		end_time: '',
		weekdays: [],
		interval: '1',
		ordinal: '1',
		weekday: 'TU',
		ends: 'never',
		until: '',
		count: '',
		dates: '',
		date_ids: '',
		exceptions: [],
		stored: ''
	};
}

export function emptyException(): ExceptionRow {
	return { date: '', action: 'cancel', note: '', moved_date: '', moved_time: '' };
}

// ---------------------------------------------------------------------------
// Flat field names

/** The name of a row's field: `sched_0_start_date`. */
export function rowField(row: number, field: keyof ScheduleRow): string {
	return `sched_${row}_${field}`;
}

/** The name of an exception's field: `sched_0_x1_note`. */
export function exceptionField(row: number, index: number, field: keyof ExceptionRow): string {
	return `sched_${row}_x${index}_${field}`;
}

export const ROWS_FIELD = 'sched_rows';
export const OP_FIELD = 'schedule_op';

/** Buttons that change the form without saving. */
export type ScheduleOp =
	| { kind: 'add'; row: Exclude<RowKind, 'keep'> }
	| { kind: 'remove'; row: number }
	| { kind: 'add_exception'; row: number }
	| { kind: 'remove_exception'; row: number; index: number }
	| { kind: 'preview' };

export function opValue(op: ScheduleOp): string {
	switch (op.kind) {
		case 'add':
			return `add_${op.row}`;
		case 'remove':
		case 'add_exception':
			return `${op.kind}_${op.row}`;
		case 'remove_exception':
			return `remove_exception_${op.row}_${op.index}`;
		case 'preview':
			return 'preview';
	}
}

function parseOp(value: string): ScheduleOp | null {
	let m = /^add_(weekly|monthly|dates)$/.exec(value);
	if (m) return { kind: 'add', row: m[1] as 'weekly' | 'monthly' | 'dates' };
	m = /^(remove|add_exception)_(\d{1,3})$/.exec(value);
	if (m) return { kind: m[1] as 'remove' | 'add_exception', row: Number(m[2]) };
	m = /^remove_exception_(\d{1,3})_(\d{1,3})$/.exec(value);
	if (m) return { kind: 'remove_exception', row: Number(m[1]), index: Number(m[2]) };
	return value === 'preview' ? { kind: 'preview' } : null;
}

/** Whether the posted form has the schedule part at all (an older form saves without it). */
export function hasScheduleFields(formData: FormData): boolean {
	return formData.has(ROWS_FIELD);
}

function count(formData: FormData, name: string, max: number): number {
	const n = Number(formData.get(name));
	return Number.isInteger(n) && n > 0 ? Math.min(n, max) : 0;
}

/**
 * The rows a form posted, with the change a `schedule_op` button asks for already applied
 * (`op` is then not null: show the form again, do not save).
 */
export function readScheduleForm(formData: FormData): {
	form: ScheduleFormData;
	op: ScheduleOp | null;
} {
	const text = (name: string, max = 2000) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value.slice(0, max) : '';
	};
	const rows: ScheduleRow[] = [];
	for (let i = 0; i < count(formData, ROWS_FIELD, MAX_ROWS + 1); i++) {
		const kind = text(rowField(i, 'kind'));
		if (!(ROW_KINDS as readonly string[]).includes(kind)) continue;
		const ends = text(rowField(i, 'ends'));
		const exceptions: ExceptionRow[] = [];
		for (let j = 0; j < count(formData, `sched_${i}_xrows`, 200); j++) {
			exceptions.push({
				date: text(exceptionField(i, j, 'date')),
				action: text(exceptionField(i, j, 'action')) === 'move' ? 'move' : 'cancel',
				note: text(exceptionField(i, j, 'note')),
				moved_date: text(exceptionField(i, j, 'moved_date')),
				moved_time: text(exceptionField(i, j, 'moved_time'))
			});
		}
		rows.push({
			id: text(rowField(i, 'id')),
			kind: kind as RowKind,
			start_date: text(rowField(i, 'start_date')),
			start_time: text(rowField(i, 'start_time')),
			end_time: text(rowField(i, 'end_time')),
			weekdays: formData
				.getAll(rowField(i, 'weekdays'))
				.filter((d): d is string => typeof d === 'string'),
			interval: text(rowField(i, 'interval')),
			ordinal: text(rowField(i, 'ordinal')),
			weekday: text(rowField(i, 'weekday')),
			ends: (ENDS as readonly string[]).includes(ends) ? (ends as ScheduleRow['ends']) : 'never',
			until: text(rowField(i, 'until')),
			count: text(rowField(i, 'count')),
			dates: text(rowField(i, 'dates'), 20_000),
			date_ids: text(rowField(i, 'date_ids'), 20_000),
			exceptions,
			stored: text(rowField(i, 'stored'), 100_000)
		});
	}
	const op = parseOp(text(OP_FIELD));
	return { form: { rows: applyOp(rows, op) }, op };
}

/** The rows after a button's change (the server without JavaScript, the page with it). */
export function applyOp(rows: ScheduleRow[], op: ScheduleOp | null): ScheduleRow[] {
	if (!op) return rows;
	switch (op.kind) {
		case 'add':
			return rows.length >= MAX_ROWS ? rows : [...rows, emptyRow(op.row)];
		case 'remove':
			// a kept rule is never removed by accident: only its own button sends this
			return rows.filter((_, i) => i !== op.row);
		case 'add_exception':
			return rows.map((row, i) =>
				i === op.row ? { ...row, exceptions: [...row.exceptions, emptyException()] } : row
			);
		case 'remove_exception':
			return rows.map((row, i) =>
				i === op.row ? { ...row, exceptions: row.exceptions.filter((_, j) => j !== op.index) } : row
			);
		case 'preview':
			return rows;
	}
}

// ---------------------------------------------------------------------------
// Dates and times as typed

/** `2026-12-01` (what a date input posts) or `1.12.2026` (as people type it) → y/m/d. */
export function parseDate(value: string): { year: number; month: number; day: number } | null {
	const trimmed = value.trim();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
	let parts: number[] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
	if (!parts) {
		m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
		parts = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
	}
	if (!parts) return null;
	const [year, month, day] = parts as [number, number, number];
	if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
	if (day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

/** `18:30` → minutes after midnight, or null. */
export function parseTime(value: string): number | null {
	const m = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
	if (!m) return null;
	const hour = Number(m[1]);
	const minute = Number(m[2]);
	return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

function isoDate(day: number): string {
	const { year, month, day: dom } = civilDate(day);
	return `${year}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
}

function timeText(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function dayOf(date: { year: number; month: number; day: number }): number {
	return dayNumber(date.year, date.month, date.day);
}

/** The instant of a local day number and a time of day (minutes) in Berlin. */
function instant(day: number, minutes: number): Date {
	return fromWallClock(
		{ ...civilDate(day), hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 },
		SCHEDULE_TIME_ZONE
	);
}

/** The lines of a `dates` field: by line, comma or semicolon. */
function dateLines(value: string): string[] {
	return value
		.split(/[\n,;]+/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/** Whether `day` is the `ordinal`th (1–4, -1 = last) `weekday` of its month. */
function isNthWeekday(day: number, ordinal: number, weekday: number): boolean {
	if (weekdayIndex(day) !== weekday) return false;
	const { year, month, day: dom } = civilDate(day);
	if (ordinal === -1) return dom + 7 > daysInMonth(year, month);
	return Math.ceil(dom / 7) === ordinal;
}

/** The first day on or after `from` that the rule's pattern has (weekdays or nth weekday). */
function firstMatching(row: ScheduleRow, from: number): number {
	for (let day = from; day < from + 400; day++) {
		if (row.kind === 'weekly') {
			if (row.weekdays.includes(WEEKDAYS[weekdayIndex(day)]!)) return day;
		} else if (isNthWeekday(day, Number(row.ordinal), WEEKDAYS.indexOf(row.weekday as Weekday))) {
			return day;
		}
	}
	return from;
}

// ---------------------------------------------------------------------------
// Validation (zod) and conversion to save_offer's schedules

const dateText = z.string().refine((v) => parseDate(v) !== null, 'staff.schedule.date_invalid');
const timeText_ = z.string().refine((v) => parseTime(v) !== null, 'staff.schedule.time_invalid');

const exceptionSchema = z
	.object({
		date: dateText,
		action: z.enum(['cancel', 'move']),
		note: z.string().max(MAX_NOTE, 'staff.schedule.note_too_long'),
		moved_date: z.string(),
		moved_time: z.string()
	})
	.superRefine((x, ctx) => {
		if (x.action !== 'move') return;
		if (parseDate(x.moved_date) === null) {
			ctx.addIssue({
				code: 'custom',
				message: 'staff.schedule.moved_required',
				path: ['moved_date']
			});
		}
		if (parseTime(x.moved_time) === null) {
			ctx.addIssue({
				code: 'custom',
				message: 'staff.schedule.time_invalid',
				path: ['moved_time']
			});
		}
	});

const timesSchema = {
	start_time: timeText_,
	end_time: timeText_
};

const ruleBase = z.object({
	id: z.string(),
	start_date: dateText,
	...timesSchema,
	ends: z.enum(ENDS),
	until: z.string(),
	count: z.string(),
	exceptions: z.array(exceptionSchema).max(200)
});

const rowSchema = z.discriminatedUnion('kind', [
	ruleBase.extend({
		kind: z.literal('weekly'),
		weekdays: z.array(z.enum(WEEKDAYS, REQUIRED)).min(1, 'staff.schedule.weekdays_required'),
		interval: z
			.string()
			.regex(/^\s*([1-9]|[1-4][0-9]|5[0-2])\s*$/, 'staff.schedule.interval_invalid')
	}),
	ruleBase.extend({
		kind: z.literal('monthly'),
		ordinal: z.enum(ORDINALS, REQUIRED),
		weekday: z.enum(WEEKDAYS, REQUIRED)
	}),
	z.object({
		kind: z.literal('dates'),
		...timesSchema,
		dates: z
			.string()
			.refine((v) => dateLines(v).length > 0, 'staff.schedule.dates_required')
			.refine(
				(v) => dateLines(v).every((l) => parseDate(l) !== null),
				'staff.schedule.dates_invalid'
			)
			.refine((v) => dateLines(v).length <= MAX_ROWS, 'staff.schedule.too_many')
	}),
	z.object({ kind: z.literal('keep'), id: z.guid(REQUIRED) })
]);

/** Checks that need the whole row: the end after the start, the end of the rule, exceptions. */
function checkRow(row: ScheduleRow, issue: (path: (string | number)[], key: string) => void) {
	const start = parseTime(row.start_time);
	const end = parseTime(row.end_time);
	if (start !== null && end !== null && end <= start)
		issue(['end_time'], 'staff.schedule.end_before_start');
	if (row.kind !== 'weekly' && row.kind !== 'monthly') return;
	const first = parseDate(row.start_date);
	if (row.ends === 'until') {
		const until = parseDate(row.until);
		if (!until) issue(['until'], 'staff.schedule.date_invalid');
		else if (first && dayOf(until) < dayOf(first))
			issue(['until'], 'staff.schedule.until_before_start');
	}
	if (row.ends === 'count' && !/^\s*[1-9][0-9]{0,2}\s*$/.test(row.count)) {
		issue(['count'], 'staff.schedule.count_invalid');
	}
	const seen = new Set<string>();
	const schedule =
		first && start !== null && end !== null && end > start ? ruleSchedule(row) : null;
	row.exceptions.forEach((x, j) => {
		const date = parseDate(x.date);
		if (!date) return;
		const key = isoDate(dayOf(date));
		if (seen.has(key)) issue(['exceptions', j, 'date'], 'staff.schedule.exception_twice');
		seen.add(key);
		if (schedule && start !== null) {
			const at = instant(dayOf(date), start).getTime();
			let found: number | undefined;
			try {
				found = occurrences(schedule, {
					from: new Date(at),
					to: new Date(at + 1000),
					limit: 1
				})[0]?.start.getTime();
			} catch {
				return; // the rule itself has an error, named at its field
			}
			if (found !== at) issue(['exceptions', j, 'date'], 'staff.schedule.not_an_occurrence');
		}
	});
}

/** The RRULE of a weekly or monthly row (assumed valid). */
function ruleText(row: ScheduleRow): string {
	const rule: RRule = {
		freq: row.kind === 'weekly' ? 'WEEKLY' : 'MONTHLY',
		interval: row.kind === 'weekly' ? Number(row.interval.trim() || '1') : 1,
		count: row.ends === 'count' ? Number(row.count.trim()) : null,
		until: null,
		byDay:
			row.kind === 'weekly'
				? WEEKDAYS.filter((d) => row.weekdays.includes(d)).map((weekday) => ({
						weekday,
						ordinal: null
					}))
				: [{ weekday: row.weekday as Weekday, ordinal: Number(row.ordinal) }],
		byMonthDay: [],
		byMonth: [],
		bySetPos: [],
		wkst: 'MO'
	};
	const until = row.ends === 'until' ? parseDate(row.until) : null;
	if (until) rule.until = { form: 'date', ...until, hour: 0, minute: 0, second: 0 };
	return formatRRule(rule);
}

/** A weekly or monthly row as a schedule without its exceptions (assumed valid). */
function ruleSchedule(row: ScheduleRow): {
	starts_at: string;
	duration_minutes: number;
	rrule: string;
	timezone: string;
} {
	const start = parseTime(row.start_time)!;
	const end = parseTime(row.end_time)!;
	const day = firstMatching(row, dayOf(parseDate(row.start_date)!));
	return {
		starts_at: instant(day, start).toISOString(),
		duration_minutes: end - start,
		rrule: ruleText(row),
		timezone: SCHEDULE_TIME_ZONE
	};
}

function rowExceptions(row: ScheduleRow): ScheduleException[] {
	const start = parseTime(row.start_time)!;
	return row.exceptions.map((x) => {
		const moved =
			x.action === 'move'
				? instant(dayOf(parseDate(x.moved_date)!), parseTime(x.moved_time)!).toISOString()
				: null;
		return {
			occurs_at: instant(dayOf(parseDate(x.date)!), start).toISOString(),
			moved_to: moved,
			note: x.note.trim() || null
		};
	});
}

/** `2026-12-03=<uuid> …` → map. */
function dateIds(value: string): Map<string, string> {
	const ids = new Map<string, string>();
	for (const pair of value.split(/\s+/)) {
		const [date, id] = pair.split('=');
		if (date && id && /^[0-9a-f-]{36}$/i.test(id)) ids.set(date, id);
	}
	return ids;
}

/** save_offer's elements for one row (assumed valid). */
function toSave(row: ScheduleRow): SaveSchedule[] {
	if (row.kind === 'keep') return [{ id: row.id, keep: true }];
	const id = /^[0-9a-f-]{36}$/i.test(row.id) ? { id: row.id } : {};
	if (row.kind === 'dates') {
		const start = parseTime(row.start_time)!;
		const duration = parseTime(row.end_time)! - start;
		const ids = dateIds(row.date_ids);
		const days = [...new Set(dateLines(row.dates).map((l) => dayOf(parseDate(l)!)))].sort(
			(a, b) => a - b
		);
		return days.map((day) => {
			const known = ids.get(isoDate(day));
			return {
				...(known ? { id: known } : {}),
				starts_at: instant(day, start).toISOString(),
				duration_minutes: duration,
				rrule: null,
				timezone: SCHEDULE_TIME_ZONE,
				exceptions: []
			};
		});
	}
	return [{ ...id, ...ruleSchedule(row), exceptions: rowExceptions(row) }];
}

export interface CheckedScheduleForm {
	ok: boolean;
	/** Message keys by flat field name; `sched` for the whole part. */
	errors: Record<string, string[]>;
	/** save_offer's `schedules` when ok. */
	schedules: SaveSchedule[];
}

function flatName(path: readonly PropertyKey[]): string {
	const [, row, field, index, sub] = path as [string, number, string, number?, string?];
	if (field === 'exceptions' && index !== undefined && sub) {
		return exceptionField(row, index, sub as keyof ExceptionRow);
	}
	return rowField(row, field as keyof ScheduleRow);
}

/** Validates every row; when all are valid, what save_offer takes. */
export function checkScheduleForm(form: ScheduleFormData): CheckedScheduleForm {
	const errors: Record<string, string[]> = {};
	const add = (name: string, key: string) => {
		errors[name] = [...(errors[name] ?? []), key];
	};
	const parsed = z.object({ rows: z.array(rowSchema) }).safeParse(form);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (issue.path.length >= 3) add(flatName(issue.path), issue.message);
			else add('sched', issue.message);
		}
	}
	form.rows.forEach((row, i) => {
		checkRow(row, (path, key) => add(flatName(['rows', i, ...path]), key));
	});
	const schedules = Object.keys(errors).length ? [] : form.rows.flatMap(toSave);
	if (schedules.length > MAX_ROWS) add('sched', 'staff.schedule.too_many');
	const ok = Object.keys(errors).length === 0;
	return { ok, errors, schedules: ok ? schedules : [] };
}

// ---------------------------------------------------------------------------
// From stored schedules

function sameDayMinutes(
	schedule: StoredSchedule
): { start: number; end: number; day: number } | null {
	const start = toInstant(schedule.starts_at);
	const local = toWallClock(start, SCHEDULE_TIME_ZONE);
	const minutes = local.hour * 60 + local.minute;
	const end = minutes + schedule.duration_minutes;
	if (local.second !== 0 || start.getUTCMilliseconds() !== 0) return null;
	if (schedule.duration_minutes <= 0 || end >= 24 * 60) return null;
	return { start: minutes, end, day: dayNumber(local.year, local.month, local.day) };
}

/** The form's row for a stored rule, or null when the form cannot express it exactly. */
function ruleRow(schedule: StoredSchedule): ScheduleRow | null {
	if ((schedule.timezone || SCHEDULE_TIME_ZONE) !== SCHEDULE_TIME_ZONE || !schedule.rrule)
		return null;
	const times = sameDayMinutes(schedule);
	if (!times) return null;
	let rule: RRule;
	try {
		rule = parseRRule(schedule.rrule);
	} catch {
		return null;
	}
	if (rule.byMonth.length || rule.byMonthDay.length || rule.bySetPos.length) return null;
	const row = emptyRow('weekly');
	if (rule.freq === 'WEEKLY' && rule.byDay.every((d) => d.ordinal === null)) {
		if (rule.interval > 52 || (rule.interval > 1 && rule.wkst !== 'MO')) return null;
		row.weekdays = rule.byDay.length
			? WEEKDAYS.filter((d) => rule.byDay.some((b) => b.weekday === d))
			: [WEEKDAYS[weekdayIndex(times.day)]!];
		row.interval = String(rule.interval);
	} else if (
		rule.freq === 'MONTHLY' &&
		rule.interval === 1 &&
		rule.byDay.length === 1 &&
		(ORDINALS as readonly string[]).includes(String(rule.byDay[0]!.ordinal))
	) {
		row.kind = 'monthly';
		row.ordinal = String(rule.byDay[0]!.ordinal);
		row.weekday = rule.byDay[0]!.weekday;
	} else return null;
	row.id = schedule.id;
	row.start_date = isoDate(times.day);
	row.start_time = timeText(times.start);
	row.end_time = timeText(times.end);
	// the first date must be one the pattern has: the form cannot say "and once on a Monday"
	if (firstMatching(row, times.day) !== times.day) return null;
	if (rule.count !== null) {
		row.ends = 'count';
		row.count = String(rule.count);
	} else if (rule.until) {
		row.ends = 'until';
		// an UNTIL with a time: the last date the rule can still have at its start time
		const untilDay =
			rule.until.form === 'date'
				? dayNumber(rule.until.year, rule.until.month, rule.until.day)
				: untilDayOf(rule, times.start);
		if (untilDay < times.day) return null;
		row.until = isoDate(untilDay);
	}
	const exceptions = schedule.exceptions ?? [];
	const excepted = new Set(exceptions.map((e) => toInstant(e.occurs_at).getTime()));
	// exdates without an exception (an import's) stay cancelled, without a note
	const plain = (schedule.exdates ?? [])
		.map(toInstant)
		.filter((d) => !excepted.has(d.getTime()))
		.map((d) => ({ occurs_at: d.toISOString(), moved_to: null, note: null }));
	for (const e of [...exceptions, ...plain].sort((a, b) =>
		a.occurs_at.localeCompare(b.occurs_at)
	)) {
		const at = toWallClock(toInstant(e.occurs_at), SCHEDULE_TIME_ZONE);
		if (at.hour * 60 + at.minute !== times.start) return null;
		const x = emptyException();
		x.date = isoDate(dayNumber(at.year, at.month, at.day));
		x.note = e.note ?? '';
		if (e.moved_to) {
			const to = toWallClock(toInstant(e.moved_to), SCHEDULE_TIME_ZONE);
			x.action = 'move';
			x.moved_date = isoDate(dayNumber(to.year, to.month, to.day));
			x.moved_time = timeText(to.hour * 60 + to.minute);
		}
		row.exceptions.push(x);
	}
	return row;
}

function untilDayOf(rule: RRule, startMinutes: number): number {
	const until = rule.until!;
	const at =
		until.form === 'utc'
			? toWallClock(
					new Date(
						Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second)
					),
					SCHEDULE_TIME_ZONE
				)
			: until;
	const day = dayNumber(at.year, at.month, at.day);
	return at.hour * 60 + at.minute >= startMinutes ? day : day - 1;
}

/** The form's rows for an offer's stored schedules; what it cannot express is kept read-only. */
export function fromStoredSchedules(schedules: readonly StoredSchedule[]): ScheduleFormData {
	const rows: ScheduleRow[] = [];
	const onceGroups = new Map<string, ScheduleRow>();
	for (const schedule of schedules) {
		const times = sameDayMinutes(schedule);
		const plainOnce =
			!schedule.rrule &&
			times &&
			(schedule.timezone || SCHEDULE_TIME_ZONE) === SCHEDULE_TIME_ZONE &&
			!(schedule.exceptions ?? []).length &&
			!(schedule.exdates ?? []).length;
		if (plainOnce) {
			const key = `${times.start}-${times.end}`;
			let row = onceGroups.get(key);
			if (!row) {
				row = {
					...emptyRow('dates'),
					start_time: timeText(times.start),
					end_time: timeText(times.end)
				};
				onceGroups.set(key, row);
				rows.push(row);
			}
			const date = isoDate(times.day);
			row.dates = row.dates ? `${row.dates}\n${date}` : date;
			row.date_ids = `${row.date_ids} ${date}=${schedule.id}`.trim();
			continue;
		}
		const row = ruleRow(schedule);
		rows.push(row ?? { ...emptyRow('keep'), id: schedule.id, stored: JSON.stringify(schedule) });
	}
	return { rows };
}

// ---------------------------------------------------------------------------
// The dates as they will be published

/** The schedules the rows describe now, rows with errors left out (for the preview). */
export function previewSchedules(form: ScheduleFormData): (Schedule & { row: number })[] {
	const result: (Schedule & { row: number })[] = [];
	form.rows.forEach((row, i) => {
		if (row.kind === 'keep') {
			try {
				const stored = JSON.parse(row.stored) as StoredSchedule;
				if (stored && typeof stored.starts_at === 'string') result.push({ ...stored, row: i });
			} catch {
				// nothing to show
			}
			return;
		}
		const checked = checkScheduleForm({ rows: [row] });
		if (!checked.ok) return;
		for (const s of checked.schedules) {
			if ('keep' in s) continue;
			result.push({
				starts_at: s.starts_at,
				duration_minutes: s.duration_minutes,
				rrule: s.rrule,
				timezone: s.timezone,
				exceptions: s.exceptions,
				exdates: s.exceptions.map((e) => e.occurs_at),
				row: i
			});
		}
	});
	return result;
}

/** How many dates the editor shows, looking how far ahead. */
export const PREVIEW_DATES = 10;
const PREVIEW_DAYS = 3 * 366;

/**
 * The next dates as the public pages will show them (the same expansion, cancelled and moved
 * dates marked), from `now`.
 */
export function nextDates(
	form: ScheduleFormData,
	now: Date = new Date()
): ShownDate<Schedule & { row: number }>[] {
	return shownDates(previewSchedules(form), {
		from: now,
		days: PREVIEW_DAYS,
		limit: PREVIEW_DATES,
		onError: () => {}
	});
}
