/**
 * A Stadtteilbüro's public facts as the district page and the staff page use them (SQL:
 * district_offices, get_office_facts; migration 20261203141700_office_facts.sql), and the pure
 * helpers that show them: the text in the reader's language, the week's rows, today's weekday.
 *
 *   const rows = weekRows(office.opening_hours); // Monday … Sunday, closed days with no hours
 *   const text = localeText(office.directions, 'ar'); // { text, locale: 'en' } or null
 */
import { isLocale } from '$lib/i18n/locales';
import { languageName } from '$lib/i18n/translate';
import { textFallbacks } from '$lib/language-first';

/** One opening period on a weekday. */
export interface OpeningHour {
	/** ISO weekday: 1 Monday … 7 Sunday. */
	weekday: number;
	/** "HH:MM" */
	opens: string;
	/** "HH:MM", after `opens` ("24:00" for midnight). */
	closes: string;
}

/** Texts per locale code ({"de": "…", "en": "…"}). */
export type LocaleTexts = Record<string, string>;

/** An office as the district page shows it. */
export interface Office {
	id: string;
	slug: string;
	name: string;
	kind: string;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	opening_hours: OpeningHour[];
	hours_note: LocaleTexts;
	/** ISO 639 codes of the languages spoken there. */
	languages: string[];
	directions: LocaleTexts;
	latitude: number | null;
	longitude: number | null;
	/** 0 while no facts were saved. */
	version: number;
	updated_at: string | null;
	/** True when the office does not serve the district but is the nearest one. */
	nearest?: boolean;
}

/** The staff page's read: the office and the districts it serves. */
export interface OfficeForEdit extends Office {
	districts: { slug: string; name: string }[];
}

/** What the staff page saves (save_office_facts' object). */
export interface OfficeFactsInput {
	opening_hours: OpeningHour[];
	hours_note: LocaleTexts;
	languages: string[];
	directions: LocaleTexts;
	latitude: number | null;
	longitude: number | null;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The text for a reader of `locale`: theirs, else (Einfache Sprache: German, then) English,
 * then German, then any; with the locale it is in. Null when there is none.
 */
export function localeText(
	texts: LocaleTexts | null | undefined,
	locale: string
): { text: string; locale: string } | null {
	if (!texts) return null;
	const found =
		textFallbacks(locale).find((code) => texts[code]?.trim()) ?? Object.keys(texts).find(isLocale);
	return found && texts[found]?.trim() ? { text: texts[found], locale: found } : null;
}

/** Monday to Sunday, each with its opening periods by time (none: closed). */
export function weekRows(
	hours: readonly OpeningHour[]
): { weekday: (typeof WEEKDAYS)[number]; hours: OpeningHour[] }[] {
	return WEEKDAYS.map((weekday) => ({
		weekday,
		hours: hours
			.filter((hour) => hour.weekday === weekday)
			.sort((a, b) => a.opens.localeCompare(b.opens))
	}));
}

/** The ISO weekday (1 Monday … 7 Sunday) of an instant in a time zone. */
export function isoWeekday(at: Date, timeZone: string): number {
	const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(at);
	return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(name) + 1;
}

/** A calendar date that falls on the ISO weekday (1 January 2024 was a Monday), for Intl. */
export function dateOfWeekday(weekday: number): string {
	return `2024-01-0${weekday}`;
}

/** An opening period as two instants of one UTC day, for Intl's time range ("24:00" as 23:59). */
export function periodInstants(hour: OpeningHour): [string, string] {
	const closes = hour.closes === '24:00' ? '23:59' : hour.closes;
	return [`2024-01-01T${hour.opens}:00Z`, `2024-01-01T${closes}:00Z`];
}

/** A language in its own name, capitalised as in a list of languages ("Русский", "Polski"). */
export function ownLanguageName(code: string): string {
	const name = languageName(code, code);
	return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}
