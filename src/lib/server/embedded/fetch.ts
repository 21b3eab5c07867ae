/**
 * The `fetch` handed to supabase-js in embedded mode: it answers requests for
 * `http://embedded.supabase.local` in process, as a Supabase project's API gateway would
 * route them: `/rest/v1/*` to the PostgREST RPC handler, `/auth/v1/*` to the Auth handler.
 *
 * Like the gateway, it asks for an `apikey` (the anon or service_role key) on every request
 * and, for /rest/v1, uses it as the bearer token when no Authorization header is sent.
 * Database work runs in transactions of the given database: PGlite, which serialises them (it
 * is one connection), or a PostgreSQL pool (DATABASE_URL, see postgres.ts).
 */
import {
	DEFAULT_LINK_LIFETIME,
	DEFAULT_SESSION_INACTIVITY_TIMEOUT,
	DEFAULT_SESSION_TIMEBOX,
	handleAuth,
	type AuthOptions
} from './auth';
import { JwtError, verifyJwt } from './jwt';
import { handleRest, SchemaCache } from './postgrest';
import type { SqlDatabase } from './sql';

/** Base URL of the embedded Supabase; no request leaves the process. */
export const EMBEDDED_URL = 'http://embedded.supabase.local';

/** Settings of the embedded fetch. */
export interface EmbeddedFetchOptions {
	/** The project's JWT secret (at least 32 characters). */
	jwtSecret: string;
	/** Lifetime of access tokens in seconds; default 3600, as on Supabase. */
	accessTokenLifetime?: number;
	/** GoTrue's refresh_token_reuse_interval in seconds; default 10, as on Supabase. */
	refreshTokenReuseInterval?: number;
	/** Seconds invite and recovery links stay valid; default 86,400, GoTrue's MAILER_OTP_EXP. */
	linkLifetime?: number;
	/** Seconds after sign-in when a session ends (0: never); default 43,200. See auth.ts. */
	sessionTimebox?: number;
	/** Seconds without a refresh after which a session ends (0: never); default 7,200. */
	sessionInactivityTimeout?: number;
}

const API_KEY_ROLES = new Set(['anon', 'service_role']);
const ORIGIN = new URL(EMBEDDED_URL).origin;

function gatewayError(status: number, message: string, hint?: string): Response {
	return new Response(JSON.stringify(hint ? { message, hint } : { message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
}

/** The embedded fetch, and a way to make it read the database's functions anew. */
export type EmbeddedFetch = typeof fetch & {
	/** Forgets the functions read from pg_catalog (PostgREST's schema cache reload). */
	reloadSchema(): void;
};

/** Creates the fetch function supabase-js is given with `global: { fetch }`. */
export function createEmbeddedFetch(db: SqlDatabase, options: EmbeddedFetchOptions): EmbeddedFetch {
	const { jwtSecret } = options;
	const schemaCache = new SchemaCache();
	const authOptions: AuthOptions = {
		jwtSecret,
		issuer: `${EMBEDDED_URL}/auth/v1`,
		accessTokenLifetime: options.accessTokenLifetime ?? 3600,
		refreshTokenReuseInterval: options.refreshTokenReuseInterval ?? 10,
		linkLifetime: options.linkLifetime ?? DEFAULT_LINK_LIFETIME,
		sessionTimebox: options.sessionTimebox ?? DEFAULT_SESSION_TIMEBOX,
		sessionInactivityTimeout: options.sessionInactivityTimeout ?? DEFAULT_SESSION_INACTIVITY_TIMEOUT
	};

	async function embeddedFetch(
		input: string | URL | Request,
		init?: RequestInit
	): Promise<Response> {
		const request = new Request(input, init);
		const url = new URL(request.url);
		if (url.origin !== ORIGIN) {
			throw new TypeError(
				`fetch failed: the embedded Supabase answers ${EMBEDDED_URL} only, not ${url.origin}`
			);
		}
		if (db.closed) {
			return gatewayError(503, 'The embedded Supabase database is closed');
		}
		const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
		const path = url.pathname;

		if (path === '/auth/v1/.well-known/jwks.json') {
			return handleAuth(db, request, '/.well-known/jwks.json', body, authOptions);
		}
		const service = /^\/(rest|auth)\/v1(\/.*)?$/.exec(path);
		if (!service) {
			return gatewayError(
				404,
				`The embedded Supabase serves /rest/v1 (rpc) and /auth/v1 only, not ${path}`,
				'Storage, Realtime and Edge Functions need a real Supabase project: set SUPABASE_URL.'
			);
		}

		// The gateway's key check: a Supabase project answers these bodies without an apikey.
		const apikey = request.headers.get('apikey') ?? url.searchParams.get('apikey');
		if (!apikey) {
			return gatewayError(
				401,
				'No API key found in request',
				'No `apikey` request header or url param was found.'
			);
		}
		try {
			const claims = await verifyJwt(apikey, jwtSecret);
			if (typeof claims.role !== 'string' || !API_KEY_ROLES.has(claims.role)) {
				throw new JwtError('claims', 'not an API key');
			}
		} catch (error) {
			if (!(error instanceof JwtError)) throw error;
			return gatewayError(
				401,
				'Invalid API key',
				'Double check your Supabase `anon` or `service_role` API key.'
			);
		}

		const rest = service[2] ?? '/';
		if (service[1] === 'rest') {
			let restRequest = request;
			if (!request.headers.has('authorization')) {
				const headers = new Headers(request.headers);
				headers.set('authorization', `Bearer ${apikey}`);
				restRequest = new Request(request.url, { method: request.method, headers });
			}
			return handleRest(db, restRequest, rest, body, { jwtSecret, schemaCache });
		}
		return handleAuth(db, request, rest, body, authOptions);
	}

	return Object.assign(embeddedFetch as typeof fetch, {
		reloadSchema: () => schemaCache.clear()
	});
}
