/**
 * CSV as RFC 4180 has it and spreadsheets write it: fields quoted with `"` may hold delimiters,
 * line breaks and doubled quotes (`""`); records end with CRLF or LF; a UTF-8 byte order mark is
 * dropped. The first line is the header. The delimiter is `,` or `;` (German spreadsheets export
 * `;`), whichever the header line has more of outside quotes.
 *
 * Each record carries `row`, the line of the file it starts on (the header is row 1), so that a
 * reason points to the line a person sees in their spreadsheet. Lines that are empty, or hold
 * only delimiters (spreadsheets export blank rows as `;;;`), are skipped.
 *
 * Bad files are refused with every problem found: a record with the wrong number of fields, a
 * quote that is never closed, text after a closing quote, a header column with no name or one
 * named twice.
 */
import { ImportRefused, type ImportProblem } from './errors';

export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
	/** Line of the file on which the record starts; the header is row 1. */
	row: number;
	/** Field values by header name, as written (not trimmed). */
	values: Record<string, string>;
}

export interface CsvTable {
	/** Column names, trimmed, in file order. */
	header: string[];
	delimiter: CsvDelimiter;
	rows: CsvRecord[];
}

/** A file that is not well-formed CSV; `problems` has one entry per bad line. */
export class CsvError extends ImportRefused {
	constructor(problems: ImportProblem[]) {
		const n = problems.length;
		super(`the CSV file has ${n} ${n === 1 ? 'error' : 'errors'}; nothing was imported`, problems);
		this.name = 'CsvError';
	}
}

interface RawRecord {
	row: number;
	fields: string[];
}

const BOM = '\uFEFF';

/** `;` when the header line has more semicolons than commas outside quotes, else `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const char of text.startsWith(BOM) ? text.slice(1) : text) {
		if (char === '"') quoted = !quoted;
		else if (quoted) continue;
		else if (char === '\n' || char === '\r') break;
		else if (char === ',') commas++;
		else if (char === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

/** Splits the text into records of fields; collects quote problems instead of stopping. */
function tokenize(text: string, delimiter: CsvDelimiter, problems: ImportProblem[]): RawRecord[] {
	const records: RawRecord[] = [];
	let line = 1;
	let fields: string[] = [];
	let field = '';
	let start = 1;
	let i = 0;
	const length = text.length;

	const endRecord = () => {
		fields.push(field);
		records.push({ row: start, fields });
		fields = [];
		field = '';
	};

	while (i < length) {
		const char = text[i];
		if (char === '"' && field === '') {
			// A quoted field: runs to the next quote that is not doubled.
			const opened = line;
			i++;
			let closed = false;
			while (i < length) {
				const c = text[i];
				if (c === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					closed = true;
					i++;
					break;
				}
				if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
				field += c;
				i++;
			}
			if (!closed) {
				// Everything after it is inside the quotes: report it and read no further.
				problems.push({
					row: opened,
					reason: `the quote that opens column ${fields.length + 1} is never closed`
				});
				return records;
			}
			// After the closing quote comes a delimiter, a line break or the end.
			let trailing = '';
			while (i < length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
				trailing += text[i];
				i++;
			}
			if (trailing !== '') {
				problems.push({
					row: line,
					reason: `column ${fields.length + 1} has text after its closing quote: ${JSON.stringify(trailing)}`
				});
				field += trailing;
			}
			continue;
		}
		if (char === delimiter) {
			fields.push(field);
			field = '';
			i++;
			continue;
		}
		if (char === '\r' || char === '\n') {
			i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
			endRecord();
			line++;
			start = line;
			continue;
		}
		field += char;
		i++;
	}
	// The last record, unless the file ends with a line break.
	if (field !== '' || fields.length > 0) endRecord();
	return records;
}

const isBlank = (fields: string[]) => fields.every((field) => field.trim() === '');

