/**
 * Reading an organisation's iCalendar feed into the portal's schedule model. ical.js (the
 * field's parser) reads the file; this module maps each VEVENT, by UID, into what the offer
 * editor saves: a title, texts and schedules (`starts_at` + `duration_minutes` + RRULE in an
 * IANA zone, with cancelled or moved dates as exceptions).
 *
 *   const feed = parseFeed(text, { timeZone: 'Europe/Berlin' });
 *   feed.events    // what can be taken, one per UID
 *   feed.problems  // what cannot, each with a reason code (staff message calendar.reason.<code>)
 *
 * Mapping:
 * - DTSTART with TZID: an IANA name (also inside Mozilla-style paths), a Windows name from a
 *   short table, or any other name whose VTIMEZONE has the same offsets as the city's zone
 *   for the years around the event; UTC times stay UTC; floating times (and Google's
 *   X-WR-TIMEZONE) take the calendar's or the city's zone.
 * - All-day events start at 00:00 local and last the whole day (1440 minutes); longer ones
 *   cannot be shown and become a problem.
 * - RRULE as the portal's parser accepts it (otherwise a problem naming the part); EXDATE and
 *   RECURRENCE-ID overrides become exceptions: cancelled (EXDATE, STATUS:CANCELLED) or moved
 *   (another DTSTART). RDATE dates become further one-off schedules.
 * - STATUS:CANCELLED on the event itself: `cancelled` (an offer made from it is archived).
 * - Texts are unfolded and unescaped by ical.js; HTML descriptions (Google) become plain text.
 * A file ical.js cannot read at all throws `FeedError`; one unreadable event never stops the rest.
 */
import ICAL from 'ical.js';
import {
	assertTimeZone,
	formatRRule,
	fromWallClock,
	parseRRule,
	RRuleError,
	timeZoneOffset,
	type ScheduleException
} from '$lib/schedule/rrule';

/** One schedule as save_offer takes it. */
export interface FeedSchedule {
	starts_at: string;
	duration_minutes: number;
	rrule: string | null;
	timezone: string;
	exceptions: ScheduleException[];
}

/** One VEVENT (with its overrides) as an offer. */
export interface FeedEvent {
	uid: string;
	title: string;
	description: string | null;
	/** LOCATION as written; the offer's street line. */
	location: string | null;
	url: string | null;
	/** GEO, when given and on the globe. */
	geo: { lat: number; lng: number } | null;
	/** STATUS:CANCELLED on the whole event. */
	cancelled: boolean;
	schedules: FeedSchedule[];
}

/** Why an event, or a part of it, was not taken. Staff messages `staff.calendar.reason.<code>`. */
export type ProblemReason =
	| 'unreadable_event'
	| 'no_uid'
	| 'duplicate_uid'
	| 'no_title'
	| 'no_start'
	| 'unknown_time_zone'
	| 'unsupported_rule'
	| 'several_rules'
	| 'bad_end'
	| 'too_long'
	| 'override_without_series'
	| 'override_range'
	| 'override_length';

export interface FeedProblem {
	uid: string | null;
	summary: string | null;
	reason: ProblemReason;
	/** Technical detail in English (the rule part, the zone name), shown after the reason. */
	detail?: string;
}

export interface ParsedFeed {
	/** X-WR-CALNAME, if any. */
	name: string | null;
	events: FeedEvent[];
	problems: FeedProblem[];
}

/** The whole file cannot be read. */
export class FeedError extends Error {
	constructor(
		readonly code: 'not_calendar' | 'unreadable',
		message: string
	) {
		super(message);
		this.name = 'FeedError';
	}
}

export interface ParseOptions {
	/** The city's IANA zone: floating times and look-alike VTIMEZONEs. */
	timeZone: string;
}

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const LOCATION_MAX = 200;
/** Duration of a timed event without DTEND or DURATION (the schedules' default). */
export const DEFAULT_DURATION_MINUTES = 60;
const DAY_MINUTES = 1440;

