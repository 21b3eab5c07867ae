/**
 * npm run import:districts -- --city kempten --name-property STT_NAME path/to/file.geojson
 *
 * Replaces a city's districts with the features of a GeoJSON file; see `--help`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { countFeatures, importDistricts, parseGeoJson } from '../src/lib/server/import/districts';
import { describeProblem, failureLines } from '../src/lib/server/import/errors';
import { closeBackend, createServiceSupabase } from '../src/lib/server/supabase';

const usage = `Usage: npm run import:districts -- --city <slug> [options] <file.geojson>

Replaces the districts of a city with the features of a GeoJSON FeatureCollection: Polygon or
MultiPolygon geometries in longitude/latitude (WGS 84, EPSG:4326). Districts missing from the
file are removed, and every offer's district is computed again from its point. Invalid
geometries that can be repaired (e.g. a self-intersecting ring) are repaired and reported.
A numeric "population" property, if present, is kept as the district's population.

All or nothing: if any feature is refused, nothing changes and every bad feature is listed
with its index in the file (the first feature is 0).

Options:
  --city <slug>            the city, e.g. kempten (required)
  --name-property <name>   the feature property that holds the district's name (default: name)
  --source <text>          where the geometries come from, e.g. "Stadt Kempten, dl-de/by-2-0"
  -h, --help               show this text

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
			options: {
				city: { type: 'string' },
				'name-property': { type: 'string', default: 'name' },
				source: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
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
	if (positionals.length !== 1) return usageError('Give exactly one GeoJSON file.');
	const [file] = positionals;

	console.log(`Reading ${file} …`);
	let geojsonText: string;
	try {
		geojsonText = await readFile(file, 'utf8');
	} catch (error) {
		return usageError(`Cannot read ${file}: ${(error as Error).message}`);
	}

	try {
		// Check the file before the database is opened: a broken file fails at once.
		const features = countFeatures(parseGeoJson(geojsonText));
		const supabase = await createServiceSupabase();
		console.log(`Importing ${features ?? 'the'} districts into ${values.city} …`);
		const report = await importDistricts(supabase, {
			city: values.city,
			geojsonText,
			nameProperty: values['name-property'],
			source: values.source
		});
		console.log(
			`Imported ${count(report.districts, 'district')}: ${report.inserted} new, ` +
				`${report.updated} updated, ${report.removed} removed; ` +
				`${count(report.offers_reassigned, 'offer')} changed district.`
		);
		if (report.repaired.length > 0) {
			console.log(
				`Repaired ${count(report.repaired.length, 'invalid geometry', 'invalid geometries')}:`
			);
			for (const repaired of report.repaired) console.log(`  ${describeProblem(repaired)}`);
		}
		return 0;
	} catch (error) {
		console.error(failureLines(error).join('\n'));
		return 1;
	} finally {
		await closeBackend();
	}
}

process.exitCode = await main();
