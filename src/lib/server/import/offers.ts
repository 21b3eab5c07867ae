/**
 * Offers from a CSV file: one row per offer with its text in one locale, its place, its
 * measures and optionally its first date and recurrence. The file is checked here for what a
 * CSV parser can see (shape, header); every value is checked by `public.import_offers`, which
 * imports all rows or none and names each bad row with its line in the file. Web and e-mail
 * addresses and phone numbers follow `$lib/schemas/safe-text` (the database has the same rules);
 * bidirectional formatting and control characters are cleaned out of the texts.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import * as z from 'zod';
import { readCsvRecords, type CsvColumn } from './csv';
import { importError } from './errors';

/**
 * The columns `import_offers` knows (its `v_columns`, without `row`), in that order. Lists
 * (languages, target_groups, measures) are separated by `,` or `;` — quote such a field in a
 * file whose delimiter is the same character.
 */
export const OFFER_COLUMNS: readonly CsvColumn[] = [
	{
		name: 'organisation',
		required: true,
		description: 'slug of the organisation that holds the offer, e.g. stadtteilbuero-st-mang'
	},
	{
		name: 'category',
		required: true,
		description: 'language_course, cultural_cafe, counselling, sports, family, work or event'
	},
	{
		name: 'locale',
		description: 'locale of the texts: de (default), de-simple, en, ar, fa, tr, uk, ru or ro'
	},
	{ name: 'title', required: true, description: 'title, at most 200 characters' },
	{ name: 'summary', description: 'a sentence or two, at most 500 characters' },
	{ name: 'description', description: 'the full text, at most 10,000 characters' },
	{ name: 'cost_note', description: 'about the cost, e.g. "Material 5 € per term"' },
	{ name: 'registration_note', description: 'how to register, e.g. "by phone to Ms Aydın"' },
	{ name: 'street', description: 'street and number' },
	{ name: 'postal_code', description: 'five digits' },
	{ name: 'locality', description: 'town, e.g. Kempten (Allgäu)' },
	{
		name: 'latitude',
		description:
			'WGS 84 decimal degrees with a point, e.g. 47.7267; with longitude, or both empty. The district is assigned from the point'
	},
	{ name: 'longitude', description: 'WGS 84 decimal degrees with a point, e.g. 10.3139' },
	{
		name: 'languages',
		description: 'ISO 639 codes of the languages the offer is held in, e.g. "de, ar" (default de)'
	},
	{
		name: 'target_groups',
		description:
			'everyone (default), newcomers, refugees, women, men, families, parents, children, youth, seniors, job_seekers, students, volunteers'
	},
	{
		name: 'cost_eur',
		description: 'cost in euros, e.g. 2,50 or 2.50; 0 is free of charge, empty is unknown'
	},
	{ name: 'childcare', description: 'ja/nein, yes/no, true/false or 1/0 (default no)' },
	{ name: 'women_only', description: 'ja/nein, yes/no, true/false or 1/0 (default no)' },
	{
		name: 'wheelchair_accessible',
		description: 'ja/nein, yes/no, true/false or 1/0; empty is unknown'
	},
	{
		name: 'german_level',
		description: 'German needed: none, a1, a2, b1, b2 or c1; empty is unknown'
	},
	{ name: 'registration', description: 'none (default), recommended or required' },
	{
		name: 'registration_url',
		description:
			'web address for registering: http:// or https:// and a host name such as example.org'
	},
	{
		name: 'contact_email',
		description: 'e-mail address such as name@example.org, without mailto:'
	},
	{ name: 'contact_phone', description: 'phone number: digits, spaces and + ( ) / - .' },
	{ name: 'state', description: 'draft (default), published or archived' },
	{ name: 'last_verified_on', description: 'when the details were last checked: YYYY-MM-DD' },
	{
		name: 'measures',
		description:
			'codes of the measures of the current concept the offer implements, e.g. "1.1.1; 2.3.1"'
	},
	{
		name: 'starts_at',
		description: 'first (or only) date, local time in Europe/Berlin: YYYY-MM-DD HH:MM'
	},
	{
		name: 'duration_minutes',
		description: 'length of one date in minutes, 1 to 1440 (default 60)'
	},
	{
		name: 'rrule',
		description:
			'recurrence from starts_at as an RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU; empty for a one-off date'
	}
];

/** What an offers import did. */
export interface OffersReport {
	offers_imported: number;
	/** Ids of the new offers, in file order. */
	ids: string[];
}

const report = z.object({
	offers_imported: z.number().int(),
	ids: z.array(z.string())
});

/**
 * The rows of a CSV file of offers, ready for `import_offers`: `{ row, ...values }`.
 * @throws ImportRefused for a malformed file or a header that does not fit
 */
export function readOffersCsv(csvText: string): Array<Record<string, string | number>> {
	return readCsvRecords(csvText, OFFER_COLUMNS).map(({ row, values }) => ({ row, ...values }));
}

/**
 * Imports every row of a CSV file of offers, or none.
 * @throws ImportRefused (with every bad row) or ImportFailed; nothing was written then
 */
export async function importOffers(
	supabase: SupabaseClient<Database>,
	options: { city: string; csvText: string }
): Promise<OffersReport> {
	const rows = readOffersCsv(options.csvText);
	const { data, error } = await supabase.rpc('import_offers', {
		p_city: options.city,
		p_rows: rows as Json
	});
	if (error) throw importError(error);
	return report.parse(data);
}
