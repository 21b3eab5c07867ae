/**
 * The cross-cutting themes an offer serves, chosen by its staff among the themes of the city's
 * current concept.
 *
 *   import * as offerThemes from '$lib/server/data/offer-themes';
 *   const choices = await offerThemes.choices(locals.supabase, offerId);
 */
import type { Database } from '$lib/database.types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type ThemeChoice = Database['public']['Functions']['offer_theme_choices']['Returns'][number];

/** Every theme of the current concept, by title, with whether the offer serves it. */
export async function choices(supabase: Supabase, offerId: string): Promise<ThemeChoice[]> {
	const { data, error } = await supabase.rpc('offer_theme_choices', { p_offer_id: offerId });
	if (error) throw fromPostgrestError('offer_theme_choices', error);
	return data;
}

/** Sets the themes the offer serves (slugs of the current concept's themes). */
export async function set(supabase: Supabase, offerId: string, slugs: string[]): Promise<void> {
	const { error } = await supabase.rpc('set_offer_themes', {
		p_offer_id: offerId,
		p_themes: slugs
	});
	if (error) throw fromPostgrestError('set_offer_themes', error);
}
