/**
 * The query string of a search (`?q=deutschkurs&district=sankt-mang&free=true&page=2`) as a
 * `SearchQuery`: one schema for the public API (`/api/offers`, `/api/offers.ics`) and the pages
 * that list offers. Filters may repeat (`?category=a&category=b`) or be comma-separated
 * (`?category=a,b`); an empty value means no filter, as a form's "all" sends it. Every value is
 * checked against the values the portal knows, unknown parameters are refused, and the first bad
 * parameter is named with a precise English message, e.g.
 *
 *   category: 'sprachkurs' is not one of language_course, cultural_cafe, …
 *
 *   const parsed = parseSearchParams(url.searchParams, { districts: ['altstadt', 'sankt-mang'] });
 *   if (!parsed.ok) return json({ error: parsed.error }, { status: 400 });
 *   const result = await searchOffers(locals.supabase, parsed.query);
 */
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '$lib/i18n/locales';
import { WEEKDAYS, type Weekday } from '$lib/schedule/rrule';
import type { SearchFilters, SearchQuery } from '$lib/server/search/types';
import { CATEGORIES, GERMAN_LEVELS, TARGET_GROUPS } from '$lib/types';

/** Page size when `limit` is not given, and its bounds. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** The furthest a client may page (offset), and the most pages. */
export const MAX_OFFSET = 100_000;
export const MAX_PAGE = 10_000;
/** Longest search text, in characters. */
export const MAX_QUERY_LENGTH = 200;
/** Most values one filter takes. */
export const MAX_VALUES = 50;

/** Every parameter, in the order the documentation lists them. */
export const SEARCH_PARAMETERS = [
	'q',
	'locale',
	'category',
	'district',
	'organisation',
	'language',
	'target_group',
	'weekday',
	'german_level',
	'free',
	'childcare',
	'women_only',
	'wheelchair',
	'near',
	'limit',
	'offset',
	'page'
] as const;
export type SearchParameter = (typeof SEARCH_PARAMETERS)[number];

/** A parameter the query cannot take, and why (English, for developers). */
export interface SearchParamsError {
	parameter: string;
	message: string;
}

export type ParsedSearchParams =
	| { ok: true; query: SearchQuery & { limit: number; offset: number } }
	| { ok: false; error: SearchParamsError };

export interface SearchQuerySchemaOptions {
	/** District slugs that exist; without them any well-formed slug passes. */
	districts?: readonly string[];
	/** Parameters this caller does not take (e.g. paging on a feed); they count as unknown. */
	omit?: readonly SearchParameter[];
}

/**
 * The query string as the schema reads it: every value of every parameter, in order. It has no
 * prototype, so a parameter named `__proto__` or `constructor` is just another unknown name.
 */
export type RawSearchParams = Record<string, string[]>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^\d+$/;
const FLAGS: ReadonlyMap<string, boolean> = new Map([
	['true', true],
	['false', false],
	['1', true],
	['0', false]
]);

type Context = z.RefinementCtx;

function fail(ctx: Context, message: string): typeof z.NEVER {
	ctx.addIssue({ code: 'custom', message });
	return z.NEVER;
}

function quote(value: string): string {
	const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
	return `'${shown}'`;
}

/**
 * The one value of a parameter that may be given once: undefined when absent or empty, null
 * (with an issue added) when given more than once.
 */
function single(name: string, values: string[], ctx: Context): string | undefined | null {
	if (values.length > 1) {
		fail(ctx, `${name}: given ${values.length} times; give it once`);
		return null;
	}
	const value = values[0]?.trim();
	return value ? value : undefined;
}

/** Every value of a repeatable, comma-separated parameter; empty parts are dropped. */
function parts(values: string[]): string[] {
	return values.flatMap((value) => value.split(',').map((part) => part.trim())).filter(Boolean);
}

const raw = z.array(z.string()).optional().default([]);

/** A filter whose values come from a known list. */
function listOf<T extends string>(
	name: string,
	allowed: readonly T[],
	normalise: (value: string) => string = (value) => value
) {
	return raw.transform((values, ctx): T[] | typeof z.NEVER => {
		const found = [...new Set(parts(values).map(normalise))];
		if (found.length > MAX_VALUES) return fail(ctx, `${name}: more than ${MAX_VALUES} values`);
		const bad = found.find((value) => !(allowed as readonly string[]).includes(value));
		if (bad !== undefined) {
			return fail(ctx, `${name}: ${quote(bad)} is not one of ${allowed.join(', ')}`);
		}
		return found as T[];
	});
}

