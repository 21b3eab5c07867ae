/**
 * GET /api/offers: published offers as JSON, with the list's search and filters (see
 * `$lib/schemas/search-query` and docs/api.md), paginated:
 *
 *   { "offers": [...], "total": 42, "limit": 20, "offset": 0, "next": "https://…?offset=20",
 *     "facets": { "category": { "language_course": 12, … }, … }, "degraded": false }
 *
 * A bad or unknown parameter is answered 400 with `{ "error": { "parameter", "message" } }`.
 */
import { localizePath, toLocale } from '$lib/i18n/locales';
import { parseSearchParams } from '$lib/schemas/search-query';
import { apiError, apiJson, orApiError } from '$lib/server/api';
import { searchOffers } from '$lib/server/search';
import type { RequestHandler } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

export const GET: RequestHandler = async ({ locals, url }) => {
	const known = await orApiError(publicReads.districts());
	if (known instanceof Response) return known;
	const parsed = parseSearchParams(url.searchParams, {
		districts: known.map((district) => district.slug)
	});
	if (!parsed.ok) return apiError(400, parsed.error);
	const { query } = parsed;

	let result;
	try {
		result = await searchOffers(locals.supabase, query);
	} catch (cause) {
		console.error('[api] /api/offers: search and database failed', cause);
		return apiError(503, {
			message: 'the offers cannot be read right now; please try again in a few minutes'
		});
	}

	const locale = toLocale(query.locale);
	const offers = result.hits.map((hit) => ({
		...hit.offer,
		distance: hit.distance,
		url: new URL(localizePath(locale, `/offers/${hit.id}`), url.origin).href
	}));
	let next: string | null = null;
	if (query.offset + result.hits.length < result.total && result.hits.length > 0) {
		const nextUrl = new URL(url);
		nextUrl.searchParams.delete('page');
		nextUrl.searchParams.set('offset', String(query.offset + query.limit));
		next = nextUrl.href;
	}

	return apiJson({
		offers,
		total: result.total,
		limit: query.limit,
		offset: query.offset,
		next,
		facets: result.facets,
		degraded: result.degraded
	});
};
