/**
 * The day of a next date as cards and the offer page's top show it. Apart from card-when.ts so
 * that the browser gets this and not the rule expansion behind it.
 */
import { intlLocale } from '$lib/i18n/translate';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day of a next date without its year, which the reader knows: "Mittwoch, 2. Dezember",
 * "الأحد، 13 ديسمبر". Short enough for a phone's line next to the time.
 */
export function formatNextDay(locale: string, value: string, timeZone: string): string {
	const key = `${locale} ${timeZone}`;
	let format = dayFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			timeZone
		});
		dayFormats.set(key, format);
	}
	return format.format(new Date(value));
}
