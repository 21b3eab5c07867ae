/**
 * The cards of a list with when and where: the next date (or the rule in words) and the
 * street, from the schedules of the page's offers, read in one batch through public-reads.ts
 * (which caches them), as the week page reads them. No extra request per card, nothing for the
 * browser to compute.
 *
 *   const offers = await withCardWhen(hits.map((hit) => hit.offer), locale);
 */
import { cardWhen, type CardWhen } from '$lib/schedule/card-when';
import * as publicReads from '$lib/server/data/public-reads';

/** What a card adds to a search hit. */
export interface CardExtras {
	/** The next date and its rule; null when the offer has no schedule. */
	when: CardWhen | null;
	/** The street it takes place in, when known. */
	street: string | null;
}

/**
 * `offers` with when and where, in the same order. When the schedules cannot be read the
 * cards go without them: the list still answers.
 */
export async function withCardWhen<T extends { id: string }>(
	offers: readonly T[],
	locale: string,
	now: Date = new Date()
): Promise<(T & CardExtras)[]> {
	let byOffer: Awaited<ReturnType<typeof publicReads.schedulesOf>>;
	try {
		byOffer = await publicReads.schedulesOf(offers.map((offer) => offer.id));
	} catch (cause) {
		console.error(`card dates: ${String(cause)}`);
		byOffer = new Map();
	}
	return offers.map((offer) => {
		const row = byOffer.get(offer.id);
		return {
			...offer,
			when: row ? cardWhen(row.schedules, locale, now) : null,
			street: row?.street ?? null
		};
	});
}
