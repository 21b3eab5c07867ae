import { describe, expect, it } from 'vitest';
import { CsvError, describeColumns, detectDelimiter, parseCsv, readCsvRecords } from './csv';
import { ImportRefused } from './errors';

/** The problems a bad file is refused with. */
function problemsOf(text: string) {
	try {
		parseCsv(text);
	} catch (error) {
		expect(error).toBeInstanceOf(CsvError);
		expect(error).toBeInstanceOf(ImportRefused);
		return (error as CsvError).problems;
	}
	throw new Error('the file was accepted');
}

describe('parseCsv', () => {
	it('reads a header and records by column name, with the line of each record', () => {
		const table = parseCsv('district,population\nAltstadt,7400\nBühl,3900\n');
		expect(table).toEqual({
			header: ['district', 'population'],
			delimiter: ',',
			rows: [
				{ row: 2, values: { district: 'Altstadt', population: '7400' } },
				{ row: 3, values: { district: 'Bühl', population: '3900' } }
			]
		});
	});

	it('takes ; as the delimiter when the header has more of them (German spreadsheets)', () => {
		const table = parseCsv('title;cost_eur;summary\r\nCafé;2,50;"Tee, Kaffee; Kuchen"\r\n');
		expect(table.delimiter).toBe(';');
		expect(table.rows).toEqual([
			{ row: 2, values: { title: 'Café', cost_eur: '2,50', summary: 'Tee, Kaffee; Kuchen' } }
		]);
	});

	it('counts only delimiters outside quotes when detecting', () => {
		expect(detectDelimiter('"a;b;c",d\n1,2')).toBe(',');
		expect(detectDelimiter('"a,b,c";d;e\n1;2;3')).toBe(';');
		expect(detectDelimiter('title\nx')).toBe(',');
	});

	it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
		const text = [
			'title,description,note',
			'"Sprachcafé, offen","Sagt ""Hallo""',
			'und bringt Freunde mit",x',
			'Treff,"",""""'
		].join('\r\n');
		const table = parseCsv(text);
		expect(table.rows).toEqual([
			{
				row: 2,
				values: {
					title: 'Sprachcafé, offen',
					description: 'Sagt "Hallo"\r\nund bringt Freunde mit',
					note: 'x'
				}
			},
			// the record after a two-line field starts on line 4
			{ row: 4, values: { title: 'Treff', description: '', note: '"' } }
		]);
	});

	it('drops a byte order mark and trims header names but not values', () => {
		const table = parseCsv('\uFEFF district ; population\n Altstadt ;7400');
		expect(table.header).toEqual(['district', 'population']);
		expect(table.rows[0].values).toEqual({ district: ' Altstadt ', population: '7400' });
	});

	it('accepts a file without a final line break and LF, CRLF or CR line ends', () => {
		expect(parseCsv('a,b\n1,2').rows).toEqual([{ row: 2, values: { a: '1', b: '2' } }]);
		expect(parseCsv('a,b\r1,2\r3,4\r').rows.map((r) => r.row)).toEqual([2, 3]);
	});

	it('skips empty lines and lines of delimiters only, keeping the line numbers true', () => {
		const table = parseCsv('a;b\n\n1;2\n;\r\n  ;  \n3;4\n\n');
		expect(table.rows).toEqual([
			{ row: 3, values: { a: '1', b: '2' } },
			{ row: 6, values: { a: '3', b: '4' } }
		]);
	});

	it('returns no rows for a header alone', () => {
		expect(parseCsv('a,b\r\n')).toEqual({ header: ['a', 'b'], delimiter: ',', rows: [] });
	});

	it('refuses records with the wrong number of fields, naming every such row', () => {
		expect(problemsOf('a,b,c\n1,2,3\n1,2\n"x\ny",2,3,4\n1,2,3')).toEqual([
			{ row: 3, reason: '2 fields where the header has 3' },
			{ row: 4, reason: '4 fields where the header has 3' }
		]);
	});

	it('refuses a quote that is never closed, at the line where it opens', () => {
		expect(problemsOf('a,b\n1,2\n3,"four\n5,6\n')).toEqual([
			{ row: 3, reason: 'the quote that opens column 2 is never closed' }
		]);
		expect(problemsOf('"a,b\n1,2')).toEqual([
			{ row: 1, reason: 'the quote that opens column 1 is never closed' }
		]);
	});

	it('refuses text after a closing quote', () => {
		expect(problemsOf('a,b\n"1"x,2\n')).toEqual([
			{ row: 2, reason: 'column 1 has text after its closing quote: "x"' }
		]);
	});

	it('refuses header columns without a name or named twice', () => {
		expect(problemsOf('district,,population,district\nA,,1,B')).toEqual([
			{ row: 1, reason: 'column 2 of the header has no name' },
			{ row: 1, reason: 'column "district" appears twice in the header (columns 1 and 4)' }
		]);
	});

	it('refuses an empty file', () => {
		expect(problemsOf('')).toEqual([{ row: 1, reason: 'the file is empty' }]);
		expect(problemsOf('\uFEFF\r\n\r\n')).toEqual([{ row: 1, reason: 'the file is empty' }]);
	});

	it('says how many errors the file has', () => {
		expect(() => parseCsv('a,b\n1\n2\n')).toThrow(
			'the CSV file has 2 errors; nothing was imported'
		);
	});
});

describe('readCsvRecords', () => {
	const columns = [
		{ name: 'district', required: true, description: 'name of the district' },
		{ name: 'population', required: true, description: 'residents' },
		{ name: 'population_migration', description: 'residents with migration history' }
	];

	it('returns the records of a file whose header fits', () => {
		expect(readCsvRecords('population;district\n7400;Altstadt\n', columns)).toEqual([
			{ row: 2, values: { population: '7400', district: 'Altstadt' } }
		]);
	});

	it('refuses unknown and missing columns before anything is sent, naming the known ones', () => {
		try {
			readCsvRecords('Stadtteil;population;colour\nAltstadt;7400;blau\n', columns);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ImportRefused);
			expect(error).toMatchObject({
				problems: [
					{ row: 1, reason: 'unknown columns: Stadtteil, colour' },
					{ row: 1, reason: 'missing column: district' }
				],
				hint: 'Known columns: district, population, population_migration'
			});
		}
	});

	it('refuses a file with a header and no rows', () => {
		expect(() => readCsvRecords('district,population\n', columns)).toThrow(
			'the CSV file has a header but no rows; nothing was imported'
		);
	});
});

describe('describeColumns', () => {
	it('lists names and descriptions, wrapped under one another', () => {
		const text = describeColumns(
			[
				{ name: 'title', required: true, description: 'title of the offer' },
				{ name: 'rrule', description: 'a recurrence as an RFC 5545 RRULE, e.g. FREQ=WEEKLY' }
			],
			40
		);
		expect(text).toBe(
			[
				'  title  (required) title of the offer',
				'  rrule  a recurrence as an RFC 5545',
				'         RRULE, e.g. FREQ=WEEKLY'
			].join('\n')
		);
	});
});
