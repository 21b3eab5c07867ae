/**
 * A report's tables as an XLSX workbook (exceljs): a sheet per table, the header row bold and
 * frozen, an auto filter over the header, the columns as wide as the table says, marked rows
 * (changes) bold. Numbers stay numbers, so the office can sum and chart them.
 *
 *   const bytes = await toXlsx(report.tables, { title: 'Vergleich' });
 */
import ExcelJS from 'exceljs';
import { sheetName, type ReportTable } from './table';

export async function toXlsx(
	tables: readonly ReportTable[],
	properties: { title?: string; creator?: string } = {}
): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = properties.creator ?? 'Angebotsportal';
	workbook.title = properties.title ?? '';
	// a fixed date: the same report gives the same bytes (the export sizes are measured)
	workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
	const used = new Set<string>();
	for (const table of tables) {
		let name = sheetName(table.name);
		for (let n = 2; used.has(name); n++) name = sheetName(`${table.name.slice(0, 27)} (${n})`);
		used.add(name);
		const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width }));
		sheet.getRow(1).font = { bold: true };
		for (const [index, cells] of table.rows.entries()) {
			const row = sheet.addRow(cells);
			if (table.marked?.has(index)) row.font = { bold: true };
		}
		if (table.columns.length > 0) {
			sheet.autoFilter = {
				from: { row: 1, column: 1 },
				to: { row: 1, column: table.columns.length }
			};
		}
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}