/** Windows zone names (Outlook, Exchange) of the zones the portal's cities and readers use. */
const WINDOWS_ZONES: Record<string, string> = {
	'W. Europe Standard Time': 'Europe/Berlin',
	'Central Europe Standard Time': 'Europe/Budapest',
	'Central European Standard Time': 'Europe/Warsaw',
	'Romance Standard Time': 'Europe/Paris',
	'GMT Standard Time': 'Europe/London',
	'GTB Standard Time': 'Europe/Bucharest',
	'FLE Standard Time': 'Europe/Kiev',
	'E. Europe Standard Time': 'Europe/Chisinau',
	'Turkey Standard Time': 'Europe/Istanbul',
	'Russian Standard Time': 'Europe/Moscow',
	'Arabic Standard Time': 'Asia/Baghdad',
	'Arab Standard Time': 'Asia/Riyadh',
	'Syria Standard Time': 'Asia/Damascus',
	'Iran Standard Time': 'Asia/Tehran',
	'Afghanistan Standard Time': 'Asia/Kabul',
	UTC: 'UTC',
	'Coordinated Universal Time': 'UTC'
};

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

class EventProblem extends Error {
	constructor(
		readonly reason: ProblemReason,
		readonly detail?: string
	) {
		super(reason);
	}
}

function isValidZone(name: string): boolean {
	try {
		assertTimeZone(name);
		return true;
	} catch {
		return false;
	}
}

/** Resolves the zones of one file: TZID → IANA name, or null when it cannot be represented. */
class Zones {
	private readonly resolved = new Map<string, string | null>();
	private readonly vtimezones = new Map<string, Component>();

	constructor(
		calendar: Component,
		readonly cityZone: string
	) {
		for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
			const id = vtz.getFirstPropertyValue('tzid');
			if (typeof id === 'string') this.vtimezones.set(id, vtz);
		}
	}

	resolve(tzid: string, year: number): string | null {
		const key = `${tzid}\u0000${year}`;
		if (!this.resolved.has(key)) this.resolved.set(key, this.lookUp(tzid, year));
		return this.resolved.get(key) ?? null;
	}

	private lookUp(tzid: string, year: number): string | null {
		if (isValidZone(tzid) && tzid.includes('/')) return tzid;
		if (tzid === 'UTC' || tzid === 'Etc/UTC' || tzid === 'GMT') return 'UTC';
		// Mozilla-style paths (/mozilla.org/20050126_1/Europe/Berlin) and "(UTC+01:00) Europe/Berlin"
		const tail = /([A-Z][A-Za-z_]+\/[A-Z][A-Za-z_+-]+(?:\/[A-Z][A-Za-z_+-]+)?)\s*"?$/.exec(tzid);
		if (tail && isValidZone(tail[1])) return tail[1];
		const windows = WINDOWS_ZONES[tzid.trim()];
		if (windows) return windows;
		const vtz = this.vtimezones.get(tzid);
		if (vtz && this.sameOffsets(vtz, this.cityZone, year)) return this.cityZone;
		return null;
	}

	/** Whether the VTIMEZONE keeps the zone's offsets, checked twice a month for three years. */
	private sameOffsets(vtz: Component, zone: string, year: number): boolean {
		try {
			const timezone = new ICAL.Timezone(vtz);
			for (let y = year; y <= year + 2; y++) {
				for (let month = 1; month <= 12; month++) {
					for (const day of [1, 15]) {
						const local = ICAL.Time.fromData({ year: y, month, day, hour: 12 });
						const utc = Date.UTC(y, month - 1, day, 12) - timezone.utcOffset(local) * 1000;
						if (timeZoneOffset(utc, zone) !== timezone.utcOffset(local) * 1000) return false;
					}
				}
			}
			return true;
		} catch {
			return false;
		}
	}
}

/** A DATE or DATE-TIME property value and the zone its wall clock is read in. */
interface Moment {
	instant: Date;
	isDate: boolean;
	zone: string;
}

function isUtc(time: Time): boolean {
	return time.zone?.tzid === 'UTC' || time.toString().endsWith('Z');
}

