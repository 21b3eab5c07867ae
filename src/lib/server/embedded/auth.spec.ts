/**
 * The Supabase Auth subset, driven through supabase-js. Codes and statuses are GoTrue's
 * (supabase.com/docs/guides/auth/debugging/error-codes): invalid_credentials 400,
 * email_exists 422, weak_password 422, refresh_token_already_used 400, not_admin 403,
 * otp_expired 403, same_password 422, session_expired 400 on refresh and 403 on /user, ...
 *
 * Runs on PGlite, and on PostgreSQL 15 too when TEST_PG_URL is set (start a cluster with
 * `bash scripts/pg15.sh start` and source the lines it prints; scripts/test-postgres.sh runs
 * tests/sql only): in a database of its own there, with the shim only, dropped afterwards.
 * TEST_ENGINES picks one of them (tests/support/sql-engines.ts).
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chosenEngines } from '../../../../tests/support/sql-engines';
import { sessionLimitsFromEnv } from './auth';
import { createTestDatabase } from './database';
import { createEmbeddedFetch, EMBEDDED_URL, type EmbeddedFetchOptions } from './fetch';
import { startEmbeddedSupabase } from './index';
import { createKeys, signJwt } from './jwt';
import { openPostgresDatabase } from './postgres';
import type { SqlDatabase } from './sql';

const SECRET = 'another-test-secret-at-least-32-characters-long';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a new password, at last';

/** A database with the shim, as the handler and the tests' own SQL reach it. */
interface TestDatabase {
	/** What the handler runs on. */
	sql: SqlDatabase;
	/** One statement in a transaction of its own, as the superuser. */
	query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
	close(): Promise<void>;
}

async function openPglite(): Promise<TestDatabase> {
	const supabaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-auth-'));
	fs.mkdirSync(path.join(supabaseDir, 'embedded'));
	fs.copyFileSync(
		path.resolve('supabase/embedded/supabase_shim.sql'),
		path.join(supabaseDir, 'embedded', 'supabase_shim.sql')
	);
	try {
		const db = await createTestDatabase({ seed: false, supabaseDir });
		return {
			sql: db,
			query: (text, params) => db.query(text, params),
			close: () => db.close()
		};
	} finally {
		fs.rmSync(supabaseDir, { recursive: true, force: true });
	}
}

async function openPostgres15(serverUrl: string): Promise<TestDatabase> {
	const name = `auth_spec_${process.pid}`;
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const server = new pg.Client({ connectionString: serverUrl });
	await server.connect();
	await server.query(`drop database if exists ${name}`);
	await server.query(`create database ${name}`);
	execFileSync(
		'bash',
		['scripts/pg15.sh', 'apply', url.toString(), 'supabase/embedded/supabase_shim.sql'],
		{ stdio: 'inherit' }
	);
	const db = openPostgresDatabase(url.toString(), { max: 4 });
	return {
		sql: db,
		query: (text, params) => db.transaction((tx) => tx.query(text, params)),
		async close() {
			await db.close();
			await server.query(`drop database if exists ${name} with (force)`);
			await server.end();
		}
	};
}

// TEST_ENGINES=postgres15 (scripts/test.sh's PostgreSQL step): PostgreSQL 15 alone, the
// vitest step has run this on PGlite
const engines: { name: string; open: () => Promise<TestDatabase> }[] = chosenEngines([
	{ name: 'pglite', open: openPglite },
	...(process.env.TEST_PG_URL
		? [{ name: 'postgres15', open: () => openPostgres15(process.env.TEST_PG_URL!) }]
		: [])
]);

let db: TestDatabase;
let embeddedFetch: typeof fetch;
/** The same database, with GoTrue's refresh token reuse interval set to 0 s. */
let strictFetch: typeof fetch;
let anonKey: string;
let serviceRoleKey: string;
let admin: SupabaseClient['auth']['admin'];

/** Another handler on the same database, with other settings. */
const fetchWith = (options: Omit<EmbeddedFetchOptions, 'jwtSecret'>) =>
	createEmbeddedFetch(db.sql, { jwtSecret: SECRET, ...options });

function client(key = anonKey, fetchImpl = embeddedFetch): SupabaseClient {
	return createClient(EMBEDDED_URL, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: fetchImpl },
		realtime: { transport: ws as never }
	});
}

async function createUser(email: string, confirmed = true): Promise<string> {
	const { data, error } = await admin.createUser({
		email,
		password: PASSWORD,
		email_confirm: confirmed
	});
	expect(error).toBeNull();
	return data.user!.id;
}

async function signIn(email: string, fetchImpl = embeddedFetch, password = PASSWORD) {
	const auth = client(anonKey, fetchImpl).auth;
	const { data, error } = await auth.signInWithPassword({ email, password });
	expect(error).toBeNull();
	return { auth, session: data.session! };
}

