/**
 * The history of an offer as `offer_history()` returns it (supabase/migrations/
 * 20261202090000_offer_currency.sql), typed, and the message keys that say who made a change,
 * what it was and which fields it touched. Pure, for the staff offer page.
 *
 *   const key = changeKey(entry); // 'staff.history.text.update'
 *   const labels = entry.fields?.map((field) => fieldKey(field)) // null: show the column name
 */
import type { Database } from '$lib/database.types';
import type { PublicationState } from '$lib/types';

type Row = Database['public']['Functions']['offer_history']['Returns'][number];

/** Who made a change: a person (with their address), an account since deleted, the server, the database. */
export type ActorKind = 'person' | 'former_person' | 'service' | 'system';
/** Which part of the offer changed. */
export type HistorySubject = 'offer' | 'text' | 'schedule' | 'measure';
export type HistoryOperation = 'insert' | 'update' | 'delete';

/** One change of an offer, newest first in a list. */
export interface HistoryEntry extends Omit<
	Row,
	'actor_kind' | 'actor_email' | 'subject' | 'locale' | 'operation' | 'fields' | 'new_state'
> {
	actor_kind: ActorKind;
	/** The person's e-mail address; null for every other kind. */
	actor_email: string | null;
	subject: HistorySubject;
	/** The locale of a text; null for the other subjects. */
	locale: string | null;
	operation: HistoryOperation;
	/** For updates: the columns whose values differ, without bookkeeping; null otherwise. */
	fields: string[] | null;
	/** The offer's state after an insert or an update that changed it; null otherwise. */
	new_state: PublicationState | null;
}

/** The message key of what happened, e.g. `staff.history.schedule.delete`. */
export function changeKey(entry: Pick<HistoryEntry, 'subject' | 'operation'>): string {
	return `staff.history.${entry.subject}.${entry.operation}`;
}

/** The message key of who made the change, for all but people (who are named by address). */
export function actorKey(kind: Exclude<ActorKind, 'person'>): string {
	return `staff.history.actor.${kind}`;
}

/** Whether the change is the server's daily archiving of an offer whose dates have all passed. */
export function isAutoArchive(entry: HistoryEntry): boolean {
	return (
		entry.actor_kind === 'service' &&
		entry.subject === 'offer' &&
		entry.operation === 'update' &&
		entry.new_state === 'archived'
	);
}

/**
 * Columns with a name in messages/staff/*.json (`staff.history.field.<column>`); a column not
 * listed (a new one) is shown by its name.
 */
export const NAMED_FIELDS: ReadonlySet<string> = new Set([
	// offers
	'organisation_id',
	'category',
	'categories',
	'original_locale',
	'street',
	'postal_code',
	'locality',
	'location',
	'district_id',
	'languages',
	'target_groups',
	'cost_eur',
	'childcare',
	'women_only',
	'wheelchair_accessible',
	'german_level',
	'registration',
	'registration_url',
	'contact_email',
	'contact_phone',
	'state',
	'last_verified_on',
	'is_demo',
	// offer_translations
	'title',
	'summary',
	'description',
	'cost_note',
	'registration_note',
	'provenance',
	'reviewed',
	// schedules
	'starts_at',
	'duration_minutes',
	'rrule',
	'exdates',
	'timezone',
	// offer_measures
	'measure_id'
]);

/** The message key naming a column, or null when it has none (the page shows the column). */
export function fieldKey(field: string): string | null {
	return NAMED_FIELDS.has(field) ? `staff.history.field.${field}` : null;
}
