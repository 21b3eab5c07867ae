/**
 * What to show when a save of the offer editor meets someone else's newer save (PT409): the
 * fields where the stored offer differs from what this person sent, each with both values, so
 * they can merge by hand and save again. Nothing is overwritten silently: the form keeps their
 * input and takes the stored version only as the version to save against.
 *
 *   const changes = offerConflicts(form.data, fromOfferForEdit(current));
 */

/** One field whose stored value differs from the person's input. */
export interface OfferConflict {
	/** The form field (`title`, `languages`, `schedules`, …). */
	field: string;
	/** What the person sent. */
	mine: unknown;
	/** What is stored now, from the other person's save. */
	theirs: unknown;
}

/** Fields that say which offer and version (and how to save it), not what it is. */
const BOOKKEEPING = new Set(['id', 'version', 'organisation_id', 'minor_edit']);

/** A value as compared: trimmed text, lists without order, anything else by its JSON. */
function comparable(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value.trim().replace(/\r\n/g, '\n'));
	if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
		return JSON.stringify([...new Set(value)].sort());
	}
	return JSON.stringify(value ?? null);
}

/** The fields (in the form's order) where the stored offer differs from the person's input. */
export function offerConflicts<T extends object>(mine: T, theirs: T): OfferConflict[] {
	const conflicts: OfferConflict[] = [];
	const stored = theirs as Record<string, unknown>;
	for (const [field, value] of Object.entries(mine)) {
		if (BOOKKEEPING.has(field) || !(field in stored)) continue;
		if (comparable(value) !== comparable(stored[field])) {
			conflicts.push({ field, mine: value, theirs: stored[field] });
		}
	}
	return conflicts;
}
