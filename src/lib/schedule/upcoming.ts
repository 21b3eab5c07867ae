/**
 * What takes place next across several schedules, and the same grouped by day for
 * "this week" views.
 */
import {
	civilDate,
	dayNumber,
	fromWallClock,
	occurrences,
	toWallClock,
	type Occurrence,
	type Schedule
} from './rrule';

/** One occurrence together with the schedule (and so the offer) it belongs to. */
export interface UpcomingItem<S extends Schedule = Schedule> extends Occurrence {
	schedule: S;
}

export interface UpcomingOptions<S extends Schedule> {
	/** Occurrences still running at `from` or starting later… */
	from: Date;
	/** …and starting within this many days (of 24 hours) after it. */
	days: number;
	/** At most this many items in all. */
	limit?: number;
	/**
	 * Called with a schedule that cannot be expanded (unknown time zone, unreadable rule), which
	 * is then left out. Without it, the error is thrown.
	 */
	onError?: (error: unknown, schedule: S) => void;
}

/**
 * The occurrences of several schedules (of one or many offers) in [from, from + days), merged
 * and sorted by start, then end; equal times keep the order of `schedules`.
 */
export function upcoming<S extends Schedule>(
	schedules: readonly S[],
	options: UpcomingOptions<S>
): UpcomingItem<S>[] {
	const { from, days, limit, onError } = options;
	const to = new Date(from.getTime() + days * 86_400_000);
	const items: UpcomingItem<S>[] = [];
	for (const schedule of schedules) {
		let found: Occurrence[];
		try {
			found = occurrences(schedule, { from, to, limit });
		} catch (error) {
			if (!onError) throw error;
			onError(error, schedule);
			continue;
		}
		for (const occurrence of found) items.push({ ...occurrence, schedule });
	}
	// Array.prototype.sort is stable, so ties stay in the order of `schedules`
	items.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
	return limit === undefined ? items : items.slice(0, Math.max(0, limit));
}

/** The items that start on one local day. */
export interface DayGroup<T> {
	/** The local date, `2026-11-24`. */
	day: string;
	/** Noon of that day in the zone, for formatting the date with Intl and the same `timeZone`. */
	date: Date;
	items: T[];
}

function isoDay(day: number): string {
	const { year, month, day: dom } = civilDate(day);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
}

function localDay(instant: Date, timeZone: string): number {
	const wall = toWallClock(instant, timeZone);
	return dayNumber(wall.year, wall.month, wall.day);
}

/**
 * Groups items by the local day (in `timeZone`) they start on, in order of days; items keep
 * their order within a day. With `range`, every day of it appears, empty ones included, and
 * items outside it are left out.
 */
export function groupByDay<T extends { start: Date }>(
	items: readonly T[],
	timeZone: string,
	range?: { from: Date; days: number }
): DayGroup<T>[] {
	const groups = new Map<number, T[]>();
	let first: number | undefined;
	let last: number | undefined;
	if (range) {
		first = localDay(range.from, timeZone);
		last = first + Math.max(0, Math.ceil(range.days)) - 1;
		for (let day = first; day <= last; day++) groups.set(day, []);
	}
	for (const item of items) {
		const day = localDay(item.start, timeZone);
		if (range && (day < first! || day > last!)) continue;
		const group = groups.get(day);
		if (group) group.push(item);
		else groups.set(day, [item]);
	}
	return [...groups]
		.sort(([a], [b]) => a - b)
		.map(([day, dayItems]) => ({
			day: isoDay(day),
			date: fromWallClock({ ...civilDate(day), hour: 12, minute: 0, second: 0 }, timeZone),
			items: dayItems
		}));
}
