import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import { parseCsv } from '../import/csv';

describe('toCsv', () => {
	const table = {
		columns: [
			{ header: 'Stadtteil', width: 20 },
			{ header: 'Angebote', width: 10 }
		],
		rows: [
			['Sankt Mang', 12],
			['Thingers; Nord', 0],
			['Café „Treff“ "Mitte"', null],
			['zwei\nZeilen', 1.5]
		]
	};

	it('writes a BOM, semicolons, CRLF and quotes where needed', () => {
		const text = toCsv(table);
		expect(text.startsWith('\uFEFFStadtteil;Angebote\r\n')).toBe(true);
		expect(text.split('\r\n')).toEqual([
			'\uFEFFStadtteil;Angebote',
			'Sankt Mang;12',
			'"Thingers; Nord";0',
			'"Café „Treff“ ""Mitte""";',
			'"zwei\nZeilen";1,5',
			''
		]);
	});

	it('reads back as written with the import’s CSV reader', () => {
		const read = parseCsv(toCsv(table));
		expect(read.delimiter).toBe(';');
		expect(read.header).toEqual(['Stadtteil', 'Angebote']);
		expect(read.rows.map((row) => row.values.Stadtteil)).toEqual([
			'Sankt Mang',
			'Thingers; Nord',
			'Café „Treff“ "Mitte"',
			'zwei\nZeilen'
		]);
	});

	it('keeps spreadsheets from running text as a formula and quotes spaces at the ends', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('-5 Plätze')).toBe("'-5 Plätze");
		expect(csvField('@home')).toBe("'@home");
		expect(csvField(' Rand ')).toBe('" Rand "');
		expect(csvField(-5)).toBe('-5');
		expect(csvField(null)).toBe('');
	});
});
