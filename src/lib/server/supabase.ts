/**
 * The Supabase client factory of the whole app (server only).
 *
 * With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY set, clients talk to that
 * Supabase project. Without SUPABASE_URL, they talk to the embedded Supabase in this process:
 * its PostgREST and Auth handlers over PGlite with the same migrations, in DATA_DIR (default
 * .data/pglite; `memory` for a database that lives only as long as the process), or, with
 * DATABASE_URL set, over that PostgreSQL, which several processes may share (it must hold the
 * shim and the migrations; EMBEDDED_JWT_SECRET is then required). The code using the clients
 * cannot tell which.
 *
 * Reads process.env rather than $env so that CLI scripts run with tsx can use it too.
 */
import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import {
	createClient,
	type SupabaseClient,
	type SupabaseClientOptions
} from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '$lib/database.types';
import { SESSION_PATHS } from '../staff/session-paths';
import { configuredCity, seedsDemo } from './city';
import type { EmbeddedSupabase } from './embedded/index';
import type { PostgresSupabase } from './embedded/postgres';

/** Where the clients go. */
export interface Backend {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** The embedded Supabase's fetch; undefined for a real project. */
	fetch?: typeof fetch;
	/**
	 * The in-process Supabase: over PGlite, or over DATABASE_URL's PostgreSQL (its `db` is then
	 * the pool, and `close()` ends it). Null when SUPABASE_URL is set.
	 */
	embedded: EmbeddedSupabase | PostgresSupabase | null;
}

type RealtimeTransport = NonNullable<
	NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

/** Default data directory of the embedded database. */
export const DEFAULT_DATA_DIR = '.data/pglite';

// Kept on globalThis so that a module reloaded by Vite in development does not open the
// database a second time (its lock would refuse).
const SLOT = Symbol.for('stadtteil-portal.supabase-backend');
type Slot = { [SLOT]?: Promise<Backend> };

async function startBackend(): Promise<Backend> {
	const url = process.env.SUPABASE_URL;
	if (url) {
		const anonKey = process.env.SUPABASE_ANON_KEY;
		const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
		if (!anonKey || !serviceRoleKey) {
			throw new Error(
				'SUPABASE_URL is set, so SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY must be set too'
			);
		}
		return { url, anonKey, serviceRoleKey, embedded: null };
	}
	const databaseUrl = process.env.DATABASE_URL;
	if (databaseUrl) {
		const jwtSecret = process.env.EMBEDDED_JWT_SECRET;
		if (!jwtSecret || jwtSecret.length < 32) {
			throw new Error(
				'DATABASE_URL is set, so EMBEDDED_JWT_SECRET must be set too, at least 32 characters ' +
					'(e.g. openssl rand -hex 32), the same for every portal process on that database: ' +
					'each process signs and checks the tokens of the others with it'
			);
		}
		const { startPostgresSupabase } = await import('./embedded/postgres');
		const embedded = await startPostgresSupabase({ url: databaseUrl, jwtSecret });
		return {
			url: embedded.url,
			anonKey: embedded.anonKey,
			serviceRoleKey: embedded.serviceRoleKey,
			fetch: embedded.fetch,
			embedded
		};
	}
	const { startEmbeddedSupabase } = await import('./embedded/index');
	const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
	// a second city's new data directory holds only its own data, not the Kempten demo
	const embedded = await startEmbeddedSupabase({ dataDir, seed: seedsDemo(configuredCity()) });
	return {
		url: embedded.url,
		anonKey: embedded.anonKey,
		serviceRoleKey: embedded.serviceRoleKey,
		fetch: embedded.fetch,
		embedded
	};
}

/** The backend, started on first use; concurrent callers share one start. */
export function getBackend(): Promise<Backend> {
	const slot = globalThis as Slot;
	if (!slot[SLOT]) {
		const started = startBackend();
		slot[SLOT] = started;
		started.catch(() => {
			if (slot[SLOT] === started) delete slot[SLOT];
		});
	}
	return slot[SLOT];
}

/** Closes the embedded database or DATABASE_URL's pool, if one was started (for scripts and tests). */
export async function closeBackend(): Promise<void> {
	const slot = globalThis as Slot;
	const started = slot[SLOT];
	delete slot[SLOT];
	if (!started) return;
	const backend = await started.catch(() => null);
	await backend?.embedded?.close();
}

function client(backend: Backend, key: string, accessToken?: string): SupabaseClient<Database> {
	return createClient<Database>(backend.url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: {
			...(backend.fetch ? { fetch: backend.fetch } : {}),
			...(accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {})
		},
		// Node 20 has no global WebSocket: without a transport createClient throws.
		realtime: { transport: ws as unknown as RealtimeTransport }
	});
}

/**
 * A client with anon rights, or with the rights of the user whose access token is given.
 * Verify who the user is with `auth.getClaims(accessToken)` / `auth.getUser(accessToken)`.
 */
export async function createSupabase(
	options: { accessToken?: string } = {}
): Promise<SupabaseClient<Database>> {
	const backend = await getBackend();
	return client(backend, backend.anonKey, options.accessToken);
}

/**
 * A request's client with the session kept in its cookies (@supabase/ssr): signing in stores
 * the session there, every later request of the areas with sessions reads it and refreshes an
 * expired access token. The cookies are httpOnly (only the server reads them), SameSite=Lax,
 * Secure over https, set for each area's path only (public pages never see them) and without
 * an expiry, so that closing the browser ends them; the session itself ends on the Auth
 * server (sign-out, its time limits).
 *
 * Who the user is comes from `auth.getClaims()` (verified), never from `getSession()`.
 */
export async function createSessionSupabase(
	cookies: Cookies,
	options: { secure: boolean }
): Promise<SupabaseClient<Database>> {
	const backend = await getBackend();
	return createServerClient<Database>(backend.url, backend.anonKey, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (list) => {
				for (const { name, value, options: cookie } of list) {
					for (const path of SESSION_PATHS) {
						cookies.set(name, value, {
							path,
							httpOnly: true,
							sameSite: 'lax',
							secure: options.secure,
							// removal comes as maxAge 0; otherwise a cookie of the browser session
							...(cookie.maxAge === 0 ? { maxAge: 0 } : {})
						});
					}
				}
			}
		},
		global: backend.fetch ? { fetch: backend.fetch } : {},
		realtime: { transport: ws as unknown as RealtimeTransport }
	});
}

const anonymousClients = new WeakMap<Backend, SupabaseClient<Database>>();

/**
 * The process's client with the anon key, made once per backend: it holds no session, so all
 * anonymous reads share it (never sign in with it; a user's client comes from createSupabase).
 */
export async function anonymousSupabase(): Promise<SupabaseClient<Database>> {
	const backend = await getBackend();
	let anonymous = anonymousClients.get(backend);
	if (!anonymous) {
		anonymous = client(backend, backend.anonKey);
		anonymousClients.set(backend, anonymous);
	}
	return anonymous;
}

/** A client with the service_role key: bypasses row level security. Server-side jobs only. */
export async function createServiceSupabase(): Promise<SupabaseClient<Database>> {
	const backend = await getBackend();
	return client(backend, backend.serviceRoleKey);
}
