import type { OfferConflict } from '$lib/staff/offer-conflict';

/** What the offer form says besides field errors: a message key (e.g. `error.conflict`). */
export interface OfferFormMessage {
	key: string;
	/** After someone else's save: what they changed next to this person's input. */
	conflict?: {
		changes: OfferConflict[];
		/** Who saved last (an e-mail address), when known. */
		by: string | null;
		/** When (ISO 8601), when known. */
		at: string | null;
	};
}
