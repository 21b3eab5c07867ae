/**
 * GET /{locale}/offers/{id}/calendar.ics: the offer's schedules as an iCalendar file to add to a
 * calendar (a download; recurrences stay RRULEs, so the calendar keeps following them). 404 as
 * text when there is no such published offer or it has no dates.
 */
import { error } from '@sveltejs/kit';
import { contentDisposition } from '$lib/calendar-filename';
import { toLocale } from '$lib/i18n/locales';
import { UUID } from '$lib/server/api';
import { CALENDAR_TYPE, offersCalendar } from '$lib/server/calendar';
import { orHttpError } from '$lib/server/data/errors';
import type { RequestHandler } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!UUID.test(params.id)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const locale = toLocale(params.locale ?? locals.locale);
	const offer = await orHttpError(publicReads.offer(params.id.toLowerCase(), locale));
	if (!offer || offer.schedules.length === 0) {
		error(404, { message: 'error.not_found', key: 'error.not_found' });
	}

	const body = offersCalendar([offer], { url, locale, name: offer.title });
	return new Response(body, {
		headers: {
			'content-type': CALENDAR_TYPE,
			// named after the offer, so that a reader who saves a few finds each again
			'content-disposition': contentDisposition(offer.title),
			'cache-control': 'public, max-age=60'
		}
	});
};
