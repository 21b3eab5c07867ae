/**
 * Recurrence rules of offer schedules (RFC 5545 RRULE, the subset `private.is_valid_rrule`
 * accepts) and their expansion into occurrences in the schedule's wall-clock time.
 *
 * Everything about time zones goes through `Intl.DateTimeFormat`: a local date and time is
 * turned into an instant by asking which UTC offset the zone has around it, never by a table.
 */

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** Two-letter weekday codes of RFC 5545, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One BYDAY entry: a weekday, optionally with its position in the month or year (1SA, -1FR). */
export interface ByDay {
	weekday: Weekday;
	/** 1 to 5 counts from the start, -1 to -5 from the end; null means every such weekday. */
	ordinal: number | null;
}

/** UNTIL as written: a date (inclusive), a floating local date-time, or a UTC date-time. */
export interface Until {
	form: 'date' | 'local' | 'utc';
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** A parsed RRULE. Empty arrays mean the part was not given. */
export interface RRule {
	freq: Frequency;
	interval: number;
	count: number | null;
	until: Until | null;
	byDay: ByDay[];
	byMonthDay: number[];
	byMonth: number[];
	bySetPos: number[];
	wkst: Weekday;
}

/** The columns of `public.schedules` that describe when an offer takes place. */
export interface Schedule {
	/** The first occurrence: a `Date` or a timestamptz as text. */
	starts_at: Date | string;
	duration_minutes: number;
	/** RRULE without the `RRULE:` prefix; null for a one-off event. */
	rrule: string | null;
	/** Occurrences that do not take place, matched by their start instant. */
	exdates?: readonly (Date | string)[] | null;
	/** IANA time zone whose wall clock the recurrence follows; Europe/Berlin when missing. */
	timezone?: string | null;
	/**
	 * Cancelled or moved occurrences (table `schedule_exceptions`). Each `occurs_at` is also in
	 * `exdates`, so expansion leaves the original out; `exceptions.ts` adds back what people see.
	 */
	exceptions?: readonly ScheduleException[] | null;
}

/** One occurrence that does not take place as the rule says: cancelled or moved. */
export interface ScheduleException {
	/** Start of the occurrence as the rule generates it. */
	occurs_at: string;
	/** The new start (same duration), or null: cancelled. */
	moved_to: string | null;
	/** Shown publicly next to the date, e.g. "Weihnachtsferien". */
	note: string | null;
}

export interface Occurrence {
	start: Date;
	end: Date;
}

export interface OccurrenceOptions {
	/** Occurrences still running at `from` or starting later are included… */
	from: Date;
	/** …if they start before `to`. */
	to: Date;
	/** At most this many occurrences. */
	limit?: number;
}

/** A rule or schedule that cannot be read. The message says what is wrong. */
export class RRuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RRuleError';
	}
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** Occurrences are generated at most this many years past `from` (or the first occurrence). */
export const MAX_YEARS = 10;
/** A rule whose periods stay empty (BYMONTHDAY=30;BYMONTH=2) stops after this many periods. */
const MAX_PERIODS = 50_000;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Parsing, mirroring private.is_valid_rrule in supabase/migrations/20261121100200_…