/**
 * Parses a CSV file whose first line names the columns.
 * @throws CsvError listing every problem with its row
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvTable {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	const delimiter = options.delimiter ?? detectDelimiter(body);
	const problems: ImportProblem[] = [];
	const records = tokenize(body, delimiter, problems).filter((record) => !isBlank(record.fields));

	const first = records.shift();
	if (first === undefined) {
		throw new CsvError(problems.length > 0 ? problems : [{ row: 1, reason: 'the file is empty' }]);
	}
	const header = first.fields.map((name) => name.trim());
	const seen = new Map<string, number>();
	header.forEach((name, i) => {
		if (name === '') {
			problems.push({ row: first.row, reason: `column ${i + 1} of the header has no name` });
		} else if (seen.has(name)) {
			problems.push({
				row: first.row,
				reason: `column "${name}" appears twice in the header (columns ${seen.get(name)! + 1} and ${i + 1})`
			});
		} else {
			seen.set(name, i);
		}
	});

	const rows: CsvRecord[] = [];
	for (const record of records) {
		if (record.fields.length !== header.length) {
			problems.push({
				row: record.row,
				reason: `${record.fields.length} ${record.fields.length === 1 ? 'field' : 'fields'} where the header has ${header.length}`
			});
			continue;
		}
		const values: Record<string, string> = {};
		header.forEach((name, i) => (values[name] = record.fields[i]));
		rows.push({ row: record.row, values });
	}

	if (problems.length > 0) {
		problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		throw new CsvError(problems);
	}
	return { header, delimiter, rows };
}

// ---------------------------------------------------------------------------
// Header checks shared by the CSV imports: a file is refused before anything is sent when its
// header names a column the import does not know or lacks one it needs.

/** A documented CSV column. */
export interface CsvColumn {
	name: string;
	/** The header must have it (and the database refuses a row without a value). */
	required?: boolean;
	/** What the column holds and the values it accepts; printed by `--help`. */
	description: string;
}

/**
 * Refuses a header with unknown columns (listing the known ones, so a typo is easy to see)
 * or without a required column.
 */
export function checkHeader(header: string[], columns: readonly CsvColumn[]): void {
	const known = new Set(columns.map((column) => column.name));
	const unknown = header.filter((name) => !known.has(name));
	const missing = columns.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
	const problems = [
		...(unknown.length > 0
			? [{ row: 1, reason: `unknown ${plural(unknown.length, 'column')}: ${unknown.join(', ')}` }]
			: []),
		...(missing.length > 0
			? [{ row: 1, reason: `missing ${plural(missing.length, 'column')}: ${missing.join(', ')}` }]
			: [])
	];
	if (problems.length > 0) {
		throw new ImportRefused(
			'the header of the CSV file does not fit; nothing was imported',
			problems,
			`Known columns: ${columns.map((c) => c.name).join(', ')}`
		);
	}
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

/**
 * The records of a CSV file whose header fits `columns` and that has at least one record.
 * @throws ImportRefused (CsvError for a malformed file) listing what is wrong, with rows
 */
export function readCsvRecords(text: string, columns: readonly CsvColumn[]): CsvRecord[] {
	const table = parseCsv(text);
	checkHeader(table.header, columns);
	if (table.rows.length === 0) {
		throw new ImportRefused('the CSV file has a header but no rows; nothing was imported');
	}
	return table.rows;
}

/**
 * The columns as text for `--help`: name, then "(required)" and the description, wrapped at
 * `width` characters under one another.
 */
export function describeColumns(columns: readonly CsvColumn[], width = 100): string {
	const indent = Math.max(...columns.map((c) => c.name.length)) + 4;
	return columns
		.map((c) => {
			const lines: string[] = [];
			let line = `  ${c.name}`.padEnd(indent);
			for (const word of `${c.required ? '(required) ' : ''}${c.description}`.split(' ')) {
				if (line.length + word.length > width && line.trim() !== c.name) {
					lines.push(line.trimEnd());
					line = ' '.repeat(indent);
				}
				line += `${word} `;
			}
			return [...lines, line.trimEnd()].join('\n');
		})
		.join('\n');
}
