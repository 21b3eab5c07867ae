/**
 * CSV as German spreadsheets open it with a double click: `;` between fields, CRLF after every
 * record, UTF-8 with a byte order mark (without it Excel reads umlauts as Windows-1252). A field
 * is quoted when it holds `;`, `"`, a line break or spaces at its ends; quotes inside are
 * doubled (RFC 4180). Text that a spreadsheet would run as a formula (starting with =, +, -, @,
 * a tab or a carriage return) gets a leading apostrophe: offer titles come from providers.
 * Numbers are written as they are (whole numbers; a decimal gets a comma, the German way).
 *
 *   const body = toCsv(table); // a string starting with U+FEFF
 */
import type { Cell, ReportTable } from './table';

export const CSV_BOM = '\uFEFF';
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as CSV text. */
export function csvField(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value).replace('.', ',');
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as a CSV file's text: the header, then the rows, each ending with CRLF. */
export function toCsv(table: Pick<ReportTable, 'columns' | 'rows'>): string {
	const lines = [table.columns.map((column) => column.header), ...table.rows].map(
		(cells) => cells.map(csvField).join(';') + '\r\n'
	);
	return CSV_BOM + lines.join('');
}
