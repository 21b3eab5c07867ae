/**
 * npm run import:districts -- --city kempten --name-property STT_NAME path/to/file.geojson
 *
 * Replaces a city's districts with the features of a GeoJSON file; see `--help`.
 */
import {
	coordinateSystemLine,
	countFeatures,
	importDistricts,
	parseGeoJson,
	statedCrs
} from '../src/lib/server/import/districts';
import { describeProblem } from '../src/lib/server/import/errors';
import { count, runImportCommand, stringOption } from './import-command';

const usage = `Usage: npm run import:districts -- --city <slug> [options] <file.geojson>

Replaces the districts of a city with the features of a GeoJSON FeatureCollection: Polygon or
MultiPolygon geometries in longitude/latitude (WGS 84, EPSG:4326), or in ETRS89 / UTM zone 32N
or 33N as German GIS offices publish them, named by the file's "crs" member
({"type": "name", "properties": {"name": "EPSG:25832"}}, or "urn:ogc:def:crs:EPSG::25832"),
then reprojected to WGS 84 by PostGIS. A file without "crs" is read as WGS 84; the command says
which system it read. A feature property "geometry_is_demo": true marks invented geometry (the
district's page says so). Districts missing from the
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

await runImportCommand({
	usage,
	fileKind: 'GeoJSON',
	options: { 'name-property': { type: 'string', default: 'name' }, source: { type: 'string' } },
	check(text, values) {
		const features = countFeatures(parseGeoJson(text));
		return `Importing ${features ?? 'the'} districts into ${values.city} …`;
	},
	async run(supabase, geojsonText, values) {
		const report = await importDistricts(supabase, {
			city: values.city,
			geojsonText,
			nameProperty: stringOption(values['name-property']),
			source: stringOption(values.source)
		});
		const lines = [
			...(report.srid === undefined
				? []
				: [coordinateSystemLine(report.srid, statedCrs(parseGeoJson(geojsonText)))]),
			`Imported ${count(report.districts, 'district')}: ${report.inserted} new, ` +
				`${report.updated} updated, ${report.removed} removed; ` +
				`${count(report.offers_reassigned, 'offer')} changed district.`
		];
		if (report.repaired.length > 0) {
			lines.push(
				`Repaired ${count(report.repaired.length, 'invalid geometry', 'invalid geometries')}:`,
				...report.repaired.map((repaired) => `  ${describeProblem(repaired)}`)
			);
		}
		return lines;
	}
});
