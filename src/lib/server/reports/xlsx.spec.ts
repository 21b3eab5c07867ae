import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from './xlsx';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
	return workbook;
}

describe('toXlsx', () => {
	it('writes a sheet per table with a bold, frozen header, widths and marked rows', async () => {
		const bytes = await toXlsx([
			{
				name: 'Maßnahmen',
				columns: [
					{ header: 'Code', width: 8 },
					{ header: 'Stand', width: 24 },
					{ header: 'Änderung', width: 12 }
				],
				rows: [
					['1.1.1', 'umgesetzt', 'geändert'],
					['1.1.2', 'geplant', null]
				],
				marked: new Set([0])
			},
			{
				name: 'Stadtteile: Handlungsfelder/Kategorien [lang]',
				columns: [{ header: 'Angebote', width: 10 }],
				rows: [[3], [0]]
			},
			{ name: 'Maßnahmen', columns: [{ header: 'x', width: 4 }], rows: [] }
		]);
		const workbook = await open(bytes);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
			'Maßnahmen',
			'Stadtteile- Handlungsfelder-Kat',
			'Maßnahmen (2)'
		]);
		const sheet = workbook.worksheets[0];
		expect(sheet.getRow(1).values).toEqual([undefined, 'Code', 'Stand', 'Änderung']);
		expect(sheet.getCell('A1').font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getColumn(2).width).toBe(24);
		expect(sheet.getCell('C2').value).toBe('geändert');
		expect(sheet.getCell('A2').font?.bold).toBe(true);
		expect(sheet.getCell('A3').font?.bold).toBeFalsy();
		expect(sheet.getCell('C3').value).toBeNull();
		// numbers stay numbers
		expect(workbook.worksheets[1].getCell('A2').value).toBe(3);
	});
});
