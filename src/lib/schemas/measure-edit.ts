/**
 * The city office's form for every column of a measure: the texts of the implementation table,
 * start and planned end, the success indicators with their targets (one row each, and an empty
 * row for a new one: a form that works without JavaScript), and the cross-cutting themes.
 * `expected` is the measure's `updated_at` when the form was loaded. Errors are staff message
 * keys; an indicator row's errors sit at its index.
 */
import * as z from 'zod';
import type { CityMeasure, MeasureChange } from '$lib/server/data/concepts';

const text = (max: number) => z.string().trim().max(max, { error: 'city.edit.too_long' });
const date = z.union([
	z.literal(''),
	z.iso.date({ error: 'city.edit.date_invalid' }) // <input type="date"> sends YYYY-MM-DD
]);

/** "12", "12,5", "12.5" or empty; anything else is refused at its row. */
export function parseTarget(value: string): number | null | undefined {
	const trimmed = value.trim();
	if (trimmed === '') return null;
	if (!/^\d+([.,]\d+)?$/.test(trimmed)) return undefined;
	return Number(trimmed.replace(',', '.'));
}

export const measureEditSchema = z
	.object({
		title: z
			.string()
			.trim()
			.min(3, { error: 'city.edit.title_required' })
			.max(300, { error: 'city.edit.too_long' }),
		description: text(4000),
		target_group: text(4000),
		responsible: text(4000),
		actors: text(4000),
		resources_needed: text(4000),
		starts_on: date,
		ends_on: date,
		themes: z.array(z.string()).default([]),
		/** Per indicator row: its position before the edit ('' for a new row). */
		indicator_position: z.array(z.string()).default([]),
		indicator_description: z.array(z.string()).default([]),
		indicator_target_value: z.array(z.string()).default([]),
		indicator_target_unit: z.array(z.string()).default([]),
		expected: z.string().min(1)
	})
	.superRefine((form, context) => {
		if (form.starts_on && form.ends_on && form.ends_on < form.starts_on) {
			context.addIssue({ code: 'custom', path: ['ends_on'], message: 'city.edit.ends_before' });
		}
		form.indicator_description.forEach((description, index) => {
			const target = form.indicator_target_value[index] ?? '';
			const empty = description.trim() === '' && target.trim() === '';
			if (empty) return; // an empty row is no indicator (a cleared one is removed)
			if (description.trim().length < 3 || description.trim().length > 500) {
				context.addIssue({
					code: 'custom',
					path: ['indicator_description', index],
					message: 'city.edit.indicator_required'
				});
			}
			if (parseTarget(target) === undefined) {
				context.addIssue({
					code: 'custom',
					path: ['indicator_target_value', index],
					message: 'city.edit.target_invalid'
				});
			}
		});
	});

export type MeasureEditForm = z.output<typeof measureEditSchema>;

/** The form's start: the measure's columns, one row per indicator and an empty row. */
export function toMeasureEditForm(measure: CityMeasure): MeasureEditForm {
	const rows = [
		...measure.indicators.map((indicator) => ({
			position: String(indicator.position),
			description: indicator.description,
			target: indicator.target_value === null ? '' : String(indicator.target_value),
			unit: indicator.target_unit ?? ''
		})),
		{ position: '', description: '', target: '', unit: '' }
	];
	return {
		title: measure.title,
		description: measure.description ?? '',
		target_group: measure.target_group ?? '',
		responsible: measure.responsible ?? '',
		actors: measure.actors ?? '',
		resources_needed: measure.resources_needed ?? '',
		starts_on: measure.starts_on ?? '',
		ends_on: measure.ends_on ?? '',
		themes: measure.themes,
		indicator_position: rows.map((row) => row.position),
		indicator_description: rows.map((row) => row.description),
		indicator_target_value: rows.map((row) => row.target),
		indicator_target_unit: rows.map((row) => row.unit),
		expected: measure.updated_at
	};
}

/** What the database is asked to change: rows without a description are left out. */
export function toMeasureChange(form: MeasureEditForm): MeasureChange {
	const indicators: MeasureChange['indicators'] = [];
	form.indicator_description.forEach((description, index) => {
		if (description.trim() === '') return;
		const position = Number(form.indicator_position[index]);
		indicators.push({
			...(Number.isInteger(position) && position > 0 ? { position } : {}),
			description: description.trim(),
			target_value: parseTarget(form.indicator_target_value[index] ?? '') ?? null,
			target_unit: (form.indicator_target_unit[index] ?? '').trim()
		});
	});
	return {
		title: form.title,
		description: form.description,
		target_group: form.target_group,
		responsible: form.responsible,
		actors: form.actors,
		resources_needed: form.resources_needed,
		starts_on: form.starts_on,
		ends_on: form.ends_on,
		indicators,
		themes: form.themes
	};
}
