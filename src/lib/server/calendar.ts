/**
 * Offers as iCalendar: one VEVENT per schedule, recurrences kept as RRULE, named
 * `<schedule id>@<host name>` so that a subscribed calendar recognises an entry when the feed is read
 * again. Used by the feed (`/api/offers.ics`) and an offer's "add to calendar" download.
 *
 *   const body = offersCalendar(offers, { url, locale, name: 'Angebote in Kempten' });
 */
import { localizePath, type Locale } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import { toICS, type CalendarEvent } from '$lib/schedule/ics';
import { assertTimeZone, DEFAULT_TIME_ZONE, parseRRule, toInstant } from '$lib/schedule/rrule';
import type { Schedule } from '$lib/types';

export const PROD_ID = '-//Stadtteil-Portal//Angebote//DE';

/** What a calendar entry of an offer shows. */
export interface CalendarOffer {
	id: string;
	title: string;
	summary: string | null;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	/** Slugs of the offer's categories, the main one first (CATEGORIES, in the locale's words). */
	categories?: readonly string[];
	/** When the offer last changed, if known (LAST-MODIFIED). */
	updated_at?: string | null;
	schedules: Schedule[];
}

export interface CalendarOptions {
	/** The request's URL: its origin makes the offer links, its host the UIDs. */
	url: URL;
	/** Locale of the offer pages linked. */
	locale: Locale;
	/** Name subscribing apps show (X-WR-CALNAME). */
	name?: string;
}

/** "Street 1, 87435 Kempten", or undefined without any part. */
function address(offer: CalendarOffer): string | undefined {
	const place = [offer.postal_code, offer.locality].filter(Boolean).join(' ');
	return [offer.street, place].filter(Boolean).join(', ') || undefined;
}

/** Whether a schedule can be written (the database checks rules, but not every zone name). */
function writable(schedule: Schedule, offerId: string): boolean {
	try {
		toInstant(schedule.starts_at);
		assertTimeZone(schedule.timezone || DEFAULT_TIME_ZONE);
		if (schedule.rrule) parseRRule(schedule.rrule);
		return true;
	} catch (cause) {
		console.error(`[calendar] schedule ${schedule.id} of offer ${offerId} left out: ${cause}`);
		return false;
	}
}

/** The calendar entries of offers: one per schedule that can be written. */
export function offerEvents(
	offers: readonly CalendarOffer[],
	options: CalendarOptions
): CalendarEvent[] {
	const events: CalendarEvent[] = [];
	const { t } = createTranslator(options.locale);
	const cancelledLabel = t('schedule.cancelled');
	for (const offer of offers) {
		const url = new URL(localizePath(options.locale, `/offers/${offer.id}`), options.url.origin);
		for (const schedule of offer.schedules) {
			if (!writable(schedule, offer.id)) continue;
			events.push({
				uid: `${schedule.id}@${options.url.hostname}`,
				title: offer.title,
				description: offer.summary ? `${offer.summary}\n\n${url.href}` : url.href,
				location: address(offer),
				url: url.href,
				categories: (offer.categories ?? []).map((slug) => t(`category.${slug}`)),
				start: schedule.starts_at,
				durationMinutes: schedule.duration_minutes,
				rrule: schedule.rrule,
				exdates: schedule.exdates,
				// cancelled dates stay in the calendar, marked, with their note; moved ones move
				exceptions: schedule.exceptions ?? [],
				cancelledLabel,
				timezone: schedule.timezone || DEFAULT_TIME_ZONE,
				lastModified: offer.updated_at ?? undefined
			});
		}
	}
	return events;
}

/** An iCalendar document of the offers' schedules (CRLF, folded at 75 octets). */
export function offersCalendar(offers: readonly CalendarOffer[], options: CalendarOptions): string {
	return toICS({ prodId: PROD_ID, name: options.name, events: offerEvents(offers, options) });
}

/** Content type of iCalendar answers. */
export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
