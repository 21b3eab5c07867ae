// Calendar arithmetic for the seed's schedules: the first occurrence of a rule, the dates a rule
// produces in a range (for holiday exdates and checks), and Europe/Berlin offsets. Dates are
// calendar dates ('2026-12-24'), computed with UTC Date objects so the host's zone never matters.
// Only the RRULE parts the seed writes are understood: FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY
// (with an ordinal for MONTHLY), UNTIL and COUNT.

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
type Weekday = (typeof WEEKDAYS)[number];

export interface Rule {
	freq: 'WEEKLY' | 'MONTHLY';
	interval: number;
	byDay: { ordinal: number | null; day: Weekday }[];
	/** Last local date that may occur (from UNTIL, which the seed writes at the end of a local day). */
	until: string | null;
	count: number | null;
}

export function parseRule(rrule: string): Rule {
	const parts = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
	const freq = parts.get('FREQ');
	if (freq !== 'WEEKLY' && freq !== 'MONTHLY') throw new Error(`unsupported FREQ in ${rrule}`);
	const byDay = (parts.get('BYDAY') ?? '').split(',').map((token) => {
		const match = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(token);
		if (!match) throw new Error(`unsupported BYDAY ${token} in ${rrule}`);
		return { ordinal: match[1] ? Number(match[1]) : null, day: match[2] as Weekday };
	});
	if (freq === 'WEEKLY' && byDay.some((d) => d.ordinal !== null))
		throw new Error(`ordinal in a weekly rule: ${rrule}`);
	if (freq === 'MONTHLY' && byDay.some((d) => d.ordinal === null))
		throw new Error(`monthly rule needs an ordinal: ${rrule}`);
	const until = parts.get('UNTIL');
	return {
		freq,
		interval: Number(parts.get('INTERVAL') ?? 1),
		byDay,
		// UNTIL=20270430T215959Z is 23:59:59 local (CEST) on 30 April
		until: until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : null,
		count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null
	};
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
	const d = toDate(iso);
	d.setUTCDate(d.getUTCDate() + days);
	return toIso(d);
}

export const weekdayOf = (iso: string): Weekday => WEEKDAYS[toDate(iso).getUTCDay()];

/** Monday of the ISO week (WKST=MO, the RFC 5545 default). */
function mondayOf(iso: string): string {
	const day = toDate(iso).getUTCDay();
	return addDays(iso, -((day + 6) % 7));
}

const daysBetween = (a: string, b: string) =>
	Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);

/** Does the date match a monthly BYDAY entry such as 1SA or -1TH? */
function matchesMonthly(iso: string, ordinal: number, day: Weekday): boolean {
	if (weekdayOf(iso) !== day) return false;
	const dayOfMonth = toDate(iso).getUTCDate();
	if (ordinal > 0) return Math.ceil(dayOfMonth / 7) === ordinal;
	const d = toDate(iso);
	const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	return Math.ceil((daysInMonth - dayOfMonth + 1) / 7) === -ordinal;
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** Whether the date is produced by the rule started on `start` (ignoring UNTIL and COUNT). */
function inPattern(rule: Rule, start: string, iso: string): boolean {
	if (iso < start) return false;
	if (rule.freq === 'WEEKLY') {
		const weeks = daysBetween(mondayOf(start), mondayOf(iso)) / 7;
		return weeks % rule.interval === 0 && rule.byDay.some((d) => d.day === weekdayOf(iso));
	}
	return (
		(monthIndex(iso) - monthIndex(start)) % rule.interval === 0 &&
		rule.byDay.some((d) => matchesMonthly(iso, d.ordinal!, d.day))
	);
}

/** The first date on or after `since` that the rule, started there, produces. */
export function firstOccurrence(rrule: string, since: string): string {
	const rule = parseRule(rrule);
	for (let i = 0; i < 400; i++) {
		const iso = addDays(since, i);
		const matches =
			rule.freq === 'WEEKLY'
				? rule.byDay.some((d) => d.day === weekdayOf(iso))
				: rule.byDay.some((d) => matchesMonthly(iso, d.ordinal!, d.day));
		if (matches) return iso;
	}
	throw new Error(`no occurrence of ${rrule} after ${since}`);
}

/** Dates the rule produces from `start` (its first occurrence) within [from, to]. */
export function occurrences(rrule: string, start: string, from: string, to: string): string[] {
	const rule = parseRule(rrule);
	const out: string[] = [];
	let n = 0;
	for (let iso = start; iso <= to; iso = addDays(iso, 1)) {
		if (rule.until && iso > rule.until) break;
		if (!inPattern(rule, start, iso)) continue;
		n++;
		if (rule.count && n > rule.count) break;
		if (iso >= from) out.push(iso);
	}
	return out;
}

/** Last Sunday of a month (1-based). */
function lastSunday(year: number, month: number): string {
	const last = new Date(Date.UTC(year, month, 0));
	last.setUTCDate(last.getUTCDate() - last.getUTCDay());
	return toIso(last);
}

/** UTC offset of Europe/Berlin at a local date and time ('+01' or '+02'). */
export function berlinOffset(iso: string, time: string): '+01' | '+02' {
	const year = Number(iso.slice(0, 4));
	const start = `${lastSunday(year, 3)} 02:00`;
	const end = `${lastSunday(year, 10)} 03:00`;
	const local = `${iso} ${time}`;
	return local >= start && local < end ? '+02' : '+01';
}

/** A local Europe/Berlin date and time as a timestamptz literal with its offset. */
export const berlinTimestamp = (iso: string, time: string) =>
	`${iso} ${time}:00${berlinOffset(iso, time)}`;

/** Christmas holidays of the demo: no recurring dates from 23 December to 6 January. */
export const HOLIDAYS = { from: '2026-12-23', to: '2027-01-06' };
