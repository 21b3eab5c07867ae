/**
 * The embedded Supabase's handlers over a real PostgreSQL: what the portal runs when
 * DATABASE_URL is set (and SUPABASE_URL is not). No PGlite is opened; a `pg` pool takes the
 * shape the PostgREST and Auth handlers need (sql.ts), one pooled connection per transaction.
 * Several portal processes can share the database this way; they must share the JWT secret too.
 *
 * The database must already hold the shim and the migrations: `bash scripts/pg15.sh schema URL`
 * for a PostgreSQL of one's own, `supabase db push` for a Supabase database. At start,
 * {@link checkPostgresSchema} makes sure of it and says what to run if not; nothing is migrated
 * or seeded from here.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sessionLimitsFromEnv } from './auth';
import { createEmbeddedFetch, EMBEDDED_URL, type EmbeddedFetch } from './fetch';
import { createKeys } from './jwt';
import { isSqlError, type SqlDatabase, type SqlError, type SqlTransaction } from './sql';

const API_ROLES = ['anon', 'authenticated', 'service_role'];
const MIGRATION_NAME = /^(\d+)_?(.*)\.sql$/;

function log(message: string): void {
	console.log(`[database] ${message}`);
}

/** The database's host, port and name, for messages: never the password. */
export function describeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
	} catch {
		return 'DATABASE_URL';
	}
}

/**
 * A failure to reach the database (no SQLSTATE of its own): answered like PostgreSQL's
 * connection_failure, 08006, which the REST handler turns into 503.
 */
class ConnectionError extends Error implements SqlError {
	readonly code = '08006';
	readonly severity = 'FATAL';

	constructor(cause: unknown) {
		super('Database client error: the database cannot be reached', { cause });
		this.name = 'ConnectionError';
	}
}

/** pg reports PostgreSQL's errors with code, message, detail and hint, as PGlite does. */
function toSqlError(error: unknown): unknown {
	if (isSqlError(error)) return error;
	console.error('[database] connection error:', error instanceof Error ? error.message : error);
	return new ConnectionError(error);
}

/** A PostgreSQL reached through a `pg` pool, in the shape the handlers need. */
export interface PostgresDatabase extends SqlDatabase {
	/** Ends the pool's connections. */
	close(): Promise<void>;
}

/** Options of {@link openPostgresDatabase}. */
export interface PostgresDatabaseOptions {
	/** Connections at most (default 10, pg's default). */
	max?: number;
}

/** A pool on `url` (postgres://user:password@host:port/database). Connects on first use. */
export function openPostgresDatabase(
	url: string,
	options: PostgresDatabaseOptions = {}
): PostgresDatabase {
	const pool = new pg.Pool({
		connectionString: url,
		max: options.max ?? 10,
		application_name: 'stadtteil-portal'
	});
	// An idle connection that breaks (a restarted server) must not end the process.
	pool.on('error', (error) => {
		console.error(`[database] ${describeUrl(url)}: idle connection failed: ${error.message}`);
	});
	let closed = false;

	async function transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
		if (closed) throw new ConnectionError(new Error('the pool is closed'));
		let client: pg.PoolClient;
		try {
			client = await pool.connect();
		} catch (error) {
			throw toSqlError(error);
		}
		const run = async (sql: string, params?: unknown[]) => {
			try {
				return await client.query(sql, params);
			} catch (error) {
				throw toSqlError(error);
			}
		};
		// A connection whose rollback failed is broken: the pool drops it instead of reusing it.
		let broken: Error | undefined;
		try {
			await run('begin');
			const result = await fn({
				query: async <R>(sql: string, params?: unknown[]) =>
					(await run(sql, params)) as unknown as { rows: R[] }
			});
			const commit = await run('commit');
			if (commit.command === 'ROLLBACK') {
				// A statement failed and its error was swallowed: PostgreSQL rolled back.
				throw new Error('the transaction was rolled back: one of its statements failed');
			}
			return result;
		} catch (error) {
			await client.query('rollback').catch((rollbackError: Error) => {
				broken = rollbackError;
			});
			throw error;
		} finally {
			client.release(broken);
		}
	}

	return {
		transaction,
		get closed() {
			return closed;
		},
		async close() {
			if (closed) return;
			closed = true;
			await pool.end();
		}
	};
}

/** The versions of supabase/migrations/*.sql, oldest first, with their file names. */
function localMigrations(supabaseDir: string): { version: string; file: string }[] {
	const dir = path.join(supabaseDir, 'migrations');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.sql'))
		.sort()
		.flatMap((file) => {
			const match = MIGRATION_NAME.exec(file);
			return match ? [{ version: match[1], file }] : [];
		});
}

interface SchemaState {
	has_auth: boolean;
	missing_roles: string[];
	foreign_roles: string[];
	user: string;
	has_bookkeeping: boolean;
	has_applied_migrations: boolean;
}

/**
 * Checks that the database holds what the handlers need: the shim (schema auth, the API roles,
 * which the connecting user may switch to) and the migrations of `supabaseDir` up to the newest,
 * as recorded in supabase_migrations.schema_migrations. Where nothing records migrations
 * (applied by hand), `public.applied_migrations()` must exist. Throws an error that says what
 * to run otherwise.
 */
