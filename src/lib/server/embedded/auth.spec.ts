/**
 * The Supabase Auth subset, driven through supabase-js. Codes and statuses are GoTrue's
 * (supabase.com/docs/guides/auth/debugging/error-codes): invalid_credentials 400,
 * email_exists 422, weak_password 422, refresh_token_already_used 400, not_admin 403, ...
 */
import type { PGlite } from '@electric-sql/pglite';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './database';
import { createEmbeddedFetch, EMBEDDED_URL } from './fetch';
import { createKeys, signJwt } from './jwt';

const SECRET = 'another-test-secret-at-least-32-characters-long';
const PASSWORD = 'correct horse battery';

let supabaseDir: string;
let db: PGlite;
let embeddedFetch: typeof fetch;
/** The same database, with GoTrue's refresh token reuse interval set to 0 s. */
let strictFetch: typeof fetch;
let anonKey: string;
let serviceRoleKey: string;
let admin: SupabaseClient['auth']['admin'];

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

async function signIn(email: string, fetchImpl = embeddedFetch) {
	const auth = client(anonKey, fetchImpl).auth;
	const { data, error } = await auth.signInWithPassword({ email, password: PASSWORD });
	expect(error).toBeNull();
	return { auth, session: data.session! };
}

beforeAll(async () => {
	supabaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-auth-'));
	fs.mkdirSync(path.join(supabaseDir, 'embedded'));
	fs.copyFileSync(
		path.resolve('supabase/embedded/supabase_shim.sql'),
		path.join(supabaseDir, 'embedded', 'supabase_shim.sql')
	);
	db = await createTestDatabase({ seed: false, supabaseDir });
	embeddedFetch = createEmbeddedFetch(db, { jwtSecret: SECRET });
	strictFetch = createEmbeddedFetch(db, { jwtSecret: SECRET, refreshTokenReuseInterval: 0 });
	({ anonKey, serviceRoleKey } = await createKeys(SECRET));
	admin = client(serviceRoleKey).auth.admin;
});

afterAll(async () => {
	await db?.close();
	if (supabaseDir) fs.rmSync(supabaseDir, { recursive: true, force: true });
});

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
		expect(data.user!.identities![0]).toMatchObject({ provider: 'email', user_id: data.user!.id });
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
		const third = await auth.refreshSession({ refresh_token: second.data.session!.refresh_token });
		expect(third.error).toBeNull();
		const reused = await auth.refreshSession({ refresh_token: session.refresh_token });
		expect(reused.error).toMatchObject({
			status: 400,
			code: 'refresh_token_already_used',
			message: 'Invalid Refresh Token: Already Used'
		});
		// The whole family is revoked: the token that was still active is dead too.
		const active = await auth.refreshSession({ refresh_token: third.data.session!.refresh_token });
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
		const refreshed = await client().auth.refreshSession({ refresh_token: session.refresh_token });
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
		const { error } = await client().auth.signUp({ email: 'new@example.test', password: PASSWORD });
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
