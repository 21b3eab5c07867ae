/**
 * The reader's language first on a week (the week page, a district's week): within each day the
 * dates of offers with a text in the page's locale come first, then those held in the reader's
 * language or a chosen one, then the rest; each group keeps its order of time.
 *
 *   const week = languageFirstWeek(await weekOf(query), locale, query.filters?.language);
 */
import { languageGrouper } from './language-first';
import type { Week } from './week';

export function languageFirstWeek<W extends Pick<Week, 'days' | 'offers'>>(
	week: W,
	locale: string,
	chosen: readonly string[] = []
): W {
	const groupOf = languageGrouper(locale, chosen);
	const groups = new Map<string, number>();
	for (const offer of Object.values(week.offers)) {
		groups.set(
			offer.id,
			groupOf({ text_locale: offer.text_locale, languages: offer.languages ?? [] })
		);
	}
	const group = (id: string) => groups.get(id) ?? Number.MAX_SAFE_INTEGER;
	return {
		...week,
		days: week.days.map((day) => ({
			...day,
			// a stable sort: within a group, by time as before
			entries: [...day.entries].sort((a, b) => group(a.offer_id) - group(b.offer_id))
		}))
	};
}
