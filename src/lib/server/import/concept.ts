/**
 * A city's integration concept from its own spreadsheet (XLSX or CSV with the headings of the
 * implementation table, see ./concept-table.ts) into `public.import_concept`, which imports all
 * rows or none, matches measures by code and, as a dry run, reports what would change.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import { conceptReport, type ConceptReport } from '../../schemas/concept-import';
import { conceptRows, isConceptHeader } from './concept-table';
import { importError, ImportRefused } from './errors';
import { readSpreadsheet } from './spreadsheet';

export type { ConceptReport };

export interface ConceptImport {
	city: string;
	/** The file as uploaded or read; its name goes into the status history ("Import: kik.xlsx"). */
	file: { name: string; bytes: Uint8Array };
	/** The concept to update, or to create with `title`; the city's current one when left out. */
	concept?: { slug: string; title?: string };
	dryRun?: boolean;
}

/**
 * The rows import_concept takes, from a spreadsheet file.
 * @throws ImportRefused for a file that cannot be read or has no table of a concept
 */
export async function readConceptFile(bytes: Uint8Array) {
	const sheet = await readSpreadsheet(bytes, isConceptHeader);
	const table = conceptRows(sheet.header, sheet.rows);
	if (table.rows.length === 0) {
		throw new ImportRefused('the table has a header but no measures; nothing was imported');
	}
	return table;
}

/**
 * Imports a concept from a spreadsheet file, all rows or none.
 * @throws ImportRefused (with every bad row) or ImportFailed; nothing was written then
 */
export async function importConcept(
	supabase: SupabaseClient<Database>,
	options: ConceptImport
): Promise<ConceptReport> {
	const table = await readConceptFile(options.file.bytes);
	const { data, error } = await supabase.rpc('import_concept', {
		p_city: options.city,
		p_concept: {
			...options.concept,
			source: options.file.name,
			level_names: table.levelNames,
			rows: table.rows
		} as Json,
		p_dry_run: options.dryRun ?? false
	});
	if (error) throw importError(error);
	return conceptReport.parse(data);
}