function momentOf(time: Time, tzid: string | null, zones: Zones, floatingZone: string): Moment {
	const local = {
		year: time.year,
		month: time.month,
		day: time.day,
		hour: time.isDate ? 0 : time.hour,
		minute: time.isDate ? 0 : time.minute,
		second: time.isDate ? 0 : time.second
	};
	if (!time.isDate && isUtc(time)) {
		const instant = new Date(
			Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
		);
		return { instant, isDate: false, zone: 'UTC' };
	}
	let zone = floatingZone;
	if (tzid && !time.isDate) {
		const resolved = zones.resolve(tzid, time.year);
		if (!resolved) throw new EventProblem('unknown_time_zone', tzid);
		zone = resolved;
	}
	return { instant: fromWallClock(local, zone), isDate: time.isDate, zone };
}

function propertyMoments(
	property: Property,
	zones: Zones,
	floatingZone: string
): { moments: Moment[]; periods: boolean } {
	const tzid = property.getParameter('tzid');
	const moments: Moment[] = [];
	let periods = false;
	for (const value of property.getValues() as unknown[]) {
		if (value instanceof ICAL.Time) {
			moments.push(momentOf(value, typeof tzid === 'string' ? tzid : null, zones, floatingZone));
		} else {
			periods = true;
		}
	}
	return { moments, periods };
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0'
};

/**
 * Google Calendar writes DESCRIPTION as HTML (`<br>`, `<b>`, `<a href>`); the portal keeps
 * plain text: line breaks stay, tags go, entities are decoded.
 */
export function htmlToText(value: string): string {
	if (!/<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+);/i.test(value)) return value;
	return value
		.replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6])>/gi, '\n')
		.replace(/<li[^>]*>/gi, '• ')
		.replace(/<[^>]*>/g, '')
		.replace(
			/&(?:([a-z]+)|#(\d+));/gi,
			(entity, name: string | undefined, code: string | undefined) =>
				name
					? (ENTITIES[name.toLowerCase()] ?? entity)
					: String.fromCodePoint(Math.min(Number(code), 0x10ffff))
		);
}

function text(component: Component, name: string, max: number): string | null {
	const value = component.getFirstPropertyValue(name);
	if (typeof value !== 'string') return null;
	const cleaned = htmlToText(value.replace(/\r\n?/g, '\n'))
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	if (cleaned === '') return null;
	return cleaned.length > max ? `${cleaned.slice(0, max - 1).trimEnd()}…` : cleaned;
}

function geoOf(component: Component): { lat: number; lng: number } | null {
	const value = component.getFirstPropertyValue('geo');
	if (!Array.isArray(value) || value.length !== 2) return null;
	const [lat, lng] = value.map(Number);
	if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) return null;
	return { lat, lng };
}

function isCancelled(component: Component): boolean {
	const status = component.getFirstPropertyValue('status');
	return typeof status === 'string' && status.toUpperCase() === 'CANCELLED';
}

/** Start and length of an event (a series' first date, or an override's new one). */
function timing(
	event: Component,
	zones: Zones,
	floatingZone: string
): { start: Moment; minutes: number } {
	const dtstart = event.getFirstProperty('dtstart');
	const startTime = dtstart?.getFirstValue();
	if (!dtstart || !(startTime instanceof ICAL.Time)) throw new EventProblem('no_start');
	const tzid = dtstart.getParameter('tzid');
	const start = momentOf(startTime, typeof tzid === 'string' ? tzid : null, zones, floatingZone);
	let minutes: number;
	const dtend = event.getFirstProperty('dtend');
	const duration = event.getFirstPropertyValue('duration');
	if (dtend) {
		const endTime = dtend.getFirstValue();
		if (!(endTime instanceof ICAL.Time)) throw new EventProblem('bad_end');
		const endTzid = dtend.getParameter('tzid');
		const end = momentOf(endTime, typeof endTzid === 'string' ? endTzid : null, zones, start.zone);
		if (start.isDate) {
			// whole days: count calendar days, not hours (a day of 23 hours is still one day)
			const days = Math.round(
				(Date.UTC(endTime.year, endTime.month - 1, endTime.day) -
					Date.UTC(startTime.year, startTime.month - 1, startTime.day)) /
					86_400_000
			);
			minutes = days * DAY_MINUTES;
		} else {
			minutes = Math.round((end.instant.getTime() - start.instant.getTime()) / 60_000);
		}
	} else if (duration instanceof ICAL.Duration) {
		minutes = Math.round(duration.toSeconds() / 60);
	} else {
		minutes = start.isDate ? DAY_MINUTES : DEFAULT_DURATION_MINUTES;
	}
	if (minutes <= 0) throw new EventProblem('bad_end');
	if (minutes > DAY_MINUTES) throw new EventProblem('too_long', `${minutes} minutes`);
	return { start, minutes };
}

