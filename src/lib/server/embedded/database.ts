/**
 * The embedded database: PGlite (PostgreSQL 18 in WebAssembly) with PostGIS, pgcrypto, pg_trgm
 * and unaccent, prepared like a Supabase project: the shim (roles, auth schema, migration
 * bookkeeping), then every migration of supabase/migrations not yet applied, then the seed
 * on a fresh database.
 *
 * File-backed for the server (one process at a time: lock.ts guards the directory), in
 * memory for tests, where `createTestDatabase` migrates once per process (and once per change
 * of the SQL, thanks to an on-disk cache) and hands out copies.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { postgis } from '@electric-sql/pglite-postgis';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lockDataDir } from './lock';

const extensions = { postgis, pgcrypto, pg_trgm, unaccent };

/**
 * PGlite's options for every instance. A city's portal holds a few megabytes of data, so
 * PostgreSQL's 128 MB of shared buffers only cost memory: 32 MB keeps the server well under
 * 1 GB resident (measured with `npm run bench`).
 */
const pgliteOptions = {
	extensions,
	startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB']
};

/** Options of {@link openEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
	/** Directory of the database files, or 'memory' for a database that lives in this process. */
	dataDir: string | 'memory';
	/** Run supabase/seed.sql when the database is new (default true). */
	seed?: boolean;
	/** Directory with embedded/supabase_shim.sql, migrations/ and seed.sql (default ./supabase). */
	supabaseDir?: string;
}

const SHIM_FILE = path.join('embedded', 'supabase_shim.sql');
/** Written before a new data directory is created, removed once it is migrated and seeded. */
const SEED_PENDING_FILE = 'seed-pending';
const MIGRATION_NAME = /^(\d+)_?(.*)\.sql$/;

function log(message: string): void {
	console.log(`[embedded supabase] ${message}`);
}

function since(start: number): string {
	const ms = performance.now() - start;
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// The SQL files

interface Migration {
	file: string;
	version: string;
	name: string;
	sql: string;
}

interface SqlFiles {
	shim: string;
	migrations: Migration[];
	seed: string | null;
}

function readSqlFiles(supabaseDir: string): SqlFiles {
	const shimPath = path.join(supabaseDir, SHIM_FILE);
	if (!fs.existsSync(shimPath)) {
		throw new Error(
			`the embedded Supabase needs ${shimPath}: is supabaseDir (${supabaseDir}) right?`
		);
	}
	const migrationsDir = path.join(supabaseDir, 'migrations');
	const files = fs.existsSync(migrationsDir)
		? fs
				.readdirSync(migrationsDir)
				.filter((file) => file.endsWith('.sql'))
				.sort()
		: [];
	const migrations = files.map((file) => {
		const match = MIGRATION_NAME.exec(file);
		if (!match) {
			throw new Error(
				`migration ${path.join(migrationsDir, file)} must be named <timestamp>_<name>.sql, as the Supabase CLI expects`
			);
		}
		return {
			file,
			version: match[1],
			name: match[2],
			sql: fs.readFileSync(path.join(migrationsDir, file), 'utf8')
		};
	});
	const seedPath = path.join(supabaseDir, 'seed.sql');
	return {
		shim: fs.readFileSync(shimPath, 'utf8'),
		migrations,
		seed: fs.existsSync(seedPath) ? fs.readFileSync(seedPath, 'utf8') : null
	};
}

// ---------------------------------------------------------------------------------------------
// Opening and migrating

async function migrate(db: PGlite, sql: SqlFiles, seed: boolean): Promise<void> {
	let start = performance.now();
	await db.exec(sql.shim);
	// The shim set the database's search path; this session began before it.
	await db.exec('set search_path to "$user", public, extensions');
	log(`supabase shim applied in ${since(start)}`);

	const { rows } = await db.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const applied = new Set(rows.map((row) => row.version));
	let count = 0;
	for (const migration of sql.migrations) {
		if (applied.has(migration.version)) continue;
		start = performance.now();
		try {
			await db.transaction(async (tx) => {
				await tx.exec(migration.sql);
				await tx.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[migration.version, migration.name, [migration.sql]]
				);
			});
		} catch (error) {
			throw new Error(
				`migration ${migration.file} failed: ${error instanceof Error ? error.message : error}`,
				{ cause: error }
			);
		}
		// Migrations may change the search path of the session (set_config, set).
		await db.exec('reset all; set search_path to "$user", public, extensions');
		log(`migration ${migration.file} applied in ${since(start)}`);
		count++;
	}
	if (count === 0) log(`no pending migrations (${applied.size} applied)`);

	if (seed && sql.seed !== null) {
		start = performance.now();
		try {
			await db.transaction((tx) => tx.exec(sql.seed!).then(() => undefined));
		} catch (error) {
			throw new Error(`seed.sql failed: ${error instanceof Error ? error.message : error}`, {
				cause: error
			});
		}
		log(`seed.sql applied in ${since(start)}`);
	}
}

/**
 * ANALYZE: PGlite runs no autovacuum, so without it the planner knows nothing of the rows an
 * import added and picks nested loops (city_coverage on 10,000 offers: 21 s without, 0.1 s with;
 * scripts/bench-coverage.ts). Run at every start, after the migrations and the seed.
 */
