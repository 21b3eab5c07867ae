/**
 * The dates an offer's page shows: the next dates (at most six within 180 days) and a sentence
 * per schedule in the page's locale. One function for the public offer page and the staff's
 * preview of it, so that both show the same.
 *
 *   const { upcoming, descriptions } = offerPageDates(offer, 'ar');
 */
import type { OfferDetail, UpcomingDate } from '$lib/types';
import { cardWhen, type CardWhen } from './card-when';
import { describeSchedule } from './describe';
import { shownDates } from './exceptions';

/** How many next dates the page lists, looking how far ahead. */
const NEXT_DATES = 6;
const NEXT_DATES_DAYS = 180;

export interface OfferPageDates {
	/** The next dates, soonest first. */
	upcoming: UpcomingDate[];
	/** Each schedule described in words, by schedule id. */
	descriptions: Record<string, string>;
	/** The next date that takes place and its rule in words, as the page's top and the cards show it. */
	when: CardWhen | null;
}

export function offerPageDates(
	offer: Pick<OfferDetail, 'schedules'>,
	locale: string,
	now: Date = new Date()
): OfferPageDates {
	// cancelled dates stay in the list, marked, with their note; moved ones at their new time
	const nextDates: UpcomingDate[] = shownDates(offer.schedules, {
		from: now,
		days: NEXT_DATES_DAYS,
		limit: NEXT_DATES,
		// a rule the database accepted but this expansion cannot: logged, the others still shown
		onError: (cause, schedule) => console.error(`schedule ${schedule.id}: ${String(cause)}`)
	}).map(({ start, end, schedule, status, note, movedFrom }) => ({
		starts_at: start.toISOString(),
		ends_at: end.toISOString(),
		timezone: schedule.timezone,
		status,
		note,
		moved_from: movedFrom?.toISOString() ?? null
	}));
	const descriptions = Object.fromEntries(
		offer.schedules.map((schedule) => [schedule.id, describeSchedule(schedule, locale)])
	);
	return { upcoming: nextDates, descriptions, when: cardWhen(offer.schedules, locale, now) };
}
