/**
 * GET /api/offers.ics?…: the schedules of the offers a search finds, as an iCalendar feed a
 * calendar app can subscribe to (e.g. a Stadtteilbüro: `?district=sankt-mang`). Same search and
 * filters as /api/offers, without paging; at most MAX_OFFERS offers (the response says how many
 * matched in `X-Total-Count`). Recurrences stay RRULEs; UIDs are `<schedule id>@<host name>`, stable
 * across reads; titles are in `locale` (else the fallback).
 */
import { toLocale } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import { parseSearchParams } from '$lib/schemas/search-query';
import { API_HEADERS, apiError, orApiError } from '$lib/server/api';
import { CALENDAR_TYPE, offersCalendar } from '$lib/server/calendar';
import * as publicReads from '$lib/server/data/public-reads';
import type { RequestHandler } from './$types';

/** The most offers a feed holds. */
const MAX_OFFERS = 500;

export const GET: RequestHandler = async ({ url }) => {
	const known = await orApiError(publicReads.districts());
	if (known instanceof Response) return known;
	const parsed = parseSearchParams(url.searchParams, {
		districts: known.map((district) => district.slug),
		omit: ['limit', 'offset', 'page', 'near']
	});
	if (!parsed.ok) return apiError(400, parsed.error);
	const locale = toLocale(parsed.query.locale);

	const read = await orApiError(
		Promise.all([
			publicReads.scheduledOffers(parsed.query, { max: MAX_OFFERS }),
			publicReads.portalInfo()
		])
	);
	if (read instanceof Response) return read;
	const [found, info] = read;

	// "Angebote in Sankt Mang" for one district, else "Angebote in Kempten"
	const { t } = createTranslator(locale);
	const chosen = parsed.query.filters?.district ?? [];
	const district = chosen.length === 1 ? known.find((item) => item.slug === chosen[0]) : null;
	const name = district
		? t('district.offers_heading', { name: district.name })
		: t('home.title', { city: info.city?.name ?? '' });

	const body = offersCalendar(found.offers, { url, locale, name });
	return new Response(body, {
		headers: {
			...API_HEADERS,
			'content-type': CALENDAR_TYPE,
			'content-disposition': 'inline; filename="angebote.ics"',
			'x-total-count': String(found.total),
			'access-control-expose-headers': 'X-Total-Count'
		}
	});
};
