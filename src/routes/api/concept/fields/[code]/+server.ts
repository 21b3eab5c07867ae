/**
 * GET /api/concept/fields/{code}?locale=: one field of action of the current integration
 * concept: its goals in order, each with its measures (code, title, status, light, is_late,
 * ends_on, last_changed_at) and the published offers implementing each (id, title in `locale`
 * or the fallback named by `text_locale`, the offer's page). 404 when no field has the code.
 */
import { FIELD_CODE } from '$lib/concept-status';
import { toLocale } from '$lib/i18n/locales';
import { parseSearchParams, SEARCH_PARAMETERS } from '$lib/schemas/search-query';
import { apiError, apiJson, orApiError } from '$lib/server/api';
import { fieldJson } from '$lib/server/concept-api';
import * as publicReads from '$lib/server/data/public-reads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const shown = params.code.length > 40 ? `${params.code.slice(0, 40)}…` : params.code;
	if (!FIELD_CODE.test(params.code)) {
		return apiError(400, { parameter: 'code', message: `code: '${shown}' is no field code` });
	}
	const parsed = parseSearchParams(url.searchParams, {
		omit: SEARCH_PARAMETERS.filter((name) => name !== 'locale')
	});
	if (!parsed.ok) return apiError(400, parsed.error);
	const locale = toLocale(parsed.query.locale);

	const status = await orApiError(publicReads.conceptField(params.code, locale));
	if (status instanceof Response) return status;
	if (!status) {
		return apiError(404, {
			parameter: 'code',
			message: `code: the current concept has no field of action '${shown}'`
		});
	}
	return apiJson(fieldJson(status, { origin: url.origin, locale }));
};
