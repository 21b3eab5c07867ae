/**
 * npm run import:population -- --city kempten file.csv
 *
 * Sets population figures of a city's districts from a CSV file; see `--help`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeColumns } from '../src/lib/server/import/csv';
import {
	importPopulation,
	POPULATION_COLUMNS,
	readPopulationCsv
} from '../src/lib/server/import/districts';
import { failureLines } from '../src/lib/server/import/errors';
import { closeBackend, createServiceSupabase } from '../src/lib/server/supabase';

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

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function usageError(message: string): number {
	console.error(`${message}\n\n${usage}`);
	return 2;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: { city: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
		});
	} catch (error) {
		return usageError((error as Error).message);
	}
	const { values, positionals } = args;
	if (values.help) {
		console.log(usage);
		return 0;
	}
	if (!values.city) return usageError('--city is missing.');
	if (positionals.length !== 1) return usageError('Give exactly one CSV file.');
	const [file] = positionals;

	console.log(`Reading ${file} …`);
	let csvText: string;
	try {
		csvText = await readFile(file, 'utf8');
	} catch (error) {
		return usageError(`Cannot read ${file}: ${(error as Error).message}`);
	}

	try {
		// Check the file before the database is opened: a broken file fails at once.
		const rows = readPopulationCsv(csvText).length;
		const supabase = await createServiceSupabase();
		console.log(`Importing the population of ${count(rows, 'district')} of ${values.city} …`);
		const report = await importPopulation(supabase, { city: values.city, csvText });
		console.log(`Updated ${count(report.districts_updated, 'district')}.`);
		return 0;
	} catch (error) {
		console.error(failureLines(error).join('\n'));
		return 1;
	} finally {
		await closeBackend();
	}
}

process.exitCode = await main();
