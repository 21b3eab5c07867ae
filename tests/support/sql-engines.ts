/**
 * The database engines every SQL suite runs on: PGlite (always) and a real PostgreSQL 15 with
 * PostGIS (when TEST_PG_URL is set, as scripts/test-postgres.sh does). Both hold the migrated
 * schema without the demo seed; tests make their own data with the factories (./factories).
 *
 *   import { engines, useSession } from '../support/sql-engines'; // in tests/sql/*.spec.ts
 *
 *   for (const engine of engines) {
 *     describe(engine.name, () => {
 *       const db = useSession(engine);
 *       it('hides drafts from visitors', async () => {
 *         await db().query('insert into …', […]);          // as the superuser: no RLS
 *         const rows = await db().as({ role: 'anon' }, (q) => q.query('select …'));
 *       });
 *     });
 *   }
 *
 * TEST_ENGINES=postgres15 (or pglite) runs them on that engine alone (see `chosenEngines`).
 *
 * Every session is one transaction that close() rolls back, so nothing a test does is seen by
 * the next one. `as()` runs its callback as PostgREST (and the embedded handler) runs a request:
 * transaction-local `role`, `request.jwt.claims` and `search_path` ("public", "extensions").
 */
import { createTestDatabase } from '$lib/server/embedded/database';
import pg from 'pg';
import { afterAll, afterEach, beforeEach } from 'vitest';

export type EngineName = 'pglite' | 'postgres15';

/** Who a request comes from, as PostgREST sees it after checking the JWT. */
export type Actor =
	| { role: 'anon' }
	| { role: 'authenticated'; userId: string; email?: string }
	| { role: 'service_role' };

export type Row = Record<string, unknown>;

