/**
 * A month of usage counts as the city office reads it: one row per locale (all nine and `none`,
 * so that a locale nobody used shows its 0), one column per route kind, with totals. The page
 * and the CSV export use the same table.
 */
import { LOCALES } from '$lib/i18n/locales';
import { ROUTE_KINDS, type RouteKind, type UsageLocale } from '$lib/server/usage/route-kind';
import type { UsageCount } from '$lib/server/data/usage';

export const USAGE_LOCALES: readonly UsageLocale[] = [...LOCALES, 'none'];

export interface UsageTableRow {
	locale: UsageLocale;
	/** Count per route kind, in ROUTE_KINDS order. */
	cells: number[];
	total: number;
}

export interface UsageTable {
	kinds: readonly RouteKind[];
	rows: UsageTableRow[];
	/** Per route kind, then the grand total last. */
	totals: number[];
	total: number;
}

export function usageTable(counts: readonly UsageCount[]): UsageTable {
	const rows = USAGE_LOCALES.map((locale) => {
		const cells = ROUTE_KINDS.map((kind) =>
			counts
				.filter((row) => row.locale === locale && row.route_kind === kind)
				.reduce((sum, row) => sum + row.count, 0)
		);
		return { locale, cells, total: cells.reduce((sum, cell) => sum + cell, 0) };
	});
	const totals = ROUTE_KINDS.map((_, index) =>
		rows.reduce((sum, row) => sum + row.cells[index]!, 0)
	);
	return { kinds: ROUTE_KINDS, rows, totals, total: rows.reduce((sum, row) => sum + row.total, 0) };
}

/** `?month=YYYY-MM`: the month's first day, null when absent, undefined when malformed. */
export function monthParameter(value: string | null): string | null | undefined {
	if (value === null || value === '') return null;
	return /^\d{4}-(?:0[1-9]|1[0-2])$/.test(value) ? `${value}-01` : undefined;
}