const PART_FORMATS: Record<string, { pattern: RegExp; expected: string }> = {
	FREQ: {
		pattern: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
		expected: 'DAILY, WEEKLY, MONTHLY or YEARLY'
	},
	INTERVAL: { pattern: /^[1-9][0-9]{0,2}$/, expected: 'a whole number from 1 to 999' },
	COUNT: { pattern: /^[1-9][0-9]{0,3}$/, expected: 'a whole number from 1 to 9999' },
	UNTIL: {
		pattern: /^[0-9]{8}(T[0-9]{6}Z?)?$/,
		expected: 'a date like 20261231, 20261231T235959 or 20261231T225959Z'
	},
	BYDAY: {
		pattern: /^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/,
		expected: 'weekdays like TU or TU,TH, optionally with a position from -5 to 5 like 1SA or -1FR'
	},
	BYMONTHDAY: {
		pattern: /^-?([1-9]|[12][0-9]|3[01])(,-?([1-9]|[12][0-9]|3[01]))*$/,
		expected: 'days of the month from 1 to 31 or -31 to -1, separated by commas'
	},
	BYMONTH: {
		pattern: /^([1-9]|1[0-2])(,([1-9]|1[0-2]))*$/,
		expected: 'months from 1 to 12, separated by commas'
	},
	BYSETPOS: {
		pattern: /^-?[1-9][0-9]{0,2}(,-?[1-9][0-9]{0,2})*$/,
		expected: 'positions from 1 to 999 or -999 to -1, separated by commas'
	},
	WKST: { pattern: /^(MO|TU|WE|TH|FR|SA|SU)$/, expected: 'a weekday code like MO' }
};

const SUPPORTED_PARTS = Object.keys(PART_FORMATS).join(', ');

function numbers(value: string): number[] {
	return value.split(',').map(Number);
}

/**
 * Reads an RRULE (without the `RRULE:` prefix). Accepts exactly what the database's
 * `private.is_valid_rrule` accepts, and additionally requires UNTIL to be a real calendar date.
 * @throws RRuleError naming the part that is wrong
 */
export function parseRRule(text: string): RRule {
	if (typeof text !== 'string' || text === '') {
		throw new RRuleError('The recurrence rule is empty.');
	}
	if (text.startsWith('RRULE:')) {
		throw new RRuleError('Write the recurrence rule without the "RRULE:" prefix.');
	}
	const values = new Map<string, string>();
	for (const part of text.split(';')) {
		const eq = part.indexOf('=');
		const key = eq === -1 ? part : part.slice(0, eq);
		const value = eq === -1 ? '' : part.slice(eq + 1);
		if (key === '') {
			throw new RRuleError(`The recurrence rule "${text}" has an empty part.`);
		}
		if (values.has(key)) {
			throw new RRuleError(`The recurrence rule part ${key} appears more than once.`);
		}
		const format = PART_FORMATS[key];
		if (!format) {
			throw new RRuleError(
				`The recurrence rule part "${key}" is not supported (supported: ${SUPPORTED_PARTS}).`
			);
		}
		if (value === '') {
			throw new RRuleError(`The recurrence rule part ${key} has no value.`);
		}
		if (!format.pattern.test(value)) {
			throw new RRuleError(
				`The recurrence rule part ${key}=${value} is invalid: expected ${format.expected}.`
			);
		}
		values.set(key, value);
	}
	const freq = values.get('FREQ');
	if (freq === undefined) {
		throw new RRuleError(
			'The recurrence rule needs a FREQ part (DAILY, WEEKLY, MONTHLY or YEARLY).'
		);
	}
	if (values.has('COUNT') && values.has('UNTIL')) {
		throw new RRuleError('The recurrence rule may have COUNT or UNTIL, not both.');
	}
	const until = values.get('UNTIL');
	const byDay = values.get('BYDAY');
	const byMonthDay = values.get('BYMONTHDAY');
	const byMonth = values.get('BYMONTH');
	const bySetPos = values.get('BYSETPOS');
	return {
		freq: freq as Frequency,
		interval: Number(values.get('INTERVAL') ?? '1'),
		count: values.has('COUNT') ? Number(values.get('COUNT')) : null,
		until: until === undefined ? null : parseUntil(until),
		byDay: byDay === undefined ? [] : byDay.split(',').map(parseByDay),
		byMonthDay: byMonthDay === undefined ? [] : numbers(byMonthDay),
		byMonth: byMonth === undefined ? [] : numbers(byMonth),
		bySetPos: bySetPos === undefined ? [] : numbers(bySetPos),
		wkst: (values.get('WKST') as Weekday | undefined) ?? 'MO'
	};
}

