/**
 * npm run import:offers -- --city <slug> file.csv
 *
 * Imports offers from a CSV file; see `--help`.
 */
import { describeColumns } from '../src/lib/server/import/csv';
import { importOffers, OFFER_COLUMNS, readOffersCsv } from '../src/lib/server/import/offers';
import { count, runImportCommand } from './import-command';

const usage = `Usage: npm run import:offers -- --city <slug> <file.csv>

Adds one offer per row: its text in one locale (the original), its place (the district is
assigned from latitude/longitude), the measures of the current integration concept it
implements and, with starts_at, its first date and recurrence. The file is CSV with a header
line, delimited by , or ; (as spreadsheets export it), UTF-8. Only organisation, category and
title are required; leave out the columns you do not need. Lists (languages, target_groups,
measures) are separated by , or ; — quote such a field, and an rrule, when the file uses the
same delimiter. Columns:

${describeColumns(OFFER_COLUMNS)}

All or nothing: if any row is refused, nothing changes and every bad row is listed with its line
in the file (the header is row 1). Importing a file twice adds its offers twice.

Options:
  --city SLUG  the city whose organisations (by slug) hold the offers, e.g. kempten
  -h, --help   show this text

Without SUPABASE_URL the embedded database in DATA_DIR (default .data/pglite) is used: stop the
portal first. With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.

Exit status: 0 imported, 1 refused or failed (nothing was imported), 2 wrong usage.`;

await runImportCommand({
	usage,
	fileKind: 'CSV',
	check(text) {
		return `Importing ${count(readOffersCsv(text).length, 'offer')} …`;
	},
	async run(supabase, csvText, values) {
		const report = await importOffers(supabase, { city: values.city, csvText });
		return [`Imported ${count(report.offers_imported, 'offer')}.`];
	}
});