/** A raw request to the Auth handler, with the headers auth-js sends unless told otherwise. */
function authRequest(
	method: string,
	route: string,
	{
		body,
		token,
		versioned = true,
		fetchImpl = embeddedFetch
	}: { body?: unknown; token?: string; versioned?: boolean; fetchImpl?: typeof fetch } = {}
): Promise<Response> {
	const headers: Record<string, string> = { apikey: anonKey };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (token) headers.authorization = `Bearer ${token}`;
	if (versioned) headers['x-supabase-api-version'] = '2024-01-01';
	return fetchImpl(`${EMBEDDED_URL}/auth/v1${route}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** Moves a column of a row back in time, as if that many seconds had passed. */
async function age(table: string, column: string, id: string, seconds: number): Promise<void> {
	await db.query(
		`update ${table} set ${column} = ${column} - $2::float8 * interval '1 second' where id = $1`,
		[id, seconds]
	);
}

const sessionOf = (accessToken: string) => decodeJwt(accessToken).session_id as string;

for (const engine of engines) {
	describe(engine.name, () => {
		beforeAll(async () => {
			db = await engine.open();
			embeddedFetch = createEmbeddedFetch(db.sql, { jwtSecret: SECRET });
			strictFetch = createEmbeddedFetch(db.sql, {
				jwtSecret: SECRET,
				refreshTokenReuseInterval: 0
			});
			({ anonKey, serviceRoleKey } = await createKeys(SECRET));
			admin = client(serviceRoleKey).auth.admin;
		});

		afterAll(async () => {
			await db?.close();
		});

		authSuite();
	});
}

function authSuite(): void {
	describe('admin users', () => {
		it('creates a user in GoTrue’s shape, with a bcrypt password', async () => {
			const { data, error } = await admin.createUser({
				email: ' Ada@Example.TEST ',
				password: PASSWORD,
				email_confirm: true,
				user_metadata: { name: 'Ada' },
				app_metadata: { organisation: 'Stadtteilbüro Nord' }
			});
			expect(error).toBeNull();
			expect(data.user).toMatchObject({
				aud: 'authenticated',
				role: 'authenticated',
				email: 'ada@example.test',
				phone: '',
				app_metadata: {
					provider: 'email',
					providers: ['email'],
					organisation: 'Stadtteilbüro Nord'
				},
				user_metadata: { name: 'Ada' },
				is_anonymous: false
			});
			expect(data.user!.email_confirmed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
			expect(data.user!.identities).toHaveLength(1);
			expect(data.user!.identities![0]).toMatchObject({
				provider: 'email',
				user_id: data.user!.id
			});
			const { rows } = await db.query<{ encrypted_password: string }>(
				'select encrypted_password from auth.users where id = $1',
				[data.user!.id]
			);
			expect(rows[0].encrypted_password).toMatch(/^\$2a\$10\$/);
		});

		it('refuses a second user with the same email: 422 email_exists', async () => {
			await createUser('twice@example.test');
			const { error } = await admin.createUser({ email: 'Twice@example.test', password: PASSWORD });
			expect(error).toMatchObject({ status: 422, code: 'email_exists' });
			expect(error?.message).toBe('A user with this email address has already been registered');
		});

		it('refuses a short password: 422 weak_password', async () => {
			const { error } = await admin.createUser({ email: 'weak@example.test', password: '12345' });
			expect(error).toMatchObject({
				status: 422,
				code: 'weak_password',
				name: 'AuthWeakPasswordError'
			});
		});

		it('refuses the anon key: 403 not_admin', async () => {
			const { error } = await client(anonKey).auth.admin.createUser({
				email: 'sneaky@example.test',
				password: PASSWORD
			});
			expect(error).toMatchObject({ status: 403, code: 'not_admin', message: 'User not allowed' });
		});

		it('refuses attributes it does not support, clearly', async () => {
			const { error } = await admin.createUser({
				email: 'phone@example.test',
				phone: '+491701234567'
			});
			expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
			expect(error?.message).toContain('does not support these user attributes: phone');
		});

		it('gets and deletes a user by id', async () => {
			const id = await createUser('gone@example.test');
			expect((await admin.getUserById(id)).data.user?.email).toBe('gone@example.test');
			expect((await admin.deleteUser(id)).error).toBeNull();
			const { error } = await admin.getUserById(id);
			expect(error).toMatchObject({ status: 404, code: 'user_not_found' });
		});
	});

	describe('sign in with password', () => {
		it('answers a session and an HS256 access token with Supabase’s claims', async () => {
			const id = await createUser('grace@example.test');
			const { session } = await signIn('grace@example.test');
			expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
			expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
			expect(session.user).toMatchObject({ id, email: 'grace@example.test' });
			expect(session.user.last_sign_in_at).toBeTruthy();
			const claims = decodeJwt(session.access_token);
			expect(claims).toMatchObject({
				sub: id,
				role: 'authenticated',
				aud: 'authenticated',
				email: 'grace@example.test',
				app_metadata: { provider: 'email', providers: ['email'] },
				user_metadata: {}
			});
			expect(claims.exp! - claims.iat!).toBe(3600);
			expect(typeof claims.session_id).toBe('string');
		});

		it('answers a wrong password or an unknown email with 400 invalid_credentials', async () => {
			await createUser('wrong@example.test');
			const auth = client().auth;
			for (const email of ['wrong@example.test', 'nobody@example.test']) {
				const { data, error } = await auth.signInWithPassword({ email, password: 'not it at all' });
				expect(data.session).toBeNull();
				expect(error).toMatchObject({
					status: 400,
					code: 'invalid_credentials',
					message: 'Invalid login credentials'
				});
			}
		});

		it('answers an unconfirmed email with 400 email_not_confirmed', async () => {
			await createUser('unconfirmed@example.test', false);
			const { error } = await client().auth.signInWithPassword({
				email: 'unconfirmed@example.test',
				password: PASSWORD
			});
			expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
		});

		it('answers clients without the API version header with GoTrue’s older body', async () => {
			const response = await embeddedFetch(`${EMBEDDED_URL}/auth/v1/token?grant_type=password`, {
				method: 'POST',
				headers: { apikey: anonKey, 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'nobody@example.test', password: 'x' })
			});
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual({
				code: 400,
				error_code: 'invalid_credentials',
				msg: 'Invalid login credentials'
			});
		});
	});

	describe('the signed-in user', () => {
		it('getUser() and getClaims() verify the access token', async () => {
			const id = await createUser('verify@example.test');
			const { session } = await signIn('verify@example.test');
			const auth = client().auth;
			const user = await auth.getUser(session.access_token);
			expect(user.error).toBeNull();
			expect(user.data.user).toMatchObject({ id, email: 'verify@example.test' });
			// HS256: auth-js falls back to GET /user to verify the token.
			const claims = await auth.getClaims(session.access_token);
			expect(claims.error).toBeNull();
			expect(claims.data?.claims).toMatchObject({ sub: id, role: 'authenticated' });
		});

		it('refuses a forged or expired token: 403 bad_jwt', async () => {
			const forged = await signJwt(
				{ sub: crypto.randomUUID(), role: 'authenticated' },
				'not-the-secret-but-long-enough-for-hs256-use',
				{ expiresIn: 3600 }
			);
			const auth = client().auth;
			expect((await auth.getUser(forged)).error).toMatchObject({ status: 403, code: 'bad_jwt' });
			const expired = await signJwt(
				{ sub: crypto.randomUUID(), role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 1 },
				SECRET
			);
			expect((await auth.getUser(expired)).error).toMatchObject({ status: 403, code: 'bad_jwt' });
			expect((await auth.getClaims(forged)).error).toBeTruthy();
		});

		it('publishes no asymmetric keys', async () => {
			const response = await embeddedFetch(`${EMBEDDED_URL}/auth/v1/.well-known/jwks.json`);
			expect(await response.json()).toEqual({ keys: [] });
		});
	});

	describe('refresh tokens', () => {
		it('rotates the refresh token', async () => {
			await createUser('rotate@example.test');
			const { session } = await signIn('rotate@example.test');
			const { data, error } = await client().auth.refreshSession({
				refresh_token: session.refresh_token
			});
			expect(error).toBeNull();
			expect(data.session!.refresh_token).not.toBe(session.refresh_token);
			expect(decodeJwt(data.session!.access_token).session_id).toBe(
				decodeJwt(session.access_token).session_id
			);
			const { rows } = await db.query<{ revoked: boolean }>(
				'select revoked from auth.refresh_tokens where token = $1',
				[session.refresh_token]
			);
			expect(rows[0].revoked).toBe(true);
		});

		it('hands back the active token when its parent is presented again (GoTrue’s rule)', async () => {
			await createUser('lost-answer@example.test');
			const { session } = await signIn('lost-answer@example.test', strictFetch);
			const auth = client(anonKey, strictFetch).auth;
			const first = await auth.refreshSession({ refresh_token: session.refresh_token });
			const again = await auth.refreshSession({ refresh_token: session.refresh_token });
			expect(again.error).toBeNull();
			expect(again.data.session!.refresh_token).toBe(first.data.session!.refresh_token);
		});

		it('refuses an older revoked token with 400 refresh_token_already_used and ends the session', async () => {
			await createUser('reuse@example.test');
			const { session } = await signIn('reuse@example.test', strictFetch);
			const auth = client(anonKey, strictFetch).auth;
			const second = await auth.refreshSession({ refresh_token: session.refresh_token });
			const third = await auth.refreshSession({
				refresh_token: second.data.session!.refresh_token
			});
			expect(third.error).toBeNull();
			const reused = await auth.refreshSession({ refresh_token: session.refresh_token });
			expect(reused.error).toMatchObject({
				status: 400,
				code: 'refresh_token_already_used',
				message: 'Invalid Refresh Token: Already Used'
			});
			// The whole family is revoked: the token that was still active is dead too.
			const active = await auth.refreshSession({
				refresh_token: third.data.session!.refresh_token
			});
			expect(active.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
		});

		it('allows reuse within the reuse interval (Supabase default 10 s)', async () => {
			await createUser('concurrent@example.test');
			const { session } = await signIn('concurrent@example.test');
			const auth = client().auth;
			const second = await auth.refreshSession({ refresh_token: session.refresh_token });
			await auth.refreshSession({ refresh_token: second.data.session!.refresh_token });
			const reused = await auth.refreshSession({ refresh_token: session.refresh_token });
			expect(reused.error).toBeNull();
		});

		it('answers an unknown token with 400 refresh_token_not_found', async () => {
			const { error } = await client().auth.refreshSession({ refresh_token: 'no-such-token' });
			expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
		});
	});

	describe('sign out', () => {
		it('ends the session: its refresh token and access token stop working', async () => {
			await createUser('leaving@example.test');
			const { auth, session } = await signIn('leaving@example.test');
			expect((await auth.signOut({ scope: 'local' })).error).toBeNull();
			const refreshed = await client().auth.refreshSession({
				refresh_token: session.refresh_token
			});
			expect(refreshed.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
			const user = await client().auth.getUser(session.access_token);
			// GoTrue: 403 session_not_found, which auth-js reports as a missing session.
			expect(user.error?.name).toBe('AuthSessionMissingError');
		});

		it('with the global scope, ends every session of the user', async () => {
			await createUser('everywhere@example.test');
			const one = await signIn('everywhere@example.test');
			const two = await signIn('everywhere@example.test');
			expect((await one.auth.signOut()).error).toBeNull();
			const refreshed = await client().auth.refreshSession({
				refresh_token: two.session.refresh_token
			});
			expect(refreshed.error).toMatchObject({ code: 'refresh_token_not_found' });
		});
	});

	describe('what it does not support', () => {
		it('answers other endpoints with 404 and says what it serves', async () => {
			const { error } = await client().auth.signUp({
				email: 'new@example.test',
				password: PASSWORD
			});
			expect(error).toMatchObject({ status: 404, code: 'not_found' });
			expect(error?.message).toContain('does not support POST /auth/v1/signup');
		});

		it('answers other grant types with GoTrue’s OAuth error body', async () => {
			const response = await embeddedFetch(`${EMBEDDED_URL}/auth/v1/token?grant_type=pkce`, {
				method: 'POST',
				headers: { apikey: anonKey, 'content-type': 'application/json' },
				body: '{}'
			});
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
		});
	});

	describe('invite links (admin generate_link, then verify)', () => {
		it('invites a new address: GoTrue’s link properties and an unconfirmed, invited user', async () => {
			const { data, error } = await admin.generateLink({
				type: 'invite',
				email: ' Invitee@Example.TEST ',
				options: { data: { name: 'Ines' }, redirectTo: 'https://portal.example/staff/welcome' }
			});
			expect(error).toBeNull();
			const { properties, user } = data;
			expect(properties).toMatchObject({
				verification_type: 'invite',
				redirect_to: 'https://portal.example/staff/welcome'
			});
			expect(properties!.email_otp).toMatch(/^\d{6}$/);
			// GoTrue's token hash: hex(sha224(email + otp)).
			expect(properties!.hashed_token).toBe(
				createHash('sha224').update(`invitee@example.test${properties!.email_otp}`).digest('hex')
			);
			expect(properties!.action_link).toBe(
				`${EMBEDDED_URL}/auth/v1/verify?token=${properties!.hashed_token}&type=invite` +
					'&redirect_to=https://portal.example/staff/welcome'
			);
			expect(user).toMatchObject({
				email: 'invitee@example.test',
				user_metadata: { name: 'Ines' },
				app_metadata: { provider: 'email', providers: ['email'] }
			});
			expect(user!.invited_at).toMatch(/^\d{4}-\d\d-\d\dT/);
			expect(user!.confirmation_sent_at).toBe(user!.invited_at);
			expect(user!.email_confirmed_at).toBeUndefined();
			expect(user!.identities).toHaveLength(1);
			// Only the hash is stored; there is no password yet.
			const { rows } = await db.query<{
				confirmation_token: string;
				encrypted_password: string;
			}>('select confirmation_token, encrypted_password from auth.users where id = $1', [user!.id]);
			expect(rows[0]).toEqual({
				confirmation_token: properties!.hashed_token,
				encrypted_password: ''
			});
		});

		it('redeems the link once for a session; the invited user sets a password and signs in with it', async () => {
			const { data } = await admin.generateLink({ type: 'invite', email: 'newstaff@example.test' });
			const tokenHash = data.properties!.hashed_token;
			const auth = client().auth;
			const verified = await auth.verifyOtp({ type: 'invite', token_hash: tokenHash });
			expect(verified.error).toBeNull();
			const session = verified.data.session!;
			expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
			expect(decodeJwt(session.access_token)).toMatchObject({
				sub: data.user!.id,
				amr: [{ method: 'otp' }]
			});
			expect(verified.data.user!.email_confirmed_at).toMatch(/^\d{4}-/);
			expect(verified.data.user!.user_metadata).toMatchObject({ email_verified: true });
			expect(verified.data.user!.identities![0].identity_data).toMatchObject({
				email_verified: true
			});
			expect(verified.data.user!.last_sign_in_at).toBeTruthy();

			// One time only.
			const again = await client().auth.verifyOtp({ type: 'invite', token_hash: tokenHash });
			expect(again.error).toMatchObject({
				status: 403,
				code: 'otp_expired',
				message: 'Email link is invalid or has expired'
			});

			// No password yet: nothing signs in with one.
			const before = await client().auth.signInWithPassword({
				email: 'newstaff@example.test',
				password: ''
			});
			expect(before.error).toBeTruthy();
			const updated = await auth.updateUser({ password: NEW_PASSWORD });
			expect(updated.error).toBeNull();
			expect(updated.data.user).toMatchObject({
				id: data.user!.id,
				email: 'newstaff@example.test'
			});
			await signIn('newstaff@example.test', embeddedFetch, NEW_PASSWORD);
		});

		it('re-invites an address that has not confirmed yet: the new link replaces the old', async () => {
			const first = await admin.generateLink({ type: 'invite', email: 'again@example.test' });
			const second = await admin.generateLink({ type: 'invite', email: 'again@example.test' });
			expect(second.error).toBeNull();
			expect(second.data.user!.id).toBe(first.data.user!.id);
			const old = await client().auth.verifyOtp({
				type: 'invite',
				token_hash: first.data.properties!.hashed_token
			});
			expect(old.error).toMatchObject({ status: 403, code: 'otp_expired' });
			const fresh = await client().auth.verifyOtp({
				type: 'invite',
				token_hash: second.data.properties!.hashed_token
			});
			expect(fresh.error).toBeNull();
		});

		it('refuses to invite an address that is already confirmed: 422 email_exists', async () => {
			await createUser('member@example.test');
			const { data, error } = await admin.generateLink({
				type: 'invite',
				email: 'Member@example.test'
			});
			expect(data.properties).toBeNull();
			expect(error).toMatchObject({
				status: 422,
				code: 'email_exists',
				message: 'A user with this email address has already been registered'
			});
		});

		it('expires: a link older than the link lifetime is refused with 403 otp_expired', async () => {
			const { data } = await admin.generateLink({ type: 'invite', email: 'late@example.test' });
			await age('auth.users', 'confirmation_sent_at', data.user!.id, 2);
			// Two seconds are past a one-second lifetime, not the default day's.
			const shortLived = client(anonKey, fetchWith({ linkLifetime: 1 })).auth;
			const late = await shortLived.verifyOtp({
				type: 'invite',
				token_hash: data.properties!.hashed_token
			});
			expect(late.error).toMatchObject({
				status: 403,
				code: 'otp_expired',
				message: 'Email link is invalid or has expired'
			});
			const inTime = await client().auth.verifyOtp({
				type: 'invite',
				token_hash: data.properties!.hashed_token
			});
			expect(inTime.error).toBeNull();
		});

		it('accepts type email for an invite link, as GoTrue does', async () => {
			const { data } = await admin.generateLink({ type: 'invite', email: 'either@example.test' });
			const { error } = await client().auth.verifyOtp({
				type: 'email',
				token_hash: data.properties!.hashed_token
			});
			expect(error).toBeNull();
		});

		it('refuses a link of the other kind: an invite token is not a recovery token', async () => {
			const { data } = await admin.generateLink({ type: 'invite', email: 'kinds@example.test' });
			const { error } = await client().auth.verifyOtp({
				type: 'recovery',
				token_hash: data.properties!.hashed_token
			});
			expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
		});
	});

	describe('recovery links', () => {
		it('needs an existing user: 404 user_not_found', async () => {
			const { error } = await admin.generateLink({
				type: 'recovery',
				email: 'stranger@example.test'
			});
			expect(error).toMatchObject({
				status: 404,
				code: 'user_not_found',
				message: 'User with this email not found'
			});
		});

		it('signs in through the link; the new password ends the other sessions and the old password', async () => {
			const id = await createUser('forgetful@example.test');
			const elsewhere = await signIn('forgetful@example.test');
			const { data, error } = await admin.generateLink({
				type: 'recovery',
				email: 'forgetful@example.test'
			});
			expect(error).toBeNull();
			expect(data.properties).toMatchObject({ verification_type: 'recovery', redirect_to: '' });
			expect(data.user).toMatchObject({ id });
			expect(data.user!.recovery_sent_at).toMatch(/^\d{4}-/);
			const { rows } = await db.query<{ recovery_token: string }>(
				'select recovery_token from auth.users where id = $1',
				[id]
			);
			expect(rows[0].recovery_token).toBe(data.properties!.hashed_token);

			const auth = client().auth;
			const verified = await auth.verifyOtp({
				type: 'recovery',
				token_hash: data.properties!.hashed_token
			});
			expect(verified.error).toBeNull();
			// GoTrue keeps recovery_sent_at when the link is used, and clears the token.
			const { rows: used } = await db.query<{ recovery_token: string; sent: boolean }>(
				'select recovery_token, recovery_sent_at is not null as sent from auth.users where id = $1',
				[id]
			);
			expect(used[0]).toEqual({ recovery_token: '', sent: true });

			expect((await auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull();
			const { rows: after } = await db.query<{ sent: boolean }>(
				'select recovery_sent_at is not null as sent from auth.users where id = $1',
				[id]
			);
			expect(after[0].sent).toBe(false);
			// The session of the link stays; the one signed in elsewhere is gone.
			expect((await auth.getUser()).error).toBeNull();
			const other = await client().auth.refreshSession({
				refresh_token: elsewhere.session.refresh_token
			});
			expect(other.error).toMatchObject({ code: 'refresh_token_not_found' });
			const old = await client().auth.signInWithPassword({
				email: 'forgetful@example.test',
				password: PASSWORD
			});
			expect(old.error).toMatchObject({ code: 'invalid_credentials' });
			await signIn('forgetful@example.test', embeddedFetch, NEW_PASSWORD);
		});

		it('confirms an unconfirmed address, as the link proves it', async () => {
			await createUser('unsure@example.test', false);
			const { data } = await admin.generateLink({ type: 'recovery', email: 'unsure@example.test' });
			const { data: verified } = await client().auth.verifyOtp({
				type: 'recovery',
				token_hash: data.properties!.hashed_token
			});
			expect(verified.user!.email_confirmed_at).toMatch(/^\d{4}-/);
		});

		it('accepts the 6-digit code with the address instead of the link', async () => {
			await createUser('code@example.test');
			const { data } = await admin.generateLink({ type: 'recovery', email: 'code@example.test' });
			const wrong = await client().auth.verifyOtp({
				type: 'recovery',
				email: 'code@example.test',
				token: data.properties!.email_otp === '000000' ? '000001' : '000000'
			});
			expect(wrong.error).toMatchObject({
				status: 403,
				code: 'otp_expired',
				message: 'Token has expired or is invalid'
			});
			const right = await client().auth.verifyOtp({
				type: 'recovery',
				email: 'Code@Example.test',
				token: data.properties!.email_otp
			});
			expect(right.error).toBeNull();
			expect(right.data.session).toBeTruthy();
		});

		it('accepts type magiclink for a recovery link, and the newest link only', async () => {
			await createUser('twolinks@example.test');
			const first = await admin.generateLink({ type: 'recovery', email: 'twolinks@example.test' });
			const second = await admin.generateLink({ type: 'recovery', email: 'twolinks@example.test' });
			const auth = client().auth;
			const old = await auth.verifyOtp({
				type: 'magiclink',
				token_hash: first.data.properties!.hashed_token
			});
			expect(old.error).toMatchObject({ status: 403, code: 'otp_expired' });
			const fresh = await auth.verifyOtp({
				type: 'magiclink',
				token_hash: second.data.properties!.hashed_token
			});
			expect(fresh.error).toBeNull();
		});
	});

	describe('generate_link and verify refuse', () => {
		it('the anon key and a user’s token: 403 not_admin', async () => {
			const { error } = await client(anonKey).auth.admin.generateLink({
				type: 'invite',
				email: 'sneaky@example.test'
			});
			expect(error).toMatchObject({ status: 403, code: 'not_admin' });
			await createUser('notadmin@example.test');
			const { session } = await signIn('notadmin@example.test');
			const response = await authRequest('POST', '/admin/generate_link', {
				token: session.access_token,
				body: { type: 'invite', email: 'sneaky@example.test' }
			});
			expect(response.status).toBe(403);
			expect(await response.json()).toMatchObject({ code: 'not_admin' });
			const { rows } = await db.query(
				"select 1 from auth.users where email = 'sneaky@example.test'"
			);
			expect(rows).toHaveLength(0);
		});

		it('other link types, clearly: 400 validation_failed', async () => {
			const { error } = await admin.generateLink({
				type: 'magiclink',
				email: 'magic@example.test'
			});
			expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
			expect(error?.message).toContain('generates invite and recovery links only, not magiclink');
			const response = await authRequest('POST', '/admin/generate_link', {
				token: serviceRoleKey,
				body: { type: 'nonsense', email: 'magic@example.test' }
			});
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({
				code: 'validation_failed',
				message: 'Invalid email action link type requested: nonsense'
			});
			const inherited = await authRequest('POST', '/admin/generate_link', {
				token: serviceRoleKey,
				body: { type: 'toString', email: 'magic@example.test' }
			});
			expect(inherited.status).toBe(400);
		});

		it('an unknown token, in GoTrue’s older body without the version header', async () => {
			const response = await authRequest('POST', '/verify', {
				versioned: false,
				body: { type: 'invite', token_hash: 'f'.repeat(56) }
			});
			expect(response.status).toBe(403);
			expect(await response.json()).toEqual({
				code: 403,
				error_code: 'otp_expired',
				msg: 'Email link is invalid or has expired'
			});
		});

		it('malformed verify requests: 400 validation_failed', async () => {
			for (const body of [
				{ token_hash: 'abc' },
				{ type: 'invite' },
				{ type: 'invite', token_hash: 'abc', token: '123456', email: 'a@example.test' },
				{ type: 'sms', token_hash: 'abc' },
				{ type: 'constructor', token_hash: 'abc' }
			]) {
				const response = await authRequest('POST', '/verify', { body });
				expect(response.status).toBe(400);
				expect(await response.json()).toMatchObject({ code: 'validation_failed' });
			}
		});

		it('GET /verify (the action link, meant for a browser): 404 not_found', async () => {
			const { data } = await admin.generateLink({ type: 'invite', email: 'browser@example.test' });
			const response = await embeddedFetch(data.properties!.action_link, {
				headers: { apikey: anonKey }
			});
			expect(response.status).toBe(404);
			expect((await response.json()).msg).toContain('does not support GET /auth/v1/verify');
			// The link still works where it is meant to be redeemed.
			const { error } = await client().auth.verifyOtp({
				type: 'invite',
				token_hash: data.properties!.hashed_token
			});
			expect(error).toBeNull();
		});
	});

	describe('updating the signed-in user (PUT /user)', () => {
		it('refuses the password the user has: 422 same_password', async () => {
			await createUser('same@example.test');
			const { auth } = await signIn('same@example.test');
			await auth.setSession;
			const { error } = await updateAs('same@example.test', { password: PASSWORD });
			expect(error).toMatchObject({
				status: 422,
				code: 'same_password',
				message: 'New password should be different from the old password.'
			});
		});

		it('refuses a short password: 422 weak_password', async () => {
			await createUser('short@example.test');
			const { error } = await updateAs('short@example.test', { password: '12345' });
			expect(error).toMatchObject({ status: 422, code: 'weak_password' });
		});

		it('merges data into user_metadata; null removes a key', async () => {
			await createUser('meta@example.test');
			const first = await updateAs('meta@example.test', { data: { name: 'Meta', team: 'Nord' } });
			expect(first.error).toBeNull();
			expect(first.data.user!.user_metadata).toEqual({ name: 'Meta', team: 'Nord' });
			const second = await updateAs('meta@example.test', { data: { team: null, room: 3 } });
			expect(second.data.user!.user_metadata).toEqual({ name: 'Meta', room: 3 });
			// The password stays.
			await signIn('meta@example.test');
		});

		it('refuses app_metadata (403 not_admin) and email changes (400)', async () => {
			await createUser('change@example.test');
			const { session } = await signIn('change@example.test');
			const appData = await authRequest('PUT', '/user', {
				token: session.access_token,
				body: { app_metadata: { role: 'admin' } }
			});
			expect(appData.status).toBe(403);
			expect(await appData.json()).toMatchObject({ code: 'not_admin' });
			const email = await authRequest('PUT', '/user', {
				token: session.access_token,
				body: { email: 'other@example.test' }
			});
			expect(email.status).toBe(400);
			expect((await email.json()).message).toBe(
				"The embedded Supabase Auth does not change a user's email"
			);
		});

		it('needs a token: 401 no_authorization', async () => {
			const response = await authRequest('PUT', '/user', { body: { password: NEW_PASSWORD } });
			expect(response.status).toBe(401);
			expect(await response.json()).toMatchObject({ code: 'no_authorization' });
		});
	});

	describe('session limits', () => {
		it('timebox: past it, refresh answers 400 session_expired and GET /user 403 session_expired', async () => {
			const limited = fetchWith({ sessionTimebox: 60, sessionInactivityTimeout: 0 });
			await createUser('timebox@example.test');
			const { session } = await signIn('timebox@example.test', limited);
			const auth = client(anonKey, limited).auth;
			expect((await auth.getUser(session.access_token)).error).toBeNull();
			await age('auth.sessions', 'created_at', sessionOf(session.access_token), 61);

			const refreshed = await auth.refreshSession({ refresh_token: session.refresh_token });
			expect(refreshed.error).toMatchObject({
				status: 400,
				code: 'session_expired',
				message: 'Invalid Refresh Token: Session Expired'
			});
			const user = await auth.getUser(session.access_token);
			expect(user.error).toMatchObject({
				status: 403,
				code: 'session_expired',
				message: 'Session is no longer valid'
			});
			// 0 is no limit: the same session lives on for a handler without one.
			const unlimited = client(
				anonKey,
				fetchWith({ sessionTimebox: 0, sessionInactivityTimeout: 0 })
			).auth;
			expect((await unlimited.getUser(session.access_token)).error).toBeNull();
			// An ended session can still sign out.
			const signOut = await authRequest('POST', '/logout?scope=local', {
				token: session.access_token,
				fetchImpl: limited
			});
			expect(signOut.status).toBe(204);
		});

		it('inactivity: counted from the last refresh', async () => {
			const limited = fetchWith({ sessionTimebox: 0, sessionInactivityTimeout: 60 });
			await createUser('idle@example.test');
			const { session } = await signIn('idle@example.test', limited);
			const auth = client(anonKey, limited).auth;
			const id = sessionOf(session.access_token);
			// Signed in long ago, but refreshed 30 s ago: alive.
			await age('auth.sessions', 'created_at', id, 3600);
			await age(
				'auth.refresh_tokens',
				'updated_at',
				(await tokenRow(session.refresh_token)).id,
				30
			);
			const second = await auth.refreshSession({ refresh_token: session.refresh_token });
			expect(second.error).toBeNull();
			// Then 61 s without a refresh: ended.
			await age('auth.sessions', 'refreshed_at', id, 61);
			const third = await auth.refreshSession({
				refresh_token: second.data.session!.refresh_token
			});
			expect(third.error).toMatchObject({
				status: 400,
				code: 'session_expired',
				message: 'Invalid Refresh Token: Session Expired (Inactivity)'
			});
			const user = await auth.getUser(second.data.session!.access_token);
			expect(user.error).toMatchObject({ status: 403, code: 'session_expired' });
		});

		it('a signed-out session: GET /user answers 403 session_not_found', async () => {
			await createUser('gone-session@example.test');
			const { auth, session } = await signIn('gone-session@example.test');
			expect((await auth.signOut({ scope: 'local' })).error).toBeNull();
			const response = await authRequest('GET', '/user', { token: session.access_token });
			expect(response.status).toBe(403);
			expect(await response.json()).toEqual({
				code: 'session_not_found',
				message: 'Session from session_id claim in JWT does not exist'
			});
			const update = await authRequest('PUT', '/user', {
				token: session.access_token,
				body: { data: { x: 1 } }
			});
			expect(update.status).toBe(403);
		});
	});
}

/** PUT /user as that user (signed in with PASSWORD), through supabase-js. */
async function updateAs(
	email: string,
	attributes: Parameters<SupabaseClient['auth']['updateUser']>[0]
) {
	const { auth } = await signIn(email);
	return auth.updateUser(attributes);
}

async function tokenRow(token: string): Promise<{ id: string }> {
	const { rows } = await db.query<{ id: string }>(
		'select id::text from auth.refresh_tokens where token = $1',
		[token]
	);
	return rows[0];
}

describe('session limits from the environment', () => {
	it('defaults to 12 h and 2 h; 0 turns a limit off', () => {
		expect(sessionLimitsFromEnv({})).toEqual({
			sessionTimebox: 43_200,
			sessionInactivityTimeout: 7_200
		});
		expect(
			sessionLimitsFromEnv({ AUTH_SESSION_TIMEBOX: '28800', AUTH_SESSION_INACTIVITY_TIMEOUT: '0' })
		).toEqual({ sessionTimebox: 28_800, sessionInactivityTimeout: 0 });
	});

	it('refuses what is not a whole number of seconds, naming the variable', () => {
		for (const value of ['12h', '-1', '1.5', 'soon']) {
			expect(() => sessionLimitsFromEnv({ AUTH_SESSION_TIMEBOX: value })).toThrow(
				`AUTH_SESSION_TIMEBOX must be a whole number of seconds (0: no limit; default 43200), not "${value}"`
			);
		}
		expect(() => sessionLimitsFromEnv({ AUTH_SESSION_INACTIVITY_TIMEOUT: '2h' })).toThrow(
			/^AUTH_SESSION_INACTIVITY_TIMEOUT must be a whole number of seconds/
		);
	});

	it('refuses an inactivity timeout shorter than the access token lifetime', () => {
		expect(() => sessionLimitsFromEnv({ AUTH_SESSION_INACTIVITY_TIMEOUT: '1800' })).toThrow(
			/at least the access token lifetime, 3600 s, not 1800/
		);
	});

	it('fails the start of the embedded Supabase, before it opens the database', async () => {
		const saved = process.env.AUTH_SESSION_TIMEBOX;
		process.env.AUTH_SESSION_TIMEBOX = 'twelve hours';
		try {
			await expect(startEmbeddedSupabase({ dataDir: 'memory' })).rejects.toThrow(
				/^AUTH_SESSION_TIMEBOX must be a whole number of seconds/
			);
		} finally {
			if (saved === undefined) delete process.env.AUTH_SESSION_TIMEBOX;
			else process.env.AUTH_SESSION_TIMEBOX = saved;
		}
	});
});
