/**
 * A table of a report, as both export formats write it: a name (the sheet's), columns with a
 * header and a width, rows of cells. Text cells are text, number cells numbers, null is empty.
 * `marked` rows are changes (the comparison): the XLSX writes them bold, and every table that
 * marks rows has a column saying so in words, so no format relies on emphasis alone.
 */
export type Cell = string | number | null;

export interface Column {
	/** The header's text. */
	header: string;
	/** Width in characters (XLSX). */
	width: number;
}

export interface ReportTable {
	/** The sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
	name: string;
	columns: Column[];
	rows: Cell[][];
	/** Indexes of the rows that show a change. */
	marked?: ReadonlySet<number>;
}

/** What an export holds: its tables (a sheet each) and the one table its CSV file holds. */
export interface ReportExport {
	/** File name without extension, e.g. `abdeckung-2026-06-30`. */
	filename: string;
	tables: ReportTable[];
	/** The CSV's table (a CSV file holds one); the only table when there is one. */
	csv: ReportTable;
}

/** A sheet name Excel takes: forbidden characters replaced, at most 31 characters. */
export function sheetName(name: string): string {
	return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Tabelle';
}