export async function checkPostgresSchema(
	db: SqlDatabase,
	url: string,
	supabaseDir: string
): Promise<void> {
	const where = describeUrl(url);
	const schemaCommand = `bash scripts/pg15.sh schema "$DATABASE_URL"`;
	await db.transaction(async (tx) => {
		const { rows } = await tx.query<SchemaState>(
			`select to_regnamespace('auth') is not null as has_auth,
			        array(select r from unnest($1::text[]) r
			               where not exists (select 1 from pg_catalog.pg_roles where rolname = r)) as missing_roles,
			        array(select r from unnest($1::text[]) r
			               where exists (select 1 from pg_catalog.pg_roles where rolname = r)
			                 and not pg_catalog.pg_has_role(current_user, r, 'member')) as foreign_roles,
			        current_user::text as user,
			        to_regclass('supabase_migrations.schema_migrations') is not null as has_bookkeeping,
			        to_regprocedure('public.applied_migrations()') is not null as has_applied_migrations`,
			[API_ROLES]
		);
		const state = rows[0];
		if (!state.has_auth || state.missing_roles.length > 0) {
			throw new Error(
				`DATABASE_URL (${where}) has no Supabase schema: ${!state.has_auth ? 'schema auth' : `roles ${state.missing_roles.join(', ')}`} missing. ` +
					`Apply supabase/embedded/supabase_shim.sql and the migrations to the (empty) database with ${schemaCommand}, ` +
					`or point DATABASE_URL at a Supabase database migrated with supabase db push.`
			);
		}
		if (state.foreign_roles.length > 0) {
			throw new Error(
				`DATABASE_URL (${where}): user ${state.user} may not act as ${state.foreign_roles.join(', ')}, ` +
					`as each request must: grant ${API_ROLES.join(', ')} to ${state.user}.`
			);
		}

		const local = localMigrations(supabaseDir);
		const newest = local.at(-1);
		const recorded = state.has_bookkeeping
			? new Set(
					(
						await tx.query<{ version: string }>(
							'select version from supabase_migrations.schema_migrations'
						)
					).rows.map((row) => row.version)
				)
			: new Set<string>();
		if (recorded.size > 0) {
			if (newest && !recorded.has(newest.version)) {
				const missing = local.filter((migration) => !recorded.has(migration.version));
				throw new Error(
					`DATABASE_URL (${where}) lacks ${missing.length === 1 ? 'migration' : `${missing.length} migrations:`} ` +
						`${missing.map((migration) => migration.file).join(', ')}. ` +
						`Apply ${missing.length === 1 ? 'it' : 'them'} with supabase db push --db-url "$DATABASE_URL" ` +
						`(or, on a new empty database, ${schemaCommand}), then start again.`
				);
			}
			log(`${where}: migrations up to ${newest?.version ?? 'none'} applied`);
			return;
		}
		if (!state.has_applied_migrations) {
			throw new Error(
				`DATABASE_URL (${where}) records no migrations and lacks public.applied_migrations(): ` +
					`the migrations of supabase/migrations are not applied. On a new empty database run ${schemaCommand}; ` +
					`on a Supabase database, supabase db push --db-url "$DATABASE_URL".`
			);
		}
		log(
			`${where}: migrations are not recorded (applied by hand?); public.applied_migrations() exists, newer ones cannot be checked`
		);
	});
}

/** The handlers over a shared PostgreSQL, as supabase-js reaches them. */
export interface PostgresSupabase {
	db: PostgresDatabase;
	/** Base URL to give createClient: http://embedded.supabase.local. */
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** The fetch to give createClient as `global.fetch`. */
	fetch: EmbeddedFetch;
	/** Ends the pool. */
	close(): Promise<void>;
}

/** Options of {@link startPostgresSupabase}. */
export interface PostgresStartOptions {
	/** postgres://user:password@host:port/database */
	url: string;
	/** The JWT secret every process on this database shares (at least 32 characters). */
	jwtSecret: string;
	/** Directory with migrations/ (default ./supabase): the newest must be applied. */
	supabaseDir?: string;
	/** Connections at most (default 10). */
	max?: number;
}

/**
 * Checks the database and returns what createClient needs to talk to it. The session limits
 * come from AUTH_SESSION_TIMEBOX and AUTH_SESSION_INACTIVITY_TIMEOUT (seconds; see
 * sessionLimitsFromEnv in auth.ts); an invalid value fails here, before any connection.
 */
export async function startPostgresSupabase(
	options: PostgresStartOptions
): Promise<PostgresSupabase> {
	const start = performance.now();
	const sessionLimits = sessionLimitsFromEnv();
	const { anonKey, serviceRoleKey } = await createKeys(options.jwtSecret);
	const db = openPostgresDatabase(options.url, { max: options.max });
	try {
		try {
			await checkPostgresSchema(db, options.url, path.resolve(options.supabaseDir ?? 'supabase'));
		} catch (error) {
			// Unreachable, a wrong password, no such database: say so with the database's words.
			if (error instanceof ConnectionError) {
				const reason = error.cause instanceof Error ? error.cause.message : String(error.cause);
				throw new Error(`DATABASE_URL (${describeUrl(options.url)}) cannot be reached: ${reason}`, {
					cause: error
				});
			}
			if (isSqlError(error)) {
				throw new Error(
					`DATABASE_URL (${describeUrl(options.url)}) cannot be used: ${error.message} (${error.code})`,
					{ cause: error }
				);
			}
			throw error;
		}
	} catch (error) {
		await db.close();
		throw error;
	}
	log(`${describeUrl(options.url)} ready in ${Math.round(performance.now() - start)} ms`);
	return {
		db,
		url: EMBEDDED_URL,
		anonKey,
		serviceRoleKey,
		fetch: createEmbeddedFetch(db, { jwtSecret: options.jwtSecret, ...sessionLimits }),
		close: () => db.close()
	};
}
