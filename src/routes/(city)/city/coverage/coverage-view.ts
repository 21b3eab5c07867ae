/**
 * The coverage page's view of city_coverage: the choices in its query string, the matrix rows
 * with totals and per-1,000 figures, and the links from every number to the offers behind it
 * (/city/coverage/offers, which lists them by the same rules).
 *
 *   const choice = parseChoice(url.searchParams);        // null for a bad value
 *   const matrix = buildMatrix(coverage, choice);
 *   offersHref({ district: 'altstadt', field: '1' }, choice);
 */
import type { Coverage } from '$lib/coverage/types';
import { TARGET_GROUPS } from '$lib/types';

export const COLUMN_KINDS = ['fields', 'categories'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const MEASURES = ['offers', 'per_1000', 'per_1000_migration'] as const;
export type Measure = (typeof MEASURES)[number];

/** What the form chose; every value is in the page's address. */
export interface CoverageChoice {
	/** Concept slug; null: the current one. */
	concept: string | null;
	targetGroup: string | null;
	columns: ColumnKind;
	measure: Measure;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T) {
	if (value === null || value === '') return fallback;
	return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The choice in `params`, or null when a value is not one the form offers. */
export function parseChoice(params: URLSearchParams): CoverageChoice | null {
	const concept = params.get('concept') || null;
	if (concept !== null && !SLUG.test(concept)) return null;
	const group = params.get('target_group') || null;
	if (group !== null && !(TARGET_GROUPS as readonly string[]).includes(group)) return null;
	const columns = oneOf(params.get('columns'), COLUMN_KINDS, 'fields');
	const measure = oneOf(params.get('measure'), MEASURES, 'offers');
	if (!columns || !measure) return null;
	return { concept, targetGroup: group, columns, measure };
}

/** One number of the matrix: the offers behind it and the figure shown. */
export interface MatrixValue {
	offers: number;
	/** The figure in the chosen measure; null where the district has no reference figure. */
	value: number | null;
	/** The list of the offers behind it. */
	href: string;
}

export interface MatrixColumn {
	/** Field code or category slug. */
	key: string;
	/** A field's title; categories are named by the page's messages. */
	title: string | null;
}

export interface MatrixRow {
	slug: string;
	name: string;
	population: number | null;
	population_migration: number | null;
	cells: MatrixValue[];
	/** All the district's offers, each once. */
	total: MatrixValue;
}

export interface Matrix {
	columns: MatrixColumn[];
	rows: MatrixRow[];
	/** Per column: the sum of its cells (offers in a district). */
	totals: MatrixValue[];
	/** All offers in a district. */
	total: MatrixValue;
	/** The measure shown: 'offers' when no district has the chosen reference figure. */
	measure: Measure;
	/** Districts without the chosen reference figure (0 for 'offers'). */
	missingFigures: number;
}

/** The filters of one list of offers. */
export interface OffersFilter {
	district?: string;
	field?: string;
	category?: string;
	gap?: string;
}

/** The address of the offers behind a number; the concept and target group come along. */
export function offersHref(filter: OffersFilter, choice: CoverageChoice): string {
	const params = new URLSearchParams();
	if (choice.concept) params.set('concept', choice.concept);
	if (choice.targetGroup) params.set('target_group', choice.targetGroup);
	for (const key of ['district', 'field', 'category', 'gap'] as const) {
		const value = filter[key];
		if (value) params.set(key, value);
	}
	return `/city/coverage/offers?${params}`;
}

/** Offers per 1,000 of `base`, one decimal; null without a base. */
export function perThousand(offers: number, base: number | null): number | null {
	if (base === null || !(base > 0)) return null;
	return Math.round((offers * 10000) / base) / 10;
}

/** The reference figure of the measure: residents, those with a migration history, or none. */
function baseOf(
	district: { population: number | null; population_migration: number | null },
	measure: Measure
): number | null | undefined {
	if (measure === 'per_1000') return district.population;
	if (measure === 'per_1000_migration') return district.population_migration;
	return undefined;
}

/** Whether any district has the reference figure of `measure`. */
export function hasFigures(coverage: Pick<Coverage, 'districts'>, measure: Measure): boolean {
	if (measure === 'offers') return true;
	return coverage.districts.some((district) => (baseOf(district, measure) ?? 0) > 0);
}

/** The matrix of districts × fields of action (or categories) in the chosen measure. */
export function buildMatrix(coverage: Coverage, choice: CoverageChoice): Matrix {
	const measure = hasFigures(coverage, choice.measure) ? choice.measure : 'offers';
	const byField = choice.columns === 'fields';
	const columns: MatrixColumn[] = byField
		? coverage.fields.map((field) => ({ key: field.code, title: field.title }))
		: coverage.categories.map((slug) => ({ key: slug, title: null }));
	const counts = new Map<string, number>();
	if (byField) {
		for (const cell of coverage.by_field) counts.set(`${cell.district}|${cell.field}`, cell.offers);
	} else {
		for (const cell of coverage.by_category) {
			counts.set(`${cell.district}|${cell.category}`, cell.offers);
		}
	}
	const columnFilter = (key: string): OffersFilter =>
		byField ? { field: key } : { category: key };
	const figure = (offers: number, base: number | null | undefined) =>
		base === undefined ? offers : perThousand(offers, base);

	let missingFigures = 0;
	const rows = coverage.districts.map((district): MatrixRow => {
		const base = baseOf(district, measure);
		if (base !== undefined && !(base !== null && base > 0)) missingFigures++;
		return {
			slug: district.slug,
			name: district.name,
			population: district.population,
			population_migration: district.population_migration,
			cells: columns.map((column) => {
				const offers = counts.get(`${district.slug}|${column.key}`) ?? 0;
				return {
					offers,
					value: figure(offers, base),
					href: offersHref({ district: district.slug, ...columnFilter(column.key) }, choice)
				};
			}),
			total: {
				offers: district.offers,
				value: figure(district.offers, base),
				href: offersHref({ district: district.slug }, choice)
			}
		};
	});

	// a city-wide figure only when every district has its reference figure
	const allBase =
		measure === 'offers' || missingFigures > 0
			? undefined
			: coverage.districts.reduce((sum, district) => sum + (baseOf(district, measure) ?? 0), 0);
	const cityFigure = (offers: number) =>
		measure === 'offers' ? offers : allBase === undefined ? null : perThousand(offers, allBase);
	const totals = columns.map((column, index) => {
		const offers = rows.reduce((sum, row) => sum + row.cells[index].offers, 0);
		return {
			offers,
			value: cityFigure(offers),
			href: offersHref(columnFilter(column.key), choice)
		};
	});
	const all = rows.reduce((sum, row) => sum + row.total.offers, 0);
	return {
		columns,
		rows,
		totals,
		total: { offers: all, value: cityFigure(all), href: offersHref({}, choice) },
		measure,
		missingFigures
	};
}

/** One thing the map can show: a field of action or a category, a figure per district. */
export interface MapLayer {
	key: string;
	label: string;
	/** Per district slug; null where the district has no reference figure. */
	values: Record<string, number | null>;
}

/** The matrix's columns as map layers, named by `label`. */
export function mapLayers(matrix: Matrix, label: (column: MatrixColumn) => string): MapLayer[] {
	return matrix.columns.map((column, index) => ({
		key: column.key,
		label: label(column),
		values: Object.fromEntries(matrix.rows.map((row) => [row.slug, row.cells[index].value]))
	}));
}
