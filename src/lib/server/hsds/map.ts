/**
 * The portal's offers as Open Referral HSDS 3.0 objects (https://docs.openreferral.org/): an
 * offer is a `service` of its `organization`; its address and position a `location` (offers at
 * the same place share one) reached through a `service_at_location`; its languages `language`
 * entries with their ISO 639 code; each schedule a `schedule` (a weekly or monthly rule with
 * `freq`, `interval`, `byday`, `dtstart`, `until`, a one-off date with `valid_from` = `valid_to`);
 * the date it was last verified `assured_date`. Pure functions, used by the `/hsds/…` routes.
 *
 *   const service = toService(offer, { updatedAt, pageUrl });
 *   return apiJson(toPage([toServiceListItem(...)], { total, page: 1, perPage: 20 }));
 *
 * HSDS wants every `id` to be a UUID; parts the portal keeps inside the offer (its place, its
 * languages, its phone) get a stable one derived from the offer's: `derivedId`.
 */
import { createHash } from 'node:crypto';
import {
	DEFAULT_TIME_ZONE,
	parseRRule,
	timeZoneOffset,
	toInstant,
	toWallClock,
	type RRule
} from '$lib/schedule/rrule';
import type { OfferDetail, OrganisationKind, Schedule } from '$lib/types';

/** The HSDS release the answers follow. */
export const HSDS_VERSION = '3.0.1';
/** No profile: the base specification (its schemas, openapi.json and documentation). */
export const HSDS_PROFILE = 'https://github.com/openreferral/specification/tree/3.0';
export const HSDS_OPENAPI =
	'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

/** Namespace of `derivedId` (a fixed random UUID of this portal). */
const NAMESPACE = Buffer.from('3f6b2f0e9c1d4a7e8b5a2c4d6e8f0a1b', 'hex');

/**
 * A stable UUID (version 5, RFC 9562: SHA-1 of a namespace and the name) for something that has
 * no id of its own, e.g. `derivedId('language', offerId, 'ar')`.
 */
export function derivedId(...parts: string[]): string {
	const hash = createHash('sha1').update(NAMESPACE).update(parts.join('\u0000')).digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Drops properties that are null or undefined: HSDS types them as strings or numbers only. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(value).filter(([, v]) => v !== null && v !== undefined)
	) as Partial<T>;
}

/** What the organisation is, in words, as HSDS requires a description. */
const KIND_DESCRIPTIONS: Record<OrganisationKind, string> = {
	neighbourhood_office: 'Neighbourhood office (Stadtteilbüro)',
	provider: 'Provider of courses and services',
	counselling_service: 'Counselling service',
	club: 'Club or association',
	authority: 'Public authority',
	migrant_organisation: 'Migrant organisation',
	education: 'Educational institution',
	religious_community: 'Religious community',
	welfare_association: 'Welfare association',
	other: 'Organisation'
};

/** The organisation's fields an HSDS `organization` carries. */
export interface OrganisationFacts {
	id: string;
	name: string;
	kind: OrganisationKind;
	website: string | null;
	email: string | null;
	phone: string | null;
}

