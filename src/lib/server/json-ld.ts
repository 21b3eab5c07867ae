/**
 * schema.org JSON-LD of an offer's public page: an `Event` with its next date (and each further
 * one as a `subEvent`), its recurring schedules as `eventSchedule`, the place as a `Place` with
 * `PostalAddress` and `GeoCoordinates`, the organisation as `organizer`, and the languages it is
 * held in as `inLanguage`. `jsonLdScript` writes it as a `<script type="application/ld+json">`
 * that cannot end early: `<`, `>`, `&` and the line separators are written as \u escapes. A
 * data block is never executed, so the page's CSP (hashes of its scripts) needs no entry for it.
 *
 *   const jsonLd = jsonLdScript(offerEvent(offer, { pageUrl, upcoming }));
 *   // in svelte:head: {@html data.jsonLd}
 */
import { htmlLang } from '$lib/i18n/locales';
import {
	DEFAULT_TIME_ZONE,
	parseRRule,
	timeZoneOffset,
	toInstant,
	toWallClock,
	type RRule
} from '$lib/schedule/rrule';
import type { OfferDetail, Schedule, UpcomingDate } from '$lib/types';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const pad = (n: number, size = 2) => String(n).padStart(size, '0');

/** An instant as ISO 8601 in the wall clock of `timeZone`, with its offset. */
export function localDateTime(value: string | Date, timeZone: string): string {
	const instant = toInstant(value);
	const t = toWallClock(instant, timeZone);
	const minutes = Math.round(timeZoneOffset(instant, timeZone) / 60_000);
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return (
		`${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

const DAY_NAMES: Record<string, string> = {
	MO: 'Monday',
	TU: 'Tuesday',
	WE: 'Wednesday',
	TH: 'Thursday',
	FR: 'Friday',
	SA: 'Saturday',
	SU: 'Sunday'
};

const FREQUENCY: Record<RRule['freq'], string> = {
	DAILY: 'D',
	WEEKLY: 'W',
	MONTHLY: 'M',
	YEARLY: 'Y'
};

/** A recurring schedule as a schema.org `Schedule`; null for a one-off date or a bad rule. */
export function eventSchedule(schedule: Schedule): Record<string, Json> | null {
	if (!schedule.rrule) return null;
	let rule: RRule;
	try {
		rule = parseRRule(schedule.rrule);
	} catch {
		return null;
	}
	const timeZone = schedule.timezone || DEFAULT_TIME_ZONE;
	const start = toInstant(schedule.starts_at);
	const end = new Date(start.getTime() + schedule.duration_minutes * 60_000);
	const time = (instant: Date) => {
		const t = toWallClock(instant, timeZone);
		return `${pad(t.hour)}:${pad(t.minute)}:00`;
	};
	const first = localDateTime(start, timeZone).slice(0, 10);
	const result: Record<string, Json> = {
		'@type': 'Schedule',
		repeatFrequency: `P${rule.interval}${FREQUENCY[rule.freq]}`,
		startDate: first,
		startTime: time(start),
		endTime: time(end),
		scheduleTimezone: timeZone
	};
	if (rule.byDay.length) {
		result.byDay = rule.byDay.map((d) => `https://schema.org/${DAY_NAMES[d.weekday]}`);
		const weeks = [...new Set(rule.byDay.map((d) => d.ordinal).filter((n) => n !== null))];
		if (rule.freq === 'MONTHLY' && weeks.length) result.byMonthWeek = weeks;
	}
	if (rule.byMonthDay.length) result.byMonthDay = rule.byMonthDay;
	if (rule.byMonth.length) result.byMonth = rule.byMonth;
	if (rule.count) result.repeatCount = rule.count;
	if (rule.until) {
		const u = rule.until;
		result.endDate =
			u.form === 'utc'
				? localDateTime(
						new Date(Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second)),
						timeZone
					).slice(0, 10)
				: `${pad(u.year, 4)}-${pad(u.month)}-${pad(u.day)}`;
	}
	const except = (schedule.exdates ?? []).map((d) => localDateTime(d, timeZone));
	if (except.length) result.exceptDate = except;
	return result;
}

export interface OfferEventOptions {
	/** The page's own address (absolute). */
	pageUrl: string;
	/** The next dates as the page lists them (cancelled ones marked). */
	upcoming: UpcomingDate[];
	/** ISO 3166-1 alpha-2 of the address. */
	country?: string;
}

/** The schema.org `Event` of an offer's page. */
export function offerEvent(offer: OfferDetail, options: OfferEventOptions): Record<string, Json> {
	const when = options.upcoming.filter((date) => date.status !== 'cancelled');
	const dates = when.map((date) => ({
		startDate: localDateTime(date.starts_at, date.timezone || DEFAULT_TIME_ZONE),
		endDate: localDateTime(date.ends_at, date.timezone || DEFAULT_TIME_ZONE)
	}));
	const org = offer.organisation;
	const organizer: Record<string, Json> = { '@type': 'Organization', name: org.name };
	if (org.website) organizer.url = org.website;
	if (org.email) organizer.email = org.email;
	if (org.phone) organizer.telephone = org.phone;

	const place: Record<string, Json> = { '@type': 'Place' };
	const name = offer.street ?? offer.district?.name ?? null;
	if (name) place.name = name;
	if (offer.street || offer.postal_code || offer.locality) {
		const address: Record<string, Json> = { '@type': 'PostalAddress' };
		if (offer.street) address.streetAddress = offer.street;
		if (offer.postal_code) address.postalCode = offer.postal_code;
		if (offer.locality) address.addressLocality = offer.locality;
		address.addressCountry = options.country ?? 'DE';
		place.address = address;
	}
	if (offer.latitude !== null && offer.longitude !== null) {
		place.geo = { '@type': 'GeoCoordinates', latitude: offer.latitude, longitude: offer.longitude };
	}

	const event: Record<string, Json> = {
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': options.pageUrl,
		url: options.pageUrl,
		name: offer.title,
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		eventStatus: 'https://schema.org/EventScheduled',
		organizer
	};
	const description = offer.summary ?? offer.description;
	if (description) event.description = description;
	if (dates[0]) Object.assign(event, dates[0]);
	if (dates.length > 1) {
		event.subEvent = dates.slice(1).map((date) => ({
			'@type': 'Event',
			name: offer.title,
			url: options.pageUrl,
			...date
		}));
	}
	const schedules = offer.schedules.map(eventSchedule).filter((s) => s !== null);
	if (schedules.length) event.eventSchedule = schedules;
	if (Object.keys(place).length > 1) event.location = place;
	if (offer.languages.length) event.inLanguage = offer.languages.map((code) => htmlLang(code));
	if (offer.is_free !== null) event.isAccessibleForFree = offer.is_free;
	if (offer.is_free === false && offer.cost_eur !== null) {
		event.offers = {
			'@type': 'Offer',
			price: Number(offer.cost_eur),
			priceCurrency: 'EUR',
			url: options.pageUrl
		};
	}
	return event;
}

/** `value` as a JSON-LD script element whose text cannot close it or open anything. */
export function jsonLdScript(value: Json | Record<string, Json>): string {
	const text = JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${text}</script>`;
}
