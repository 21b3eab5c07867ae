/**
 * The report exports as tables: the coverage matrix, the gap lists, the measures with their
 * status, and the comparison of two snapshots. Each builder takes the data and the translator
 * of the reader's language; the endpoint writes the tables as CSV or XLSX.
 */
import type { CityMeasureRow } from '$lib/server/data/concepts';
import type { Cell, ReportExport, ReportTable } from './table';
import type { GapOffer, ReportCoverage, SnapshotComparison } from './types';

/** The translator: a message key and its values to text. */
export type Translate = (key: string, options?: Record<string, string | number>) => string;

export const EXPORT_TABLES = ['matrix', 'gaps', 'measures', 'comparison'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const yesNo = (t: Translate, value: boolean | null) =>
	value === null ? null : t(value ? 'city.reports.yes' : 'city.reports.no');

const status = (t: Translate, value: string | null) => t(`status.${value ?? 'none'}`);

function single(filename: string, table: ReportTable): ReportExport {
	return { filename, tables: [table], csv: table };
}

/** Districts × fields of action: offers per cell, the district's population and total. */
export function matrixExport(coverage: ReportCoverage, t: Translate): ReportExport {
	const cells = new Map(coverage.by_field.map((c) => [`${c.district}\u0000${c.field}`, c.offers]));
	const table: ReportTable = {
		name: t('city.reports.sheet.matrix'),
		columns: [
			{ header: t('city.reports.column.district'), width: 24 },
			{ header: t('city.reports.column.population'), width: 12 },
			{ header: t('city.reports.column.population_migration'), width: 16 },
			...coverage.fields.map((f) => ({ header: `${f.code} ${f.title}`, width: 18 })),
			{ header: t('city.reports.column.offers_total'), width: 14 }
		],
		rows: coverage.districts.map((d) => [
			d.name,
			d.population,
			d.population_migration,
			...coverage.fields.map((f) => cells.get(`${d.slug}\u0000${f.code}`) ?? 0),
			d.offers
		])
	};
	return single(`abdeckung-${coverage.concept.slug}`, table);
}

/** The gap lists in one table: measures, district × field cells and offers, a kind each. */
export function gapsExport(
	coverage: ReportCoverage,
	offers: Record<'without_measure' | 'without_point' | 'without_district', GapOffer[]>,
	t: Translate
): ReportExport {
	const districts = new Map(coverage.districts.map((d) => [d.slug, d.name]));
	const fields = new Map(coverage.fields.map((f) => [f.code, `${f.code} ${f.title}`]));
	const rows: Cell[][] = [
		...coverage.gaps.measures_without_offer.map((m) => [
			t('city.reports.gap.measure'),
			fields.get(m.field) ?? m.field,
			null,
			`${m.code} ${m.title}`,
			status(t, m.status),
			null
		]),
		...coverage.gaps.district_fields_without_offer.map((c) => [
			t('city.reports.gap.district_field'),
			fields.get(c.field) ?? c.field,
			districts.get(c.district) ?? c.district,
			null,
			null,
			null
		]),
		...(['without_measure', 'without_point', 'without_district'] as const).flatMap((gap) =>
			offers[gap].map((o) => [
				t(`city.reports.gap.offer_${gap}`),
				null,
				null,
				null,
				o.title,
				o.organisation
			])
		)
	];
	return single(`luecken-${coverage.concept.slug}`, {
		name: t('city.reports.sheet.gaps'),
		columns: [
			{ header: t('city.reports.column.gap'), width: 34 },
			{ header: t('city.reports.column.field'), width: 28 },
			{ header: t('city.reports.column.district'), width: 22 },
			{ header: t('city.reports.column.measure'), width: 40 },
			{ header: t('city.reports.column.status_or_offer'), width: 36 },
			{ header: t('city.reports.column.organisation'), width: 28 }
		],
		rows
	});
}

/** Every measure with field, goal, status, light, late flag, planned end and offers. */
export function measuresExport(
	concept: string,
	rows: CityMeasureRow[],
	t: Translate
): ReportExport {
	return single(`massnahmen-${concept}`, {
		name: t('city.reports.sheet.measures'),
		columns: [
			{ header: t('city.reports.column.field'), width: 28 },
			{ header: t('city.reports.column.goal'), width: 28 },
			{ header: t('city.reports.column.code'), width: 10 },
			{ header: t('city.reports.column.measure'), width: 44 },
			{ header: t('city.reports.column.status'), width: 24 },
			{ header: t('city.reports.column.light'), width: 14 },
			{ header: t('city.reports.column.late'), width: 11 },
			{ header: t('city.reports.column.ends_on'), width: 14 },
			{ header: t('city.reports.column.offers'), width: 10 }
		],
		rows: rows.map((m) => [
			`${m.field_code} ${m.field_title}`,
			`${m.goal_code} ${m.goal_title}`,
			m.measure_code,
			m.measure_title,
			status(t, m.status),
			t(`light.${m.light ?? 'none'}`),
			yesNo(t, m.is_late),
			m.ends_on,
			m.published_offers
		])
	});
}

/**
 * Two snapshots side by side: a sheet of measures and one of district × field cells, every
 * changed row marked in a column of its own (and bold in the workbook); the CSV holds both as
 * one table with a kind column.
 */
export function comparisonExport(comparison: SnapshotComparison, t: Translate): ReportExport {
	const from = comparison.from.reference_date;
	const to = comparison.to.reference_date;
	const changed = (value: boolean) => (value ? t('city.reports.changed') : null);
	const marks = (rows: { changed: boolean }[]) =>
		new Set(rows.flatMap((row, index) => (row.changed ? [index] : [])));
	const measures: ReportTable = {
		name: t('city.reports.sheet.compare_measures'),
		columns: [
			{ header: t('city.reports.column.code'), width: 10 },
			{ header: t('city.reports.column.measure'), width: 44 },
			{ header: t('city.reports.column.field'), width: 28 },
			{ header: t('city.reports.column.status_on', { date: from }), width: 26 },
			{ header: t('city.reports.column.status_on', { date: to }), width: 26 },
			{ header: t('city.reports.column.late_on', { date: from }), width: 16 },
			{ header: t('city.reports.column.late_on', { date: to }), width: 16 },
			{ header: t('city.reports.column.offers_on', { date: from }), width: 16 },
			{ header: t('city.reports.column.offers_on', { date: to }), width: 16 },
			{ header: t('city.reports.column.change'), width: 12 }
		],
		rows: comparison.measures.map((m) => [
			m.code,
			m.title,
			`${m.field} ${m.field_title}`,
			m.old_light === null && m.old_status === null && m.old_late === null
				? t('city.reports.absent')
				: status(t, m.old_status),
			m.new_light === null && m.new_status === null && m.new_late === null
				? t('city.reports.absent')
				: status(t, m.new_status),
			yesNo(t, m.old_late),
			yesNo(t, m.new_late),
			m.old_offers,
			m.new_offers,
			changed(m.changed)
		]),
		marked: marks(comparison.measures)
	};
	const cells: ReportTable = {
		name: t('city.reports.sheet.compare_coverage'),
		columns: [
			{ header: t('city.reports.column.district'), width: 24 },
			{ header: t('city.reports.column.field'), width: 28 },
			{ header: t('city.reports.column.offers_on', { date: from }), width: 16 },
			{ header: t('city.reports.column.offers_on', { date: to }), width: 16 },
			{ header: t('city.reports.column.difference'), width: 12 },
			{ header: t('city.reports.column.change'), width: 12 }
		],
		rows: comparison.cells.map((c) => [
			c.district_name,
			`${c.field} ${c.field_title}`,
			c.old_offers,
			c.new_offers,
			(c.new_offers ?? 0) - (c.old_offers ?? 0),
			changed(c.changed)
		]),
		marked: marks(comparison.cells)
	};
	const csv: ReportTable = {
		name: measures.name,
		columns: [
			{ header: t('city.reports.column.kind'), width: 20 },
			{ header: t('city.reports.column.key'), width: 24 },
			{ header: t('city.reports.column.name'), width: 40 },
			{ header: t('city.reports.column.on', { date: from }), width: 26 },
			{ header: t('city.reports.column.on', { date: to }), width: 26 },
			{ header: t('city.reports.column.change'), width: 12 }
		],
		rows: [
			...measures.rows.map((r) => [t('city.reports.kind.measure'), r[0], r[1], r[3], r[4], r[9]]),
			...cells.rows.map((r) => [t('city.reports.kind.cell'), r[0], r[1], r[2], r[3], r[5]])
		]
	};
	return { filename: `vergleich-${from}-${to}`, tables: [measures, cells], csv };
}