async function gatherStatistics(db: PGlite): Promise<void> {
	const start = performance.now();
	await db.exec('analyze');
	log(`statistics gathered in ${since(start)}`);
}

/**
 * Opens (creating it if need be) the embedded database, applies the shim and the pending
 * migrations and, on a new database, the seed. Close it with `db.close()`.
 */
export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<PGlite> {
	const supabaseDir = path.resolve(options.supabaseDir ?? 'supabase');
	const sql = readSqlFiles(supabaseDir);
	const start = performance.now();

	if (options.dataDir === 'memory') {
		const db = await PGlite.create(pgliteOptions);
		log(`in-memory database created in ${since(start)}`);
		try {
			await migrate(db, sql, options.seed !== false);
			await gatherStatistics(db);
		} catch (error) {
			await db.close();
			throw error;
		}
		return db;
	}

	const dataDir = path.resolve(options.dataDir);
	fs.mkdirSync(dataDir, { recursive: true });
	const lock = await lockDataDir(dataDir);
	let db: PGlite | undefined;
	try {
		const seedPending = path.join(dataDir, SEED_PENDING_FILE);
		const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
		if (fresh) fs.writeFileSync(seedPending, 'the seed runs once this database is migrated\n');
		db = await PGlite.create(dataDir, pgliteOptions);
		log(`${fresh ? 'created' : 'opened'} ${dataDir} in ${since(start)}`);
		const seed = fs.existsSync(seedPending);
		await migrate(db, sql, seed && options.seed !== false);
		if (seed) fs.rmSync(seedPending, { force: true });
		await gatherStatistics(db);
		log(`ready in ${since(start)}, ${Math.round(process.memoryUsage().rss / 1e6)} MB resident`);
	} catch (error) {
		await db?.close();
		await lock.release();
		throw error;
	}
	const close = db.close.bind(db);
	db.close = async () => {
		try {
			if (!db.closed) {
				await close();
				log(`closed ${dataDir}`);
			}
		} finally {
			await lock.release();
		}
	};
	return db;
}

// ---------------------------------------------------------------------------------------------
// Test databases

/** Options of {@link createTestDatabase}. */
export interface TestDatabaseOptions {
	/** Load supabase/seed.sql too (default false: tests make their own data). */
	seed?: boolean;
	/** Directory with embedded/supabase_shim.sql and migrations/ (default ./supabase). */
	supabaseDir?: string;
}

const templates = new Map<string, Promise<Blob>>();

function packageVersion(name: string): string {
	const file = path.resolve('node_modules', name, 'package.json');
	try {
		return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

function templateKey(sql: SqlFiles, seed: boolean): string {
	const hash = createHash('sha256');
	hash.update(`pglite ${packageVersion('@electric-sql/pglite')}\n`);
	hash.update(`postgis ${packageVersion('@electric-sql/pglite-postgis')}\n`);
	hash.update(sql.shim);
	for (const migration of sql.migrations) hash.update(`\0${migration.file}\0${migration.sql}`);
	hash.update(seed ? `\0seed\0${sql.seed ?? ''}` : '\0no seed');
	return hash.digest('hex').slice(0, 32);
}

async function buildTemplate(supabaseDir: string, sql: SqlFiles, seed: boolean): Promise<Blob> {
	const cacheDir = path.resolve('node_modules', '.cache', 'embedded-db');
	const cacheFile = path.join(cacheDir, `${templateKey(sql, seed)}.tar.gz`);
	if (fs.existsSync(cacheFile)) return new Blob([fs.readFileSync(cacheFile)]);

	const start = performance.now();
	const db = await openEmbeddedDatabase({ dataDir: 'memory', seed, supabaseDir });
	let dump: Blob;
	try {
		dump = await db.dumpDataDir('gzip');
	} finally {
		await db.close();
	}
	fs.mkdirSync(cacheDir, { recursive: true });
	const temporary = `${cacheFile}.${process.pid}.tmp`;
	fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
	fs.renameSync(temporary, cacheFile);
	log(
		`test template built in ${since(start)} and cached in ${path.relative(process.cwd(), cacheFile)}`
	);
	return dump;
}

/**
 * A fresh in-memory database with the shim and all migrations (and the seed if asked), for one
 * test file or test. The migrated template is built once per process and cached on disk under
 * node_modules/.cache/embedded-db, keyed by a hash of the SQL; each call loads a copy
 * (about 2–3 s with PostGIS). Close it with `db.close()`.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<PGlite> {
	const supabaseDir = path.resolve(options.supabaseDir ?? 'supabase');
	const seed = options.seed ?? false;
	const sql = readSqlFiles(supabaseDir);
	const key = templateKey(sql, seed);
	let template = templates.get(key);
	if (!template) {
		template = buildTemplate(supabaseDir, sql, seed);
		templates.set(key, template);
		template.catch(() => templates.delete(key));
	}
	const dump = await template;
	try {
		return await PGlite.create({ ...pgliteOptions, loadDataDir: dump });
	} catch (error) {
		// A damaged cache file: forget it, so that the next call builds the template anew.
		templates.delete(key);
		fs.rmSync(path.resolve('node_modules', '.cache', 'embedded-db', `${key}.tar.gz`), {
			force: true
		});
		throw error;
	}
}