/** Maps one series (master VEVENT) and its overrides; problems of overrides go to `problems`. */
function mapEvent(
	master: Component,
	overrides: Component[],
	zones: Zones,
	floatingZone: string,
	problems: FeedProblem[]
): FeedEvent {
	const uid = String(master.getFirstPropertyValue('uid'));
	const title = text(master, 'summary', TITLE_MAX);
	if (!title) throw new EventProblem('no_title');
	const cancelled = isCancelled(master);
	const base = {
		uid,
		title,
		description: text(master, 'description', DESCRIPTION_MAX),
		location: text(master, 'location', LOCATION_MAX),
		url: text(master, 'url', 2000),
		geo: geoOf(master),
		cancelled
	};
	if (cancelled) return { ...base, schedules: [] };

	const { start, minutes } = timing(master, zones, floatingZone);
	const rules = master.getAllProperties('rrule');
	if (rules.length > 1) throw new EventProblem('several_rules');
	let rrule: string | null = null;
	if (rules.length === 1) {
		try {
			// in the portal's own canonical form, so an unchanged rule compares equal
			rrule = formatRRule(parseRRule(String(rules[0].getFirstValue())));
		} catch (error) {
			if (error instanceof RRuleError) throw new EventProblem('unsupported_rule', error.message);
			throw error;
		}
	}
	const schedules: FeedSchedule[] = [];
	const main: FeedSchedule = {
		starts_at: start.instant.toISOString(),
		duration_minutes: minutes,
		rrule,
		timezone: start.zone,
		exceptions: []
	};
	schedules.push(main);
	if (!rrule) {
		// a one-off event: its RDATEs are further dates, EXDATE and overrides have nothing to act on
		for (const rdate of master.getAllProperties('rdate')) {
			for (const moment of propertyMoments(rdate, zones, start.zone).moments) {
				schedules.push({ ...main, starts_at: moment.instant.toISOString() });
			}
		}
		return { ...base, schedules };
	}

	const exceptions = new Map<string, ScheduleException>();
	for (const exdate of master.getAllProperties('exdate')) {
		for (const moment of propertyMoments(exdate, zones, start.zone).moments) {
			const at = moment.instant.toISOString();
			exceptions.set(at, { occurs_at: at, moved_to: null, note: null });
		}
	}
	for (const override of overrides) {
		try {
			const recurrenceId = override.getFirstProperty('recurrence-id');
			const idTime = recurrenceId?.getFirstValue();
			if (!recurrenceId || !(idTime instanceof ICAL.Time)) throw new EventProblem('no_start');
			if (String(recurrenceId.getParameter('range') ?? '').toUpperCase() === 'THISANDFUTURE') {
				throw new EventProblem('override_range');
			}
			const tzid = recurrenceId.getParameter('tzid');
			const occurs = momentOf(idTime, typeof tzid === 'string' ? tzid : null, zones, start.zone);
			const at = occurs.instant.toISOString();
			if (isCancelled(override)) {
				exceptions.set(at, { occurs_at: at, moved_to: null, note: null });
				continue;
			}
			const moved = timing(override, zones, start.zone);
			const to = moved.start.instant.toISOString();
			if (moved.minutes !== minutes) {
				problems.push({
					uid,
					summary: text(override, 'summary', TITLE_MAX) ?? title,
					reason: 'override_length',
					detail: `${at}: ${moved.minutes} instead of ${minutes} minutes`
				});
			}
			if (to !== at) exceptions.set(at, { occurs_at: at, moved_to: to, note: null });
		} catch (error) {
			if (!(error instanceof EventProblem)) throw error;
			problems.push({
				uid,
				summary: text(override, 'summary', TITLE_MAX) ?? title,
				reason: error.reason,
				detail: error.detail
			});
		}
	}
	main.exceptions = [...exceptions.values()].sort((a, b) => a.occurs_at.localeCompare(b.occurs_at));
	for (const rdate of master.getAllProperties('rdate')) {
		for (const moment of propertyMoments(rdate, zones, start.zone).moments) {
			schedules.push({
				starts_at: moment.instant.toISOString(),
				duration_minutes: minutes,
				rrule: null,
				timezone: start.zone,
				exceptions: []
			});
		}
	}
	return { ...base, schedules };
}