/** A URL HSDS accepts (`format: uri`): absolute http(s). */
function httpUrl(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** An address as JSON Schema's `format: email` reads it (RFC 5321, ASCII only). */
const EMAIL =
	/^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The address when `format: email` accepts it; else left out (e.g. an umlaut domain). */
function email(value: string | null | undefined): string | undefined {
	return value && EMAIL.test(value) ? value : undefined;
}

/** HSDS `organization` (its one-to-one fields; `services`, `phones` when given). */
export function toOrganization(org: OrganisationFacts, services?: Record<string, unknown>[]) {
	return compact({
		id: org.id,
		name: org.name,
		description: KIND_DESCRIPTIONS[org.kind] ?? KIND_DESCRIPTIONS.other,
		email: email(org.email),
		website: httpUrl(org.website),
		phones: org.phone ? [{ id: derivedId('phone', org.id), number: org.phone }] : undefined,
		services
	});
}

/** The one-to-one fields of an organization (list items, nested in a service). */
export function toOrganizationSummary(org: OrganisationFacts) {
	const { phones: _phones, services: _services, ...rest } = toOrganization(org);
	return rest;
}

/** `YYYY-MM-DD` of a wall clock. */
const isoDate = (t: { year: number; month: number; day: number }) =>
	`${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
const hhmm = (t: { hour: number; minute: number }) =>
	`${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** `+01:00` for an offset in milliseconds. */
function offsetText(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The last date a rule's UNTIL allows, as a date in `timeZone`. */
function untilDate(rule: RRule, timeZone: string): string | undefined {
	const until = rule.until;
	if (!until) return undefined;
	if (until.form !== 'utc') return isoDate(until);
	const instant = Date.UTC(
		until.year,
		until.month - 1,
		until.day,
		until.hour,
		until.minute,
		until.second
	);
	return isoDate(toWallClock(instant, timeZone));
}

/** Where a schedule applies: the offer, and its place when it has one. */
export interface ScheduleLinks {
	serviceId: string;
	serviceAtLocationId?: string;
	locationId?: string;
	/** The offer's page (`schedule_link`). */
	pageUrl?: string;
}

/**
 * HSDS `schedule` of one of the portal's schedules. Times are the wall clock of the schedule's
 * zone with the UTC offset of its first date (`opens_at` `10:00+01:00`, `timezone` 1); across a
 * change to summer time the wall clock stays, as the rule in that zone says (named in `notes`).
 * A rule HSDS cannot express (DAILY, YEARLY) keeps `dtstart` and is described in `notes`. Dates
 * left out or moved (HSDS has no exception dates) are listed in `notes`.
 */
export function toSchedule(schedule: Schedule, links: ScheduleLinks) {
	const timeZone = schedule.timezone || DEFAULT_TIME_ZONE;
	const start = toInstant(schedule.starts_at);
	const end = new Date(start.getTime() + schedule.duration_minutes * 60_000);
	const offset = timeZoneOffset(start, timeZone);
	const local = toWallClock(start, timeZone);
	const localEnd = toWallClock(end, timeZone);
	const dtstart = isoDate(local);
	const notes: string[] = [`Times are local to ${timeZone}.`];

	let recurrence: Record<string, unknown> = { valid_from: dtstart, valid_to: dtstart };
	if (schedule.rrule) {
		let rule: RRule | null = null;
		try {
			rule = parseRRule(schedule.rrule);
		} catch {
			rule = null;
		}
		if (rule && (rule.freq === 'WEEKLY' || rule.freq === 'MONTHLY')) {
			const until = untilDate(rule, timeZone);
			recurrence = compact({
				valid_from: dtstart,
				valid_to: until,
				freq: rule.freq,
				interval: rule.interval > 1 ? rule.interval : undefined,
				byday: rule.byDay.length
					? rule.byDay.map((d) => `${d.ordinal ?? ''}${d.weekday}`).join(',')
					: undefined,
				bymonthday: rule.byMonthDay.length ? rule.byMonthDay.join(',') : undefined,
				until,
				count: rule.count ?? undefined,
				wkst: rule.wkst !== 'MO' ? rule.wkst : undefined
			});
			// parts HSDS has no field for: the whole rule for readers who need them
			if (rule.byMonth.length || rule.bySetPos.length) {
				notes.push(`Recurrence (iCalendar RRULE): ${schedule.rrule}.`);
			}
		} else {
			recurrence = { valid_from: dtstart };
			notes.push(`Recurrence (iCalendar RRULE): ${schedule.rrule}.`);
		}
	}

	const exceptions = schedule.exceptions ?? [];
	const moved = new Set(exceptions.map((e) => toInstant(e.occurs_at).getTime()));
	const skipped = (schedule.exdates ?? [])
		.map((value) => toInstant(value))
		.filter((instant) => !moved.has(instant.getTime()))
		.map((instant) => isoDate(toWallClock(instant, timeZone)));
	const cancelled = exceptions
		.filter((e) => !e.moved_to)
		.map((e) => isoDate(toWallClock(toInstant(e.occurs_at), timeZone)));
	const notOn = [...new Set([...skipped, ...cancelled])].sort();
	if (notOn.length) notes.push(`Not on ${notOn.join(', ')}.`);
	for (const e of exceptions) {
		if (!e.moved_to) continue;
		const to = toWallClock(toInstant(e.moved_to), timeZone);
		const from = isoDate(toWallClock(toInstant(e.occurs_at), timeZone));
		notes.push(`Moved from ${from} to ${isoDate(to)} ${hhmm(to)}.`);
	}

	return compact({
		id: schedule.id,
		service_id: links.serviceId,
		service_at_location_id: links.serviceAtLocationId,
		location_id: links.locationId,
		dtstart,
		timezone: offset / 3_600_000,
		...recurrence,
		opens_at: `${hhmm(local)}${offsetText(offset)}`,
		closes_at: `${hhmm(localEnd)}${offsetText(timeZoneOffset(end, timeZone))}`,
		schedule_link: httpUrl(links.pageUrl),
		attending_type: 'in person',
		notes: notes.join(' ')
	});
}

/** The place of an offer, or null when it has neither an address nor a position. */
export interface Place {
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	latitude: number | null;
	longitude: number | null;
}

/** Context of the place's address: the country (ISO 3166-1 alpha-2) and state of the city. */
export interface Region {
	country: string;
	state_province: string;
}

export const DEFAULT_REGION: Region = { country: 'DE', state_province: 'Bayern' };

/** Whether an offer has a place HSDS can describe. */
export function hasPlace(place: Place): boolean {
	return Boolean(place.street) || (place.latitude !== null && place.longitude !== null);
}

/** A location's id: the same for every offer at the same address and point. */
export function locationId(place: Place): string {
	return derivedId(
		'location',
		place.street ?? '',
		place.postal_code ?? '',
		place.locality ?? '',
		String(place.latitude ?? ''),
		String(place.longitude ?? '')
	);
}

/** HSDS `location` (physical) of a place; with its `addresses` unless `summary`. */
export function toLocation(place: Place, region: Region = DEFAULT_REGION, summary = false) {
	const id = locationId(place);
	const name = [place.street, [place.postal_code, place.locality].filter(Boolean).join(' ')]
		.filter(Boolean)
		.join(', ');
	const address =
		place.street && place.postal_code && place.locality
			? {
					id: derivedId('address', id),
					location_id: id,
					address_1: place.street,
					city: place.locality,
					state_province: region.state_province,
					postal_code: place.postal_code,
					country: region.country,
					address_type: 'physical'
				}
			: null;
	return compact({
		id,
		location_type: 'physical',
		name: name || undefined,
		latitude: place.latitude ?? undefined,
		longitude: place.longitude ?? undefined,
		addresses: summary ? undefined : address ? [address] : []
	});
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** HSDS `language` entries of an offer (ISO 639 codes, English names). */
export function toLanguages(serviceId: string, codes: readonly string[]) {
	return codes.map((code) => {
		let name: string | undefined;
		try {
			name = languageNames.of(code);
		} catch {
			name = undefined;
		}
		return compact({
			id: derivedId('language', serviceId, code),
			service_id: serviceId,
			name,
			code
		});
	});
}

/** What the page of an offer adds to it. */
export interface ServiceContext {
	/** When the offer last changed (ISO 8601). */
	updatedAt?: string | null;
	/** The offer's public page. */
	pageUrl?: string;
	region?: Region;
}

/** The one-to-one fields of a service and its organization (a list's item). */
export function toServiceListItem(offer: OfferDetail, context: ServiceContext = {}) {
	return compact({
		id: offer.id,
		organization_id: offer.organisation.id,
		name: offer.title,
		description: offer.description ?? offer.summary ?? undefined,
		url: httpUrl(context.pageUrl),
		email: email(offer.contact_email),
		status: 'active',
		application_process: offer.registration_note ?? undefined,
		fees_description: offer.cost_note ?? undefined,
		assured_date: offer.last_verified_on ?? undefined,
		last_modified: context.updatedAt ? new Date(context.updatedAt).toISOString() : undefined,
		organization: toOrganizationSummary(offer.organisation)
	});
}

/** A service's place as its `service_at_location`, or null without one. */
export function toServiceAtLocation(
	offer: OfferDetail,
	context: ServiceContext = {},
	options: { list?: boolean } = {}
) {
	if (!hasPlace(offer)) return null;
	const location = toLocation(offer, context.region, options.list);
	const id = derivedId('service_at_location', offer.id);
	return {
		id,
		service_id: offer.id,
		location_id: location.id as string,
		location,
		...(options.list ? { service: toServiceListItem(offer, context) } : {})
	};
}

/** The full HSDS `service` of an offer: organization, place, languages, schedules, costs. */
export function toService(offer: OfferDetail, context: ServiceContext = {}) {
	const at = toServiceAtLocation(offer, context);
	const links: ScheduleLinks = {
		serviceId: offer.id,
		serviceAtLocationId: at?.id,
		locationId: at?.location_id,
		pageUrl: context.pageUrl
	};
	const phone = offer.contact_phone ?? null;
	const cost =
		offer.is_free === true
			? { amount: 0 }
			: offer.cost_eur !== null && offer.cost_eur !== undefined
				? { amount: Number(offer.cost_eur) }
				: null;
	return {
		...toServiceListItem(offer, context),
		organization: toOrganization(offer.organisation),
		phones: phone
			? [{ id: derivedId('phone', offer.id), service_id: offer.id, number: phone }]
			: [],
		languages: toLanguages(offer.id, offer.languages),
		schedules: offer.schedules.map((schedule) => toSchedule(schedule, links)),
		service_at_locations: at ? [at] : [],
		cost_options: cost
			? [
					compact({
						id: derivedId('cost', offer.id),
						service_id: offer.id,
						currency: 'EUR',
						amount: cost.amount,
						amount_description: offer.cost_note ?? undefined
					})
				]
			: []
	};
}

/** The `Page` of the HSDS API around one page of items. */
export function toPage<T>(
	contents: T[],
	{ total, page, perPage }: { total: number; page: number; perPage: number }
) {
	const totalPages = Math.ceil(total / perPage);
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}
