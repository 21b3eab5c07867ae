/**
 * Suggestions from the public: visitors send them (submit_suggestion, as anon), the responsible
 * staff and city admins read their queue and accept, answer or reject them.
 *
 *   import * as suggestions from '$lib/server/data/suggestions';
 *   await suggestions.submit(locals.supabase, { kind: 'mistake', locale, offerId, what });
 *   const rows = await suggestions.queue(locals.supabase, 'new');
 */
import type { Database } from '$lib/database.types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type SuggestionState = Database['public']['Enums']['suggestion_state'];
export type SuggestionKind = Database['public']['Enums']['suggestion_kind'];
export type QueueRow = Database['public']['Functions']['suggestion_queue']['Returns'][number];

export interface NewSuggestion {
	kind: SuggestionKind;
	locale: string;
	what: string;
	offerId?: string;
	place?: string;
	time?: string;
	audience?: string;
	contact?: string;
}

const orNull = (value: string | undefined) => (value ? value : undefined);

/** Stores a visitor's suggestion (nothing is returned to the visitor). */
export async function submit(supabase: Supabase, suggestion: NewSuggestion): Promise<void> {
	const { error } = await supabase.rpc('submit_suggestion', {
		p_kind: suggestion.kind,
		p_locale: suggestion.locale,
		p_what: suggestion.what,
		p_offer_id: orNull(suggestion.offerId),
		p_place: orNull(suggestion.place),
		p_time: orNull(suggestion.time),
		p_audience: orNull(suggestion.audience),
		p_contact: orNull(suggestion.contact)
	});
	if (error) throw fromPostgrestError('submit_suggestion', error);
}

/** The suggestions the signed-in person handles, newest first, optionally of one state. */
export async function queue(
	supabase: Supabase,
	state: SuggestionState | null = null
): Promise<QueueRow[]> {
	const { data, error } = await supabase.rpc('suggestion_queue', state ? { p_state: state } : {});
	if (error) throw fromPostgrestError('suggestion_queue', error);
	return data;
}

/** What accepting made: the offer to edit, and whether it is a new draft. */
export interface Accepted {
	offer_id: string | null;
	draft: boolean;
}

/** Accepts a suggestion; a new offer becomes a draft of `organisationId` in `category`. */
export async function accept(
	supabase: Supabase,
	id: string,
	options: { organisationId?: string; category?: string } = {}
): Promise<Accepted> {
	const { data, error } = await supabase.rpc('accept_suggestion', {
		p_id: id,
		p_organisation_id: options.organisationId,
		p_category: options.category
	});
	if (error) throw fromPostgrestError('accept_suggestion', error);
	return data as unknown as Accepted;
}

/** Keeps the answer given (the staff send it themselves). */
export async function answer(supabase: Supabase, id: string, text: string): Promise<void> {
	const { error } = await supabase.rpc('answer_suggestion', { p_id: id, p_answer: text });
	if (error) throw fromPostgrestError('answer_suggestion', error);
}

/** Rejects a suggestion, with an optional note. */
export async function reject(supabase: Supabase, id: string, note?: string): Promise<void> {
	const { error } = await supabase.rpc('reject_suggestion', { p_id: id, p_note: orNull(note) });
	if (error) throw fromPostgrestError('reject_suggestion', error);
}
