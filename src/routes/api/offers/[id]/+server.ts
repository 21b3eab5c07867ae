/**
 * GET /api/offers/{id}?locale=: one published offer as its page shows it (texts in `locale`,
 * else the fallback named by `text_locale`; schedules; the measures it implements) with its next
 * dates, its page and its calendar file. 400 for an id that is no UUID or a bad parameter, 404
 * when no published offer has the id.
 */
import { localizePath, toLocale } from '$lib/i18n/locales';
import { parseSearchParams, SEARCH_PARAMETERS } from '$lib/schemas/search-query';
import { upcoming } from '$lib/schedule/upcoming';
import { apiError, apiJson, orApiError, UUID } from '$lib/server/api';
import type { RequestHandler } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

/** How many next dates, looking how far ahead. */
const NEXT_DATES = 10;
const NEXT_DATES_DAYS = 365;

export const GET: RequestHandler = async ({ params, url }) => {
	if (!UUID.test(params.id)) {
		return apiError(400, { parameter: 'id', message: `id: '${params.id}' is not a UUID` });
	}
	const parsed = parseSearchParams(url.searchParams, {
		omit: SEARCH_PARAMETERS.filter((name) => name !== 'locale')
	});
	if (!parsed.ok) return apiError(400, parsed.error);
	const locale = toLocale(parsed.query.locale);
	const id = params.id.toLowerCase();

	const offer = await orApiError(publicReads.offer(id, locale));
	if (offer instanceof Response) return offer;
	if (!offer) {
		return apiError(404, { parameter: 'id', message: `id: no published offer has the id ${id}` });
	}

	const nextDates = upcoming(offer.schedules, {
		from: new Date(),
		days: NEXT_DATES_DAYS,
		limit: NEXT_DATES,
		onError: (cause, schedule) => console.error(`schedule ${schedule.id}: ${String(cause)}`)
	}).map(({ start, end, schedule }) => ({
		schedule_id: schedule.id,
		starts_at: start.toISOString(),
		ends_at: end.toISOString(),
		timezone: schedule.timezone
	}));
	const page = localizePath(locale, `/offers/${offer.id}`);

	return apiJson({
		...offer,
		next_dates: nextDates,
		url: new URL(page, url.origin).href,
		calendar_url: offer.schedules.length ? new URL(`${page}/calendar.ics`, url.origin).href : null
	});
};
