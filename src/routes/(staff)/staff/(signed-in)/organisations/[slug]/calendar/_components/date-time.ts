/** A moment as the calendar page writes it: "Dienstag, 2. März 2027, 18:00". */
import type { I18n } from '$lib/i18n/translate';

export function dateAndTime(i18n: I18n, value: string, timeZone?: string): string {
	return `${i18n.formatDateWithWeekday(value, timeZone)}, ${i18n.formatTime(value, timeZone)}`;
}
