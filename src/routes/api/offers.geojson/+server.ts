/**
 * GET /api/offers.geojson: the published offers that have a place, as GeoJSON points with
 * `id`, `title` (in `locale`, else the fallback named by `text_locale`), `category` (the main
 * one), `categories` (all, the main one first), `district`, `district_name`, `when` (the next
 * date and its rule in words, as the list's cards show them; null without a schedule) and
 * `street`. The filters and the search are the list's (`$lib/schemas/search-query`,
 * docs/api.md) without paging: every matching offer is a point. A bad or unknown parameter is
 * answered with 400 and `{ "error": { "parameter", "message" } }`.
 */
import type { OfferFeatureCollection } from '$lib/components/map/geojson';
import type { Category } from '$lib/types';
import { parseSearchParams } from '$lib/schemas/search-query';
import { API_HEADERS, apiError, orApiError } from '$lib/server/api';
import { searchAllOffers } from '$lib/server/search';
import { withCardWhen } from '$lib/server/card-when';
import type { RequestHandler } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

/** The most offers a map shows. */
const MAX_OFFERS = 5000;

/** Degrees to five decimals: about a metre, and a third fewer bytes. */
function round(degrees: number): number {
	return Math.round(degrees * 1e5) / 1e5;
}

export const GET: RequestHandler = async ({ locals, url }) => {
	const known = await orApiError(publicReads.districts());
	if (known instanceof Response) return known;
	const parsed = parseSearchParams(url.searchParams, {
		districts: known.map((district) => district.slug),
		omit: ['limit', 'offset', 'page', 'near']
	});
	if (!parsed.ok) return apiError(400, parsed.error);

	let found;
	try {
		found = await searchAllOffers(locals.supabase, parsed.query, MAX_OFFERS);
	} catch (cause) {
		console.error('[api] /api/offers.geojson: search and database failed', cause);
		return apiError(503, {
			message: 'the offers cannot be read right now; please try again in a few minutes'
		});
	}

	const placed = found.offers.filter(
		(offer) => offer.longitude !== null && offer.latitude !== null
	);
	const collection: OfferFeatureCollection = { type: 'FeatureCollection', features: [] };
	for (const offer of await withCardWhen(placed, parsed.query.locale)) {
		if (offer.longitude === null || offer.latitude === null) continue;
		collection.features.push({
			type: 'Feature',
			id: offer.id,
			geometry: { type: 'Point', coordinates: [round(offer.longitude), round(offer.latitude)] },
			properties: {
				id: offer.id,
				title: offer.title,
				text_locale: offer.text_locale,
				category: offer.category as Category,
				categories: offer.categories as Category[],
				district: offer.district_slug,
				district_name: offer.district_name,
				when: offer.when,
				street: offer.street
			}
		});
	}

	return new Response(JSON.stringify(collection), {
		headers: { ...API_HEADERS, 'content-type': 'application/geo+json; charset=utf-8' }
	});
};
