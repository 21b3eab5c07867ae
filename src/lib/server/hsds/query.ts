/**
 * The query string of the HSDS API's lists (`/hsds/services?search=kurs&page=2&per_page=50`):
 * `page` (from 1), `per_page` (1 to 100, default 20), `search` (any language),
 * `modified_after` (an ISO 8601 date or date-time), `organization_id` (a UUID), and `locale` (an
 * extension of this portal: the language of the texts). A parameter the endpoint does not take,
 * also one HSDS defines that the portal does not support (`taxonomy_id`, `postcode`, …), is
 * refused rather than ignored, so that no client takes an unfiltered answer for a filtered one.
 *
 *   const parsed = parseHsdsQuery(url.searchParams, ['search', 'page', 'per_page']);
 *   if (!parsed.ok) return apiError(400, parsed.error);
 */
import { isLocale, LOCALES, toLocale, type Locale } from '$lib/i18n/locales';
import type { ApiErrorBody } from '$lib/server/api';

export const HSDS_PARAMETERS = [
	'search',
	'page',
	'per_page',
	'modified_after',
	'organization_id',
	'locale'
] as const;
export type HsdsParameter = (typeof HSDS_PARAMETERS)[number];

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** The furthest page (so that an offset stays small). */
export const MAX_PAGE = 10_000;
export const MAX_SEARCH_LENGTH = 200;

export interface HsdsQuery {
	search?: string;
	page: number;
	perPage: number;
	/** ISO 8601 instant. */
	modifiedAfter?: string;
	organizationId?: string;
	locale: Locale;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^[0-9]{1,6}$/;
/** A date, or a date-time with seconds optional, fraction optional, zone optional (UTC then). */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An instant from `modified_after`; null when it is not a valid date (2026-02-30 is not). */
export function parseModifiedAfter(value: string): string | null {
	const match = DATE_TIME.exec(value.trim());
	if (!match) return null;
	const [, y, m, d, hh, mm, ss, zone] = match;
	const year = Number(y);
	const month = Number(m);
	const day = Number(d);
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
	if (check.getUTCDate() !== day) return null;
	if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
		return null;
	}
	const text = hh === undefined ? `${y}-${m}-${d}T00:00:00Z` : value.trim().replace(' ', 'T');
	const instant = new Date(hh !== undefined && !zone ? `${text}Z` : text);
	return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

export type ParsedHsdsQuery = { ok: true; query: HsdsQuery } | { ok: false; error: ApiErrorBody };

/** Reads the parameters `allowed` for an endpoint; the first bad one is named. */
export function parseHsdsQuery(
	params: URLSearchParams,
	allowed: readonly HsdsParameter[]
): ParsedHsdsQuery {
	const fail = (parameter: string, message: string): ParsedHsdsQuery => ({
		ok: false,
		error: { parameter, message: `${parameter}: ${message}` }
	});
	for (const name of new Set(params.keys())) {
		if (!(allowed as readonly string[]).includes(name)) {
			return fail(
				name,
				`this endpoint does not take it; it takes ${allowed.join(', ') || 'no parameters'}`
			);
		}
		if (params.getAll(name).length > 1) return fail(name, 'given more than once');
	}
	const query: HsdsQuery = { page: 1, perPage: DEFAULT_PER_PAGE, locale: toLocale(null) };

	const page = params.get('page');
	if (page !== null) {
		if (!INTEGER.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE) {
			return fail('page', `'${page}' is not a whole number from 1 to ${MAX_PAGE}`);
		}
		query.page = Number(page);
	}
	const perPage = params.get('per_page');
	if (perPage !== null) {
		if (!INTEGER.test(perPage) || Number(perPage) < 1 || Number(perPage) > MAX_PER_PAGE) {
			return fail('per_page', `'${perPage}' is not a whole number from 1 to ${MAX_PER_PAGE}`);
		}
		query.perPage = Number(perPage);
	}
	const search = params.get('search');
	if (search !== null && search.trim() !== '') {
		if (search.length > MAX_SEARCH_LENGTH) {
			return fail('search', `longer than ${MAX_SEARCH_LENGTH} characters`);
		}
		query.search = search.trim();
	}
	const modified = params.get('modified_after');
	if (modified !== null) {
		const instant = parseModifiedAfter(modified);
		if (!instant) {
			return fail(
				'modified_after',
				`'${modified}' is not an ISO 8601 date or date-time like 2026-12-01 or 2026-12-01T08:00:00Z`
			);
		}
		query.modifiedAfter = instant;
	}
	const organization = params.get('organization_id');
	if (organization !== null) {
		if (!UUID.test(organization)) return fail('organization_id', `'${organization}' is not a UUID`);
		query.organizationId = organization.toLowerCase();
	}
	const locale = params.get('locale');
	if (locale !== null) {
		if (!isLocale(locale)) return fail('locale', `'${locale}' is not one of ${LOCALES.join(', ')}`);
		query.locale = locale;
	}
	return { ok: true, query };
}
