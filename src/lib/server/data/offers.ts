/**
 * One offer as its page shows it, through `get_offer()`. Lists of offers come from the search
 * interface (`$lib/server/search`), never from here.
 *
 *   import * as offers from '$lib/server/data/offers';
 *   const offer = await offers.get(locals.supabase, id, 'ar');
 */
import type { OfferDetail } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

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
