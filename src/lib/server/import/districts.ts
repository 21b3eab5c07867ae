/**
 * A city's districts from GeoJSON and their population from CSV. The checks that need the data
 * (geometry, names, districts) are `public.import_districts` and
 * `public.import_district_population`; both import everything or nothing and name each bad
 * feature (by index, from 0) or row (by its line in the file).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import * as z from 'zod';
import { readCsvRecords, type CsvColumn } from './csv';
import { ImportRefused, importError } from './errors';

/** What a district import did. */
export interface DistrictsReport {
	/** Districts in the file, now the city's districts. */
	districts: number;
	inserted: number;
	updated: number;
	/** The city's districts that were not in the file. */
	removed: number;
	/** Invalid geometries that ST_MakeValid repaired: feature index, name and what was wrong. */
	repaired: Array<{ index: number; name: string; reason: string }>;
	/** Offers whose district changed. */
	offers_reassigned: number;
	/** The EPSG code of the coordinates as read: 4326, or 25832/25833 (reprojected to 4326). */
	srid?: number;
}

const districtsReport = z.object({
	districts: z.number().int(),
	inserted: z.number().int(),
	updated: z.number().int(),
	removed: z.number().int(),
	repaired: z.array(z.object({ index: z.number().int(), name: z.string(), reason: z.string() })),
	offers_reassigned: z.number().int(),
	srid: z.number().int().optional()
});

/** The coordinate systems the districts import reads, by EPSG code. */
export const COORDINATE_SYSTEMS: Readonly<Record<number, string>> = {
	4326: 'WGS 84, longitude/latitude',
	25832: 'ETRS89 / UTM zone 32N',
	25833: 'ETRS89 / UTM zone 33N'
};

/** The name in a FeatureCollection's `crs` member, e.g. "EPSG:25832"; undefined without one. */
export function statedCrs(collection: unknown): string | undefined {
	const crs = (collection as { crs?: { properties?: { name?: unknown } } } | null)?.crs;
	const name = crs?.properties?.name;
	return typeof name === 'string' ? name : undefined;
}

/** Which coordinate system the import read, and why: for the command's output. */
export function coordinateSystemLine(srid: number, stated: string | undefined): string {
	const system = `EPSG:${srid} (${COORDINATE_SYSTEMS[srid] ?? 'unknown'})`;
	if (stated === undefined) {
		return `Coordinates read as ${system}: the file has no "crs" member, so WGS 84 was assumed.`;
	}
	return srid === 4326
		? `Coordinates read as ${system}, as the file's crs "${stated}" says.`
		: `Coordinates read as ${system}, as the file's crs "${stated}" says, and reprojected to WGS 84 (EPSG:4326) by PostGIS.`;
}

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return { line, column: offset - before.lastIndexOf('\n') };
}

/** The offset JSON.parse names in its message, if it names one. */
const statedOffset = (message: string) => {
	const match = /at position (\d+)/.exec(message);
	return match ? Number(match[1]) : undefined;
};

/**
 * Where JSON.parse gave up. Node 20 names the position for some errors only; for the others it
 * is found by bisection: the longest prefix of the text that is still the start of valid JSON.
 */
function errorOffset(text: string, message: string): number {
	const stated = statedOffset(message);
	if (stated !== undefined) return stated;
	const isValidStart = (end: number) => {
		try {
			JSON.parse(text.slice(0, end));
			return true;
		} catch (error) {
			const message = (error as Error).message;
			// An error at the very end of the prefix means it is incomplete, not wrong.
			return /Unexpected end of JSON input/.test(message) || (statedOffset(message) ?? -1) >= end;
		}
	};
	if (isValidStart(text.length)) return text.length;
	let good = 0;
	let bad = text.length;
	while (bad - good > 1) {
		const middle = (good + bad) >> 1;
		if (isValidStart(middle)) good = middle;
		else bad = middle;
	}
	return good;
}

/**
 * Parses GeoJSON text (a byte order mark is dropped).
 * @throws ImportRefused naming the line and column where the JSON is broken
 */
export function parseGeoJson(text: string): unknown {
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') throw new ImportRefused('the GeoJSON file is empty');
	try {
		return JSON.parse(body);
	} catch (error) {
		const message = (error as Error).message;
		const offset = errorOffset(body, message);
		const { line, column } = lineAndColumn(body, offset);
		// V8 quotes a stretch of the text in some messages; the character is what helps.
		const reason =
			statedOffset(message) === undefined && offset < body.length
				? `unexpected character ${JSON.stringify(body[offset])}`
				: message
						.replace(/ (in JSON )?at position \d+.*$/s, '')
						.replace(/^\w/, (c) => c.toLowerCase());
		throw new ImportRefused(
			`the GeoJSON file is not valid JSON: line ${line}, column ${column}: ${reason}`
		);
	}
}

/** The number of features of a parsed FeatureCollection, or undefined if it is none. */
export function countFeatures(collection: unknown): number | undefined {
	const features = (collection as { features?: unknown } | null)?.features;
	return Array.isArray(features) ? features.length : undefined;
}

/**
 * Replaces the city's districts with the features of a GeoJSON FeatureCollection (WGS 84, or
 * EPSG:25832/25833 named by its `crs` member, reprojected by PostGIS); every offer's district is
 * then computed again from its point.
 * @param options.nameProperty the feature property that holds the district's name
 * @param options.source where the geometries come from, kept with each district
 * @throws ImportRefused (with every bad feature) or ImportFailed; nothing was written then
 */
export async function importDistricts(
	supabase: SupabaseClient<Database>,
	options: {
		city: string;
		geojsonText: string;
		nameProperty?: string;
		source?: string;
	}
): Promise<DistrictsReport> {
	const collection = parseGeoJson(options.geojsonText);
	const { data, error } = await supabase.rpc('import_districts', {
		p_city: options.city,
		p_collection: collection as Json,
		p_name_property: options.nameProperty ?? 'name',
		...(options.source ? { p_source: options.source } : {})
	});
	if (error) throw importError(error);
	return districtsReport.parse(data);
}

/** The columns of a population CSV file. */
export const POPULATION_COLUMNS: readonly CsvColumn[] = [
	{
		name: 'district',
		required: true,
		description: 'name of the district as imported (case does not matter), or its slug'
	},
	{
		name: 'population',
		required: true,
		description: 'residents, a whole number without separators, e.g. 7415'
	},
	{
		name: 'population_migration',
		description:
			'residents with migration history, a whole number no larger than population; empty if unknown'
	}
];

/** What a population import did. */
export interface PopulationReport {
	districts_updated: number;
}

const populationReport = z.object({ districts_updated: z.number().int() });

/**
 * The rows of a population CSV file, ready for `import_district_population`: `{ row, ...values }`.
 * @throws ImportRefused for a malformed file or a header that does not fit
 */
export function readPopulationCsv(csvText: string): Array<Record<string, string | number>> {
	return readCsvRecords(csvText, POPULATION_COLUMNS).map(({ row, values }) => ({ row, ...values }));
}

/**
 * Sets population and residents with migration history of the districts named in a CSV file
 * (columns: `POPULATION_COLUMNS`); districts not in the file keep their figures.
 * @throws ImportRefused (with every bad row) or ImportFailed; nothing was written then
 */
export async function importPopulation(
	supabase: SupabaseClient<Database>,
	options: { city: string; csvText: string }
): Promise<PopulationReport> {
	const rows = readPopulationCsv(options.csvText);
	const { data, error } = await supabase.rpc('import_district_population', {
		p_city: options.city,
		p_rows: rows as Json
	});
	if (error) throw importError(error);
	return populationReport.parse(data);
}
