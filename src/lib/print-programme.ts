/**
 * The printed weekly programme: the week's dates (`$lib/server/week`, the week page's own) turned
 * round into one entry per offer, with its dates of the week in order of time (cancelled ones
 * kept, marked), and its texts in one or two locales side by side (a poster in German and
 * Arabic). Offers come in the order of their first date.
 *
 *   const entries = programmeEntries([weekDe, weekAr], ['de', 'ar']);
 */
import { intlLocale } from './i18n/translate';
import type { Week, WeekEntry } from './week';

/** An offer's text in one of the programme's locales. */
export interface ProgrammeText {
	/** The programme's locale (the column's). */
	locale: string;
	title: string;
	/** The locale the title is written in (a fallback may be German or English). */
	text_locale: string;
}

export interface ProgrammeEntry {
	id: string;
	category: string;
	district_name: string | null;
	/** The offer's dates of the week, in order of time; cancelled and moved ones marked. */
	dates: WeekEntry[];
	/** Its texts, one per locale of the programme, in the programme's order. */
	texts: ProgrammeText[];
}

/**
 * One entry per offer of `weeks[0]` that has a date in it. `weeks` are the same week read in
 * each of `locales` (the same search, the texts in another language); an offer missing from a
 * later one (unpublished between the two reads) keeps the first one's text there.
 */
export function programmeEntries(
	weeks: readonly Pick<Week, 'days' | 'offers'>[],
	locales: readonly string[]
): ProgrammeEntry[] {
	const [first] = weeks;
	if (!first) return [];
	const dates = new Map<string, WeekEntry[]>();
	const all = first.days
		.flatMap((day) => day.entries)
		.sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
	for (const entry of all) {
		const list = dates.get(entry.offer_id);
		if (list) list.push(entry);
		else dates.set(entry.offer_id, [entry]);
	}
	const entries: ProgrammeEntry[] = [];
	for (const [id, offerDates] of dates) {
		const offer = first.offers[id];
		if (!offer) continue;
		entries.push({
			id,
			category: offer.category,
			district_name: offer.district_name,
			dates: offerDates,
			texts: locales.map((locale, index) => {
				const text = weeks[index]?.offers[id] ?? offer;
				return { locale, title: text.title, text_locale: text.text_locale };
			})
		});
	}
	return entries;
}

/** A date of the programme, short: "Di., 1.12.", "الثلاثاء، ١‏/١٢". */
export function formatShortDay(locale: string, value: string, timeZone: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'short',
		day: 'numeric',
		month: 'numeric',
		timeZone
	}).format(new Date(value));
}

/** The programme's days: "1.–7. Dezember 2026", "1–7 December 2026". */
export function formatPeriod(locale: string, from: string, to: string, timeZone: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone
	}).formatRange(new Date(from), new Date(to));
}

/** A line of an offer's dates: its regular dates at one time of day, or one exception. */
export interface DateLine {
	/** Regular dates share a line when they have the same time; exceptions stand alone. */
	status: 'regular' | 'cancelled' | 'moved';
	dates: WeekEntry[];
}

/**
 * An offer's dates as a programme prints them, short: the regular ones grouped by their time of
 * day ("14:00–15:30: Di. 1.12., Mi. 2.12."), cancelled and moved ones each on a line of their
 * own, marked. `timeOf` gives a date's time of day as the reader sees it (the grouping key).
 */
export function dateLines(
	dates: readonly WeekEntry[],
	timeOf: (date: WeekEntry) => string
): DateLine[] {
	const lines: DateLine[] = [];
	const regular = new Map<string, DateLine>();
	for (const date of dates) {
		const status = date.status ?? 'regular';
		if (status !== 'regular') {
			lines.push({ status, dates: [date] });
			continue;
		}
		const key = timeOf(date);
		const line = regular.get(key);
		if (line) line.dates.push(date);
		else {
			const added: DateLine = { status, dates: [date] };
			regular.set(key, added);
			lines.push(added);
		}
	}
	return lines;
}