function parseByDay(item: string): ByDay {
	const weekday = item.slice(-2) as Weekday;
	const position = item.slice(0, -2);
	const digits = position.replace(/^[+-]/, '');
	// "+SU" and "-SU" pass the database's check; without a number they mean every Sunday.
	const ordinal = digits === '' ? null : Number(digits) * (position.startsWith('-') ? -1 : 1);
	return { weekday, ordinal };
}

function parseUntil(value: string): Until {
	const year = Number(value.slice(0, 4));
	const month = Number(value.slice(4, 6));
	const day = Number(value.slice(6, 8));
	const hasTime = value.length > 8;
	const hour = hasTime ? Number(value.slice(9, 11)) : 0;
	const minute = hasTime ? Number(value.slice(11, 13)) : 0;
	const second = hasTime ? Number(value.slice(13, 15)) : 0;
	if (
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > daysInMonth(year, month) ||
		hour > 23 ||
		minute > 59 ||
		second > 60
	) {
		throw new RRuleError(`The recurrence rule part UNTIL=${value} is not a real date and time.`);
	}
	const form = !hasTime ? 'date' : value.endsWith('Z') ? 'utc' : 'local';
	return { form, year, month, day, hour, minute, second: Math.min(second, 59) };
}

/**
 * Writes a rule back as RRULE text. With `untilInTimeZone`, UNTIL is written in UTC as RFC 5545
 * requires next to a DTSTART with TZID (a date-only UNTIL becomes the end of that local day).
 */
export function formatRRule(rule: RRule, untilInTimeZone?: string): string {
	const parts = [`FREQ=${rule.freq}`];
	if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
	if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
	if (rule.until) {
		parts.push(
			`UNTIL=${
				untilInTimeZone === undefined
					? formatUntil(rule.until)
					: formatUtc(new Date(untilInstant(rule.until, untilInTimeZone)))
			}`
		);
	}
	if (rule.byMonth.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
	if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
	if (rule.byDay.length) {
		parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${d.weekday}`).join(',')}`);
	}
	if (rule.bySetPos.length) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
	if (rule.wkst !== 'MO') parts.push(`WKST=${rule.wkst}`);
	return parts.join(';');
}

function formatUntil(until: Until): string {
	const date = `${pad(until.year, 4)}${pad(until.month)}${pad(until.day)}`;
	if (until.form === 'date') return date;
	const time = `T${pad(until.hour)}${pad(until.minute)}${pad(until.second)}`;
	return date + time + (until.form === 'utc' ? 'Z' : '');
}

/** `20261124T170000Z` */
export function formatUtc(instant: Date): string {
	return (
		`${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
		`T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
	);
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

// ---------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian)

/** A date and time on a wall clock, without a zone. Months count from 1. */
export interface LocalDateTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function floorDiv(a: number, b: number): number {
	return Math.floor(a / b);
}

function mod(a: number, b: number): number {
	return ((a % b) + b) % b;
}

/** Days since 1970-01-01 of a calendar date (algorithm by Howard Hinnant). */
export function dayNumber(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = floorDiv(y, 400);
	const yoe = y - era * 400;
	const doy = floorDiv(153 * (month + (month > 2 ? -3 : 9)) + 2, 5) + day - 1;
	const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
	return era * 146_097 + doe - 719_468;
}

/** The calendar date of a day number. */
export function civilDate(days: number): { year: number; month: number; day: number } {
	const z = days + 719_468;
	const era = floorDiv(z, 146_097);
	const doe = z - era * 146_097;
	const yoe = floorDiv(
		doe - floorDiv(doe, 1460) + floorDiv(doe, 36_524) - floorDiv(doe, 146_096),
		365
	);
	const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
	const mp = floorDiv(5 * doy + 2, 153);
	const day = doy - floorDiv(153 * mp + 2, 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(days: number): number {
	return mod(days + 3, 7);
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	}
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function wallMs(local: LocalDateTime): number {
	return (
		dayNumber(local.year, local.month, local.day) * DAY_MS +
		((local.hour * 60 + local.minute) * 60 + local.second) * 1000
	);
}

// ---------------------------------------------------------------------------
// Time zones through Intl

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone,
				calendar: 'gregory',
				numberingSystem: 'latn',
				hourCycle: 'h23',
				era: 'short',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric'
			});
		} catch (_error) {
			throw new RRuleError(`"${timeZone}" is not a known IANA time zone.`);
		}
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Throws RRuleError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
	formatterFor(timeZone);
}

