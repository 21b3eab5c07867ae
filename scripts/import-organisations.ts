/**
 * npm run import:organisations -- --city <slug> organisations.csv
 *
 * Imports or updates a city's organisations from a CSV file; see `--help`.
 */
import { describeColumns } from '../src/lib/server/import/csv';
import {
	importOrganisations,
	ORGANISATION_COLUMNS,
	readOrganisationsCsv
} from '../src/lib/server/import/organisations';
import { count, runImportCommand } from './import-command';

const usage = `Usage: npm run import:organisations -- --city <slug> <file.csv>

Adds or updates the organisations that hold offers (neighbourhood offices, providers,
counselling services, clubs, …), one per row, matched by slug: a new slug adds an organisation,
a slug the city has already updates it. The file is CSV with a header line, delimited by , or ;
(as spreadsheets export it), UTF-8 with or without BOM. Columns:

${describeColumns(ORGANISATION_COLUMNS)}

All or nothing: if any row is refused, nothing changes and every bad row is listed with its line
in the file (the header is row 1). Importing the same file again changes nothing.

Options:
  --city SLUG  the city, e.g. kaiserslautern
  -h, --help   show this text

Without SUPABASE_URL the embedded database in DATA_DIR (default .data/pglite) is used: stop the
portal first. With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.

Exit status: 0 imported, 1 refused or failed (nothing was imported), 2 wrong usage.`;

await runImportCommand({
	usage,
	fileKind: 'CSV',
	check(text, values) {
		return `Importing ${count(readOrganisationsCsv(text).length, 'organisation')} into ${values.city} …`;
	},
	async run(supabase, csvText, values) {
		const report = await importOrganisations(supabase, { city: values.city, csvText });
		return [
			`Imported ${count(report.organisations, 'organisation')}: ${report.inserted} new, ` +
				`${report.updated} updated, ${report.unchanged} unchanged.`
		];
	}
});
