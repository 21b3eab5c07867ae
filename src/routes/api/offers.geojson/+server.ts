/**
 * GET /api/offers.geojson?locale=&district=&category=: the published offers that have a place,
 * as GeoJSON points with `id`, `title` (in `locale`, else the fallback named by `text_locale`),
 * `category`, `district` and `district_name`. The filters are the list's
 * (`$lib/schemas/offer-list-query`); a bad or unknown parameter is answered with 400 and
 * `{ "error": { "parameter", "message" } }`.
 */
import { json } from '@sveltejs/kit';
import type { OfferFeatureCollection } from '$lib/components/map/geojson';
import { DEFAULT_LOCALE, isLocale, LOCALES } from '$lib/i18n/locales';
import { offerListQuery } from '$lib/schemas/offer-list-query';
import * as districts from '$lib/server/data/districts';
import { orHttpError } from '$lib/server/data/errors';
import * as offers from '$lib/server/data/offers';
import type { RequestHandler } from './$types';

const PARAMETERS = ['locale', 'district', 'category'] as const;
const filterQuery = offerListQuery.pick({ district: true, category: true });

/** Rows per call: the most `list_offers()` returns at once. */
const BATCH = 200;

function badParameter(parameter: string, message: string): Response {
	return json({ error: { parameter, message } }, { status: 400 });
}

/** Degrees to five decimals: about a metre, and a third fewer bytes. */
function round(degrees: number): number {
	return Math.round(degrees * 1e5) / 1e5;
}

export const GET: RequestHandler = async ({ locals, url }) => {
	const params = url.searchParams;
	for (const name of new Set(params.keys())) {
		if (!(PARAMETERS as readonly string[]).includes(name)) {
			return badParameter(name, `unknown parameter; known are ${PARAMETERS.join(', ')}`);
		}
		if (params.getAll(name).length > 1) return badParameter(name, 'given more than once');
	}
	const locale = params.get('locale') || DEFAULT_LOCALE;
	if (!isLocale(locale)) return badParameter('locale', `must be one of ${LOCALES.join(', ')}`);
	const parsed = filterQuery.safeParse({
		district: params.get('district') || undefined,
		category: params.get('category') || undefined
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return badParameter(String(issue.path[0]), issue.message);
	}
	const { district, category } = parsed.data;
	if (district) {
		const known = await orHttpError(districts.list(locals.supabase));
		if (!known.some((item) => item.slug === district)) {
			return badParameter('district', 'no district has this slug');
		}
	}

	const collection: OfferFeatureCollection = { type: 'FeatureCollection', features: [] };
	for (let offset = 0, total = Infinity; offset < total; offset += BATCH) {
		const page = await orHttpError(
			offers.list(locals.supabase, { locale, district, category, limit: BATCH, offset })
		);
		total = page.total;
		for (const offer of page.offers) {
			if (offer.longitude === null || offer.latitude === null) continue;
			collection.features.push({
				type: 'Feature',
				id: offer.id,
				geometry: { type: 'Point', coordinates: [round(offer.longitude), round(offer.latitude)] },
				properties: {
					id: offer.id,
					title: offer.title,
					text_locale: offer.text_locale,
					category: offer.category,
					district: offer.district_slug,
					district_name: offer.district_name
				}
			});
		}
		if (page.offers.length === 0) break;
	}

	return new Response(JSON.stringify(collection), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			// offers are edited during the day; a minute old is fine for a map
			'cache-control': 'public, max-age=60'
		}
	});
};