/** The wall-clock date and time of an instant in a zone (seconds precision). */
export function toWallClock(instant: Date | number, timeZone: string): LocalDateTime {
	const fields: Record<string, string> = {};
	for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
	const year = Number(fields.year);
	return {
		year: fields.era === 'BC' || fields.era === 'B' ? 1 - year : year,
		month: Number(fields.month),
		day: Number(fields.day),
		hour: Number(fields.hour),
		minute: Number(fields.minute),
		second: Number(fields.second)
	};
}

function rawOffset(ms: number, timeZone: string): number {
	const whole = ms - mod(ms, 1000);
	return wallMs(toWallClock(whole, timeZone)) - whole;
}

/** Per zone and UTC day: the offset if it is the same all day, null if it changes that day. */
const dayOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS = 100_000;

/** UTC offset of a zone at an instant, in milliseconds (local minus UTC). */
export function timeZoneOffset(instant: Date | number, timeZone: string): number {
	const ms = typeof instant === 'number' ? instant : instant.getTime();
	let days = dayOffsets.get(timeZone);
	if (!days || days.size > MAX_CACHED_DAYS) {
		days = new Map();
		dayOffsets.set(timeZone, days);
	}
	const day = floorDiv(ms, DAY_MS);
	let constant = days.get(day);
	if (constant === undefined) {
		const first = rawOffset(day * DAY_MS, timeZone);
		constant = first === rawOffset((day + 1) * DAY_MS - 1000, timeZone) ? first : null;
		days.set(day, constant);
	}
	return constant ?? rawOffset(ms, timeZone);
}

/**
 * The instant a wall-clock time denotes in a zone. Like RFC 5545 §3.3.5: a time that occurs
 * twice (autumn) means the first of the two; a time skipped (spring) is read with the offset
 * before the gap, so 02:30 on the spring-forward night becomes 03:30 summer time.
 */
export function fromWallClock(local: LocalDateTime, timeZone: string): Date {
	const wall = wallMs(local);
	const before = timeZoneOffset(wall - DAY_MS, timeZone);
	const after = timeZoneOffset(wall + DAY_MS, timeZone);
	const valid = [wall - before, wall - after].filter(
		(t) => t + timeZoneOffset(t, timeZone) === wall
	);
	return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** A timestamptz as `Date`, from a `Date`, ISO 8601 text or PostgreSQL's text output. */
export function toInstant(value: Date | string): Date {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new RRuleError('The date is invalid.');
		return value;
	}
	const iso = value
		.trim()
		.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T')
		.replace(/([+-]\d{2})$/, '$1:00');
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) throw new RRuleError(`"${value}" is not a date and time.`);
	return date;
}

function untilInstant(until: Until, timeZone: string): number {
	switch (until.form) {
		case 'utc':
			return wallMs(until);
		case 'local':
			return fromWallClock(until, timeZone).getTime();
		case 'date': {
			// the whole day counts: everything before the next local midnight
			const next = civilDate(dayNumber(until.year, until.month, until.day) + 1);
			return fromWallClock({ ...next, hour: 0, minute: 0, second: 0 }, timeZone).getTime() - 1000;
		}
	}
}

// ---------------------------------------------------------------------------
// Expansion

