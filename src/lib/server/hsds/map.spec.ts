import { describe, expect, it } from 'vitest';
import type { OfferDetail } from '$lib/types';
import { hsdsValidators } from '../../../../tests/support/hsds-schemas';
import {
	derivedId,
	locationId,
	toLocation,
	toOrganization,
	toPage,
	toSchedule,
	toService,
	toServiceAtLocation,
	toServiceListItem
} from './map';

const hsds = hsdsValidators();
const OFFER_ID = '5b0a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c';
const ORG_ID = '0e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b';

function offer(overrides: Partial<OfferDetail> = {}): OfferDetail {
	return {
		id: OFFER_ID,
		title: 'Deutschkurs für Mütter',
		summary: 'Deutsch lernen, mit Kinderbetreuung.',
		description: 'Jeden Dienstag im Stadtteilbüro.',
		cost_note: '5 € pro Monat',
		registration_note: 'Anmeldung per Telefon',
		text_locale: 'de',
		original_locale: 'de',
		provenance: 'original',
		reviewed: true,
		category: 'language_course',
		categories: ['language_course'],
		state: 'published',
		organisation: {
			id: ORG_ID,
			name: 'Stadtteilbüro Sankt Mang',
			kind: 'neighbourhood_office',
			website: 'https://example.org/sankt-mang',
			email: 'buero@example.org',
			phone: '0831 123456'
		},
		street: 'Bodmanstraße 4',
		postal_code: '87439',
		locality: 'Kempten (Allgäu)',
		longitude: 10.3245,
		latitude: 47.7265,
		district: { slug: 'sankt-mang', name: 'Sankt Mang' },
		languages: ['de', 'ar', 'uk'],
		target_groups: ['women'],
		cost_eur: 5,
		is_free: false,
		childcare: true,
		women_only: true,
		wheelchair_accessible: true,
		german_level: 'a1',
		registration: 'required',
		registration_url: null,
		contact_email: 'kurs@example.org',
		contact_phone: '0831 654321',
		last_verified_on: '2026-11-20',
		version: 3,
		is_demo: false,
		schedules: [
			{
				id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
				// Tuesday 3 March 2026, 09:30 in Berlin (winter time)
				starts_at: '2026-03-03T08:30:00+00:00',
				duration_minutes: 90,
				rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260630T215959Z',
				exdates: ['2026-03-31T07:30:00+00:00'],
				timezone: 'Europe/Berlin',
				exceptions: []
			},
			{
				id: '8b7c6d5e-4f3a-4b2c-9d0e-1f2a3b4c5d6e',
				starts_at: '2026-04-08T16:00:00+00:00',
				duration_minutes: 120,
				rrule: 'FREQ=MONTHLY;BYDAY=2WE',
				exdates: [],
				timezone: 'Europe/Berlin'
			},
			{
				id: '9c8d7e6f-5a4b-4c3d-8e1f-2a3b4c5d6e7f',
				starts_at: '2026-07-18T12:00:00+00:00',
				duration_minutes: 240,
				rrule: null,
				exdates: [],
				timezone: 'Europe/Berlin'
			}
		],
		measures: [],
		available_locales: ['de', 'ar'],
		...overrides
	} as OfferDetail;
}

const PAGE_URL = `https://portal.example/de/offers/${OFFER_ID}`;
const context = { updatedAt: '2026-11-30T10:15:00.123456+00:00', pageUrl: PAGE_URL };