/**
 * Reads an iCalendar file. Never throws for one event it cannot take (that is a problem);
 * throws `FeedError` when the file as a whole is not a readable calendar.
 */
export function parseFeed(source: string, options: ParseOptions): ParsedFeed {
	const trimmed = source.replace(/^\uFEFF/, '').trimStart();
	if (!/^BEGIN:VCALENDAR/i.test(trimmed)) {
		throw new FeedError('not_calendar', 'The file does not start with BEGIN:VCALENDAR.');
	}
	let calendar: Component;
	try {
		const jcal = ICAL.parse(trimmed);
		calendar = new ICAL.Component(Array.isArray(jcal[0]) ? jcal[0] : jcal);
	} catch (error) {
		throw new FeedError('unreadable', error instanceof Error ? error.message : String(error));
	}
	if (calendar.name !== 'vcalendar') {
		throw new FeedError('not_calendar', 'The file is not an iCalendar VCALENDAR.');
	}
	const calendarZone = calendar.getFirstPropertyValue('x-wr-timezone');
	const floatingZone =
		typeof calendarZone === 'string' && isValidZone(calendarZone.trim())
			? calendarZone.trim()
			: options.timeZone;
	const zones = new Zones(calendar, options.timeZone);
	const calendarName = calendar.getFirstPropertyValue('x-wr-calname');

	const problems: FeedProblem[] = [];
	const masters = new Map<string, Component>();
	const overrides = new Map<string, Component[]>();
	const order: string[] = [];
	for (const vevent of calendar.getAllSubcomponents('vevent')) {
		let uid: string | null = null;
		let summary: string | null = null;
		try {
			const uidValue = vevent.getFirstPropertyValue('uid');
			summary = text(vevent, 'summary', TITLE_MAX);
			uid = typeof uidValue === 'string' && uidValue.trim() !== '' ? uidValue.trim() : null;
			if (!uid) throw new EventProblem('no_uid');
			if (vevent.hasProperty('recurrence-id')) {
				overrides.set(uid, [...(overrides.get(uid) ?? []), vevent]);
			} else if (masters.has(uid)) {
				throw new EventProblem('duplicate_uid');
			} else {
				masters.set(uid, vevent);
				order.push(uid);
			}
		} catch (error) {
			problems.push(problemOf(error, uid, summary));
		}
	}
	const events: FeedEvent[] = [];
	for (const uid of order) {
		const master = masters.get(uid)!;
		try {
			events.push(mapEvent(master, overrides.get(uid) ?? [], zones, floatingZone, problems));
		} catch (error) {
			problems.push(problemOf(error, uid, safeSummary(master)));
		}
	}
	for (const [uid, list] of overrides) {
		if (masters.has(uid)) continue;
		for (const override of list) {
			problems.push({ uid, summary: safeSummary(override), reason: 'override_without_series' });
		}
	}
	return {
		name: typeof calendarName === 'string' && calendarName.trim() ? calendarName.trim() : null,
		events,
		problems
	};
}

function safeSummary(component: Component): string | null {
	try {
		return text(component, 'summary', TITLE_MAX);
	} catch {
		return null;
	}
}

function problemOf(error: unknown, uid: string | null, summary: string | null): FeedProblem {
	if (error instanceof EventProblem) {
		return {
			uid,
			summary,
			reason: error.reason,
			...(error.detail ? { detail: error.detail } : {})
		};
	}
	return {
		uid,
		summary,
		reason: 'unreadable_event',
		detail: error instanceof Error ? error.message : String(error)
	};
}
