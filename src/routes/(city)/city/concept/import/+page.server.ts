/**
 * The city office imports its concept from its own spreadsheet (XLSX or CSV): a dry run first,
 * which shows what would change and keeps the file in the page (so the import needs no second
 * upload, without JavaScript too), then the import. A refusal lists every bad row.
 */
import { error, fail } from '@sveltejs/kit';
import * as z from 'zod';
import { requireCityAdmin } from '$lib/server/auth/guards';
import * as concepts from '$lib/server/data/concepts';
import { orHttpError } from '$lib/server/data/errors';
import * as portal from '$lib/server/data/portal';
import { importConcept, type ConceptReport } from '$lib/server/import/concept';
import { ImportFailed, ImportRefused, type ImportProblem } from '$lib/server/import/errors';
import { MAX_CONCEPT_FILE_BYTES } from './limits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	user: requireCityAdmin(locals, url),
	concepts: await orHttpError(concepts.list(locals.supabase)),
	maxBytes: MAX_CONCEPT_FILE_BYTES
});

const fields = z.object({
	/** An existing concept's slug; empty: the current one. */
	concept: z
		.string()
		.trim()
		.regex(/^[a-z0-9-]*$/),
	/** A new concept's slug and title, instead of `concept`. */
	new_slug: z
		.string()
		.trim()
		.regex(/^[a-z0-9-]*$/),
	title: z.string().trim().max(300),
	intent: z.enum(['dry_run', 'import']),
	pending_name: z.string().max(200).default(''),
	pending_file: z.string().default('')
});

/** The concept to import into: a new one, a chosen one, or (undefined) the current one. */
function conceptOf(values: z.infer<typeof fields>) {
	if (values.new_slug !== '') return { slug: values.new_slug, title: values.title };
	return values.concept === '' ? undefined : { slug: values.concept };
}

/** What the page shows after a post. */
export type ImportOutcome =
	| { state: 'report'; report: ConceptReport; file: { name: string; base64: string } }
	| { state: 'refused'; message: string; problems: ImportProblem[] }
	| { state: 'invalid'; key: string };

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requireCityAdmin(locals, url);
		const form = await request.formData();
		const parsed = fields.safeParse({
			concept: form.get('concept') ?? '',
			new_slug: form.get('new_slug') ?? '',
			title: form.get('title') ?? '',
			intent: form.get('intent') ?? 'dry_run',
			pending_name: form.get('pending_name') ?? undefined,
			pending_file: form.get('pending_file') ?? undefined
		});
		if (!parsed.success || (parsed.data.new_slug !== '' && parsed.data.title === '')) {
			return fail(400, { state: 'invalid', key: 'city.import.invalid' } as ImportOutcome);
		}
		const values = parsed.data;
		const upload = form.get('file');
		let file: { name: string; bytes: Uint8Array };
		if (upload instanceof File && upload.size > 0) {
			if (upload.size > MAX_CONCEPT_FILE_BYTES) {
				return fail(400, { state: 'invalid', key: 'city.import.too_large' } as ImportOutcome);
			}
			file = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
		} else if (values.pending_file !== '') {
			file = { name: values.pending_name, bytes: Buffer.from(values.pending_file, 'base64') };
		} else {
			return fail(400, { state: 'invalid', key: 'city.import.no_file' } as ImportOutcome);
		}
		const city = (await orHttpError(portal.info(locals.supabase))).city?.slug;
		if (!city) error(503, { message: 'error.data_unavailable', key: 'error.data_unavailable' });
		try {
			const report = await importConcept(locals.supabase, {
				city,
				file,
				concept: conceptOf(values),
				dryRun: values.intent === 'dry_run'
			});
			const base64 = report.dry_run ? Buffer.from(file.bytes).toString('base64') : '';
			return { state: 'report', report, file: { name: file.name, base64 } } as ImportOutcome;
		} catch (caught) {
			if (caught instanceof ImportRefused) {
				return fail(400, {
					state: 'refused',
					message: caught.message,
					problems: caught.problems
				} as ImportOutcome);
			}
			if (caught instanceof ImportFailed && caught.code === '42501') {
				error(403, { message: 'error.not_allowed', key: 'error.not_allowed' });
			}
			console.error('[city] concept import failed', caught);
			error(503, { message: 'error.data_unavailable', key: 'error.data_unavailable' });
		}
	}
};
