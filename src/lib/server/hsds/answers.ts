/**
 * The answers of the HSDS API (`/hsds/…`), from the same public data as the read API under
 * `/api`: the offers' pages come from `hsds_service_page()`, `search` from the search interface
 * (every language), each offer from `get_offer()` through the cache of public reads, and
 * map.ts turns them into HSDS objects. Errors as the read API's (400, 404, 503 as JSON).
 *
 *   export const GET: RequestHandler = ({ url, locals }) => services(url, locals.supabase);
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { localizePath, type Locale } from '$lib/i18n/locales';
import { apiError, apiJson, orApiError, UUID } from '$lib/server/api';
import * as publicReads from '$lib/server/data/public-reads';
import type { OrganizationRow } from '$lib/server/data/hsds';
import { searchAllOffers } from '$lib/server/search';
import type { OfferDetail } from '$lib/types';
import {
	HSDS_OPENAPI,
	HSDS_PROFILE,
	HSDS_VERSION,
	toOrganization,
	toOrganizationSummary,
	toPage,
	toService,
	toServiceAtLocation,
	toServiceListItem,
	derivedId,
	type ServiceContext
} from './map';
import { parseHsdsQuery, type HsdsParameter, type HsdsQuery } from './query';

/** The most hits of a `search` that a list pages through. */
export const MAX_SEARCH_HITS = 2_000;

type Supabase = SupabaseClient<Database>;

/** `/hsds/`: the version and profile. */
export function root(url: URL): Response {
	const parsed = parseHsdsQuery(url.searchParams, []);
	if (!parsed.ok) return apiError(400, parsed.error);
	return apiJson({ version: HSDS_VERSION, profile: HSDS_PROFILE, openapi_url: HSDS_OPENAPI });
}

function context(offer: OfferDetail, origin: string, locale: Locale, updatedAt?: string) {
	return {
		updatedAt,
		pageUrl: new URL(localizePath(locale, `/offers/${offer.id}`), origin).href
	} satisfies ServiceContext;
}

/** The offers of one page, read as their pages read them; gone since the page: left out. */
async function offersOf(items: { id: string; updated_at: string }[], locale: Locale) {
	const offers = await Promise.all(items.map((item) => publicReads.offer(item.id, locale)));
	return items.flatMap((item, i) => {
		const offer = offers[i];
		return offer ? [{ offer, updatedAt: item.updated_at }] : [];
	});
}

/** The page of published offers a list query names (its search first). */
async function offerPage(query: HsdsQuery, supabase: Supabase, located: boolean) {
	let ids: string[] | undefined;
	if (query.search) {
		const found = await searchAllOffers(
			supabase,
			{ q: query.search, locale: query.locale },
			MAX_SEARCH_HITS
		);
		ids = found.offers.map((offer) => offer.id);
	}
	const page = await publicReads.servicePage({
		ids,
		modifiedAfter: query.modifiedAfter,
		organizationId: query.organizationId,
		located,
		limit: query.perPage,
		offset: (query.page - 1) * query.perPage
	});
	return { total: page.total, offers: await offersOf(page.items, query.locale) };
}

const LIST_PARAMETERS: readonly HsdsParameter[] = [
	'search',
	'page',
	'per_page',
	'modified_after',
	'organization_id',
	'locale'
];

/** `/hsds/services` and `/hsds/service_at_locations`. */
export async function serviceList(
	url: URL,
	supabase: Supabase,
	kind: 'services' | 'service_at_locations'
): Promise<Response> {
	const parsed = parseHsdsQuery(url.searchParams, LIST_PARAMETERS);
	if (!parsed.ok) return apiError(400, parsed.error);
	const { query } = parsed;
	const page = await orApiError(offerPage(query, supabase, kind === 'service_at_locations'));
	if (page instanceof Response) return page;
	const contents: Record<string, unknown>[] = [];
	for (const { offer, updatedAt } of page.offers) {
		const where = context(offer, url.origin, query.locale, updatedAt);
		const item =
			kind === 'services'
				? toServiceListItem(offer, where)
				: toServiceAtLocation(offer, where, { list: true });
		if (item) contents.push(item);
	}
	return apiJson(toPage(contents, { total: page.total, page: query.page, perPage: query.perPage }));
}

