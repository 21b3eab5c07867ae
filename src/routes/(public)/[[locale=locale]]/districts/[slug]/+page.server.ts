import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { parseSearchParams, SEARCH_PARAMETERS } from '$lib/schemas/search-query';
import { isoWeekday } from '$lib/office';
import { orHttpError } from '$lib/server/data/errors';
import * as offices from '$lib/server/data/offices';
import { withCardWhen } from '$lib/server/card-when';
import { searchOffers } from '$lib/server/search';
import { weekOf } from '$lib/server/week';
import { outlineOf } from './outline';
import type { OfferSummary } from '$lib/types';
import { firstDates } from '$lib/week';
import { languageFirstWeek } from '$lib/week-language';
import type { PageServerLoad } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

const SLUG = /^[a-z0-9-]{1,100}$/;

/** The coming dates the page shows; the week page has them all. */
const WEEK_DATES = 12;
/** The district's list takes only `page`: its district is the path's, its locale too. */
const NOT_HERE = SEARCH_PARAMETERS.filter((name) => name !== 'page');
/** Parameters of the page that are not the list's: the map's state (see OfferMap). */
const PAGE_ONLY = ['map'];

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!SLUG.test(params.slug)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const listParams = new URLSearchParams(url.searchParams);
	for (const name of PAGE_ONLY) listParams.delete(name);
	const parsed = parseSearchParams(listParams, { omit: NOT_HERE });
	if (!parsed.ok) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	const locale = toLocale(params.locale ?? locals.locale);
	const district = await orHttpError(publicReads.district(params.slug));
	if (!district) error(404, { message: 'error.not_found', key: 'error.not_found' });

	// the same search as the start page's, with the district as its filter
	const filters = { district: [district.slug] };
	const { limit, offset } = parsed.query;
	const [list, week, districtOffices] = await Promise.all([
		orHttpError(searchOffers(locals.supabase, { locale, filters, limit, offset })),
		orHttpError(weekOf({ locale, filters })),
		orHttpError(offices.forDistrict(locals.supabase, district.slug))
	]);
	const page = Math.floor(offset / limit) + 1;
	const pages = Math.max(1, Math.ceil(list.total / limit));
	if (page > pages) error(404, { message: 'error.not_found', key: 'error.not_found' });

	// the geometry stays on the server; the page gets the drawn outline
	const { geometry, bbox: _bbox, ...facts } = district;
	return {
		district: facts,
		// its Stadtteilbüro first (or the nearest), with today's weekday in the city
		offices: districtOffices,
		today: isoWeekday(new Date(), week.timeZone),
		outline: outlineOf(geometry),
		offers: await withCardWhen(
			list.hits.map((hit) => hit.offer as OfferSummary),
			locale
		),
		total: list.total,
		degraded: list.degraded,
		page,
		pages,
		// the reader's language first within each day, as in the list
		week: firstDates(languageFirstWeek(week, locale), WEEK_DATES)
	};
};
