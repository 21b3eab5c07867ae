import type { WeekDay } from '$lib/week';

/**
 * The keys of the first entry of each offer in the week's days: the entry that carries the
 * offer's anchor (`#offer-<id>`), so that an id is on the page once and the offer page's back
 * link returns to where the offer first appears.
 */
export function firstEntryKeys(days: readonly WeekDay[]): Set<string> {
	const seen = new Set<string>();
	const keys = new Set<string>();
	for (const day of days) {
		for (const entry of day.entries) {
			if (seen.has(entry.offer_id)) continue;
			seen.add(entry.offer_id);
			keys.add(entry.key);
		}
	}
	return keys;
}