/** A filter whose values have a form (a slug, a language code) rather than a fixed list. */
function listMatching(name: string, pattern: RegExp, what: string) {
	return raw.transform((values, ctx): string[] | typeof z.NEVER => {
		const found = [...new Set(parts(values))];
		if (found.length > MAX_VALUES) return fail(ctx, `${name}: more than ${MAX_VALUES} values`);
		const bad = found.find((value) => !pattern.test(value));
		if (bad !== undefined) return fail(ctx, `${name}: ${quote(bad)} is not ${what}`);
		return found;
	});
}

function flag(name: string) {
	return raw.transform((values, ctx): boolean | undefined | typeof z.NEVER => {
		const value = single(name, values, ctx);
		if (value === null) return z.NEVER;
		if (value === undefined) return undefined;
		const parsed = FLAGS.get(value.toLowerCase());
		if (parsed === undefined)
			return fail(ctx, `${name}: ${quote(value)} is not one of true, false, 1, 0`);
		return parsed;
	});
}

function integer(name: string, min: number, max: number) {
	return raw.transform((values, ctx): number | undefined | typeof z.NEVER => {
		const value = single(name, values, ctx);
		if (value === null) return z.NEVER;
		if (value === undefined) return undefined;
		if (!INTEGER.test(value)) return fail(ctx, `${name}: ${quote(value)} is not a whole number`);
		const number = Number(value);
		if (number < min || number > max) {
			return fail(ctx, `${name}: ${value} is not between ${min} and ${max}`);
		}
		return number;
	});
}

const text = raw.transform((values, ctx): string | undefined | typeof z.NEVER => {
	const value = single('q', values, ctx);
	if (value === null) return z.NEVER;
	if (value === undefined) return undefined;
	if ([...value].length > MAX_QUERY_LENGTH) {
		return fail(ctx, `q: longer than ${MAX_QUERY_LENGTH} characters`);
	}
	return value;
});

const locale = raw.transform((values, ctx) => {
	const value = single('locale', values, ctx);
	if (value === null) return z.NEVER;
	if (value === undefined) return undefined;
	if (!(LOCALES as readonly string[]).includes(value)) {
		return fail(ctx, `locale: ${quote(value)} is not one of ${LOCALES.join(', ')}`);
	}
	return value;
});

const near = raw.transform((values, ctx) => {
	const value = single('near', values, ctx);
	if (value === null) return z.NEVER;
	if (value === undefined) return undefined;
	const [lat, lng, ...rest] = value.split(',').map((part) => part.trim());
	if (
		lat === undefined ||
		lng === undefined ||
		rest.length ||
		!DECIMAL.test(lat) ||
		!DECIMAL.test(lng)
	) {
		return fail(
			ctx,
			`near: ${quote(value)} is not latitude,longitude in decimal degrees, e.g. 47.7267,10.3139`
		);
	}
	const point = { lat: Number(lat), lng: Number(lng) };
	if (Math.abs(point.lat) > 90) return fail(ctx, `near: latitude ${lat} is not between -90 and 90`);
	if (Math.abs(point.lng) > 180) {
		return fail(ctx, `near: longitude ${lng} is not between -180 and 180`);
	}
	return point;
});

/** The fields of the schema, one per parameter. */
function fields(options: SearchQuerySchemaOptions) {
	const districts = options.districts
		? listOf('district', options.districts)
		: listMatching('district', SLUG, 'a district slug (lowercase letters, digits and hyphens)');
	return {
		q: text,
		locale,
		category: listOf('category', CATEGORIES),
		district: districts,
		organisation: listMatching(
			'organisation',
			SLUG,
			"an organisation's slug (lowercase letters, digits and hyphens)"
		),
		language: listMatching(
			'language',
			LANGUAGE_CODE,
			'an ISO 639 language code (two or three lowercase letters, e.g. de, ar, uk)'
		),
		target_group: listOf('target_group', TARGET_GROUPS),
		weekday: listOf('weekday', WEEKDAYS, (value) => value.toUpperCase()),
		german_level: listOf('german_level', GERMAN_LEVELS),
		free: flag('free'),
		childcare: flag('childcare'),
		women_only: flag('women_only'),
		wheelchair: flag('wheelchair'),
		near,
		limit: integer('limit', 1, MAX_PAGE_SIZE),
		offset: integer('offset', 0, MAX_OFFSET),
		page: integer('page', 1, MAX_PAGE)
	} satisfies Record<SearchParameter, z.ZodType>;
}

type Fields = ReturnType<typeof fields>;
type Parsed = Partial<{ [K in keyof Fields]: z.output<Fields[K]> }>;