/** Day numbers of BYDAY within a stretch of days (a month or a year), ordinals counted in it. */
function expandByDay(byDay: readonly ByDay[], first: number, length: number): number[] {
	const days: number[] = [];
	for (const { weekday, ordinal } of byDay) {
		const target = WEEKDAYS.indexOf(weekday);
		const firstMatch = first + mod(target - weekdayIndex(first), 7);
		if (ordinal === null) {
			for (let d = firstMatch; d < first + length; d += 7) days.push(d);
		} else if (ordinal > 0) {
			const d = firstMatch + 7 * (ordinal - 1);
			if (d < first + length) days.push(d);
		} else {
			const last = first + length - 1;
			const d = last - mod(weekdayIndex(last) - target, 7) + 7 * (ordinal + 1);
			if (d >= first) days.push(d);
		}
	}
	return days;
}

/** Day numbers of BYMONTHDAY in one month; days the month does not have are skipped. */
function expandMonthDays(byMonthDay: readonly number[], year: number, month: number): number[] {
	const length = daysInMonth(year, month);
	const first = dayNumber(year, month, 1);
	return byMonthDay
		.map((d) => (d > 0 ? d : length + d + 1))
		.filter((d) => d >= 1 && d <= length)
		.map((d) => first + d - 1);
}

function applySetPos(days: number[], bySetPos: readonly number[]): number[] {
	const sorted = [...new Set(days)].sort((a, b) => a - b);
	if (!bySetPos.length) return sorted;
	const picked = bySetPos
		.map((pos) => sorted[pos > 0 ? pos - 1 : sorted.length + pos])
		.filter((d): d is number => d !== undefined);
	return [...new Set(picked)].sort((a, b) => a - b);
}

interface Period {
	/** The first day the period covers; candidates are never earlier. */
	first: number;
	/** Candidate days, ascending. */
	days: number[];
}

/** Produces the candidate days of the k-th period (k-th interval step from the first occurrence). */
function periodGenerator(rule: RRule, start: LocalDateTime): (k: number) => Period {
	const startDay = dayNumber(start.year, start.month, start.day);
	const weekdays = new Set(rule.byDay.map((d) => WEEKDAYS.indexOf(d.weekday)));
	const months = new Set(rule.byMonth);

	// limits applied to every candidate of the simple frequencies
	const keep = (day: number, checkWeekday: boolean): boolean => {
		const { year, month, day: dom } = civilDate(day);
		if (months.size && !months.has(month)) return false;
		if (rule.byMonthDay.length) {
			const length = daysInMonth(year, month);
			if (!rule.byMonthDay.some((d) => (d > 0 ? d : length + d + 1) === dom)) return false;
		}
		return !checkWeekday || !weekdays.size || weekdays.has(weekdayIndex(day));
	};

	// BYDAY as a limit inside a month or year (with BYMONTHDAY): the ordinal must match too
	const byDayLimit = (days: number[], first: number, length: number): number[] => {
		if (!rule.byDay.length) return days;
		const allowed = new Set(expandByDay(rule.byDay, first, length));
		return days.filter((d) => allowed.has(d));
	};

	const monthDays = (year: number, month: number, byDayInYear: boolean): number[] => {
		const first = dayNumber(year, month, 1);
		const length = daysInMonth(year, month);
		if (rule.byMonthDay.length) {
			const days = expandMonthDays(rule.byMonthDay, year, month);
			if (byDayInYear) {
				const yearFirst = dayNumber(year, 1, 1);
				return byDayLimit(days, yearFirst, dayNumber(year + 1, 1, 1) - yearFirst);
			}
			return byDayLimit(days, first, length);
		}
		if (rule.byDay.length) return expandByDay(rule.byDay, first, length);
		return start.day <= length ? [first + start.day - 1] : [];
	};

	switch (rule.freq) {
		case 'DAILY':
			return (k) => {
				const day = startDay + k * rule.interval;
				return { first: day, days: applySetPos(keep(day, true) ? [day] : [], rule.bySetPos) };
			};
		case 'WEEKLY': {
			const wkst = WEEKDAYS.indexOf(rule.wkst);
			const firstWeek = startDay - mod(weekdayIndex(startDay) - wkst, 7);
			const ownDays = weekdays.size ? weekdays : new Set([weekdayIndex(startDay)]);
			return (k) => {
				const first = firstWeek + 7 * k * rule.interval;
				const days: number[] = [];
				for (let d = first; d < first + 7; d++) {
					if (ownDays.has(weekdayIndex(d)) && keep(d, false)) days.push(d);
				}
				return { first, days: applySetPos(days, rule.bySetPos) };
			};
		}
		case 'MONTHLY':
			return (k) => {
				const index = start.year * 12 + start.month - 1 + k * rule.interval;
				const year = floorDiv(index, 12);
				const month = mod(index, 12) + 1;
				const first = dayNumber(year, month, 1);
				if (months.size && !months.has(month)) return { first, days: [] };
				return { first, days: applySetPos(monthDays(year, month, false), rule.bySetPos) };
			};
		case 'YEARLY':
			return (k) => {
				const year = start.year + k * rule.interval;
				const first = dayNumber(year, 1, 1);
				const length = dayNumber(year + 1, 1, 1) - first;
				let days: number[];
				if (months.size) {
					days = rule.byMonth.flatMap((m) => monthDays(year, m, false));
				} else if (rule.byMonthDay.length) {
					days = [];
					for (let m = 1; m <= 12; m++) days.push(...monthDays(year, m, true));
				} else if (rule.byDay.length) {
					days = expandByDay(rule.byDay, first, length);
				} else {
					days =
						start.day <= daysInMonth(year, start.month)
							? [dayNumber(year, start.month, start.day)]
							: [];
				}
				return { first, days: applySetPos(days, rule.bySetPos) };
			};
	}
}

