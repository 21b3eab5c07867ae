/**
 * Errors of the data layer, one path from an RPC error to the page: a PostgREST error
 * (`{ code, message, details, hint }`) is logged as it came and turned into a DataError that
 * carries only a message key and an HTTP status (fromPostgrestError); a load turns it into
 * `error()` (orHttpError), a form action into `fail()` (orFail), an API route into its JSON
 * error (orApiError in $lib/server/api). The visitor never sees a database message.
 */
import { error, fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';

/** The error body PostgREST (and supabase-js for network failures) hands back. */
export interface PostgrestErrorLike {
	code?: string | null;
	message?: string | null;
	details?: string | null;
	hint?: string | null;
}

/** Message keys a DataError can carry; each exists in every `messages/<locale>.json`. */
export type DataErrorKey =
	| 'error.not_found'
	| 'error.invalid_input'
	| 'error.not_allowed'
	| 'error.conflict'
	| 'error.data_unavailable';

export class DataError extends Error {
	constructor(
		/** Message key for the visitor, translated by the error page. */
		readonly key: DataErrorKey,
		/** HTTP status that fits the failure. */
		readonly status: number,
		/** The PostgREST or PostgreSQL error code, for logs and tests. */
		readonly code: string | null,
		/** What was being done, e.g. `get_offer`. */
		readonly operation: string
	) {
		super(`${operation} failed: ${key}${code ? ` (${code})` : ''}`);
		this.name = 'DataError';
	}
}

/** Key and status for a PostgREST / PostgreSQL error code. */
function classify(code: string): { key: DataErrorKey; status: number } {
	// PostgREST: no row for a single-object request; a function's PT404 (no such row)
	if (code === 'PGRST116' || code === 'PT404') return { key: 'error.not_found', status: 404 };
	// JWT refused, or the role may not do this (RLS, missing grant)
	if (code === '42501' || code === 'PGRST301' || code === 'PGRST302' || code === 'PGRST303') {
		return { key: 'error.not_allowed', status: 403 };
	}
	// the offer's version check (PT409) and unique violations
	if (code === 'PT409' || code === '23505') return { key: 'error.conflict', status: 409 };
	// bad input: constraint violations (class 23), invalid text representation, data exceptions
	if (code.startsWith('23') || code.startsWith('22')) {
		return { key: 'error.invalid_input', status: 400 };
	}
	// anything else: a function that does not exist, a network failure, the database down
	return { key: 'error.data_unavailable', status: 503 };
}

/**
 * A DataError for `error` returned by `operation`. The raw error is logged here, once, with the
 * operation, so that the message shown to the visitor can stay a key.
 */
export function fromPostgrestError(operation: string, error: PostgrestErrorLike): DataError {
	const code = error.code ? String(error.code) : '';
	console.error(`[data] ${operation} failed`, {
		code: error.code ?? null,
		message: error.message ?? null,
		details: error.details ?? null,
		hint: error.hint ?? null
	});
	const { key, status } = classify(code);
	return new DataError(key, status, code || null, operation);
}

/** Whether `value` is a DataError (also across module copies). */
export function isDataError(value: unknown): value is DataError {
	return value instanceof DataError || (value instanceof Error && value.name === 'DataError');
}

/**
 * Awaits `work`; a DataError becomes an HTTP error with its status and message key, so that a
 * load function fails with 404, 403 or 503 as fits, and the error page says so in the
 * visitor's language. Other errors pass on to `handleError`.
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (isDataError(caught)) error(caught.status, { message: caught.key, key: caught.key });
		throw caught;
	}
}

/**
 * Awaits `work` in a form action; a DataError becomes `fail(status, { error: key })`, so that
 * the form is shown again with what was typed and a message in the user's language (a 409 of
 * the version check included). Other errors pass on to `handleError`.
 *
 *   const saved = await orFail(offers.save(locals.supabase, form.data));
 *   if (isFailure(saved)) return saved;
 */
export async function orFail<T>(work: Promise<T>): Promise<T | DataFailure> {
	try {
		return await work;
	} catch (caught) {
		if (isDataError(caught)) return fail(caught.status, { error: caught.key });
		throw caught;
	}
}

/** The failure of {@link orFail}, told apart from the work's own result. */
export type DataFailure = ActionFailure<{ error: DataErrorKey }>;

/** Whether `result` of {@link orFail} is its failure. */
export function isFailure<T>(result: T | DataFailure): result is DataFailure {
	return isActionFailure(result);
}
