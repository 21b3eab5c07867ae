/**
 * What a concept import reports (public.import_concept's answer), read by the server and shown
 * by the city office's import page.
 */
import * as z from 'zod';

const codes = z.array(z.string());

/** What a concept import did, or in a dry run would do. */
export const conceptReport = z.object({
	dry_run: z.boolean(),
	concept: z.object({ slug: z.string(), title: z.string(), created: z.boolean() }),
	rows: z.number().int(),
	fields: z.object({ created: codes, updated: codes }),
	goals: z.object({ created: codes, updated: codes }),
	measures: z.object({
		created: codes,
		updated: z.array(z.object({ code: z.string(), columns: z.array(z.string()) }))
	}),
	status_changes: z.array(
		z.object({ code: z.string(), from: z.string().nullable(), to: z.string().nullable() })
	),
	/** Measures of the concept the file does not list: kept, with their offer links. */
	left_out: codes
});
export type ConceptReport = z.infer<typeof conceptReport>;