/** The last period index whose period starts on or before `day`, for skipping ahead. */
function periodIndexBefore(rule: RRule, start: LocalDateTime, day: number): number {
	const startDay = dayNumber(start.year, start.month, start.day);
	if (day <= startDay) return 0;
	const target = civilDate(day);
	switch (rule.freq) {
		case 'DAILY':
			return floorDiv(day - startDay, rule.interval);
		case 'WEEKLY': {
			const firstWeek = startDay - mod(weekdayIndex(startDay) - WEEKDAYS.indexOf(rule.wkst), 7);
			return floorDiv(day - firstWeek, 7 * rule.interval);
		}
		case 'MONTHLY':
			return floorDiv((target.year - start.year) * 12 + target.month - start.month, rule.interval);
		case 'YEARLY':
			return floorDiv(target.year - start.year, rule.interval);
	}
}

function validDate(value: Date, name: string): number {
	const ms = value instanceof Date ? value.getTime() : Number.NaN;
	if (Number.isNaN(ms)) throw new RRuleError(`The option "${name}" must be a valid Date.`);
	return ms;
}

/** How an expansion ended: the rule ran out (COUNT/UNTIL) or the window/limit/bound did. */
export type ExpansionEnd = 'exhausted' | 'window' | 'limit' | 'bound';

/**
 * Occurrences of a schedule that overlap [from, to): those still running at `from` and those
 * starting before `to`, in order. The first occurrence is `starts_at` and counts towards COUNT;
 * exception dates are removed after counting, as in RFC 5545. Work is bounded to
 * MAX_YEARS past `from` (or the first occurrence, if later).
 * @throws RRuleError for an unsupported rule, an unknown time zone or invalid dates
 */
export function occurrences(schedule: Schedule, options: OccurrenceOptions): Occurrence[] {
	return expand(schedule, options).occurrences;
}

