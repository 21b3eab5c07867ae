/**
 * The embedded Supabase: what the portal runs when SUPABASE_URL is not set. PGlite with the
 * project's migrations, and a fetch for supabase-js that answers the PostgREST RPC endpoint and
 * the Auth endpoints the portal uses. See database.ts, fetch.ts, postgrest.ts and auth.ts.
 */
import type { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sessionLimitsFromEnv } from './auth';
import { openEmbeddedDatabase } from './database';
import { createEmbeddedFetch, EMBEDDED_URL } from './fetch';
import { createKeys } from './jwt';

export { createTestDatabase, openEmbeddedDatabase } from './database';
export { createEmbeddedFetch, EMBEDDED_URL } from './fetch';
export { createKeys, signJwt, verifyJwt } from './jwt';

/** A running embedded Supabase. */
export interface EmbeddedSupabase {
	db: PGlite;
	/** Base URL to give createClient: http://embedded.supabase.local. */
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** The fetch to give createClient as `global.fetch`. */
	fetch: typeof fetch;
	/** Closes the database and releases its data directory. */
	close(): Promise<void>;
}

/** Options of {@link startEmbeddedSupabase}. */
export interface StartOptions {
	/** Directory of the database files, or 'memory'. */
	dataDir: string | 'memory';
	/** Run supabase/seed.sql on a new database (default true). */
	seed?: boolean;
	/** Directory with embedded/, migrations/ and seed.sql (default ./supabase). */
	supabaseDir?: string;
}

const SECRET_FILE = 'jwt-secret';

/**
 * The JWT secret: EMBEDDED_JWT_SECRET if set; else, for a data directory, the one stored in
 * <dataDir>/jwt-secret (made on first start), so that sessions survive a restart; in memory,
 * a new one per process.
 */
function jwtSecret(dataDir: string | 'memory'): string {
	const fromEnv = process.env.EMBEDDED_JWT_SECRET;
	if (fromEnv) return fromEnv;
	if (dataDir === 'memory') return randomBytes(32).toString('hex');
	const file = path.join(path.resolve(dataDir), SECRET_FILE);
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const secret = randomBytes(32).toString('hex');
	fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
	return secret;
}

/**
 * Opens the database (migrating it) and returns what createClient needs to talk to it. The
 * session limits come from AUTH_SESSION_TIMEBOX and AUTH_SESSION_INACTIVITY_TIMEOUT (seconds;
 * see sessionLimitsFromEnv in auth.ts); an invalid value fails here, before the database opens.
 */
export async function startEmbeddedSupabase(options: StartOptions): Promise<EmbeddedSupabase> {
	const sessionLimits = sessionLimitsFromEnv();
	const db = await openEmbeddedDatabase(options);
	try {
		const secret = jwtSecret(options.dataDir);
		const { anonKey, serviceRoleKey } = await createKeys(secret);
		return {
			db,
			url: EMBEDDED_URL,
			anonKey,
			serviceRoleKey,
			fetch: createEmbeddedFetch(db, { jwtSecret: secret, ...sessionLimits }),
			close: () => db.close()
		};
	} catch (error) {
		await db.close();
		throw error;
	}
}
