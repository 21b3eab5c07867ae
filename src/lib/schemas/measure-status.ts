/**
 * The city office's form for a measure's status: the new status and a short justification,
 * with the status the person saw (so a change made meanwhile is not overwritten). Errors are
 * staff message keys.
 */
import * as z from 'zod';
import { Constants } from '$lib/database.types';

export const MEASURE_STATUSES = Constants.public.Enums.measure_status;

export const measureStatusSchema = z.object({
	status: z.enum(MEASURE_STATUSES, { error: 'city.measure.status_required' }),
	note: z
		.string()
		.trim()
		.min(3, { error: 'city.measure.note_required' })
		.max(1000, { error: 'city.measure.note_long' }),
	/** The status shown when the form was loaded; '' for none. */
	expected: z.union([z.enum(MEASURE_STATUSES), z.literal('')]).default('')
});