/** `occurrences` that also tells why it stopped. */
export function expand(
	schedule: Schedule,
	options: OccurrenceOptions
): { occurrences: Occurrence[]; end: ExpansionEnd } {
	const fromMs = validDate(options.from, 'from');
	const toMs = validDate(options.to, 'to');
	const limit = options.limit ?? Number.POSITIVE_INFINITY;
	const startMs = toInstant(schedule.starts_at).getTime();
	const timeZone = schedule.timezone || DEFAULT_TIME_ZONE;
	assertTimeZone(timeZone);
	const duration = schedule.duration_minutes;
	if (!Number.isFinite(duration) || duration < 0) {
		throw new RRuleError(`The duration ${duration} is not a number of minutes.`);
	}
	const durationMs = duration * 60_000;
	const excluded = new Set((schedule.exdates ?? []).map((d) => toInstant(d).getTime()));
	const rule =
		schedule.rrule === null || schedule.rrule === undefined ? null : parseRRule(schedule.rrule);

	const found: Occurrence[] = [];
	const result = (end: ExpansionEnd) => ({ occurrences: found, end });
	if (limit <= 0) return result('limit');
	if (toMs <= fromMs) return result('window');

	/** Adds an occurrence if it is in the window; says whether the limit is reached. */
	const take = (ms: number): boolean => {
		if (excluded.has(ms)) return false;
		const endMs = ms + durationMs;
		if (ms < toMs && (endMs > fromMs || ms >= fromMs)) {
			found.push({ start: new Date(ms), end: new Date(endMs) });
		}
		return found.length >= limit;
	};

	if (take(startMs)) return result('limit');
	if (!rule) return result(startMs >= toMs ? 'window' : 'exhausted');
	if (startMs >= toMs) return result('window');

	const start = toWallClock(startMs, timeZone);
	const startDay = dayNumber(start.year, start.month, start.day);
	const subSecond = mod(startMs, 1000);
	const instantOf = (day: number): number =>
		fromWallClock(
			{ ...civilDate(day), hour: start.hour, minute: start.minute, second: start.second },
			timeZone
		).getTime() + subSecond;

	const boundMs = Math.max(fromMs, startMs) + MAX_YEARS * 365.25 * DAY_MS;
	const lastMs = Math.min(toMs, boundMs);
	const wallDay = (ms: number) => floorDiv(ms + timeZoneOffset(ms, timeZone), DAY_MS);
	const lastDay = wallDay(lastMs) + 1;
	// an occurrence starting two local days before `from` has ended by then (durations ≤ 1 day)
	const earlyDay = wallDay(fromMs) - 2;
	const untilMs = rule.until ? untilInstant(rule.until, timeZone) : Number.POSITIVE_INFINITY;
	if (untilMs < fromMs - 2 * DAY_MS) return result('exhausted');

	const period = periodGenerator(rule, start);
	// without COUNT nothing before the window matters, so skip straight to it
	const firstK = rule.count === null ? periodIndexBefore(rule, start, earlyDay) : 0;
	let produced = 1; // the first occurrence
	for (let k = firstK; k < firstK + MAX_PERIODS; k++) {
		const { first, days } = period(k);
		if (first > lastDay) return result(lastMs < toMs ? 'bound' : 'window');
		for (const day of days) {
			if (day <= startDay) continue;
			if (rule.count !== null && produced >= rule.count) return result('exhausted');
			produced++;
			if (day < earlyDay) continue;
			const ms = instantOf(day);
			if (ms > untilMs) return result('exhausted');
			if (ms >= toMs) return result('window');
			if (ms > boundMs) return result('bound');
			if (take(ms)) return result('limit');
		}
	}
	return result('bound');
}

/**
 * Start of the last occurrence of a finite schedule (one-off, COUNT or UNTIL), after exception
 * dates; null when the rule runs on past MAX_YEARS or no occurrence remains.
 */
export function lastOccurrence(schedule: Schedule): Date | null {
	const first = toInstant(schedule.starts_at);
	const to = new Date(first.getTime() + (MAX_YEARS + 1) * 366 * DAY_MS);
	const { occurrences: all, end } = expand(schedule, { from: first, to });
	if (end !== 'exhausted') return null;
	return all.at(-1)?.start ?? null;
}
