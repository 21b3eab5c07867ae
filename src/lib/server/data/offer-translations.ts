/**
 * An offer's translations through the functions of
 * 20261203100000_offer_translation_editor.sql. `get` answers only for offers the caller may
 * edit (null otherwise); `save` writes the given fields of one locale's translation as a person
 * (human) or a machine wrote them.
 *
 *   import * as offerTranslations from '$lib/server/data/offer-translations';
 *   const texts = await offerTranslations.get(locals.supabase, id);
 *   await offerTranslations.save(locals.supabase, { offerId, locale: 'ar', texts, provenance: 'human', reviewed: false });
 */
import type { Json } from '$lib/database.types';
import type { OfferTranslations, TextField } from '$lib/staff/translations';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** The original and every locale's translation with its status, or null. */
export async function get(supabase: Supabase, offerId: string): Promise<OfferTranslations | null> {
	const { data, error } = await supabase.rpc('offer_translation_status', { p_offer_id: offerId });
	if (error) throw fromPostgrestError('offer_translation_status', error);
	return (data ?? null) as unknown as OfferTranslations | null;
}

export interface SaveTranslation {
	offerId: string;
	locale: string;
	/** The fields to write; those left out stay as they are. */
	texts: Partial<Record<TextField, string | null>>;
	provenance: 'human' | 'machine';
	reviewed: boolean;
	/**
	 * When the original text read was last changed (`original.updated_at` of `get`): if it changed
	 * since, the save is refused as a conflict (DataError `error.conflict`, 409).
	 */
	originalUpdatedAt?: string;
}

/**
 * Writes one locale's translation; it then counts as made from the original as it is now (a
 * conflict when `originalUpdatedAt` is given and the original changed since).
 */
export async function save(supabase: Supabase, input: SaveTranslation): Promise<void> {
	const { error } = await supabase.rpc('save_offer_translation', {
		p_offer_id: input.offerId,
		p_locale: input.locale,
		p_texts: input.texts as Json,
		p_provenance: input.provenance,
		p_reviewed: input.reviewed,
		p_original_updated_at: input.originalUpdatedAt
	});
	if (error) throw fromPostgrestError('save_offer_translation', error);
}
