/**
 * Errors of the imports. The import functions in the database refuse bad input whole with
 * SQLSTATE 22023, a message such as "3 of 120 rows refused; nothing was imported" and a detail
 * that is a JSON array of `{ row | index, name?, reason }`. PostgREST (and the embedded Supabase)
 * hand that on as `error.code`, `error.message`, `error.details` and `error.hint`.
 */
import * as z from 'zod';

/** One bad CSV row (`row`, its line in the file) or GeoJSON feature (`index`, from 0). */
export interface ImportProblem {
	row?: number;
	index?: number;
	name?: string;
	reason: string;
}

/** The error object of a supabase-js call (a PostgrestError, or anything shaped like one). */
export interface DatabaseError {
	code?: string;
	message: string;
	details?: string | null;
	hint?: string | null;
}

/** The import was refused and nothing was written; `problems` says what to fix. */
export class ImportRefused extends Error {
	constructor(
		message: string,
		/** Every bad row or feature with its reason; empty when the whole file is wrong. */
		readonly problems: ImportProblem[] = [],
		/** A hint from the database, e.g. the known columns. */
		readonly hint?: string
	) {
		super(message);
		this.name = 'ImportRefused';
	}
}

/** The import could not run: no permission, or the database failed. Nothing was written. */
export class ImportFailed extends Error {
	constructor(
		message: string,
		/** SQLSTATE or PostgREST code, e.g. 42501 when the caller may not import. */
		readonly code?: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'ImportFailed';
	}
}

const problems = z.array(
	z.object({
		row: z.number().int().optional(),
		index: z.number().int().optional(),
		name: z.string().nullish(),
		reason: z.string()
	})
);

/** The list in a refusal's `details`, or `[]` when the details are not such a list. */
export function parseProblems(details: string | null | undefined): ImportProblem[] {
	if (!details) return [];
	let json: unknown;
	try {
		json = JSON.parse(details);
	} catch {
		return [];
	}
	const parsed = problems.safeParse(json);
	if (!parsed.success) return [];
	return parsed.data.map(({ name, ...problem }) => (name == null ? problem : { ...problem, name }));
}

/** Turns the error of an import RPC into `ImportRefused` (22023) or `ImportFailed`. */
export function importError(error: DatabaseError): ImportRefused | ImportFailed {
	if (error.code === '22023') {
		return new ImportRefused(error.message, parseProblems(error.details), error.hint ?? undefined);
	}
	return new ImportFailed(error.message, error.code, { cause: error });
}

/** `row 7: …`, `feature 3 ("Bühl"): …`: one line a person can find in their file. */
export function describeProblem(problem: ImportProblem): string {
	const where =
		problem.row !== undefined
			? `row ${problem.row}`
			: problem.index !== undefined
				? `feature ${problem.index}`
				: undefined;
	const name = problem.name === undefined ? '' : ` (${JSON.stringify(problem.name)})`;
	return where === undefined ? `${problem.reason}` : `${where}${name}: ${problem.reason}`;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What a person reads when an import was refused: "Nothing was imported." with the reason, then
 * one line per bad row or feature, then the database's hint if it gave one.
 */
export function refusalLines(error: ImportRefused): string[] {
	const reason = error.message.replace(/;? ?nothing was imported\.?$/i, '');
	return [
		`Nothing was imported. ${sentence(reason)}${error.problems.length > 0 ? ':' : '.'}`,
		...error.problems.map((problem) => `  ${describeProblem(problem)}`),
		// refuse_import's hint explains the detail to a program; a person has the lines above.
		...(error.hint && !error.hint.startsWith('Each entry of the detail') ? [error.hint] : [])
	];
}

/**
 * What a person reads when an import did not happen: `refusalLines` for a refusal, else the
 * error's message (e.g. that the embedded database is in use, and what to do about it).
 */
export function failureLines(error: unknown): string[] {
	if (error instanceof ImportRefused) return refusalLines(error);
	const message = error instanceof Error ? error.message : String(error);
	return [`Nothing was imported. ${sentence(message)}`];
}