export interface SqlQuery {
	/** Runs one statement with `$1…` parameters and returns its rows. */
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlSession extends SqlQuery {
	readonly engine: EngineName;
	/**
	 * Runs `fn` as `actor` inside a savepoint. If `fn` throws, everything it did is rolled back
	 * and the error is rethrown; if it returns, its writes stay (until the session closes). Either
	 * way the session is back to the superuser with no claims afterwards. Calls may nest.
	 */
	as<R>(actor: Actor, fn: (db: SqlQuery) => Promise<R>): Promise<R>;
	/** Rolls back everything the session did and releases the connection. */
	close(): Promise<void>;
}

export interface Engine {
	readonly name: EngineName;
	/** A new session: one transaction on a database with the migrations and no seed. */
	open(): Promise<SqlSession>;
}

/** The JWT claims Supabase Auth issues for an actor, as PostgREST hands them to SQL. */
export function claimsFor(actor: Actor): Record<string, unknown> {
	switch (actor.role) {
		case 'anon':
			return { role: 'anon' };
		case 'service_role':
			return { role: 'service_role' };
		case 'authenticated':
			return {
				sub: actor.userId,
				role: 'authenticated',
				aud: 'authenticated',
				...(actor.email === undefined ? {} : { email: actor.email })
			};
	}
}

const roles: ReadonlySet<string> = new Set(['anon', 'authenticated', 'service_role']);

/** Supabase's PostgREST: the exposed schema, then `db-extra-search-path`. */
const POSTGREST_SEARCH_PATH = '"public", "extensions"';

/** The raw connection one session runs on. */
interface Connection {
	query<T>(sql: string, params?: unknown[]): Promise<T[]>;
	release(): Promise<void>;
}

async function session(engine: EngineName, connection: Connection): Promise<SqlSession> {
	await connection.query('begin');
	const actors: Actor[] = [];
	let depth = 0;
	let closed = false;

	const query = <T = Row>(sql: string, params: unknown[] = []) => {
		if (closed) throw new Error(`${engine} session is closed`);
		return connection.query<T>(sql, params);
	};

	// What PostgREST runs at the start of each request's transaction (and so does the embedded
	// handler): its schemas as the search path, the role from the JWT, the claims.
	const become = async (actor: Actor | undefined) => {
		if (actor === undefined) {
			await connection.query('set local role none');
			await connection.query('set local search_path to default');
			await connection.query(`select set_config('request.jwt.claims', '', true)`);
			return;
		}
		if (!roles.has(actor.role)) throw new Error(`unknown role ${String(actor.role)}`);
		await connection.query(
			`select set_config('search_path', $1, true), set_config('role', $2, true),
			        set_config('request.jwt.claims', $3, true)`,
			[POSTGREST_SEARCH_PATH, actor.role, JSON.stringify(claimsFor(actor))]
		);
	};

	return {
		engine,
		query,
		async as(actor, fn) {
			if (closed) throw new Error(`${engine} session is closed`);
			const savepoint = `as_actor_${++depth}`;
			await connection.query(`savepoint ${savepoint}`);
			actors.push(actor);
			try {
				await become(actor);
				const result = await fn({ query });
				// Released, a subtransaction keeps its `set local`: put back the outer identity.
				await become(actors.at(-2));
				await connection.query(`release savepoint ${savepoint}`);
				return result;
			} catch (error) {
				// Rolling back to the savepoint also restores the role and claims from before it.
				await connection.query(`rollback to savepoint ${savepoint}`);
				await connection.query(`release savepoint ${savepoint}`);
				throw error;
			} finally {
				actors.pop();
				depth--;
			}
		},
		async close() {
			if (closed) return;
			closed = true;
			try {
				await connection.query('rollback');
			} finally {
				await connection.release();
			}
		}
	};
}

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

// One migrated PGlite per test file (creating one takes seconds); sessions take turns on it.
let pglite: Promise<TestDatabase> | undefined;
let pgliteBusy = false;

const pgliteEngine: Engine = {
	name: 'pglite',
	async open() {
		if (pgliteBusy) throw new Error('a PGlite session is still open: close() it first');
		pglite ??= createTestDatabase({ seed: false });
		const db = await pglite;
		pgliteBusy = true;
		try {
			return await session('pglite', {
				async query<T>(sql: string, params?: unknown[]) {
					return (await db.query<T>(sql, params)).rows;
				},
				async release() {
					pgliteBusy = false;
				}
			});
		} catch (error) {
			pgliteBusy = false;
			throw error;
		}
	}
};

// Return bigint (int8) as a number, as PGlite and PostgREST do, so assertions fit both engines.
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
const toNumbers = (value: unknown): unknown =>
	Array.isArray(value) ? value.map(toNumbers) : value === null ? null : Number(value);
const types: pg.CustomTypesConfig = {
	getTypeParser: ((oid: TypeId, format?: 'text' | 'binary') => {
		const parse = pg.types.getTypeParser(oid, format);
		if (format === 'binary') return parse;
		if (Number(oid) === 20) return (value: string) => Number(value);
		if (Number(oid) === 1016) return (value: string) => toNumbers(parse(value));
		return parse;
	}) as typeof pg.types.getTypeParser
};

function postgresEngine(url: string): Engine {
	return {
		name: 'postgres15',
		async open() {
			// A dedicated client per session: its transaction is the test's isolation.
			const client = new pg.Client({ connectionString: url, types });
			try {
				await client.connect();
				return await session('postgres15', {
					async query<T>(sql: string, params?: unknown[]) {
						return (await client.query(sql, params)).rows as T[];
					},
					release: () => client.end()
				});
			} catch (error) {
				await client.end().catch(() => undefined);
				throw error;
			}
		}
	};
}

/**
 * The engines named in TEST_ENGINES (comma-separated), or all there are. scripts/test.sh runs
 * the suites on PGlite in its vitest step and then, with TEST_ENGINES=postgres15, on PostgreSQL
 * 15 alone (scripts/test-postgres.sh), not on PGlite a second time.
 */
export function chosenEngines<T extends { name: string }>(all: T[]): T[] {
	const names = process.env.TEST_ENGINES?.split(',').map((name) => name.trim());
	if (!names) return all;
	const chosen = all.filter((engine) => names.includes(engine.name));
	if (chosen.length !== names.length) {
		throw new Error(
			`TEST_ENGINES=${process.env.TEST_ENGINES}: only ${all.map((engine) => engine.name).join(', ')} here` +
				(process.env.TEST_PG_URL ? '' : ' (postgres15 needs TEST_PG_URL)')
		);
	}
	return chosen;
}

export const engines: Engine[] = chosenEngines([
	pgliteEngine,
	...(process.env.TEST_PG_URL ? [postgresEngine(process.env.TEST_PG_URL)] : [])
]);

/** Frees the file's PGlite; `useSession` calls it after the last suite that uses it. */
export async function closeEngines(): Promise<void> {
	const db = pglite;
	pglite = undefined;
	if (db) await (await db).close();
}

let suites = 0;

/**
 * Opens a session before each test of the enclosing `describe` and closes (rolls back) it
 * after; returns a getter for the current session.
 */
export function useSession(engine: Engine): () => SqlSession {
	let current: SqlSession | undefined;
	// Suites are all collected before any runs: count them to free PGlite after the last one.
	suites++;
	beforeEach(async () => {
		current = await engine.open();
	});
	afterEach(async () => {
		await current?.close();
		current = undefined;
	});
	afterAll(async () => {
		if (--suites === 0) await closeEngines();
	});
	return () => {
		if (!current) throw new Error('no session: call the getter inside a test');
		return current;
	};
}
