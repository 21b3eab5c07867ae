/**
 * npm run import:population -- --city kempten file.csv
 *
 * Sets population figures of a city's districts from a CSV file; see `--help`.
 */
import { describeColumns } from '../src/lib/server/import/csv';
import {
	importPopulation,
	POPULATION_COLUMNS,
	readPopulationCsv
} from '../src/lib/server/import/districts';
import { count, runImportCommand } from './import-command';

const usage = `Usage: npm run import:population -- --city <slug> <file.csv>

Sets the population and the residents with migration history of a city's districts, one row per
district. Districts that are not in the file keep their figures. The file is CSV with a header
line, delimited by , or ; (as spreadsheets export it), UTF-8. Columns:

${describeColumns(POPULATION_COLUMNS)}

All or nothing: if any row is refused, nothing changes and every bad row is listed with its line
in the file (the header is row 1).

Options:
  --city <slug>   the city, e.g. kempten (required)
  -h, --help      show this text

Without SUPABASE_URL the embedded database in DATA_DIR (default .data/pglite) is used: stop the
portal first. With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.

Exit status: 0 imported, 1 refused or failed (nothing was imported), 2 wrong usage.`;

await runImportCommand({
	usage,
	fileKind: 'CSV',
	check(text, values) {
		const rows = readPopulationCsv(text).length;
		return `Importing the population of ${count(rows, 'district')} of ${values.city} …`;
	},
	async run(supabase, csvText, values) {
		const report = await importPopulation(supabase, { city: values.city, csvText });
		return [`Updated ${count(report.districts_updated, 'district')}.`];
	}
});
