/** What the offer form says besides field errors: a message key (e.g. `error.conflict`). */
export interface OfferFormMessage {
	key: string;
}
