/**
 * A table from a spreadsheet file as cities keep them: XLSX (the first sheet, read with exceljs)
 * or CSV (`;` or `,`, UTF-8 with or without byte order mark, read by ./csv.ts). The header is the
 * first row among the first ten that `isHeader` accepts, so a title row above the table is fine
 * in a workbook; in CSV the header is the first line (./csv.ts reads it so).
 * Each row carries its number as the spreadsheet shows it; empty rows are left out. Cells are
 * text, trimmed, or a Date where the sheet holds a date.
 */
import ExcelJS from 'exceljs';
import { parseCsv } from './csv';
import { ImportRefused } from './errors';

export type SheetCell = string | Date;

export interface SheetRow {
	/** The row's number in the spreadsheet (CSV: the line it starts on). */
	row: number;
	/** Cells by their column's heading; empty cells are left out. */
	cells: Record<string, SheetCell>;
}

export interface SheetTable {
	header: string[];
	rows: SheetRow[];
}

const HEADER_SEARCH_ROWS = 10;

/** Whether a file's bytes are an XLSX (zip) file rather than text. */
function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads the table of a spreadsheet file.
 * @throws ImportRefused for a file that is neither XLSX nor UTF-8 text, or has no header row
 */
export async function readSpreadsheet(
	bytes: Uint8Array,
	isHeader: (header: string[]) => boolean
): Promise<SheetTable> {
	const table = isZip(bytes) ? await readXlsx(bytes) : readCsvTable(bytes);
	const at = table.findIndex((row) => isHeader(row.cells.map((cell) => String(cell ?? ''))));
	if (at < 0 || at >= HEADER_SEARCH_ROWS) {
		throw new ImportRefused(
			'no header row found in the first ten rows; nothing was imported',
			[],
			'The header names the columns, e.g. Handlungsfeld, Ziel, Maßnahme, Status.'
		);
	}
	const header = table[at].cells.map((cell) => String(cell ?? '').trim());
	const rows: SheetRow[] = [];
	for (const { row, cells: values } of table.slice(at + 1)) {
		const cells: Record<string, SheetCell> = {};
		header.forEach((name, i) => {
			const value = values[i];
			if (name !== '' && value !== undefined && value !== '') cells[name] = value;
		});
		if (Object.keys(cells).length > 0) rows.push({ row, cells });
	}
	return { header: header.filter((name) => name !== ''), rows };
}

interface RawRow {
	row: number;
	cells: Array<SheetCell | undefined>;
}

function readCsvTable(bytes: Uint8Array): RawRow[] {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ImportRefused(
			'the file is neither an XLSX file nor UTF-8 text; nothing was imported',
			[],
			'Save it from the spreadsheet as "CSV UTF-8" or as an Excel workbook (.xlsx).'
		);
	}
	// the CSV reader takes the first line as its header; the table's header may come later
	const { header, rows } = parseCsv(text);
	return [
		{ row: 1, cells: header },
		...rows.map((record) => ({
			row: record.row,
			cells: header.map((name) => record.values[name]?.trim())
		}))
	];
}

/** A cell's value as text or a date: rich text joined, a formula's result, a link's text. */
function cellValue(value: ExcelJS.CellValue): SheetCell | undefined {
	if (value === null || value === undefined) return undefined;
	if (value instanceof Date) return value;
	if (typeof value === 'object') {
		if ('richText' in value)
			return value.richText
				.map((part) => part.text)
				.join('')
				.trim();
		if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
		if ('text' in value) return String(value.text).trim();
		if ('error' in value) return undefined;
		return undefined;
	}
	return String(value).trim();
}

async function readXlsx(bytes: Uint8Array): Promise<RawRow[]> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer
		);
	} catch {
		throw new ImportRefused('the XLSX file cannot be read; nothing was imported');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new ImportRefused('the XLSX file has no sheet; nothing was imported');
	const rows: RawRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: Array<SheetCell | undefined> = [];
		// merged cells (a goal over several rows) read the value of their first cell
		row.eachCell({ includeEmpty: true }, (cell, column) => {
			cells[column - 1] = cellValue(cell.isMerged ? cell.master.value : cell.value);
		});
		rows.push({ row: number, cells });
	});
	return rows;
}
