/**
 * The rows of a city's implementation table (Kempten's KIK table and its relatives) as
 * `public.import_concept` takes them. The table's German headings are recognised whatever their
 * additions ("verantwortlich (für die Umsetzung)", "Akteur*innen für die Umsetzung"), and a
 * concept's own level names as well (Themenfeld, Handlungsempfehlung, Querschnittsthema).
 *
 * - Codes come from the cells ("1.2.3 Sprachcafés …", "Handlungsfeld 2: Arbeit …"); a cell
 *   without one gets the next number in its parent. Empty field and goal cells take the value
 *   above (merged cells, or a goal written once for its measures).
 * - Status: Kempten's labels ("in Umsetzung (Mitte)", "zukünftiger Termin", …) and the lights
 *   green, red, grey; yellow alone is refused, as it does not say which stage.
 * - Dates: 03/2022, 3.2022, März 2022, 2022, 15.03.2022, 2022-03-15 or a date cell; a start is
 *   the first day of its month or year, an end the last. "laufend", "offen" … leave it empty.
 * - Success indicators: one per line (or `;`), a leading number is its target ("10 Frauen pro
 *   Kurs"). Cross-cutting themes: separated by `,` `;` or lines.
 * Anything that cannot be read is handed on as written, and the database names the row.
 */
// relative, not $lib: the import command runs this file under tsx
import { fold as foldLetters } from '../../staff/measure-choices';
import type { SheetCell, SheetRow } from './spreadsheet';

/** The import's columns, as import_concept names them. */
export type ConceptColumn =
	| 'field'
	| 'goal'
	| 'goal_indicator'
	| 'measure'
	| 'description'
	| 'target_group'
	| 'responsible'
	| 'actors'
	| 'resources_needed'
	| 'starts_on'
	| 'ends_on'
	| 'indicators'
	| 'status'
	| 'themes';

/** Headings, folded (see `fold`), by column: exact names, then beginnings. */
const HEADINGS: Array<{ column: ConceptColumn; names: string[]; starts?: string[] }> = [
	{ column: 'field', names: ['handlungsfeld', 'handlungsfelder', 'themenfeld', 'themenfelder'] },
	{
		column: 'goal',
		names: ['ziel', 'ziele', 'strategisches ziel', 'strategische ziele', 'leitziel']
	},
	{ column: 'goal_indicator', names: ['indikator'] },
	{
		column: 'measure',
		names: ['massnahme', 'massnahmen', 'handlungsempfehlung', 'handlungsempfehlungen']
	},
	{ column: 'description', names: ['beschreibung'], starts: ['beschreibung der massnahme'] },
	{ column: 'target_group', names: ['zielgruppe', 'zielgruppen'] },
	{ column: 'responsible', names: [], starts: ['verantwortlich'] },
	{ column: 'actors', names: ['akteure'], starts: ['akteurinnen', 'akteur innen'] },
	{ column: 'resources_needed', names: ['ressourcen'], starts: ['was wird fur die umsetzung'] },
	{ column: 'starts_on', names: ['beginn', 'start'], starts: ['beginn der umsetzung'] },
	{ column: 'ends_on', names: ['ende', 'geplantes ende'], starts: ['umsetzung bis'] },
	{ column: 'indicators', names: ['indikatoren', 'erfolgsindikatoren'] },
	{ column: 'status', names: ['status', 'ampel'] },
	{ column: 'themes', names: ['querschnittsthema', 'querschnittsthemen'] }
];

/** Folded as the measure filter folds (lower case, no accents, ß → ss), without parenthesised
 * additions and punctuation. */
