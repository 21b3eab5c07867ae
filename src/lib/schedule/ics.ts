/**
 * iCalendar (RFC 5545) feeds of offers. Recurring schedules stay recurring (DTSTART with TZID,
 * RRULE, EXDATE) so calendar apps follow the wall clock across daylight saving time; each zone
 * used gets a VTIMEZONE derived from Intl.
 */
import {
	DEFAULT_TIME_ZONE,
	WEEKDAYS,
	assertTimeZone,
	civilDate,
	daysInMonth,
	formatRRule,
	formatUtc,
	parseRRule,
	timeZoneOffset,
	toInstant,
	toWallClock,
	weekdayIndex,
	type LocalDateTime,
	type ScheduleException
} from './rrule';

export interface CalendarEvent {
	/** Globally unique and stable across feeds, e.g. `schedule-<id>@stadtteil.example`. */
	uid: string;
	title: string;
	description?: string;
	location?: string;
	url?: string;
	/** Names of the event's categories (CATEGORIES), e.g. the offer's categories. */
	categories?: readonly string[];
	/** The first occurrence. */
	start: Date | string;
	durationMinutes: number;
	/** RRULE without the `RRULE:` prefix; absent or null for a one-off event. */
	rrule?: string | null;
	/** Occurrences that do not take place (their start instants). */
	exdates?: readonly (Date | string)[];
	/** IANA zone of the wall clock the event follows. */
	timezone: string;
	/** When the event last changed; written as LAST-MODIFIED and used as DTSTAMP. */
	lastModified?: Date | string;
	/** Cancelled and moved occurrences of a recurring event, each written as an override. */
	exceptions?: readonly ScheduleException[];
	/** Put before the title of a cancelled occurrence, e.g. "Fällt aus" (default "Cancelled"). */
	cancelledLabel?: string;
}

