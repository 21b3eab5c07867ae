/**
 * The query string of an offer list (`?district=…&category=…&page=…`), as the filter form and
 * the pagination links write it (`$lib/offer-list-search`). Empty values (the form's "all")
 * mean no filter.
 */
import { z } from 'zod';
import { CATEGORIES } from '$lib/types';

/** Offers per page of a list. */
export const OFFERS_PER_PAGE = 20;

export const offerListQuery = z.object({
	district: z
		.string()
		.regex(/^[a-z0-9-]{1,100}$/)
		.optional(),
	category: z.enum(CATEGORIES).optional(),
	page: z.coerce.number().int().min(1).max(10_000).default(1)
});

export type OfferListQuery = z.infer<typeof offerListQuery>;

/** The query of `params`, or null when a value is not one the list knows. */
export function parseOfferListQuery(params: URLSearchParams): OfferListQuery | null {
	const value = (name: string) => params.get(name) || undefined;
	const parsed = offerListQuery.safeParse({
		district: value('district'),
		category: value('category'),
		page: value('page')
	});
	return parsed.success ? parsed.data : null;
}
