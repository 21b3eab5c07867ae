import { describe, expect, it } from 'vitest';
import type { OfficeForEdit } from '$lib/office';
import { officeFactsSchema, toFactsInput, toFormValues } from './office-facts';

const office: OfficeForEdit = {
	id: '00000000-0000-4000-8000-000000000001',
	slug: 'stadtteilbuero-test',
	name: 'Stadtteilbüro Test',
	kind: 'neighbourhood_office',
	street: null,
	postal_code: null,
	locality: null,
	phone: null,
	email: null,
	website: null,
	opening_hours: [
		{ weekday: 1, opens: '09:00', closes: '12:00' },
		{ weekday: 5, opens: '18:00', closes: '24:00' }
	],
	hours_note: {},
	languages: [],
	directions: {},
	latitude: null,
	longitude: null,
	version: 3,
	updated_at: null,
	districts: []
};

describe('opening hours in the office form', () => {
	it('shows a closing time of midnight (24:00) as 00:00, which a time field can hold', () => {
		const values = toFormValues(office) as unknown as Record<string, string>;
		expect(values.d5_opens1).toBe('18:00');
		expect(values.d5_closes1).toBe('00:00');
	});

	it('saves the hours as read, midnight included, when nothing was changed', () => {
		const parsed = officeFactsSchema.safeParse(toFormValues(office));
		expect(parsed.success).toBe(true);
		expect(toFactsInput(parsed.data!, office).opening_hours).toEqual(office.opening_hours);
	});

	it('still refuses a closing time before the opening time', () => {
		const values = { ...toFormValues(office), d1_opens1: '12:00', d1_closes1: '09:00' };
		const parsed = officeFactsSchema.safeParse(values);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['staff.office.time_order']);
	});

	it('takes 00:00 to 00:00 as the whole day, saved as 00:00–24:00', () => {
		const values = { ...toFormValues(office), d2_opens1: '00:00', d2_closes1: '00:00' };
		const parsed = officeFactsSchema.safeParse(values);
		expect(parsed.success).toBe(true);
		expect(toFactsInput(parsed.data!, office).opening_hours).toContainEqual({
			weekday: 2,
			opens: '00:00',
			closes: '24:00'
		});
	});
});
