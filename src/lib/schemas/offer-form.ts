/**
 * The offer editor's form: every field of an offer that staff edit, validated on the server by
 * this one schema (superforms, `zod4` adapter). Errors are message keys of
 * `messages/staff/*.json`, so each shows next to its field in the staff member's language.
 *
 * The fields are what a form posts (text, check boxes, selects), so superforms can read them
 * without JavaScript; `toSaveOffer` turns valid data into what `save_offer(p_offer)` takes. The
 * address rules are those of `safe-text.ts`, which the database applies again (and cleans text
 * as `cleanLine`/`cleanText` do):
 *
 *   const form = await superValidate(request, zod4(offerFormSchema));
 *   if (form.valid) await offerEditor.save(locals.supabase, toSaveOffer(form.data));
 */
import * as z from 'zod';
import { CATEGORIES, GERMAN_LEVELS, REGISTRATION_KINDS, TARGET_GROUPS } from '$lib/types';
import { emailAddressProblem, phoneNumberProblem, webAddressProblem } from './safe-text';

/** Languages offered as check boxes (ISO 639); an offer's other languages are kept and shown too. */
export const OFFER_LANGUAGES = [
	'de',
	'en',
	'ar',
	'fa',
	'tr',
	'uk',
	'ru',
	'ro',
	'ku',
	'ps',
	'ti',
	'so',
	'pl',
	'fr',
	'es',
	'sq'
] as const;

/** Wheelchair access: unknown (''), yes or no. */
export const WHEELCHAIR_CHOICES = ['', 'yes', 'no'] as const;

const REQUIRED = 'staff.field.required';
const TOO_LONG = 'staff.field.too_long';

const text = (max: number) => z.string().max(max, TOO_LONG).default('');
const blank = (value: string) => value.trim() === '';

