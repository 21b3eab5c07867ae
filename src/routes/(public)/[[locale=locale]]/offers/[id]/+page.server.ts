import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { orHttpError } from '$lib/server/data/errors';
import { describeSchedule } from '$lib/schedule/describe';
import { upcoming } from '$lib/schedule/upcoming';
import type { UpcomingDate } from '$lib/types';
import type { PageServerLoad } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

/** How many next dates the page lists, looking how far ahead. */
const NEXT_DATES = 6;
const NEXT_DATES_DAYS = 180;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	// an id that is no UUID cannot be an offer: no database round trip, no SQL error
	if (!UUID.test(params.id)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const locale = toLocale(params.locale ?? locals.locale);
	const offer = await orHttpError(publicReads.offer(params.id.toLowerCase(), locale));
	if (!offer) error(404, { message: 'error.not_found', key: 'error.not_found' });

	const nextDates: UpcomingDate[] = upcoming(offer.schedules, {
		from: new Date(),
		days: NEXT_DATES_DAYS,
		limit: NEXT_DATES,
		// a rule the database accepted but this expansion cannot: logged, the others still shown
		onError: (cause, schedule) => console.error(`schedule ${schedule.id}: ${String(cause)}`)
	}).map(({ start, end, schedule }) => ({
		starts_at: start.toISOString(),
		ends_at: end.toISOString(),
		timezone: schedule.timezone
	}));
	const descriptions = Object.fromEntries(
		offer.schedules.map((schedule) => [schedule.id, describeSchedule(schedule, locale)])
	);

	return { offer, upcoming: nextDates, descriptions };
};
