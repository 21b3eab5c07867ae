/**
 * "This week": the dates of the published offers in the next seven days (today in
 * Europe/Berlin and the six days after), computed from their schedules and grouped by day.
 * The list's filters come in the query string (`$lib/schemas/search-query`); the locale is the
 * path's.
 */
import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { parseSearchParams } from '$lib/schemas/search-query';
import { civilDate, dayNumber, fromWallClock, toWallClock } from '$lib/schedule/rrule';
import { groupByDay, upcoming } from '$lib/schedule/upcoming';
import * as districts from '$lib/server/data/districts';
import { isDataError, orHttpError } from '$lib/server/data/errors';
import * as schedules from '$lib/server/data/schedules';
import type { Schedule } from '$lib/types';
import type { PageServerLoad } from './$types';

/** The city's wall clock: "today" and the days are its. */
const TIME_ZONE = 'Europe/Berlin';
const DAYS = 7;
/** The most offers whose dates the page looks at. */
const MAX_OFFERS = 1000;

/** An offer as an entry of the week names it. */
interface WeekOffer {
	id: string;
	title: string;
	text_locale: string;
	category: string;
	district_name: string | null;
}

/** One date of an offer. */
interface WeekEntry {
	/** The schedule's id and the start: unique within the week. */
	key: string;
	starts_at: string;
	ends_at: string;
	timezone: string;
	offer_id: string;
}

interface WeekDay {
	/** The local date, `2026-11-24`. */
	day: string;
	/** Noon of that day (ISO 8601), to format it in the city's zone. */
	date: string;
	entries: WeekEntry[];
}

/** The instant the local day `days` after today's begins in the city. */
function startOfDay(now: Date, days: number): Date {
	const today = toWallClock(now, TIME_ZONE);
	const day = civilDate(dayNumber(today.year, today.month, today.day) + days);
	return fromWallClock({ ...day, hour: 0, minute: 0, second: 0 }, TIME_ZONE);
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const locale = toLocale(params.locale ?? locals.locale);
	const districtList = await orHttpError(districts.list(locals.supabase));
	const parsed = parseSearchParams(url.searchParams, {
		districts: districtList.map((district) => district.slug),
		// the locale is the path's; a week has no pages and no distance order
		omit: ['locale', 'limit', 'offset', 'page', 'near']
	});
	if (!parsed.ok) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	const query = { ...parsed.query, locale };

	let found;
	try {
		found = await schedules.search(locals.supabase, query, { max: MAX_OFFERS });
	} catch (cause) {
		if (isDataError(cause)) error(cause.status, { message: cause.key, key: cause.key });
		console.error('[week] search and database failed', cause);
		error(503, { message: 'error.data_unavailable', key: 'error.data_unavailable' });
	}

	// dates still running now or starting before the end of the seventh day
	const now = new Date();
	const end = startOfDay(now, DAYS);
	const all: (Schedule & { offer_id: string })[] = found.offers.flatMap((offer) =>
		offer.schedules.map((schedule) => ({ ...schedule, offer_id: offer.id }))
	);
	const items = upcoming(all, {
		from: now,
		days: (end.getTime() - now.getTime()) / 86_400_000,
		onError: (cause, schedule) => console.error(`schedule ${schedule.id}: ${String(cause)}`)
	});
	const days: WeekDay[] = groupByDay(items, TIME_ZONE, { from: now, days: DAYS }).map((group) => ({
		day: group.day,
		date: group.date.toISOString(),
		entries: group.items.map(({ start, end: until, schedule }) => ({
			key: `${schedule.id}/${start.toISOString()}`,
			starts_at: start.toISOString(),
			ends_at: until.toISOString(),
			timezone: schedule.timezone || TIME_ZONE,
			offer_id: schedule.offer_id
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
			district_name: offer.district_name
		};
	}

	const filters = query.filters ?? {};
	return {
		days,
		offers,
		timeZone: TIME_ZONE,
		degraded: found.degraded,
		filtered: Object.keys(filters).length > 0 || query.q !== undefined,
		filters: {
			district: filters.district?.[0] ?? null,
			category: filters.category?.[0] ?? null
		},
		// the other filters of the address, which the form keeps as they are
		kept: [...url.searchParams].filter(([name]) => name !== 'district' && name !== 'category'),
		districts: districtList.map(({ slug, name }) => ({ slug, name }))
	};
};
