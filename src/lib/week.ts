/** A week of dates, as the server computes it (`$lib/server/week`) and pages show it. */

/** An offer as an entry of the week names it. */
export interface WeekOffer {
	id: string;
	title: string;
	text_locale: string;
	category: string;
	district_name: string | null;
	/** ISO 639 codes of the languages it is held in: the reader's language first (language-first.ts). */
	languages?: string[];
}

/** One date of an offer. */
export interface WeekEntry {
	/** The schedule's id and the start: unique within the week. */
	key: string;
	starts_at: string;
	ends_at: string;
	timezone: string;
	offer_id: string;
	/** Cancelled (shown as such, with the note) or moved here; regular when missing. */
	status?: 'regular' | 'cancelled' | 'moved';
	/** The exception's note. */
	note?: string | null;
	/** For a moved date: where the rule had it. */
	moved_from?: string | null;
}

export interface WeekDay {
	/** The local date, `2026-11-24`. */
	day: string;
	/** Noon of that day (ISO 8601), to format it in the city's zone. */
	date: string;
	entries: WeekEntry[];
}

export interface Week {
	days: WeekDay[];
	/** The offers of the week's dates, by id. */
	offers: Record<string, WeekOffer>;
	/** The city's zone, in which days and times are shown. */
	timeZone: string;
	/** Search was down and the database answered with plain filters. */
	degraded: boolean;
}

/**
 * The week's first `max` dates, with only the offers they name: a district page shows the
 * coming dates and links to the week for the rest (a busy district has hundreds).
 */
export function firstDates(week: Week, max: number): Week {
	let left = max;
	const days = week.days.map((day) => {
		const entries = day.entries.slice(0, Math.max(0, left));
		left -= entries.length;
		return { ...day, entries };
	});
	const offers: Record<string, WeekOffer> = {};
	for (const day of days) {
		for (const entry of day.entries) offers[entry.offer_id] = week.offers[entry.offer_id];
	}
	return { ...week, days, offers };
}
