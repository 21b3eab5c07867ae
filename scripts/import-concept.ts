/**
 * npm run import:concept -- --city <slug> [--concept <slug> --title <title>] [--dry-run] kik.xlsx
 *
 * Imports a city's integration concept from its implementation table; see `--help`.
 */
import {
	importConcept,
	readConceptFile,
	type ConceptReport
} from '../src/lib/server/import/concept';
import { count, runImportCommand, stringOption } from './import-command';

const usage = `Usage: npm run import:concept -- --city <slug> [--concept <slug> [--title <title>]] [--dry-run] <file>

Imports the fields of action, goals and measures of an integration concept from the city's own
implementation table: an Excel workbook (.xlsx, its first sheet) or CSV (delimited by ; or ,,
UTF-8 with or without BOM). The header row (in a workbook it may have a title row above it; in CSV it is the first line)
names the columns
with the table's German headings:

  Handlungsfeld (or Themenfeld), Ziel, Indikator (zu entwickeln), Maßnahme (or
  Handlungsempfehlung), Beschreibung der Maßnahme, Zielgruppe, verantwortlich, Akteur*innen,
  Was wird für die Umsetzung benötigt?, Beginn, Umsetzung bis wann?, Indikatoren, Status,
  Querschnittsthema

Only Handlungsfeld, Ziel and Maßnahme are required; a column the file does not have is left as
it is. Codes come from the cells ("1.2.3 Sprachcafés …"); a cell without one is numbered in its
parent. Empty field and goal cells take the value above (merged cells). Status takes Kempten's
labels ("in Umsetzung (Mitte)", "zukünftiger Termin", …) or the lights grün, rot, grau. Dates:
03/2022, März 2022, 2022, 15.03.2022 or a date cell; "laufend" leaves the end open.

Measures are matched by code: an edited file updates them and keeps their offer links and
history; a status change is recorded as "Import: <file name>". Measures the file leaves out are
kept and listed. All or nothing: if any row is refused, nothing changes and every bad row is
listed with its row number. Importing the same file again changes nothing.

Options:
  --city SLUG     the city, e.g. kempten
  --concept SLUG  the concept to update (default: the city's current one)
  --title TITLE   with --concept: create the concept under this title if it does not exist
  --dry-run       show what would change, change nothing
  -h, --help      show this text

Without SUPABASE_URL the embedded database in DATA_DIR (default .data/pglite) is used: stop the
portal first. With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.

Exit status: 0 imported (or dry run done), 1 refused or failed (nothing was imported), 2 wrong usage.`;

const list = (codes: string[]) => (codes.length > 0 ? `: ${codes.join(', ')}` : '');

/** What the import did, as lines for the terminal. */
export function reportLines(report: ConceptReport): string[] {
	const verb = report.dry_run ? 'Would import' : 'Imported';
	return [
		`${verb} ${count(report.rows, 'measure')} into "${report.concept.title}" (${report.concept.slug}${report.concept.created ? ', new' : ''}).`,
		`  fields of action: ${report.fields.created.length} new${list(report.fields.created)}; ${report.fields.updated.length} changed${list(report.fields.updated)}`,
		`  goals: ${report.goals.created.length} new${list(report.goals.created)}; ${report.goals.updated.length} changed${list(report.goals.updated)}`,
		`  measures: ${report.measures.created.length} new${list(report.measures.created)}; ${report.measures.updated.length} changed`,
		...report.measures.updated.map((m) => `    ${m.code}: ${m.columns.join(', ')}`),
		...report.status_changes.map((s) => `  status ${s.code}: ${s.from ?? '–'} → ${s.to ?? '–'}`),
		...(report.left_out.length > 0
			? [
					`  not in the file, kept: ${count(report.left_out.length, 'measure')}` +
						`${list(report.left_out.slice(0, 12))}${report.left_out.length > 12 ? ', …' : ''}`
				]
			: []),
		...(report.dry_run ? ['Nothing was changed (dry run).'] : [])
	];
}

await runImportCommand({
	usage,
	fileKind: 'XLSX or CSV',
	options: {
		concept: { type: 'string' },
		title: { type: 'string' },
		'dry-run': { type: 'boolean' }
	},
	async check(_text, _values, file) {
		const { rows } = await readConceptFile(file.bytes);
		return `Reading ${count(rows.length, 'measure')} …`;
	},
	async run(supabase, _text, values, file) {
		const slug = stringOption(values.concept);
		const report = await importConcept(supabase, {
			city: values.city,
			file,
			concept: slug ? { slug, title: stringOption(values.title) } : undefined,
			dryRun: values['dry-run'] === true
		});
		return reportLines(report);
	}
});