describe('the HSDS mapping', () => {
	it('gives a full service that the HSDS 3.0 service schema accepts', () => {
		const service = toService(offer(), context);
		expect(hsds.errors('service', service)).toEqual([]);
		expect(service).toMatchObject({
			id: OFFER_ID,
			name: 'Deutschkurs für Mütter',
			status: 'active',
			url: PAGE_URL,
			assured_date: '2026-11-20',
			last_modified: '2026-11-30T10:15:00.123Z',
			organization: { id: ORG_ID, name: 'Stadtteilbüro Sankt Mang' },
			cost_options: [{ currency: 'EUR', amount: 5, amount_description: '5 € pro Monat' }]
		});
		expect(service.languages.map((l) => [l.code, l.name])).toEqual([
			['de', 'German'],
			['ar', 'Arabic'],
			['uk', 'Ukrainian']
		]);
		const [at] = service.service_at_locations;
		expect(at.location).toMatchObject({
			location_type: 'physical',
			latitude: 47.7265,
			longitude: 10.3245,
			addresses: [
				{
					address_1: 'Bodmanstraße 4',
					city: 'Kempten (Allgäu)',
					postal_code: '87439',
					country: 'DE',
					address_type: 'physical'
				}
			]
		});
	});

	it('writes weekly, monthly and one-off schedules with local times and their offset', () => {
		const [weekly, monthly, once] = toService(offer(), context).schedules;
		expect(weekly).toMatchObject({
			freq: 'WEEKLY',
			interval: 2,
			byday: 'TU',
			dtstart: '2026-03-03',
			valid_from: '2026-03-03',
			until: '2026-06-30',
			valid_to: '2026-06-30',
			opens_at: '09:30+01:00',
			closes_at: '11:00+01:00',
			timezone: 1,
			schedule_link: PAGE_URL
		});
		expect(weekly.notes).toContain('Europe/Berlin');
		expect(weekly.notes).toContain('Not on 2026-03-31');
		// the first date is in summer time: the offset of that date
		expect(monthly).toMatchObject({
			freq: 'MONTHLY',
			byday: '2WE',
			opens_at: '18:00+02:00',
			closes_at: '20:00+02:00',
			timezone: 2
		});
		expect(monthly).not.toHaveProperty('until');
		expect(once).toMatchObject({
			dtstart: '2026-07-18',
			valid_from: '2026-07-18',
			valid_to: '2026-07-18',
			opens_at: '14:00+02:00',
			closes_at: '18:00+02:00'
		});
		expect(once).not.toHaveProperty('freq');
	});

	it('keeps a rule HSDS cannot express in the notes, and lists moved dates', () => {
		const schedule = toSchedule(
			{
				id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
				starts_at: '2026-12-01T17:00:00Z',
				duration_minutes: 60,
				rrule: 'FREQ=DAILY;COUNT=5',
				exdates: ['2026-12-02T17:00:00Z'],
				timezone: 'Europe/Berlin',
				exceptions: [
					{ occurs_at: '2026-12-02T17:00:00Z', moved_to: '2026-12-06T10:00:00Z', note: null }
				]
			},
			{ serviceId: OFFER_ID }
		);
		expect(schedule).not.toHaveProperty('freq');
		expect(schedule.notes).toContain('FREQ=DAILY;COUNT=5');
		expect(schedule.notes).toContain('Moved from 2026-12-02 to 2026-12-06 11:00.');
		expect(schedule.notes).not.toContain('Not on');
		const summer = toSchedule(
			{
				id: '2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
				starts_at: '2026-06-03T16:00:00Z',
				duration_minutes: 60,
				rrule: 'FREQ=WEEKLY;BYDAY=WE;BYMONTH=6,7,8',
				exdates: [],
				timezone: 'Europe/Berlin'
			},
			{ serviceId: OFFER_ID }
		);
		expect(summer).toMatchObject({ freq: 'WEEKLY', byday: 'WE' });
		expect(summer.notes).toContain('BYMONTH=6,7,8');
	});

	it('leaves out what HSDS types as text when the offer has none, and stays valid', () => {
		const bare = offer({
			summary: null,
			description: null,
			cost_note: null,
			registration_note: null,
			contact_email: null,
			contact_phone: null,
			last_verified_on: null,
			street: null,
			postal_code: null,
			locality: null,
			longitude: null,
			latitude: null,
			cost_eur: null,
			is_free: null,
			languages: [],
			schedules: [],
			organisation: {
				...offer().organisation,
				website: 'not a url',
				email: 'info@bürgertreff.de',
				phone: null
			}
		});
		const service = toService(bare, {});
		expect(hsds.errors('service', service)).toEqual([]);
		expect(service).not.toHaveProperty('description');
		expect(service).not.toHaveProperty('assured_date');
		expect(service.organization).not.toHaveProperty('website');
		expect(service.organization).not.toHaveProperty('email');
		expect(service.service_at_locations).toEqual([]);
		expect(service.cost_options).toEqual([]);
		expect(toServiceAtLocation(bare)).toBeNull();
		// free of charge is a cost of 0
		expect(toService(offer({ is_free: true, cost_eur: null })).cost_options).toMatchObject([
			{ amount: 0, currency: 'EUR' }
		]);
	});

	it('gives list items and pages that the list schemas and the Page header accept', () => {
		const item = toServiceListItem(offer(), context);
		expect(hsds.errors('service_list', item)).toEqual([]);
		expect(item).not.toHaveProperty('schedules');
		const at = toServiceAtLocation(offer(), context, { list: true });
		expect(hsds.errors('service_at_location_list', at)).toEqual([]);
		expect(at?.service?.id).toBe(OFFER_ID);
		expect(hsds.errors('service_at_location', toServiceAtLocation(offer(), context))).toEqual([]);

		const page = toPage([item], { total: 41, page: 3, perPage: 20 });
		expect(hsds.errors('page', page)).toEqual([]);
		expect(page).toMatchObject({
			total_items: 41,
			total_pages: 3,
			page_number: 3,
			size: 1,
			first_page: false,
			last_page: true,
			empty: false
		});
		expect(toPage([], { total: 41, page: 4, perPage: 20 })).toMatchObject({
			size: 0,
			last_page: true,
			empty: true
		});
		expect(toPage([], { total: 0, page: 1, perPage: 20 })).toMatchObject({
			total_pages: 0,
			first_page: true,
			last_page: true,
			empty: true
		});
		expect(toPage([item], { total: 41, page: 1, perPage: 20 }).last_page).toBe(false);
	});

	it('gives organizations that the organization schemas accept', () => {
		const org = toOrganization(offer().organisation, [toServiceListItem(offer(), context)]);
		expect(hsds.errors('organization', org)).toEqual([]);
		expect(org).toMatchObject({
			description: 'Neighbourhood office (Stadtteilbüro)',
			phones: [{ number: '0831 123456' }]
		});
		const { services: _s, phones: _p, ...summary } = org;
		expect(hsds.errors('organization_list', summary)).toEqual([]);
	});

	it('derives stable UUIDs, one location per place', () => {
		const id = derivedId('language', OFFER_ID, 'ar');
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(derivedId('language', OFFER_ID, 'ar')).toBe(id);
		expect(derivedId('language', OFFER_ID, 'de')).not.toBe(id);
		const place = offer();
		expect(locationId(place)).toBe(locationId({ ...place }));
		expect(locationId(place)).not.toBe(locationId({ ...place, street: 'Rathausplatz 1' }));
		// a position without an address: a location without addresses
		const point = toLocation({
			street: null,
			postal_code: null,
			locality: null,
			latitude: 47.7,
			longitude: 10.3
		});
		expect(point).toMatchObject({ addresses: [], latitude: 47.7 });
		expect(point).not.toHaveProperty('name');
	});
});