export interface CalendarOptions {
	/** PRODID, e.g. `-//Stadt Beispiel//Stadtteil-Portal//DE`. */
	prodId: string;
	events: readonly CalendarEvent[];
	/** Calendar name shown by subscribing apps (X-WR-CALNAME). */
	name?: string;
	/** DTSTAMP of events without `lastModified`; defaults to the current time. */
	now?: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other controls. */
export function escapeText(value: string): string {
	return (
		value
			.replace(/\r\n?/g, '\n')
			// eslint-disable-next-line no-control-regex -- control characters are not allowed in TEXT
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
			.replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
	);
}

function utf8Length(codePoint: number): number {
	if (codePoint < 0x80) return 1;
	if (codePoint < 0x800) return 2;
	if (codePoint < 0x10000) return 3;
	return 4;
}

/**
 * Folds a content line so that no physical line exceeds 75 octets of UTF-8 (the leading space
 * of a continuation line included), never inside a character.
 */
export function foldLine(line: string): string {
	let folded = '';
	let current = '';
	let octets = 0;
	let room = MAX_LINE_OCTETS;
	for (const char of line) {
		const size = utf8Length(char.codePointAt(0)!);
		if (octets + size > room) {
			folded += current + CRLF + ' ';
			current = '';
			octets = 0;
			room = MAX_LINE_OCTETS - 1;
		}
		current += char;
		octets += size;
	}
	return folded + current;
}

/** Reverses folding: a line break followed by one space or tab joins the lines. */
export function unfold(text: string): string {
	return text.replace(/\r\n[ \t]/g, '');
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** `20261124T100000`, a wall-clock date-time without zone. */
function formatLocal(local: LocalDateTime): string {
	return (
		`${pad(local.year, 4)}${pad(local.month)}${pad(local.day)}` +
		`T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`
	);
}

/** `+0100`, `-0330`, with seconds only when there are any. */
function formatOffset(ms: number): string {
	const sign = ms < 0 ? '-' : '+';
	const total = Math.round(Math.abs(ms) / 1000);
	const seconds = total % 60;
	const text = `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}`;
	return seconds ? text + pad(seconds) : text;
}

function paramValue(value: string): string {
	return /[:;,"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

// ---------------------------------------------------------------------------
// VTIMEZONE from Intl

interface Transition {
	/** The instant the offset changes. */
	at: number;
	from: number;
	to: number;
}

const WEEK_MS = 7 * 86_400_000;

/** Offset changes of a zone between two instants (sampled weekly, then pinned to the second). */
function transitions(timeZone: string, startMs: number, endMs: number): Transition[] {
	const found: Transition[] = [];
	let previous = timeZoneOffset(startMs, timeZone);
	for (let t = startMs + WEEK_MS; t <= endMs + WEEK_MS; t += WEEK_MS) {
		const offset = timeZoneOffset(t, timeZone);
		if (offset === previous) continue;
		let low = t - WEEK_MS;
		let high = t;
		while (high - low > 1000) {
			const middle = low + Math.floor((high - low) / 2000) * 1000;
			if (timeZoneOffset(middle, timeZone) === previous) low = middle;
			else high = middle;
		}
		found.push({ at: high, from: previous, to: timeZoneOffset(high, timeZone) });
		previous = timeZoneOffset(high, timeZone);
	}
	return found;
}

/** Short zone name for an instant (CET, EST), or null where Intl only knows GMT+1. */
function zoneAbbreviation(timeZone: string, at: number): string | null {
	for (const locale of ['en-US', 'en-GB']) {
		const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
			.formatToParts(at)
			.find((p) => p.type === 'timeZoneName')?.value;
		if (name && !/^(GMT|UTC)([+\-\u2212]|$)/.test(name)) return name;
	}
	return null;
}

/** When and how a transition happens on the wall clock it leaves. */
interface Onset {
	transition: Transition;
	local: LocalDateTime;
	weekday: number;
	/** 1 to 5: which such weekday of the month. */
	nth: number;
	/** Whether it is the last such weekday of the month. */
	last: boolean;
}

function onsetOf(transition: Transition): Onset {
	// the wall clock it leaves: 02:00 in spring, 03:00 in autumn in Central Europe
	const wall = transition.at + transition.from;
	const day = Math.floor(wall / 86_400_000);
	const seconds = Math.floor((wall - day * 86_400_000) / 1000);
	const local = {
		...civilDate(day),
		hour: Math.floor(seconds / 3600),
		minute: Math.floor(seconds / 60) % 60,
		second: seconds % 60
	};
	return {
		transition,
		local,
		weekday: weekdayIndex(day),
		nth: Math.ceil(local.day / 7),
		last: local.day + 7 > daysInMonth(local.year, local.month)
	};
}

/** Onsets of one kind that follow one yearly rule; `byDay` is null for a single onset. */
interface Run {
	onsets: Onset[];
	byDay: string | null;
}

function sameRule(a: Onset, b: Onset): boolean {
	return (
		a.transition.from === b.transition.from &&
		a.transition.to === b.transition.to &&
		a.local.month === b.local.month &&
		a.weekday === b.weekday &&
		a.local.hour === b.local.hour &&
		a.local.minute === b.local.minute &&
		a.local.second === b.local.second &&
		b.local.year === a.local.year + 1
	);
}

/** Splits onsets into runs that one RRULE (nth or last weekday of a month) describes. */
function runsOf(onsets: Onset[]): Run[] {
	const runs: Run[] = [];
	let current: Onset[] = [];
	const close = () => {
		if (!current.length) return;
		const first = current[0]!;
		let byDay: string | null = null;
		if (current.length > 1) {
			const code = WEEKDAYS[first.weekday];
			byDay = current.every((o) => o.last) ? `-1${code}` : `${first.nth}${code}`;
		}
		runs.push({ onsets: current, byDay });
		current = [];
	};
	for (const onset of onsets) {
		const previous = current.at(-1);
		const fits =
			previous !== undefined &&
			sameRule(previous, onset) &&
			(current.every((o) => o.last) && onset.last
				? true
				: current.every((o) => o.nth === onset.nth));
		if (!fits) close();
		current.push(onset);
	}
	close();
	return runs;
}

/**
 * A VTIMEZONE covering `fromYear` to `toYear`: STANDARD and DAYLIGHT observances with yearly
 * RRULEs where the zone follows one (Europe/Berlin: last Sunday of March and of October),
 * single onsets where it does not, one fixed observance for zones without changes.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
	assertTimeZone(timeZone);
	const startMs = Date.UTC(fromYear, 0, 1);
	const endMs = Date.UTC(toYear + 1, 0, 1);
	const found = transitions(timeZone, startMs, endMs);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];

	if (!found.length || found[0]!.at - startMs > 366 * 86_400_000) {
		// the offset in force from the start of the range
		const offset = timeZoneOffset(startMs, timeZone);
		const name = zoneAbbreviation(timeZone, startMs);
		lines.push(
			'BEGIN:STANDARD',
			`DTSTART:${formatLocal(toWallClock(startMs, timeZone))}`,
			`TZOFFSETFROM:${formatOffset(offset)}`,
			`TZOFFSETTO:${formatOffset(offset)}`,
			...(name ? [`TZNAME:${name}`] : []),
			'END:STANDARD'
		);
	}

	const onsets = found.map(onsetOf);
	for (const daylight of [false, true]) {
		const component = daylight ? 'DAYLIGHT' : 'STANDARD';
		const observance = (first: Onset, rest: string[]) => {
			const name = zoneAbbreviation(timeZone, first.transition.at);
			lines.push(
				`BEGIN:${component}`,
				`DTSTART:${formatLocal(first.local)}`,
				`TZOFFSETFROM:${formatOffset(first.transition.from)}`,
				`TZOFFSETTO:${formatOffset(first.transition.to)}`,
				...(name ? [`TZNAME:${name}`] : []),
				...rest,
				`END:${component}`
			);
		};
		const runs = runsOf(onsets.filter((o) => o.transition.to > o.transition.from === daylight));
		// onsets no yearly rule describes (fixed dates): one observance per offset pair, with RDATEs
		const singles = new Map<string, Onset[]>();
		runs.forEach((run, index) => {
			const first = run.onsets[0]!;
			if (!run.byDay) {
				const key = `${first.transition.from}/${first.transition.to}`;
				singles.set(key, [...(singles.get(key) ?? []), first]);
				return;
			}
			const last = run.onsets.at(-1)!;
			// the final rule stays open unless the zone stopped following it within the range
			const open = index === runs.length - 1 && last.local.year >= toYear;
			observance(first, [
				`RRULE:FREQ=YEARLY;BYMONTH=${first.local.month};BYDAY=${run.byDay}` +
					(open ? '' : `;UNTIL=${formatUtc(new Date(last.transition.at))}`)
			]);
		});
		for (const [first, ...rest] of singles.values()) {
			observance(
				first!,
				rest.length ? [`RDATE:${rest.map((o) => formatLocal(o.local)).join(',')}`] : []
			);
		}
	}
	lines.push('END:VTIMEZONE');
	return lines;
}

// ---------------------------------------------------------------------------
// The calendar

function property(name: string, value: string, params: Record<string, string> = {}): string {
	const head = Object.entries(params)
		.map(([key, v]) => `;${key}=${paramValue(v)}`)
		.join('');
	return `${name}${head}:${value}`;
}

function eventLines(event: CalendarEvent, stamp: Date): string[] {
	const timeZone = event.timezone || DEFAULT_TIME_ZONE;
	const start = toInstant(event.start);
	const end = new Date(start.getTime() + event.durationMinutes * 60_000);
	const tz = { TZID: timeZone };
	const local = (instant: Date) => formatLocal(toWallClock(instant, timeZone));
	const lastModified = event.lastModified === undefined ? null : toInstant(event.lastModified);
	const exceptions = event.rrule ? (event.exceptions ?? []) : [];
	const overridden = new Set(exceptions.map((e) => toInstant(e.occurs_at).getTime()));

	/** The properties every VEVENT of this UID shares, after its own start and end. */
	const body = (title: string, description: string | undefined): string[] => {
		const lines = [property('SUMMARY', escapeText(title))];
		if (description) lines.push(property('DESCRIPTION', escapeText(description)));
		if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
		if (event.url) lines.push(property('URL', event.url.replace(/[\s"]/g, encodeURIComponent)));
		if (event.categories?.length) {
			lines.push(property('CATEGORIES', event.categories.map(escapeText).join(',')));
		}
		if (lastModified) lines.push(property('LAST-MODIFIED', formatUtc(lastModified)));
		return lines;
	};
	const head = (from: Date, until: Date): string[] => [
		'BEGIN:VEVENT',
		property('UID', escapeText(event.uid)),
		property('DTSTAMP', formatUtc(lastModified ?? stamp)),
		property('DTSTART', local(from), tz),
		property('DTEND', local(until), tz)
	];

	const lines = head(start, end);
	if (event.rrule) {
		lines.push(property('RRULE', formatRRule(parseRRule(event.rrule), timeZone)));
		// an occurrence with an override is not excluded too: an override of an excluded
		// occurrence is undefined in RFC 5545, and Google drops it
		const exdates = (event.exdates ?? [])
			.map(toInstant)
			.filter((d) => !overridden.has(d.getTime()))
			.map(local);
		if (exdates.length) lines.push(property('EXDATE', [...new Set(exdates)].join(','), tz));
	}
	lines.push(...body(event.title, event.description), 'END:VEVENT');

	// Exceptions as overrides (RFC 5545 §3.8.4.4: same UID, RECURRENCE-ID = the start the rule
	// gives). A moved date gets its new start and end. A cancelled date gets STATUS:CANCELLED
	// rather than only an EXDATE, so the note can travel with it: Apple Calendar, Thunderbird
	// and Nextcloud show such an occurrence struck through, Google hides it as it does its own
	// cancellations. Outlook ignores STATUS outside invitations, so the title says it as well
	// ("Fällt aus: …", as Outlook itself writes "Canceled: …"), the note is the DESCRIPTION and
	// TRANSP:TRANSPARENT keeps the time free; no client shows it as taking place unmarked.
	for (const exception of [...exceptions].sort((a, b) => a.occurs_at.localeCompare(b.occurs_at))) {
		const original = toInstant(exception.occurs_at);
		const cancelled = exception.moved_to === null;
		const from = cancelled ? original : toInstant(exception.moved_to!);
		const until = new Date(from.getTime() + event.durationMinutes * 60_000);
		const note = exception.note?.trim() || undefined;
		const description = [note, event.description].filter(Boolean).join('\n\n') || undefined;
		lines.push(...head(from, until), property('RECURRENCE-ID', local(original), tz));
		if (cancelled) lines.push('STATUS:CANCELLED', 'TRANSP:TRANSPARENT');
		const title = cancelled
			? `${event.cancelledLabel ?? 'Cancelled'}: ${event.title}`
			: event.title;
		lines.push(...body(title, description), 'END:VEVENT');
	}
	return lines;
}

/**
 * An iCalendar document: VCALENDAR with a VTIMEZONE per zone used and a VEVENT per event,
 * folded at 75 octets, with CRLF line endings.
 * @throws RRuleError for an unreadable rule, date or time zone
 */
export function toICS(options: CalendarOptions): string {
	const now = options.now ?? new Date();
	const years = new Map<string, { from: number; to: number }>();
	for (const event of options.events) {
		const timeZone = event.timezone || DEFAULT_TIME_ZONE;
		const year = civilDate(Math.floor(toInstant(event.start).getTime() / 86_400_000)).year;
		const range = years.get(timeZone);
		years.set(timeZone, {
			from: Math.min(range?.from ?? year, year),
			to: Math.max(range?.to ?? year, year)
		});
	}
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		property('PRODID', escapeText(options.prodId)),
		'CALSCALE:GREGORIAN'
	];
	if (options.name) lines.push(property('X-WR-CALNAME', escapeText(options.name)));
	for (const [timeZone, range] of [...years].sort(([a], [b]) => a.localeCompare(b))) {
		// a year before the first event, so every event falls after an onset, and ten years on
		const lastYear = Math.max(range.to, now.getUTCFullYear()) + 10;
		lines.push(...vtimezone(timeZone, range.from - 1, lastYear));
	}
	for (const event of options.events) lines.push(...eventLines(event, now));
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}