/** The offer an `{id}` names, or the 400/404 answer. */
async function offerById(
	id: string,
	url: URL,
	what: string
): Promise<{ offer: OfferDetail; updatedAt?: string; locale: Locale } | Response> {
	const parsed = parseHsdsQuery(url.searchParams, ['locale']);
	if (!parsed.ok) return apiError(400, parsed.error);
	if (!UUID.test(id))
		return apiError(400, { parameter: 'id', message: `id: '${id}' is not a UUID` });
	const { locale } = parsed.query;
	const offer = await orApiError(publicReads.offer(id.toLowerCase(), locale));
	if (offer instanceof Response) return offer;
	if (!offer) return apiError(404, { parameter: 'id', message: `id: no ${what} has the id ${id}` });
	const page = await orApiError(publicReads.servicePage({ ids: [offer.id], limit: 1, offset: 0 }));
	if (page instanceof Response) return page;
	return { offer, updatedAt: page.items[0]?.updated_at, locale };
}

/** `/hsds/services/{id}`: the full service. */
export async function service(id: string, url: URL): Promise<Response> {
	const found = await offerById(id, url, 'published service');
	if (found instanceof Response) return found;
	const { offer, updatedAt, locale } = found;
	return apiJson(toService(offer, context(offer, url.origin, locale, updatedAt)));
}

/**
 * `/hsds/service_at_locations/{id}`: its id is derived from the offer's (map.ts), so the offer
 * is found among those with a place.
 */
export async function serviceAtLocation(id: string, url: URL): Promise<Response> {
	const parsed = parseHsdsQuery(url.searchParams, ['locale']);
	if (!parsed.ok) return apiError(400, parsed.error);
	if (!UUID.test(id))
		return apiError(400, { parameter: 'id', message: `id: '${id}' is not a UUID` });
	const wanted = id.toLowerCase();
	const { locale } = parsed.query;
	const notFound = apiError(404, {
		parameter: 'id',
		message: `id: no service at a location has the id ${id}`
	});
	// the ids are not stored: look through the offers with a place, a page at a time
	for (let offset = 0; ; offset += 1000) {
		const page = await orApiError(publicReads.servicePage({ located: true, limit: 1000, offset }));
		if (page instanceof Response) return page;
		const item = page.items.find((row) => derivedId('service_at_location', row.id) === wanted);
		if (item) {
			const offer = await orApiError(publicReads.offer(item.id, locale));
			if (offer instanceof Response) return offer;
			if (!offer) return notFound;
			const where = context(offer, url.origin, locale, item.updated_at);
			const at = toServiceAtLocation(offer, where);
			if (!at) return notFound;
			return apiJson({ ...at, service: toService(offer, where) });
		}
		if (page.items.length < 1000) return notFound;
	}
}

function organizationFacts(row: OrganizationRow) {
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		website: row.website,
		email: row.email,
		phone: row.phone
	};
}

/** `/hsds/organizations`. */
export async function organizationList(url: URL): Promise<Response> {
	const parsed = parseHsdsQuery(url.searchParams, ['search', 'page', 'per_page']);
	if (!parsed.ok) return apiError(400, parsed.error);
	const { query } = parsed;
	const page = await orApiError(
		publicReads.organizationPage({
			search: query.search,
			limit: query.perPage,
			offset: (query.page - 1) * query.perPage
		})
	);
	if (page instanceof Response) return page;
	const contents = page.items.map((row) => toOrganizationSummary(organizationFacts(row)));
	return apiJson(toPage(contents, { total: page.total, page: query.page, perPage: query.perPage }));
}

/** `/hsds/organizations/{id}`: with its published services (one-to-one fields). */
export async function organization(id: string, url: URL): Promise<Response> {
	const parsed = parseHsdsQuery(url.searchParams, ['locale']);
	if (!parsed.ok) return apiError(400, parsed.error);
	if (!UUID.test(id))
		return apiError(400, { parameter: 'id', message: `id: '${id}' is not a UUID` });
	const { locale } = parsed.query;
	const page = await orApiError(
		publicReads.organizationPage({ id: id.toLowerCase(), limit: 1, offset: 0 })
	);
	if (page instanceof Response) return page;
	const row = page.items[0];
	if (!row) {
		return apiError(404, {
			parameter: 'id',
			message: `id: no organization with published services has the id ${id}`
		});
	}
	const offers = await orApiError(
		offersOf(
			row.service_ids.map((serviceId) => ({ id: serviceId, updated_at: '' })),
			locale
		)
	);
	if (offers instanceof Response) return offers;
	const services = offers.map(({ offer }) =>
		toServiceListItem(offer, context(offer, url.origin, locale))
	);
	return apiJson(toOrganization(organizationFacts(row), services));
}