/** Builds the SearchQuery from the checked values. */
function toQuery(values: Parsed, ctx: Context) {
	if (values.page !== undefined && values.offset !== undefined) {
		return fail(ctx, 'page: give either page or offset, not both');
	}
	const limit = values.limit ?? DEFAULT_PAGE_SIZE;
	const offset = values.offset ?? ((values.page ?? 1) - 1) * limit;
	const filters: SearchFilters = {};
	for (const facet of [
		'category',
		'district',
		'organisation',
		'language',
		'target_group',
		'german_level'
	] as const) {
		const selected = values[facet];
		if (selected?.length) filters[facet] = selected;
	}
	if (values.weekday?.length) filters.weekday = values.weekday as Weekday[];
	for (const facet of ['free', 'childcare', 'women_only', 'wheelchair'] as const) {
		const value = values[facet];
		if (value !== undefined) filters[facet] = value;
	}
	const query: SearchQuery & { limit: number; offset: number } = {
		locale: values.locale ?? DEFAULT_LOCALE,
		limit,
		offset
	};
	if (values.q) query.q = values.q;
	if (Object.keys(filters).length) query.filters = filters;
	if (values.near) query.near = values.near;
	return query;
}

/**
 * The schema: a query string as RawSearchParams (see `rawSearchParams`) in, a SearchQuery with
 * `limit` and `offset` set out. Unknown parameters fail it.
 */
export function createSearchQuerySchema(options: SearchQuerySchemaOptions = {}) {
	const omitted = new Set<string>(options.omit ?? []);
	const shape = Object.fromEntries(
		Object.entries(fields(options)).filter(([name]) => !omitted.has(name))
	) as Partial<Fields>;
	return z.strictObject(shape as Fields).transform((values, ctx) => toQuery(values, ctx));
}

/** The schema with no district list and every parameter. */
export const searchQuerySchema = createSearchQuerySchema();

/** Every value of every parameter of `params`, as the schema reads them. */
export function rawSearchParams(params: URLSearchParams): RawSearchParams {
	const result: RawSearchParams = Object.create(null);
	for (const [name, value] of params) (result[name] ??= []).push(value);
	return result;
}

/** The parameters the schema knows, after `omit`. */
export function knownParameters(options: SearchQuerySchemaOptions = {}): SearchParameter[] {
	return SEARCH_PARAMETERS.filter((name) => !options.omit?.includes(name));
}

/**
 * The search a query string asks for, or the first bad parameter (first in the order of the
 * query string) and why.
 */
export function parseSearchParams(
	params: URLSearchParams,
	options: SearchQuerySchemaOptions = {}
): ParsedSearchParams {
	const input = rawSearchParams(params);
	const parsed = createSearchQuerySchema(options).safeParse(input);
	if (parsed.success) return { ok: true, query: parsed.data };

	const order = [...new Set(params.keys())];
	const known = knownParameters(options);
	const errors: SearchParamsError[] = parsed.error.issues.flatMap((issue) => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((name) => ({
				parameter: name,
				message: `${quote(name)} is not a parameter here; known are ${known.join(', ')}`
			}));
		}
		const name = issue.path[0];
		// an issue of the whole query (page and offset together) is the page's
		const parameter = typeof name === 'string' ? name : 'page';
		return [{ parameter, message: issue.message }];
	});
	const position = (parameter: string) => {
		const index = order.indexOf(parameter);
		return index === -1 ? order.length : index;
	};
	errors.sort((a, b) => position(a.parameter) - position(b.parameter));
	return { ok: false, error: errors[0] ?? { parameter: '', message: 'invalid query string' } };
}

/** A query string (without `?`) for a search: the inverse of parseSearchParams. */
export function searchParamsOf(query: SearchQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.locale && query.locale !== DEFAULT_LOCALE) params.set('locale', query.locale);
	const filters = query.filters ?? {};
	for (const facet of [
		'category',
		'district',
		'organisation',
		'language',
		'target_group',
		'weekday',
		'german_level'
	] as const) {
		const values = filters[facet];
		if (values?.length) params.set(facet, values.join(','));
	}
	for (const facet of ['free', 'childcare', 'women_only', 'wheelchair'] as const) {
		const value = filters[facet];
		if (value !== undefined) params.set(facet, String(value));
	}
	if (query.near) params.set('near', `${query.near.lat},${query.near.lng}`);
	if (query.limit !== undefined && query.limit !== DEFAULT_PAGE_SIZE) {
		params.set('limit', String(query.limit));
	}
	if (query.offset) params.set('offset', String(query.offset));
	return params;
}
