import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { OFFERS_PER_PAGE, parseOfferListQuery } from '$lib/schemas/offer-list-query';
import * as districts from '$lib/server/data/districts';
import { orHttpError } from '$lib/server/data/errors';
import * as offers from '$lib/server/data/offers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const locale = toLocale(params.locale ?? locals.locale);
	const query = parseOfferListQuery(url.searchParams);
	if (!query) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });

	const [list, districtList] = await Promise.all([
		orHttpError(
			offers.list(locals.supabase, {
				locale,
				district: query.district,
				category: query.category,
				limit: OFFERS_PER_PAGE,
				offset: (query.page - 1) * OFFERS_PER_PAGE
			})
		),
		orHttpError(districts.list(locals.supabase))
	]);
	if (query.district && !districtList.some((district) => district.slug === query.district)) {
		error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	}
	const pages = Math.max(1, Math.ceil(list.total / OFFERS_PER_PAGE));
	if (query.page > pages) error(404, { message: 'error.not_found', key: 'error.not_found' });

	return {
		offers: list.offers,
		total: list.total,
		page: query.page,
		pages,
		filters: { district: query.district ?? null, category: query.category ?? null },
		districts: districtList
	};
};
