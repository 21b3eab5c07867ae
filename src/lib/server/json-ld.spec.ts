import { describe, expect, it } from 'vitest';
import type { OfferDetail } from '$lib/types';
import { eventSchedule, jsonLdScript, localDateTime, offerEvent } from './json-ld';

const PAGE = 'https://portal.example/ar/offers/5b0a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c';

function offer(overrides: Partial<OfferDetail> = {}): OfferDetail {
	return {
		id: '5b0a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c',
		title: 'Café </script><script>alert(1)</script> & Treff',
		summary: 'Zusammen Deutsch sprechen.',
		description: null,
		organisation: {
			id: '0e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b',
			name: 'Stadtteilbüro Sankt Mang',
			kind: 'neighbourhood_office',
			website: 'https://example.org',
			email: null,
			phone: '0831 1'
		},
		street: 'Bodmanstraße 4',
		postal_code: '87439',
		locality: 'Kempten',
		longitude: 10.32,
		latitude: 47.72,
		district: { slug: 'sankt-mang', name: 'Sankt Mang' },
		languages: ['de', 'ar'],
		is_free: true,
		cost_eur: null,
		schedules: [
			{
				id: 's1',
				starts_at: '2026-03-03T08:30:00Z',
				duration_minutes: 90,
				rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260630T215959Z',
				exdates: ['2026-03-31T07:30:00Z'],
				timezone: 'Europe/Berlin'
			},
			{
				id: 's2',
				starts_at: '2026-04-08T16:00:00Z',
				duration_minutes: 60,
				rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
				exdates: [],
				timezone: 'Europe/Berlin'
			},
			{
				id: 's3',
				starts_at: '2026-07-18T12:00:00Z',
				duration_minutes: 60,
				rrule: null,
				exdates: [],
				timezone: 'Europe/Berlin'
			}
		],
		...overrides
	} as OfferDetail;
}

const upcoming = [
	{
		starts_at: '2026-12-01T08:30:00.000Z',
		ends_at: '2026-12-01T10:00:00.000Z',
		timezone: 'Europe/Berlin'
	},
	{
		starts_at: '2026-12-03T08:30:00.000Z',
		ends_at: '2026-12-03T10:00:00.000Z',
		timezone: 'Europe/Berlin',
		status: 'cancelled' as const
	},
	{
		starts_at: '2027-04-01T07:30:00.000Z',
		ends_at: '2027-04-01T09:00:00.000Z',
		timezone: 'Europe/Berlin'
	}
];

describe('offerEvent', () => {
	it('is an Event with its next dates, schedules, place, organizer and languages', () => {
		const event = offerEvent(offer(), { pageUrl: PAGE, upcoming });
		expect(event).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Event',
			url: PAGE,
			startDate: '2026-12-01T09:30:00+01:00',
			endDate: '2026-12-01T11:00:00+01:00',
			// the cancelled date is left out; summer time has its own offset
			subEvent: [{ '@type': 'Event', startDate: '2027-04-01T09:30:00+02:00' }],
			location: {
				'@type': 'Place',
				name: 'Bodmanstraße 4',
				address: {
					'@type': 'PostalAddress',
					streetAddress: 'Bodmanstraße 4',
					postalCode: '87439',
					addressLocality: 'Kempten',
					addressCountry: 'DE'
				},
				geo: { '@type': 'GeoCoordinates', latitude: 47.72, longitude: 10.32 }
			},
			organizer: {
				'@type': 'Organization',
				name: 'Stadtteilbüro Sankt Mang',
				url: 'https://example.org'
			},
			inLanguage: ['de', 'ar'],
			isAccessibleForFree: true
		});
		const schedules = event.eventSchedule as Record<string, unknown>[];
		expect(schedules).toHaveLength(2);
		expect(schedules[0]).toEqual({
			'@type': 'Schedule',
			repeatFrequency: 'P2W',
			startDate: '2026-03-03',
			endDate: '2026-06-30',
			startTime: '09:30:00',
			endTime: '11:00:00',
			scheduleTimezone: 'Europe/Berlin',
			byDay: ['https://schema.org/Tuesday', 'https://schema.org/Thursday'],
			exceptDate: ['2026-03-31T09:30:00+02:00']
		});
		expect(schedules[1]).toMatchObject({ repeatFrequency: 'P1M', byMonthWeek: [-1] });
		expect(event).not.toHaveProperty('offers');
	});

	it('leaves out what the offer does not have, and names a price', () => {
		const event = offerEvent(
			offer({
				street: null,
				postal_code: null,
				locality: null,
				latitude: null,
				longitude: null,
				district: null,
				languages: [],
				schedules: [],
				is_free: false,
				cost_eur: 12
			}),
			{ pageUrl: PAGE, upcoming: [] }
		);
		for (const key of ['startDate', 'location', 'inLanguage', 'eventSchedule', 'subEvent']) {
			expect(event).not.toHaveProperty(key);
		}
		expect(event.offers).toEqual({ '@type': 'Offer', price: 12, priceCurrency: 'EUR', url: PAGE });
		expect(
			eventSchedule({
				id: 'x',
				starts_at: '2026-01-01T00:00:00Z',
				duration_minutes: 1,
				rrule: 'BAD',
				exdates: [],
				timezone: 'Europe/Berlin'
			})
		).toBeNull();
	});
});

describe('jsonLdScript', () => {
	it('cannot be closed by the data, and parses back to it', () => {
		const value = offerEvent(offer(), { pageUrl: PAGE, upcoming });
		const script = jsonLdScript(value);
		expect(script.startsWith('<script type="application/ld+json">')).toBe(true);
		const inner = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
		expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
		expect(JSON.parse(inner)).toEqual(value);
		expect(jsonLdScript({ a: 'x\u2028y' })).toContain('\\u2028');
	});

	it('writes local times with their offset', () => {
		expect(localDateTime('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe(
			'2026-03-29T01:30:00+01:00'
		);
		expect(localDateTime('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe(
			'2026-03-29T03:30:00+02:00'
		);
		expect(localDateTime('2026-12-01T12:00:00Z', 'America/St_Johns')).toBe(
			'2026-12-01T08:30:00-03:30'
		);
	});
});
