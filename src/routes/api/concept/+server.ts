/**
 * GET /api/concept?locale=: the public implementation status of the city's current integration
 * concept: its fields of action in order, each with its number of goals and measures, measures
 * per traffic light (`green`, `yellow`, `red`, `grey`, `none`), late measures, published offers,
 * the last change, its page and its JSON (`/api/concept/fields/{code}`). `locale` chooses the
 * language of the page addresses. 404 when the city has no current concept.
 */
import { toLocale } from '$lib/i18n/locales';
import { parseSearchParams, SEARCH_PARAMETERS } from '$lib/schemas/search-query';
import { apiError, apiJson, orApiError } from '$lib/server/api';
import { overviewJson } from '$lib/server/concept-api';
import * as publicReads from '$lib/server/data/public-reads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseSearchParams(url.searchParams, {
		omit: SEARCH_PARAMETERS.filter((name) => name !== 'locale')
	});
	if (!parsed.ok) return apiError(400, parsed.error);
	const locale = toLocale(parsed.query.locale);

	const overview = await orApiError(publicReads.concept());
	if (overview instanceof Response) return overview;
	if (!overview) return apiError(404, { message: 'the city has no current integration concept' });
	return apiJson(overviewJson(overview, { origin: url.origin, locale }));
};
