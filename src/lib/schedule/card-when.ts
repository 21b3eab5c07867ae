/**
 * When an offer takes place, as a card of a list shows it: the next date that takes place
 * (cancelled ones skipped, moved ones at their new time) and, when it repeats, its rule in
 * words in the reader's language ("jeden Dienstag, 10:00–12:00 Uhr"). Pure: the server
 * computes it for the cards of a page from the schedules it already reads in one batch.
 *
 *   const when = cardWhen(offer.schedules, 'ar');
 */
import type { Schedule, UpcomingDate } from '$lib/types';
import { describeSchedule } from './describe';
import { shownDates } from './exceptions';

/** How far ahead a card looks for the next date. */
const CARD_DAYS = 180;
/** Enough dates to step over a few cancelled ones. */
const CARD_LOOKAHEAD = 8;

export interface CardWhen {
	/** The next date that takes place within half a year, or null. */
	next: UpcomingDate | null;
	/** The repeating rule of that date's schedule in words, without the time the date shows
	 * ("jeden Dienstag"), or null for a one-off date. */
	rule: string | null;
}

export function cardWhen(
	schedules: readonly Schedule[],
	locale: string,
	now: Date = new Date()
): CardWhen | null {
	if (schedules.length === 0) return null;
	const dates = shownDates(schedules, {
		from: now,
		days: CARD_DAYS,
		limit: CARD_LOOKAHEAD,
		onError: (cause, schedule) => console.error(`schedule ${schedule.id}: ${String(cause)}`)
	});
	const first = dates.find((date) => date.status !== 'cancelled');
	if (!first) return { next: null, rule: null };
	let rule: string | null = null;
	if (first.schedule.rrule) {
		try {
			rule = describeSchedule(first.schedule, locale, { times: false });
		} catch {
			// a rule this expansion read but the words cannot: the date alone will do
			rule = null;
		}
	}
	return {
		next: {
			starts_at: first.start.toISOString(),
			ends_at: first.end.toISOString(),
			timezone: first.schedule.timezone,
			status: first.status
		},
		rule
	};
}
