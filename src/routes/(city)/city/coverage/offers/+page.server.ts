/**
 * The offers behind one number of the coverage page: ?district=…&field=…|category=…
 * &target_group=…&concept=…&gap=… (every filter optional), listed by city_coverage_offers with
 * the rules city_coverage counts by, so the list is as long as the number clicked. The names of
 * the district and the field of action come from the same concept's coverage.
 */
import { error } from '@sveltejs/kit';
import * as coverage from '$lib/server/data/coverage';
import { orHttpError } from '$lib/server/data/errors';
import { OFFER_GAPS, type OfferGap } from '$lib/server/data/coverage';
import { TARGET_GROUPS } from '$lib/types';
import type { PageServerLoad } from './$types';

const KEY = /^[a-z0-9][a-z0-9._-]{0,79}$/;
/** Offers a page shows; a column's total in a large city holds thousands. */
const PAGE_SIZE = 200;

function badRequest(): never {
	error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const get = (name: string) => {
		const value = url.searchParams.get(name) || null;
		if (value !== null && !KEY.test(value)) badRequest();
		return value;
	};
	const filter = {
		concept: get('concept'),
		targetGroup: get('target_group'),
		district: get('district'),
		field: get('field'),
		category: get('category'),
		gap: get('gap') as OfferGap | null
	};
	const pageParam = url.searchParams.get('page') ?? '1';
	if (!/^[1-9]\d{0,5}$/.test(pageParam)) badRequest();
	const page = Number(pageParam);
	if (filter.field && filter.category) badRequest();
	if (filter.gap && !OFFER_GAPS.includes(filter.gap)) badRequest();
	if (filter.targetGroup && !(TARGET_GROUPS as readonly string[]).includes(filter.targetGroup)) {
		badRequest();
	}
	const [offers, matrix] = await Promise.all([
		orHttpError(coverage.offers(locals.supabase, filter)),
		orHttpError(
			coverage.get(locals.supabase, { concept: filter.concept, targetGroup: filter.targetGroup })
		)
	]);
	const back = new URLSearchParams();
	if (filter.concept) back.set('concept', filter.concept);
	if (filter.targetGroup) back.set('target_group', filter.targetGroup);
	if (filter.category) back.set('columns', 'categories');
	// the list's own address without its page, for the pages' links
	const query = new URLSearchParams(url.searchParams);
	query.delete('page');
	const pages = Math.max(1, Math.ceil(offers.length / PAGE_SIZE));
	if (page > pages) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return {
		filter,
		total: offers.length,
		page,
		pages,
		offers: offers.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		district: matrix.districts.find((district) => district.slug === filter.district) ?? null,
		field: matrix.fields.find((field) => field.code === filter.field) ?? null,
		concept: matrix.concept,
		query: query.toString(),
		back: `/city/coverage${back.size > 0 ? `?${back}` : ''}`
	};
};
