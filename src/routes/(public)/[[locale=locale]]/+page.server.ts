import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { parseSearchParams } from '$lib/schemas/search-query';
import { orHttpError } from '$lib/server/data/errors';
import { withCardWhen } from '$lib/server/card-when';
import { emptyResultsHelp } from '$lib/server/empty-results';
import { BOOLEAN_FACETS, searchOffers, type FacetCounts } from '$lib/server/search';
import { WEEKDAYS } from '$lib/schedule/rrule';
import { CATEGORIES, GERMAN_LEVELS, TARGET_GROUPS } from '$lib/types';
import type { FacetOption, ListFacetGroup, ResultOffer } from './_components/search';
import type { PageServerLoad } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

/** Parameters of the page that are not the search's: the map's state (see OfferMap). */
const PAGE_ONLY = ['map'];

/** The list's filters for the map: the query without paging and distance order. */
function mapFilters(params: URLSearchParams): string {
	const kept = new URLSearchParams(params);
	for (const name of ['page', 'near', 'limit', 'offset', 'locale', ...PAGE_ONLY]) kept.delete(name);
	return kept.toString();
}

/**
 * The options of a facet: every value the portal knows (in its order), each with its count, so
 * that a value with no offer stays visible; values the engine counts but `known` lacks (a
 * language) follow, and so do selected values.
 */
function options(
	counts: Record<string, number> | undefined,
	known: readonly string[],
	selected: readonly string[] = []
): FacetOption[] {
	const values = [...new Set([...known, ...Object.keys(counts ?? {}), ...selected])];
	return values.map((value) => ({
		value,
		count: counts?.[value] ?? 0,
		selected: selected.includes(value)
	}));
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const locale = toLocale(params.locale ?? locals.locale);
	const districtList = await orHttpError(publicReads.districts());

	const searchParams = new URLSearchParams(url.searchParams);
	for (const name of PAGE_ONLY) searchParams.delete(name);
	// the page's locale is in its path; paging is by `page` only; the list has no control for an
	// organisation (the week and the printed programme have it, as a filter of the address)
	const parsed = parseSearchParams(searchParams, {
		districts: districtList.map((district) => district.slug),
		omit: ['locale', 'limit', 'offset', 'organisation']
	});
	if (!parsed.ok) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	const query = { ...parsed.query, locale };
	const filters = query.filters ?? {};

	const result = await orHttpError(searchOffers(locals.supabase, query));

	const pages = Math.max(1, Math.ceil(result.total / query.limit));
	const page = Math.floor(query.offset / query.limit) + 1;
	if (page > pages) error(404, { message: 'error.not_found', key: 'error.not_found' });

	// a search that found nothing: what else to try, and whom to ask
	const searched = Boolean(query.q) || Object.keys(filters).length > 0;
	const emptyHelp =
		result.total === 0 && searched
			? await orHttpError(emptyResultsHelp(locals.supabase, query))
			: null;

	const facets: Partial<FacetCounts> = result.facets ?? {};
	const groups: ListFacetGroup[] = [
		{ name: 'category', options: options(facets.category, CATEGORIES, filters.category) },
		{
			name: 'district',
			options: options(
				facets.district,
				districtList.map((district) => district.slug),
				filters.district
			)
		},
		{ name: 'language', options: options(facets.language, [], filters.language) },
		{
			name: 'target_group',
			options: options(facets.target_group, TARGET_GROUPS, filters.target_group)
		},
		{ name: 'weekday', options: options(facets.weekday, WEEKDAYS, filters.weekday) },
		{
			name: 'german_level',
			options: options(facets.german_level, GERMAN_LEVELS, filters.german_level)
		}
	];
	// a flag is offered as "yes": its count is that of the offers where it holds
	const flags = BOOLEAN_FACETS.map((name) => ({
		name,
		count: facets[name]?.['true'] ?? 0,
		selected: filters[name] === true
	}));

	// each card with its next date and street, from one batched (cached) read of the schedules
	const offers = await withCardWhen(
		result.hits.map((hit): ResultOffer => ({
			...(hit.offer as ResultOffer),
			distance: hit.distance
		})),
		locale
	);

	return {
		offers,
		total: result.total,
		degraded: result.degraded,
		q: query.q ?? '',
		near: query.near ?? null,
		groups,
		flags,
		page,
		pages,
		districtNames: Object.fromEntries(districtList.map((d) => [d.slug, d.name])),
		// the map shows what the list finds, on every page of it and in any order
		mapFilters: mapFilters(searchParams),
		// one chosen district is highlighted on the map
		mapDistrict: filters.district?.length === 1 ? filters.district[0] : null,
		districts: districtList,
		emptyHelp
	};
};
