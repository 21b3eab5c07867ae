/**
 * The dates of schedules as people are shown them: the regular occurrences, plus each
 * exception where people look for it — a cancelled date stays in the list, marked, with its
 * note; a moved one appears at its new time, marked "moved from …". The public offer page,
 * the week and the editor's preview all use this, so staff see what visitors will see.
 *
 *   const dates = shownDates(offer.schedules, { from: new Date(), days: 180, limit: 6 });
 *
 * The database keeps every exception's `occurs_at` in `exdates` too, so plain expansion
 * (next date, search, archive) already leaves the original out; this also leaves it out when
 * a caller passes exceptions without the matching exdates.
 */
import { occurrences, toInstant, type Occurrence, type Schedule } from './rrule';
import type { ScheduleException } from './rrule';

export type { ScheduleException };

/** How a date takes place: as the rule says, cancelled, or moved to this time. */
export type DateStatus = 'regular' | 'cancelled' | 'moved';

/** One date as shown, with the schedule it belongs to. */
export interface ShownDate<S extends Schedule = Schedule> extends Occurrence {
	schedule: S;
	status: DateStatus;
	/** The exception's note (cancelled or moved), else null. */
	note: string | null;
	/** For a moved date: the start the rule gave it. */
	movedFrom: Date | null;
}

export interface ShownDatesOptions<S extends Schedule> {
	/** Dates still running at `from` or starting later… */
	from: Date;
	/** …and starting within this many days (of 24 hours) after it. */
	days: number;
	/** At most this many dates in all, cancelled ones included. */
	limit?: number;
	/** Called with a schedule that cannot be expanded, which is then left out; else it throws. */
	onError?: (error: unknown, schedule: S) => void;
}

/** Whether [start, end) is in the window as `occurrences` counts it. */
function inWindow(start: number, end: number, from: number, to: number): boolean {
	return start < to && (end > from || start >= from);
}

/** The schedule with every exception's original start among its exdates. */
function withExceptionsExcluded<S extends Schedule>(schedule: S): S {
	const exceptions = schedule.exceptions ?? [];
	if (!exceptions.length) return schedule;
	return {
		...schedule,
		exdates: [...(schedule.exdates ?? []), ...exceptions.map((e) => e.occurs_at)]
	};
}

/**
 * The dates of one or many schedules in [from, from + days), regular, cancelled and moved,
 * sorted by start (then end; ties keep the order of `schedules`).
 */
export function shownDates<S extends Schedule>(
	schedules: readonly S[],
	options: ShownDatesOptions<S>
): ShownDate<S>[] {
	const { from, days, limit, onError } = options;
	const fromMs = from.getTime();
	const toMs = fromMs + days * 86_400_000;
	const to = new Date(toMs);
	const items: ShownDate<S>[] = [];
	for (const schedule of schedules) {
		let regular: Occurrence[];
		const extra: ShownDate<S>[] = [];
		try {
			regular = occurrences(withExceptionsExcluded(schedule), { from, to, limit });
			const duration = schedule.duration_minutes * 60_000;
			for (const exception of schedule.exceptions ?? []) {
				const original = toInstant(exception.occurs_at);
				const start = exception.moved_to === null ? original : toInstant(exception.moved_to);
				const end = start.getTime() + duration;
				if (!inWindow(start.getTime(), end, fromMs, toMs)) continue;
				extra.push({
					start,
					end: new Date(end),
					schedule,
					status: exception.moved_to === null ? 'cancelled' : 'moved',
					note: exception.note?.trim() || null,
					movedFrom: exception.moved_to === null ? null : original
				});
			}
		} catch (error) {
			if (!onError) throw error;
			onError(error, schedule);
			continue;
		}
		for (const occurrence of regular) {
			items.push({ ...occurrence, schedule, status: 'regular', note: null, movedFrom: null });
		}
		items.push(...extra);
	}
	// Array.prototype.sort is stable, so ties stay in the order of `schedules`
	items.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
	return limit === undefined ? items : items.slice(0, Math.max(0, limit));
}
