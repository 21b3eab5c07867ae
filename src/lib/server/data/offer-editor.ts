/**
 * The offer editor's reads and writes, through the functions of
 * 20261202100000_offer_editor.sql. `get` answers only for offers the caller may edit (null
 * otherwise); `save` creates an offer (no id) or changes one carrying the version it read, with
 * its original text, in one transaction: an old version is a DataError `error.conflict` (409).
 *
 *   import * as offerEditor from '$lib/server/data/offer-editor';
 *   const offer = await offerEditor.get(locals.supabase, id);
 *   const { id, version } = await offerEditor.save(locals.supabase, toSaveOffer(form.data));
 */
import type { Json } from '$lib/database.types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';
import * as staffOffer from './staff-offer';

/** What `save` answers: the offer's id and its version now. */
export interface SavedOffer {
	id: string;
	version: number;
}

/** Every editable field of the offer, or null when the caller may not edit it. */
export async function get(supabase: Supabase, id: string): Promise<Record<string, unknown> | null> {
	const { data, error } = await supabase.rpc('get_offer_for_edit', { p_offer_id: id });
	if (error) throw fromPostgrestError('get_offer_for_edit', error);
	return (data ?? null) as Record<string, unknown> | null;
}

/** Creates or changes an offer with its original text (see `toSaveOffer`). */
export async function save(
	supabase: Supabase,
	offer: Record<string, unknown>
): Promise<SavedOffer> {
	const { data, error } = await supabase.rpc('save_offer', { p_offer: offer as Json });
	if (error) throw fromPostgrestError('save_offer', error);
	return data as unknown as SavedOffer;
}

/** The offer as stored now, and who saved it last and when (for the merge view of a conflict). */
export interface StoredOffer {
	offer: Record<string, unknown>;
	by: string | null;
	at: string | null;
}

/** The stored offer with its last change, or null when the caller may not edit it (any more). */
export async function stored(supabase: Supabase, id: string): Promise<StoredOffer | null> {
	const [offer, [last]] = await Promise.all([
		get(supabase, id),
		staffOffer.history(supabase, id, 1)
	]);
	if (!offer) return null;
	return { offer, by: last?.actor_email ?? null, at: last?.occurred_at ?? null };
}