/** A decimal number as people type it ("2,50" or "2.50"), or NaN. */
export function parseDecimal(value: string): number {
	const trimmed = value.trim().replace(',', '.');
	return /^-?[0-9]+(\.[0-9]+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const optionalAddress = (problem: (value: string) => string | undefined, key: string) =>
	z
		.string()
		.max(1000, TOO_LONG)
		.default('')
		.refine((value) => blank(value) || problem(value.trim()) === undefined, key);

const coordinate = (limit: number) =>
	z
		.string()
		.default('')
		.refine((value) => {
			if (blank(value)) return true;
			const number = parseDecimal(value);
			return Number.isFinite(number) && Math.abs(number) <= limit;
		}, 'staff.offer_form.coordinate_invalid');

export const offerFormSchema = z
	.object({
		/** Empty for a new offer. */
		id: z.string().default(''),
		/** The version the form was read at; 0 for a new offer. */
		version: z.number().int().min(0).default(0),
		organisation_id: z.string().default(''),
		/** The main category (card, icon). */
		category: z.enum(CATEGORIES, REQUIRED).default('cultural_cafe'),
		/** Further categories the offer is also found under; the main one among them is ignored. */
		also_categories: z.array(z.enum(CATEGORIES, REQUIRED)).default([]),
		title: z
			.string()
			.max(200, TOO_LONG)
			.default('')
			.refine((value) => !blank(value), REQUIRED),
		summary: text(500),
		description: text(10_000),
		street: text(200),
		postal_code: z
			.string()
			.default('')
			.refine(
				(value) => blank(value) || /^[0-9]{5}$/.test(value.trim()),
				'staff.offer_form.postal_code_invalid'
			),
		locality: text(200),
		lat: coordinate(90),
		lng: coordinate(180),
		languages: z
			.array(z.string().regex(/^[a-z]{2,3}$/, REQUIRED))
			.min(1, 'staff.offer_form.languages_required')
			.default(['de']),
		target_groups: z
			.array(z.enum(TARGET_GROUPS, REQUIRED))
			.min(1, 'staff.offer_form.target_groups_required')
			.default(['everyone']),
		cost_eur: z
			.string()
			.default('')
			.refine((value) => {
				if (blank(value)) return true;
				const number = parseDecimal(value);
				return Number.isFinite(number) && number >= 0 && number < 1_000_000;
			}, 'staff.offer_form.cost_invalid'),
		cost_note: text(500),
		childcare: z.boolean().default(false),
		women_only: z.boolean().default(false),
		wheelchair_accessible: z.enum(WHEELCHAIR_CHOICES, REQUIRED).default(''),
		german_level: z.enum(['', ...GERMAN_LEVELS], REQUIRED).default(''),
		registration: z.enum(REGISTRATION_KINDS, REQUIRED).default('none'),
		registration_url: optionalAddress(webAddressProblem, 'staff.offer_form.web_address_invalid'),
		registration_note: text(500),
		contact_email: optionalAddress(emailAddressProblem, 'staff.field.email_invalid'),
		contact_phone: optionalAddress(phoneNumberProblem, 'staff.offer_form.phone_invalid'),
		/** The measures of the integration concept the offer implements (all links, replaced). */
		measure_ids: z.array(z.guid('staff.measures.id_invalid')).default([]),
		/** A small correction (a typo) of an offer: its translations stay current. */
		minor_edit: z.boolean().default(false)
	})
	.refine((form) => form.id !== '' || /^[0-9a-f-]{36}$/i.test(form.organisation_id), {
		message: REQUIRED,
		path: ['organisation_id']
	})
	.refine((form) => blank(form.lat) === blank(form.lng), {
		message: 'staff.offer_form.point_incomplete',
		path: ['lng']
	});

export type OfferForm = z.output<typeof offerFormSchema>;

/** What `save_offer(p_offer)` takes, from valid form data. */
export function toSaveOffer(form: OfferForm): Record<string, unknown> {
	const orNull = (value: string) => (blank(value) ? null : value.trim());
	const number = (value: string) => (blank(value) ? null : parseDecimal(value));
	return {
		...(form.id
			? { id: form.id, version: form.version }
			: { organisation_id: form.organisation_id }),
		category: form.category,
		// every category of the offer: save_offer puts the main one first
		categories: [form.category, ...new Set(form.also_categories)].filter(
			(category, i) => i === 0 || category !== form.category
		),
		title: form.title,
		summary: orNull(form.summary),
		description: blank(form.description) ? null : form.description,
		street: orNull(form.street),
		postal_code: orNull(form.postal_code),
		locality: orNull(form.locality),
		lat: number(form.lat),
		lng: number(form.lng),
		languages: [...new Set(form.languages)],
		target_groups: [...new Set(form.target_groups)],
		cost_eur: number(form.cost_eur),
		cost_note: orNull(form.cost_note),
		childcare: form.childcare,
		women_only: form.women_only,
		wheelchair_accessible:
			form.wheelchair_accessible === '' ? null : form.wheelchair_accessible === 'yes',
		german_level: form.german_level === '' ? null : form.german_level,
		registration: form.registration,
		registration_url: orNull(form.registration_url),
		registration_note: orNull(form.registration_note),
		contact_email: orNull(form.contact_email),
		contact_phone: orNull(form.contact_phone),
		measure_ids: [...new Set(form.measure_ids)],
		...(form.id && form.minor_edit ? { minor_edit: true } : {})
	};
}

/** The form's data from what `get_offer_for_edit` returns. */
export function fromOfferForEdit(offer: Record<string, unknown>): OfferForm {
	const str = (key: string) => (offer[key] == null ? '' : String(offer[key]));
	const wheelchair = offer.wheelchair_accessible;
	return {
		id: str('id'),
		version: Number(offer.version),
		organisation_id: str('organisation_id'),
		category: offer.category as OfferForm['category'],
		also_categories: ((offer.categories as OfferForm['also_categories'] | undefined) ?? []).filter(
			(category) => category !== offer.category
		),
		title: str('title'),
		summary: str('summary'),
		description: str('description'),
		street: str('street'),
		postal_code: str('postal_code'),
		locality: str('locality'),
		lat: str('lat'),
		lng: str('lng'),
		languages: (offer.languages as string[]) ?? [],
		target_groups: (offer.target_groups as OfferForm['target_groups']) ?? [],
		cost_eur: str('cost_eur'),
		cost_note: str('cost_note'),
		childcare: offer.childcare === true,
		women_only: offer.women_only === true,
		wheelchair_accessible: wheelchair === true ? 'yes' : wheelchair === false ? 'no' : '',
		german_level: (offer.german_level ?? '') as OfferForm['german_level'],
		registration: (offer.registration ?? 'none') as OfferForm['registration'],
		registration_url: str('registration_url'),
		registration_note: str('registration_note'),
		contact_email: str('contact_email'),
		contact_phone: str('contact_phone'),
		measure_ids: (offer.measure_ids as string[] | undefined) ?? [],
		minor_edit: false
	};
}
