/**
 * The staff form of a Stadtteilbüro's facts: opening hours as up to two periods per weekday
 * (flat fields `d1_opens1` … `d7_closes2`, so that the form works without JavaScript), a note on
 * them and the directions in German and English, the languages spoken, the door's position.
 * Errors are message keys of `messages/staff/*.json`. `toFactsInput` makes save_office_facts'
 * object of it, keeping texts in other locales as they were.
 */
import * as z from 'zod';
import {
	WEEKDAYS,
	weekRows,
	type OfficeFactsInput,
	type OfficeForEdit,
	type OpeningHour
} from '$lib/office';

/** Periods per weekday the form offers. */
export const SLOTS = [1, 2] as const;
/** The locales whose texts the form edits (the staff languages). */
export const TEXT_LOCALES = ['de', 'en'] as const;

/**
 * Languages offered as check boxes (ISO 639): the portal's, then those spoken by many newcomers
 * in German cities. Codes already saved that are not here are offered too.
 */
export const LANGUAGE_CHOICES = [
	'de',
	'en',
	'ar',
	'fa',
	'tr',
	'uk',
	'ru',
	'ro',
	'ps',
	'ku',
	'ti',
	'so',
	'pl',
	'bg',
	'hr',
	'sr',
	'sq',
	'el',
	'it',
	'es',
	'fr',
	'vi'
] as const;

/** `d1_opens1` … `d7_closes2` */
export type HourField =
	`d${(typeof WEEKDAYS)[number]}_${'opens' | 'closes'}${(typeof SLOTS)[number]}`;

export const hourField = (weekday: number, edge: 'opens' | 'closes', slot: number) =>
	`d${weekday}_${edge}${slot}` as HourField;

export const EDGES = ['opens', 'closes'] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/*
 * Midnight as a closing time: the database stores `24:00` (an office open until midnight), a
 * time field cannot hold it and would empty itself. The form shows it as `00:00`, which read
 * as a closing time can only mean the end of the day.
 */
const MIDNIGHT = '24:00';
const closingForForm = (closes: string) => (closes === MIDNIGHT ? '00:00' : closes);
const closingFromForm = (closes: string) => (closes === '00:00' ? MIDNIGHT : closes);
const time = z
	.string()
	.trim()
	.max(5, 'staff.office.time_invalid')
	.refine((value) => value === '' || TIME.test(value), 'staff.office.time_invalid')
	.default('');

const coordinate = (max: number) =>
	z
		.string()
		.trim()
		.max(20, 'staff.office.coordinate_invalid')
		.refine(
			(value) =>
				value === '' || (/^-?\d{1,3}(\.\d+)?$/.test(value) && Math.abs(Number(value)) <= max),
			'staff.office.coordinate_invalid'
		)
		.default('');

const text = (max: number) => z.string().trim().max(max, 'staff.office.text_long').default('');

const hourShape = {} as Record<HourField, typeof time>;
for (const weekday of WEEKDAYS) {
	for (const slot of SLOTS) {
		hourShape[hourField(weekday, 'opens', slot)] = time;
		hourShape[hourField(weekday, 'closes', slot)] = time;
	}
}

export const officeFactsSchema = z
	.object({
		version: z.coerce.number().int().min(0).default(0),
		...hourShape,
		hours_note_de: text(300),
		hours_note_en: text(300),
		directions_de: text(1000),
		directions_en: text(1000),
		languages: z
			.array(z.string().regex(/^[a-z]{2,3}$/, 'staff.office.language_invalid'))
			.max(30)
			.default([]),
		latitude: coordinate(90),
		longitude: coordinate(180)
	})
	.superRefine((form, context) => {
		const values = form as unknown as Record<string, string>;
		for (const weekday of WEEKDAYS) {
			for (const slot of SLOTS) {
				const opens = values[hourField(weekday, 'opens', slot)];
				const closes = closingFromForm(values[hourField(weekday, 'closes', slot)]);
				const path = [hourField(weekday, 'closes', slot)];
				if (!opens !== !closes) {
					context.addIssue({ code: 'custom', message: 'staff.office.time_pair', path });
				} else if (opens && closes && opens >= closes) {
					context.addIssue({ code: 'custom', message: 'staff.office.time_order', path });
				}
			}
		}
		if (!form.latitude !== !form.longitude) {
			context.addIssue({
				code: 'custom',
				message: 'staff.office.coordinate_pair',
				path: [form.latitude ? 'longitude' : 'latitude']
			});
		}
	});

export type OfficeFactsForm = z.output<typeof officeFactsSchema>;

/** The form's values for the facts as read. */
export function toFormValues(office: OfficeForEdit): OfficeFactsForm {
	const values: Record<string, unknown> = {
		version: office.version,
		hours_note_de: office.hours_note.de ?? '',
		hours_note_en: office.hours_note.en ?? '',
		directions_de: office.directions.de ?? '',
		directions_en: office.directions.en ?? '',
		languages: [...office.languages],
		latitude: office.latitude === null ? '' : String(office.latitude),
		longitude: office.longitude === null ? '' : String(office.longitude)
	};
	for (const { weekday, hours: day } of weekRows(office.opening_hours)) {
		for (const slot of SLOTS) {
			values[hourField(weekday, 'opens', slot)] = day[slot - 1]?.opens ?? '';
			values[hourField(weekday, 'closes', slot)] = closingForForm(day[slot - 1]?.closes ?? '');
		}
	}
	return values as OfficeFactsForm;
}

/** save_office_facts' object: the form's values, other locales' texts kept from `previous`. */
export function toFactsInput(
	form: OfficeFactsForm,
	previous: Pick<OfficeForEdit, 'hours_note' | 'directions'>
): OfficeFactsInput {
	const values = form as unknown as Record<string, string>;
	const opening_hours: OpeningHour[] = [];
	for (const weekday of WEEKDAYS) {
		for (const slot of SLOTS) {
			const opens = values[hourField(weekday, 'opens', slot)];
			const closes = closingFromForm(values[hourField(weekday, 'closes', slot)]);
			if (opens && closes) opening_hours.push({ weekday, opens, closes });
		}
	}
	const texts = (kept: Record<string, string>, field: 'hours_note' | 'directions') => {
		const result: Record<string, string> = { ...kept };
		for (const locale of TEXT_LOCALES) {
			const value = values[`${field}_${locale}`];
			if (value) result[locale] = value;
			else delete result[locale];
		}
		return result;
	};
	return {
		opening_hours,
		hours_note: texts(previous.hours_note, 'hours_note'),
		directions: texts(previous.directions, 'directions'),
		languages: [...new Set(form.languages)].sort(),
		latitude: form.latitude ? Number(form.latitude) : null,
		longitude: form.longitude ? Number(form.longitude) : null
	};
}
