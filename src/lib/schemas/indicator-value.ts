/**
 * The city office's form for a measured value of a success indicator: which indicator (its
 * position), the date measured, the value and where it comes from. Errors are staff message keys.
 */
import * as z from 'zod';
import { parseTarget } from './measure-edit';

export const indicatorValueSchema = z.object({
	position: z.coerce.number().int().min(1, { error: 'city.values.indicator_required' }),
	measured_on: z.iso.date({ error: 'city.edit.date_invalid' }),
	value: z
		.string()
		.trim()
		.refine((value) => typeof parseTarget(value) === 'number', {
			error: 'city.edit.target_invalid'
		}),
	source: z
		.string()
		.trim()
		.min(2, { error: 'city.values.source_required' })
		.max(300, { error: 'city.edit.too_long' })
});

/** The form to delete one measured value (a button per row). */
export const deleteValueSchema = z.object({ id: z.coerce.number().int().positive() });
