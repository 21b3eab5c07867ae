/**
 * Offers as the public pages read them, through `list_offers()` and `get_offer()`.
 *
 *   import * as offers from '$lib/server/data/offers';
 *   const page = await offers.list(locals.supabase, { locale: 'ar', district: 'st-mang' });
 */
import type { Category, OfferDetail, OfferPage, OfferSummary } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export interface ListOptions {
	/** Locale of the texts wanted; the database falls back to en, de, the original. */
	locale: string;
	/** Only offers in the district with this slug. */
	district?: string;
	/** Only offers of this category. */
	category?: Category;
	/** Page size, 1 to 200 (the database clamps it). */
	limit?: number;
	offset?: number;
}

type OfferRow = OfferSummary & { total_count: number | string };

/** Published offers, sorted by title, with the number of all that match. */
export async function list(supabase: Supabase, options: ListOptions): Promise<OfferPage> {
	const { data, error } = await supabase.rpc('list_offers', {
		p_locale: options.locale,
		p_district: options.district,
		p_category: options.category,
		p_limit: options.limit,
		p_offset: options.offset
	});
	if (error) throw fromPostgrestError('list_offers', error);
	const rows = (data ?? []) as unknown as OfferRow[];
	// count(*) over () is a bigint: a number from PostgREST, a string from some drivers
	const total = rows.length > 0 ? Number(rows[0].total_count) : 0;
	return {
		offers: rows.map(({ total_count: _total, ...offer }) => offer),
		total
	};
}

/**
 * One offer with its schedules and the measures it implements, texts in `locale` (or the
 * fallback); null when it does not exist or the visitor may not see it. `id` must be a UUID.
 */
export async function get(
	supabase: Supabase,
	id: string,
	locale: string
): Promise<OfferDetail | null> {
	const { data, error } = await supabase.rpc('get_offer', { p_id: id, p_locale: locale });
	if (error) throw fromPostgrestError('get_offer', error);
	return (data ?? null) as unknown as OfferDetail | null;
}
