/**
 * The city office's form "Stichtag festhalten": the reference date (a calendar date, not in the
 * future: the database checks that against the city's today) and an optional note. Errors are
 * staff message keys.
 */
import * as z from 'zod';

export const snapshotSchema = z.object({
	reference_date: z.iso.date({ error: 'city.reports.date_required' }),
	note: z.string().trim().max(500, { error: 'city.reports.note_long' }).default('')
});
