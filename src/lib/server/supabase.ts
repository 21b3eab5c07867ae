/**
 * The Supabase client factory of the whole app (server only).
 *
 * With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY set, clients talk to that
 * Supabase project. Without SUPABASE_URL, they talk to the embedded Supabase (PGlite with the
 * same migrations) in this process: DATA_DIR (default .data/pglite; `memory` for a database
 * that lives only as long as the process). The code using the clients cannot tell which.
 *
 * Reads process.env rather than $env so that CLI scripts run with tsx can use it too.
 */
import {
	createClient,
	type SupabaseClient,
	type SupabaseClientOptions
} from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '$lib/database.types';
import type { EmbeddedSupabase } from './embedded/index';

/** Where the clients go. */
export interface Backend {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** The embedded Supabase's fetch; undefined for a real project. */
	fetch?: typeof fetch;
	/** The embedded Supabase, or null when SUPABASE_URL is set. */
	embedded: EmbeddedSupabase | null;
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
	const { startEmbeddedSupabase } = await import('./embedded/index');
	const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
	const embedded = await startEmbeddedSupabase({ dataDir });
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

/** Closes the embedded database, if one was started (for scripts and tests). */
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

/** A client with the service_role key: bypasses row level security. Server-side jobs only. */
export async function createServiceSupabase(): Promise<SupabaseClient<Database>> {
	const backend = await getBackend();
	return client(backend, backend.serviceRoleKey);
}