export function fold(text: string): string {
	return foldLetters(text)
		.replace(/\([^)]*\)/g, ' ')
		.replace(/[*:?.!_/]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The column a heading names, or undefined. */
export function columnOf(heading: string): ConceptColumn | undefined {
	const folded = fold(heading);
	const byName = HEADINGS.find((h) => h.names.includes(folded));
	return (
		byName?.column ?? HEADINGS.find((h) => h.starts?.some((s) => folded.startsWith(s)))?.column
	);
}

/** Whether a row of headings is the table's header: it names fields, goals and measures. */
export function isConceptHeader(header: string[]): boolean {
	const columns = new Set(header.map(columnOf));
	return columns.has('field') && columns.has('goal') && columns.has('measure');
}

const STATUS: Record<string, string> = {
	umgesetzt: 'implemented',
	'wird laufend umgesetzt': 'implemented',
	'massnahmenlauf nach plan': 'implemented',
	'umgesetzt wird laufend umgesetzt massnahmenlauf nach plan': 'implemented',
	grun: 'implemented',
	green: 'implemented',
	'in umsetzung anfang': 'in_progress_start',
	'in umsetzung mitte': 'in_progress_middle',
	'in umsetzung ende': 'in_progress_end',
	'umsetzung nicht moglich': 'at_risk',
	gefahrdet: 'at_risk',
	'bisher nicht umgesetzt': 'at_risk',
	'umsetzung nicht moglich gefahrdet bisher nicht umgesetzt': 'at_risk',
	rot: 'at_risk',
	red: 'at_risk',
	'zukunftiger termin': 'scheduled',
	grau: 'scheduled',
	grey: 'scheduled',
	gray: 'scheduled'
};
// "in Umsetzung (Mitte)": the stage is in brackets, which `fold` drops; keep it for statuses
const statusKey = (text: string) => fold(text.replace(/[()]/g, ' '));

/** A status label, light or enum value as the database's enum value, or the text as written. */
export function readStatus(text: string): string {
	const key = statusKey(text);
	const enumValue = text.trim().toLowerCase();
	if (Object.values(STATUS).includes(enumValue)) return enumValue;
	return STATUS[key] ?? text.trim();
}

const MONTHS = [
	['januar', 'jan', 'janner'],
	['februar', 'feb'],
	['marz', 'mar', 'maerz'],
	['april', 'apr'],
	['mai'],
	['juni', 'jun'],
	['juli', 'jul'],
	['august', 'aug'],
	['september', 'sep', 'sept'],
	['oktober', 'okt'],
	['november', 'nov'],
	['dezember', 'dez']
];
const OPEN_ENDED = new Set([
	'laufend',
	'fortlaufend',
	'dauerhaft',
	'offen',
	'kontinuierlich',
	'-',
	'–'
]);

const iso = (year: number, month: number, day: number) =>
	`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A start or end as an ISO date; null for "laufend" and the like; the text as written when it
 * is not a date (the database names it).
 */
export function readDate(cell: SheetCell, end: boolean): string | null {
	if (cell instanceof Date) {
		// spreadsheets keep dates as local days; exceljs hands them over at midnight UTC
		return iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
	}
	const text = cell.trim();
	if (OPEN_ENDED.has(text.toLowerCase())) return null;
	const of = (year: number, month?: number, day?: number) =>
		day !== undefined
			? iso(year, month!, day)
			: month !== undefined
				? iso(year, month, end ? lastDay(year, month) : 1)
				: iso(year, end ? 12 : 1, end ? 31 : 1);
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (m) return of(+m[1], +m[2], +m[3]);
	m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	if (m) return of(+m[3], +m[2], +m[1]);
	m = /^(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(text);
	if (m && +m[1] >= 1 && +m[1] <= 12) return of(+m[2], +m[1]);
	m = /^(\d{4})$/.exec(text);
	if (m) return of(+m[1]);
	m = /^([\p{L}.]+)\s+(\d{4})$/u.exec(text);
	const month = m ? MONTHS.findIndex((names) => names.includes(fold(m![1]))) : -1;
	if (m && month >= 0) return of(+m[2], month + 1);
	return text;
}

export interface Indicator {
	description: string;
	target_value: number | null;
	target_unit: string | null;
}

/** Success indicators, one per line or `;`; a leading number is the target. */
export function readIndicators(text: string): Indicator[] {
	return text
		.split(/\r?\n|;/)
		.map((part) => part.replace(/^[-•–]\s*/, '').trim())
		.filter((part) => part !== '')
		.map((description) => {
			const m = /^(\d+(?:[.,]\d+)?)\s*(.*)$/.exec(description);
			return {
				description,
				target_value: m ? Number(m[1].replace(',', '.')) : null,
				target_unit: m && m[2] !== '' ? m[2] : null
			};
		});
}

/** A cell's leading code and the title after it: "1.2.3 Sprachcafés" → ["1.2.3", "Sprachcafés"]. */
export function splitCode(text: string): { code: string | null; title: string } {
	const m =
		/^(?:(?:handlungsfeld|themenfeld|ziel|massnahme|maßnahme|handlungsempfehlung|nr\.?)\s*)?(\d{1,2}(?:\.\d{1,3}){0,4})\.?(?:\s*[:–)-]\s*|\s+)(.+)$/isu.exec(
			text.trim()
		);
	return m ? { code: m[1], title: m[2].trim() } : { code: null, title: text.trim() };
}

const textOf = (cell: SheetCell | undefined): string | undefined =>
	cell === undefined ? undefined : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;

export interface ConceptTable {
	/** The concept's own names for its levels, from the headings. */
	levelNames: { field: string; goal: string; measure: string };
	rows: Array<Record<string, unknown>>;
}

/** The rows for import_concept from a sheet's rows; `header` are the sheet's headings. */
export function conceptRows(header: string[], sheetRows: SheetRow[]): ConceptTable {
	const columns = new Map<ConceptColumn, string>();
	for (const heading of header) {
		const column = columnOf(heading);
		if (column && !columns.has(column)) columns.set(column, heading);
	}
	const cell = (row: SheetRow, column: ConceptColumn) => {
		const heading = columns.get(column);
		return heading === undefined ? undefined : row.cells[heading];
	};
	const levelName = (column: ConceptColumn) =>
		columns
			.get(column)!
			.replace(/\s*\(.*$/, '')
			.trim();

	let field: { code: string; title: string } | undefined;
	let goal: { code: string; title: string; indicator?: string } | undefined;
	const fieldCodes = new Map<string, string>(); // title → code, for cells without one
	const goalCount = new Map<string, number>();
	const measureCount = new Map<string, number>();
	const rows: Array<Record<string, unknown>> = [];

	for (const row of sheetRows) {
		const fieldText = textOf(cell(row, 'field'));
		if (fieldText !== undefined) {
			const { code, title } = splitCode(fieldText);
			const known = fieldCodes.get(title);
			field = { code: code ?? known ?? String(fieldCodes.size + 1), title };
			fieldCodes.set(title, field.code);
		}
		const goalText = textOf(cell(row, 'goal'));
		if (goalText !== undefined) {
			const { code, title } = splitCode(goalText);
			const parent = field?.code ?? '';
			if (goal?.title !== title || (code !== null && code !== goal.code)) {
				const n = (goalCount.get(parent) ?? 0) + 1;
				goalCount.set(parent, n);
				goal = { code: code ?? `${parent}.${n}`, title };
			}
			goal.indicator = textOf(cell(row, 'goal_indicator')) ?? goal.indicator;
		}
		const measureText = textOf(cell(row, 'measure'));
		// a row that only names a field of action or a goal sets them for the rows below
		const context: Array<ConceptColumn | undefined> = ['field', 'goal', 'goal_indicator'];
		if (
			measureText === undefined &&
			Object.keys(row.cells).every((h) => context.includes(columnOf(h)))
		)
			continue;
		const parent = goal?.code ?? '';
		const n = (measureCount.get(parent) ?? 0) + 1;
		measureCount.set(parent, n);
		const measure = measureText === undefined ? { code: null, title: '' } : splitCode(measureText);

		const out: Record<string, unknown> = {
			row: row.row,
			field_code: field?.code ?? '',
			field_title: field?.title ?? '',
			goal_code: goal?.code ?? '',
			goal_title: goal?.title ?? '',
			measure_code: measure.code ?? (measureText === undefined ? '' : `${parent}.${n}`),
			measure_title: measure.title
		};
		if (columns.has('goal_indicator')) out.goal_indicator = goal?.indicator ?? null;
		for (const column of [
			'description',
			'target_group',
			'responsible',
			'actors',
			'resources_needed'
		] as const) {
			if (columns.has(column)) out[column] = textOf(cell(row, column)) ?? null;
		}
		for (const column of ['starts_on', 'ends_on'] as const) {
			if (!columns.has(column)) continue;
			const value = cell(row, column);
			out[column] = value === undefined ? null : readDate(value, column === 'ends_on');
		}
		if (columns.has('status')) {
			const value = textOf(cell(row, 'status'));
			out.status = value === undefined ? null : readStatus(value);
		}
		if (columns.has('indicators'))
			out.indicators = readIndicators(textOf(cell(row, 'indicators')) ?? '');
		if (columns.has('themes')) {
			out.themes = (textOf(cell(row, 'themes')) ?? '')
				.split(/[,;\n]/)
				.map((theme) => theme.trim())
				.filter((theme) => theme !== '');
		}
		rows.push(out);
	}
	return {
		levelNames: {
			field: levelName('field'),
			goal: levelName('goal'),
			measure: levelName('measure')
		},
		rows
	};
}
