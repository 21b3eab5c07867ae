/**
 * "This week": the dates of the published offers in the next seven days (today in
 * Europe/Berlin and the six days after), computed from their schedules and grouped by day.
 * The list's filters come in the query string (`$lib/schemas/search-query`); the locale is the
 * path's.
 */
import { error } from '@sveltejs/kit';
import { localizePath, toLocale } from '$lib/i18n/locales';
import { parseSearchParams } from '$lib/schemas/search-query';
import { orHttpError } from '$lib/server/data/errors';
import { weekOf } from '$lib/server/week';
import { languageFirstWeek } from '$lib/week-language';
import type { PageServerLoad } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const locale = toLocale(params.locale ?? locals.locale);
	const districtList = await orHttpError(publicReads.districts());
	const parsed = parseSearchParams(url.searchParams, {
		districts: districtList.map((district) => district.slug),
		// the locale is the path's; a week has no pages and no distance order
		omit: ['locale', 'limit', 'offset', 'page', 'near']
	});
	if (!parsed.ok) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	const query = { ...parsed.query, locale };

	const filters = query.filters ?? {};
	// the reader's language first within each day (then by time), as in the list
	const week = languageFirstWeek(await orHttpError(weekOf(query)), locale, filters.language);

	return {
		...week,
		filtered: Object.keys(filters).length > 0 || query.q !== undefined,
		filters: {
			district: filters.district?.[0] ?? null,
			category: filters.category?.[0] ?? null
		},
		// the other filters of the address, which the form keeps as they are
		kept: [...url.searchParams].filter(([name]) => name !== 'district' && name !== 'category'),
		districts: districtList.map(({ slug, name }) => ({ slug, name })),
		// the printed programme of the same filters
		printPath: `${localizePath(locale, '/print')}${url.search}`
	};
};
