/**
 * A small implementation table as a city keeps it, written with exceljs: a title row above the
 * header, Kempten's headings, a field of action and a goal merged over their measures, a date
 * cell, Kempten's status labels. The same table as CSV (`;`, UTF-8 with BOM) for the CSV path.
 * Only imported by specs.
 */
import ExcelJS from 'exceljs';

export const KIK_HEADER = [
	'Handlungsfeld',
	'Ziel',
	'Indikator (zu entwickeln)',
	'Maßnahme',
	'Beschreibung der Maßnahme',
	'Zielgruppe',
	'verantwortlich (für die Umsetzung)',
	'Akteur*innen für die Umsetzung',
	'Was wird für die Umsetzung benötigt?',
	'Beginn der Umsetzung (Termin Monat/Jahr)',
	'Umsetzung bis wann?',
	'Indikatoren (an denen sich der Erfolg festmachen lässt)',
	'Status'
];

export type KikRow = Array<string | Date | null>;

/** Three measures: two under goal 1.2 in "Sprache und Bildung", one in "Arbeit und Ausbildung". */
export function kikRows(status = 'in Umsetzung (Mitte)'): KikRow[] {
	return [
		[
			'1 Sprache und Bildung',
			'1.2 Regelangebote effektiver nutzen',
			'Teilnehmende je Kurs',
			'1.2.1 Sprachkursformate zielgruppenspezifisch ausbauen',
			'Kurse mit Kinderbetreuung',
			'Neuzugewanderte Frauen',
			'Amt für Integration',
			'vhs, Jobcenter',
			'Räume',
			new Date(Date.UTC(2022, 2, 1)),
			'12/2025',
			'10 Frauen pro Kurs',
			status
		],
		[
			null,
			null,
			null,
			'1.2.2 Sprachcafés in allen Stadtteilen',
			null,
			null,
			null,
			null,
			null,
			'2023',
			'laufend',
			null,
			'umgesetzt / wird laufend umgesetzt / Maßnahmenlauf nach Plan'
		],
		[
			'2 Arbeit und Ausbildung',
			'2.1 Zugänge zum Arbeitsmarkt',
			null,
			'2.1.3 Austauschtreffen',
			null,
			'Neuzugewanderte Rumän*innen',
			null,
			null,
			null,
			'März 2024',
			null,
			'10 Neuzugewanderte pro Treffen',
			'zukünftiger Termin'
		]
	];
}

/** The table as an XLSX file, field and goal cells merged over their measures. */
export async function kikWorkbook(rows = kikRows()): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Umsetzung');
	sheet.addRow(['KIK – Umsetzungsstand']);
	sheet.addRow(KIK_HEADER);
	for (const row of rows) sheet.addRow(row.map((cell) => cell ?? undefined));
	// rows 3 and 4 share field 1 and goal 1.2, as merged cells
	sheet.mergeCells('A3:A4');
	sheet.mergeCells('B3:B4');
	sheet.mergeCells('C3:C4');
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csvField = (cell: string | Date | null) => {
	const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? '');
	return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The table as CSV with `;`, a UTF-8 byte order mark and CRLF, as Excel saves "CSV UTF-8". */
export function kikCsv(rows = kikRows()): Uint8Array {
	const lines = [KIK_HEADER, ...rows].map((row) => row.map(csvField).join(';'));
	return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}
