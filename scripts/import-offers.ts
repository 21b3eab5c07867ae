/**
 * npm run import:offers -- --city <slug> file.csv
 *
 * Imports offers from a CSV file; see `--help`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeColumns } from '../src/lib/server/import/csv';
import { failureLines } from '../src/lib/server/import/errors';
import { importOffers, OFFER_COLUMNS, readOffersCsv } from '../src/lib/server/import/offers';
import { closeBackend, createServiceSupabase } from '../src/lib/server/supabase';

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
		const rows = readOffersCsv(csvText).length;
		const supabase = await createServiceSupabase();
		console.log(`Importing ${count(rows, 'offer')} …`);
		const report = await importOffers(supabase, { city: values.city, csvText });
		console.log(`Imported ${count(report.offers_imported, 'offer')}.`);
		return 0;
	} catch (error) {
		console.error(failureLines(error).join('\n'));
		return 1;
	} finally {
		await closeBackend();
	}
}

process.exitCode = await main();
