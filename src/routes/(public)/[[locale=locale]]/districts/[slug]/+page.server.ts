import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { OFFERS_PER_PAGE, parseOfferListQuery } from '$lib/schemas/offer-list-query';
import * as districts from '$lib/server/data/districts';
import { orHttpError } from '$lib/server/data/errors';
import * as offers from '$lib/server/data/offers';
import { weekOf } from '$lib/server/week';
import { outlineOf } from './outline';
import type { PageServerLoad } from './$types';

const SLUG = /^[a-z0-9-]{1,100}$/;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!SLUG.test(params.slug)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const query = parseOfferListQuery(url.searchParams);
	if (!query) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	const locale = toLocale(params.locale ?? locals.locale);

	const [district, list, week] = await Promise.all([
		orHttpError(districts.get(locals.supabase, params.slug)),
		orHttpError(
			offers.list(locals.supabase, {
				locale,
				district: params.slug,
				limit: OFFERS_PER_PAGE,
				offset: (query.page - 1) * OFFERS_PER_PAGE
			})
		),
		orHttpError(weekOf(locals.supabase, { locale, filters: { district: [params.slug] } }))
	]);
	if (!district) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const pages = Math.max(1, Math.ceil(list.total / OFFERS_PER_PAGE));
	if (query.page > pages) error(404, { message: 'error.not_found', key: 'error.not_found' });

	// the geometry stays on the server; the page gets the drawn outline
	const { geometry, bbox: _bbox, ...facts } = district;
	return {
		district: facts,
		outline: outlineOf(geometry),
		offers: list.offers,
		total: list.total,
		page: query.page,
		pages,
		week
	};
};
