/**
 * A city's organisations from a CSV file, one per row, matched by slug: a new slug adds an
 * organisation, a known one updates it, and a row that says what the database holds already
 * changes nothing. The file is checked here for what a CSV parser can see (shape, header);
 * every value is checked by `public.import_organisations`, which imports all rows or none and
 * names each bad row with its line in the file.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import * as z from 'zod';
import { readCsvRecords, type CsvColumn } from './csv';
import { importError } from './errors';

/** The kinds of organisation (public.organisation_kind) and the German words taken for them. */
export const ORGANISATION_KINDS: ReadonlyArray<{ kind: string; german: readonly string[] }> = [
	{ kind: 'neighbourhood_office', german: ['Stadtteilbüro', 'Quartiersbüro'] },
	{ kind: 'provider', german: ['Träger', 'Anbieter'] },
	{ kind: 'counselling_service', german: ['Beratungsstelle'] },
	{ kind: 'club', german: ['Verein'] },
	{ kind: 'authority', german: ['Behörde', 'Amt'] },
	{ kind: 'migrant_organisation', german: ['Migrantenorganisation'] },
	{ kind: 'education', german: ['Bildungseinrichtung', 'Bildung'] },
	{ kind: 'religious_community', german: ['Religionsgemeinschaft', 'Glaubensgemeinschaft'] },
	{ kind: 'welfare_association', german: ['Wohlfahrtsverband'] },
	{ kind: 'other', german: ['Sonstige', 'andere'] }
];

/** The columns `import_organisations` knows (its `v_columns`, without `row`), in that order. */
export const ORGANISATION_COLUMNS: readonly CsvColumn[] = [
	{
		name: 'slug',
		required: true,
		description:
			'short name in addresses and in the offers file, e.g. stadtteilbuero-innenstadt: lower-case letters a-z, digits, single hyphens. A slug the city has already updates that organisation'
	},
	{ name: 'name', required: true, description: 'name as people know it, at most 200 characters' },
	{
		name: 'kind',
		required: true,
		description: `${ORGANISATION_KINDS.map((k) => k.kind).join(', ')}; or in German: ${ORGANISATION_KINDS.flatMap((k) => k.german).join(', ')}`
	},
	{ name: 'street', description: 'street and number' },
	{ name: 'postal_code', description: 'five digits' },
	{ name: 'locality', description: 'town, e.g. Kaiserslautern' },
	{
		name: 'website',
		description: 'web address: http:// or https:// and a host name such as example.org'
	},
	{ name: 'email', description: 'e-mail address such as name@example.org, without mailto:' },
	{ name: 'phone', description: 'phone number: digits, spaces and + ( ) / - .' }
];

/** What an organisations import did. */
export interface OrganisationsReport {
	/** Rows in the file. */
	organisations: number;
	inserted: number;
	updated: number;
	/** Rows that matched the database already. */
	unchanged: number;
}

const report = z.object({
	organisations: z.number().int(),
	inserted: z.number().int(),
	updated: z.number().int(),
	unchanged: z.number().int()
});

/**
 * The rows of a CSV file of organisations, ready for `import_organisations`: `{ row, ...values }`.
 * @throws ImportRefused for a malformed file or a header that does not fit
 */
export function readOrganisationsCsv(csvText: string): Array<Record<string, string | number>> {
	return readCsvRecords(csvText, ORGANISATION_COLUMNS).map(({ row, values }) => ({
		row,
		...values
	}));
}

/**
 * Imports or updates (by slug) every row of a CSV file of organisations, or none.
 * @throws ImportRefused (with every bad row) or ImportFailed; nothing was written then
 */
export async function importOrganisations(
	supabase: SupabaseClient<Database>,
	options: { city: string; csvText: string }
): Promise<OrganisationsReport> {
	const rows = readOrganisationsCsv(options.csvText);
	const { data, error } = await supabase.rpc('import_organisations', {
		p_city: options.city,
		p_rows: rows as Json
	});
	if (error) throw importError(error);
	return report.parse(data);
}
