/**
 * What the PostgREST and Auth handlers need of a database: transactions of parameterised
 * statements. PGlite has this shape as it is; `postgres.ts` gives a `pg` pool the same shape,
 * so the handlers serve a real PostgreSQL (DATABASE_URL) unchanged.
 */

/** One transaction's connection. */
export interface SqlTransaction {
	/** Runs one statement with `$1…` parameters. */
	query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** A database the handlers run their requests on, one transaction per request. */
export interface SqlDatabase {
	/**
	 * Runs `fn` in a transaction: commits when it returns, rolls back when it throws (and
	 * rethrows). PostgreSQL errors reach the caller as {@link SqlError}s.
	 */
	transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
	/** True once the database is closed. */
	readonly closed: boolean;
}

/** A PostgreSQL error as both PGlite and the pg adapter report it. */
export interface SqlError extends Error {
	/** The SQLSTATE, e.g. 23505. */
	code: string;
	severity: string;
	detail?: string;
	hint?: string;
}

/** Whether `error` is an error reported by PostgreSQL (it carries a SQLSTATE). */
export function isSqlError(error: unknown): error is SqlError {
	if (!(error instanceof Error) || !('severity' in error) || !('code' in error)) return false;
	return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
}
