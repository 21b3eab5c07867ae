import { describe, expect, it } from 'vitest';
import { fromOfferForEdit, offerFormSchema, toSaveOffer } from './offer-form';

const ORGANISATION = '0b5ad9a8-7d4c-4c47-9d3b-6a8c0b7a1e11';

/** The errors of `input`, path → message keys. */
function errorsOf(input: Record<string, unknown>): Record<string, string[]> {
	const result = offerFormSchema.safeParse(input);
	if (result.success) return {};
	const errors: Record<string, string[]> = {};
	for (const issue of result.error.issues) {
		const path = issue.path.join('.') || '_';
		(errors[path] ??= []).push(issue.message);
	}
	return errors;
}

const valid = {
	organisation_id: ORGANISATION,
	title: 'Sprachcafé',
	languages: ['de', 'ar'],
	target_groups: ['newcomers']
};

describe('the offer form', () => {
	it('takes a new offer with a title and an organisation, everything else defaulted', () => {
		const form = offerFormSchema.parse(valid);
		expect(form).toMatchObject({
			id: '',
			version: 0,
			category: 'cultural_cafe',
			registration: 'none',
			childcare: false,
			wheelchair_accessible: '',
			german_level: ''
		});
	});

	it('names each bad field with a message key of the staff messages', () => {
		expect(
			errorsOf({
				organisation_id: '',
				title: '   ',
				languages: [],
				target_groups: ['aliens'],
				postal_code: '8743',
				cost_eur: '-2',
				lat: '47,7',
				registration_url: 'javascript:alert(1)',
				contact_email: 'mailto:x@x.example',
				contact_phone: '0831 <b>',
				summary: 'x'.repeat(501)
			})
		).toEqual({
			title: ['staff.field.required'],
			summary: ['staff.field.too_long'],
			postal_code: ['staff.offer_form.postal_code_invalid'],
			languages: ['staff.offer_form.languages_required'],
			'target_groups.0': ['staff.field.required'],
			cost_eur: ['staff.offer_form.cost_invalid'],
			registration_url: ['staff.offer_form.web_address_invalid'],
			contact_email: ['staff.field.email_invalid'],
			contact_phone: ['staff.offer_form.phone_invalid']
		});
	});

	it('wants an organisation for a new offer and both coordinates or neither', () => {
		expect(errorsOf({ ...valid, organisation_id: '' })).toEqual({
			organisation_id: ['staff.field.required']
		});
		expect(errorsOf({ ...valid, lat: '47,7262' })).toEqual({
			lng: ['staff.offer_form.point_incomplete']
		});
	});

	it('accepts phone numbers as people write them', () => {
		for (const phone of ['030 – 746 900 50', ' 0160 5500367 ', '0157 … oder 030 …']) {
			expect(errorsOf({ ...valid, contact_phone: phone }), phone).toEqual({});
		}
	});

	it('turns the form into what save_offer takes', () => {
		const form = offerFormSchema.parse({
			...valid,
			cost_eur: '2,50',
			lat: '47,7262',
			lng: '10.3139',
			contact_phone: ' 0160 5500367 ',
			contact_email: '',
			wheelchair_accessible: 'no',
			german_level: 'a2',
			languages: ['de', 'ar', 'de']
		});
		expect(toSaveOffer(form)).toMatchObject({
			organisation_id: ORGANISATION,
			title: 'Sprachcafé',
			cost_eur: 2.5,
			lat: 47.7262,
			lng: 10.3139,
			contact_phone: '0160 5500367',
			contact_email: null,
			wheelchair_accessible: false,
			german_level: 'a2',
			languages: ['de', 'ar'],
			summary: null
		});
		expect(toSaveOffer(form)).not.toHaveProperty('id');
		expect(toSaveOffer({ ...form, id: 'x', version: 3 })).toMatchObject({ id: 'x', version: 3 });
		expect(toSaveOffer({ ...form, id: 'x', version: 3 })).not.toHaveProperty('organisation_id');
	});

	it('sends a minor edit only for a change of an existing offer', () => {
		const form = offerFormSchema.parse({ ...valid, minor_edit: true });
		expect(toSaveOffer(form)).not.toHaveProperty('minor_edit');
		expect(toSaveOffer({ ...form, id: 'x', version: 3 })).toMatchObject({ minor_edit: true });
		expect(toSaveOffer({ ...form, id: 'x', version: 3, minor_edit: false })).not.toHaveProperty(
			'minor_edit'
		);
	});

	it('sends every category, the main one first, from the further ones ticked', () => {
		const form = offerFormSchema.parse({
			...valid,
			category: 'work',
			also_categories: ['counselling', 'work', 'counselling']
		});
		expect(toSaveOffer(form).categories).toEqual(['work', 'counselling']);
		expect(toSaveOffer(offerFormSchema.parse(valid)).categories).toEqual(['cultural_cafe']);
		expect(errorsOf({ ...valid, also_categories: ['nonsense'] })).toEqual({
			'also_categories.0': ['staff.field.required']
		});
		// read back: the further ones without the main one
		expect(
			fromOfferForEdit({ category: 'work', categories: ['work', 'counselling'], version: 1 })
				.also_categories
		).toEqual(['counselling']);
	});

	it('reads an offer back into the form unchanged', () => {
		const form = fromOfferForEdit({
			id: 'x',
			version: 4,
			organisation_id: ORGANISATION,
			category: 'sports',
			title: 'Lauftreff',
			summary: null,
			lat: 47.7,
			lng: 10.3,
			languages: ['de'],
			target_groups: ['everyone'],
			cost_eur: 0,
			childcare: false,
			women_only: true,
			wheelchair_accessible: null,
			german_level: null,
			registration: 'required',
			contact_phone: '0831 2525-0'
		});
		expect(form).toMatchObject({
			version: 4,
			summary: '',
			lat: '47.7',
			cost_eur: '0',
			women_only: true,
			wheelchair_accessible: '',
			german_level: ''
		});
		expect(offerFormSchema.safeParse(form).success).toBe(true);
	});
});
