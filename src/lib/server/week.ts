/**
 * The dates of published offers in the next seven days (today in Europe/Berlin and the six days
 * after), computed from their schedules and grouped by day: the "This week" page and the
 * district pages show them.
 */
import { civilDate, dayNumber, fromWallClock, toWallClock } from '$lib/schedule/rrule';
import { shownDates } from '$lib/schedule/exceptions';
import { groupByDay } from '$lib/schedule/upcoming';
import type { SearchQuery } from '$lib/server/search/types';
import { memo } from '$lib/server/cache/memo';
import * as publicReads from '$lib/server/data/public-reads';
import type { Schedule } from '$lib/types';
import type { Week, WeekDay, WeekOffer } from '$lib/week';

/** The city's wall clock: "today" and the days are its. */
export const TIME_ZONE = 'Europe/Berlin';
const DAYS = 7;
/** The most offers whose dates are looked at. */
const MAX_OFFERS = 1000;

/** The instant the local day `days` after today's begins in the city. */
function startOfDay(now: Date, days: number): Date {
	const today = toWallClock(now, TIME_ZONE);
	const day = civilDate(dayNumber(today.year, today.month, today.day) + days);
	return fromWallClock({ ...day, hour: 0, minute: 0, second: 0 }, TIME_ZONE);
}

/**
 * The week of the offers `query` finds. Throws a DataError when neither search nor the
 * database answers.
 */
/** Weeks computed this minute, until the data changes: the pages of a list share theirs. */
const weeks = memo<Week>({ max: 200 });

export function weekOf(query: SearchQuery): Promise<Week> {
	const minute = Math.floor(Date.now() / 60_000);
	return weeks.get(`${minute} ${JSON.stringify(query)}`, () => computeWeek(query));
}

async function computeWeek(query: SearchQuery): Promise<Week> {
	const found = await publicReads.scheduledOffers(query, { max: MAX_OFFERS });

	// dates still running now or starting before the end of the seventh day
	const now = new Date();
	const end = startOfDay(now, DAYS);
	const all: (Schedule & { offer_id: string })[] = found.offers.flatMap((offer) =>
		offer.schedules.map((schedule) => ({ ...schedule, offer_id: offer.id }))
	);
	// cancelled dates stay in the week, marked, with their note; moved ones at their new time
	const items = shownDates(all, {
		from: now,
		days: (end.getTime() - now.getTime()) / 86_400_000,
		onError: (cause, schedule) => console.error(`schedule ${schedule.id}: ${String(cause)}`)
	});
	const days: WeekDay[] = groupByDay(items, TIME_ZONE, { from: now, days: DAYS }).map((group) => ({
		day: group.day,
		date: group.date.toISOString(),
		entries: group.items.map(({ start, end: until, schedule, status, note, movedFrom }) => ({
			key: `${schedule.id}/${start.toISOString()}/${status}`,
			starts_at: start.toISOString(),
			ends_at: until.toISOString(),
			timezone: schedule.timezone || TIME_ZONE,
			offer_id: schedule.offer_id,
			status,
			note,
			moved_from: movedFrom?.toISOString() ?? null
		}))
	}));

	// each offer once, only those with a date this week
	const dated = new Set(items.map((item) => item.schedule.offer_id));
	const offers: Record<string, WeekOffer> = {};
	for (const offer of found.offers) {
		if (!dated.has(offer.id)) continue;
		offers[offer.id] = {
			id: offer.id,
			title: offer.title,
			text_locale: offer.text_locale,
			category: offer.category,
			district_name: offer.district_name,
			languages: offer.languages
		};
	}

	return { days, offers, timeZone: TIME_ZONE, degraded: found.degraded };
}
