/**
 * The subset of Supabase Auth (GoTrue) the portal uses, over `auth.users`, `auth.identities`,
 * `auth.sessions` and `auth.refresh_tokens` of the embedded database:
 *
 * - `POST /token?grant_type=password`       sign in with email and password (bcrypt in SQL)
 * - `POST /token?grant_type=refresh_token`  rotate the refresh token, with GoTrue's reuse rules
 * - `GET  /user`                            the user of the access token
 * - `POST /logout?scope=global|local|others` end sessions (204)
 * - `POST /admin/users`, `GET|DELETE /admin/users/<id>`  for the service_role key
 * - `GET  /.well-known/jwks.json`           no asymmetric keys: `{ "keys": [] }`
 *
 * Error bodies follow GoTrue: with the `X-Supabase-Api-Version: 2024-01-01` request header that
 * auth-js sends, `{ code, message }` and the header echoed back; without it, the older
 * `{ code: <status>, error_code, msg }`. Everything else is refused with a 404 that says so.
 */
import { randomBytes } from 'node:crypto';
import { JwtError, signJwt, verifyJwt, type JwtClaims } from './jwt';
import type { SqlDatabase, SqlTransaction as Transaction } from './sql';

/** Settings of the Auth handler. */
export interface AuthOptions {
	jwtSecret: string;
	/** `iss` of access tokens: `<project url>/auth/v1`, as GoTrue sets it. */
	issuer: string;
	/** Lifetime of access tokens in seconds (Supabase default: 3600). */
	accessTokenLifetime: number;
	/**
	 * Seconds during which a revoked refresh token may still be exchanged (GoTrue's
	 * `refresh_token_reuse_interval`, Supabase default 10). After it, reuse revokes the session.
	 */
	refreshTokenReuseInterval: number;
}

const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION = '2024-01-01';
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
/** Supabase's default minimum password length; bcrypt reads at most 72 bytes. */
const MIN_PASSWORD_LENGTH = 6;
const MAX_PASSWORD_BYTES = 72;
/** GoTrue hashes passwords with bcrypt's default cost. */
const BCRYPT_COST = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An error answered in GoTrue's shape. */
class AuthError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'AuthError';
	}
}

function versioned(request: Request): boolean {
	const version = request.headers.get(API_VERSION_HEADER);
	return version !== null && /^\d{4}-\d{2}-\d{2}$/.test(version) && version >= API_VERSION;
}

function json(request: Request, status: number, body: unknown): Response {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (versioned(request)) headers[API_VERSION_HEADER] = API_VERSION;
	return new Response(JSON.stringify(body), { status, headers });
}

function errorResponse(request: Request, error: AuthError): Response {
	const body = versioned(request)
		? { code: error.code, message: error.message, ...error.extra }
		: { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
	const response = json(request, error.status, body);
	response.headers.set('x-sb-error-code', error.code);
	return response;
}

function notSupported(method: string, path: string): AuthError {
	return new AuthError(
		404,
		'not_found',
		`The embedded Supabase Auth does not support ${method} /auth/v1${path}. It serves: ` +
			'POST /token (grant_type password or refresh_token), GET /user, POST /logout, ' +
			'POST /admin/users, GET and DELETE /admin/users/<id>. Set SUPABASE_URL for a real project.'
	);
}

// ---------------------------------------------------------------------------------------------
// Users in GoTrue's JSON shape

interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	phone: string | null;
	email_confirmed_at: Date | null;
	phone_confirmed_at: Date | null;
	confirmed_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	deleted_at: Date | null;
	is_anonymous: boolean;
}

interface IdentityRow {
	id: string;
	provider_id: string;
	user_id: string;
	identity_data: Record<string, unknown>;
	provider: string;
	last_sign_in_at: Date | null;
	created_at: Date | null;
	updated_at: Date | null;
	email: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : undefined);

async function loadUser(tx: Transaction, id: string): Promise<UserRow | undefined> {
	const { rows } = await tx.query<UserRow>('select * from auth.users where id = $1', [id]);
	return rows[0];
}

async function userJson(tx: Transaction, user: UserRow): Promise<Record<string, unknown>> {
	const { rows: identities } = await tx.query<IdentityRow>(
		'select * from auth.identities where user_id = $1 order by created_at, id',
		[user.id]
	);
	const body: Record<string, unknown> = {
		id: user.id,
		aud: user.aud ?? '',
		role: user.role ?? '',
		email: user.email ?? '',
		email_confirmed_at: iso(user.email_confirmed_at),
		phone: user.phone ?? '',
		phone_confirmed_at: iso(user.phone_confirmed_at),
		confirmed_at: iso(user.confirmed_at),
		last_sign_in_at: iso(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: identities.map((identity) => ({
			identity_id: identity.id,
			id: identity.provider_id,
			user_id: identity.user_id,
			identity_data: identity.identity_data,
			provider: identity.provider,
			last_sign_in_at: iso(identity.last_sign_in_at),
			created_at: iso(identity.created_at),
			updated_at: iso(identity.updated_at),
			email: identity.email ?? undefined
		})),
		created_at: iso(user.created_at),
		updated_at: iso(user.updated_at),
		banned_until: iso(user.banned_until),
		is_anonymous: user.is_anonymous
	};
	// GoTrue omits the empty timestamps (omitempty).
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	return body;
}

const isBanned = (user: UserRow) => user.banned_until !== null && user.banned_until > new Date();

// ---------------------------------------------------------------------------------------------
// Tokens and sessions

function newRefreshToken(): string {
	return randomBytes(18).toString('base64url');
}

async function accessToken(
	user: UserRow,
	sessionId: string,
	method: string,
	options: AuthOptions
): Promise<{ token: string; expiresAt: number }> {
	const iat = Math.floor(Date.now() / 1000);
	const expiresAt = iat + options.accessTokenLifetime;
	const claims: JwtClaims = {
		iss: options.issuer,
		sub: user.id,
		aud: user.aud || 'authenticated',
		exp: expiresAt,
		iat,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role || 'authenticated',
		aal: 'aal1',
		amr: [{ method, timestamp: iat }],
		session_id: sessionId,
		is_anonymous: user.is_anonymous
	};
	return { token: await signJwt(claims, options.jwtSecret), expiresAt };
}

async function sessionJson(
	tx: Transaction,
	user: UserRow,
	sessionId: string,
	refreshToken: string,
	method: string,
	options: AuthOptions
): Promise<Record<string, unknown>> {
	const { token, expiresAt } = await accessToken(user, sessionId, method, options);
	return {
		access_token: token,
		token_type: 'bearer',
		expires_in: options.accessTokenLifetime,
		expires_at: expiresAt,
		refresh_token: refreshToken,
		user: await userJson(tx, user)
	};
}

function bearer(request: Request): string {
	const header = request.headers.get('authorization');
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	if (!match) {
		throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
	}
	return match[1];
}

async function verified(request: Request, options: AuthOptions): Promise<JwtClaims> {
	try {
		return await verifyJwt(bearer(request), options.jwtSecret);
	} catch (error) {
		if (!(error instanceof JwtError)) throw error;
		const reason =
			error.reason === 'expired' ? 'token has invalid claims: token is expired' : error.message;
		throw new AuthError(
			403,
			'bad_jwt',
			`invalid JWT: unable to parse or verify signature, ${reason}`
		);
	}
}

/** The user (and session) of a user's access token, as GoTrue's requireAuthentication checks. */
async function authenticated(
	tx: Transaction,
	claims: JwtClaims
): Promise<{ user: UserRow; sessionId: string | null }> {
	if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
		throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
	}
	const user = await loadUser(tx, claims.sub);
	if (!user || user.deleted_at !== null) {
		throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
	}
	const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
	if (sessionId !== null) {
		const { rows } = await tx.query('select 1 from auth.sessions where id = $1 and user_id = $2', [
			UUID.test(sessionId) ? sessionId : '00000000-0000-0000-0000-000000000000',
			user.id
		]);
		if (rows.length === 0) {
			throw new AuthError(
				403,
				'session_not_found',
				'Session from session_id claim in JWT does not exist'
			);
		}
	}
	return { user, sessionId };
}

// ---------------------------------------------------------------------------------------------
// Endpoints

function parseBody(body: string): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = body.trim() === '' ? {} : JSON.parse(body);
	} catch (error) {
		throw new AuthError(
			400,
			'bad_json',
			`Could not parse request body as JSON: ${error instanceof Error ? error.message : error}`
		);
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON: not an object');
	}
	return parsed as Record<string, unknown>;
}

function normaliseEmail(value: unknown): string {
	const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!EMAIL.test(email) || email.length > 255) {
		throw new AuthError(
			400,
			'validation_failed',
			'Unable to validate email address: invalid format'
		);
	}
	return email;
}

async function passwordGrant(
	tx: Transaction,
	request: Request,
	params: Record<string, unknown>,
	options: AuthOptions
): Promise<Record<string, unknown>> {
	if (params.phone !== undefined) {
		throw new AuthError(
			400,
			'phone_provider_disabled',
			'Phone logins are not supported by the embedded Supabase Auth'
		);
	}
	if (typeof params.email !== 'string' || typeof params.password !== 'string') {
		throw new AuthError(400, 'validation_failed', 'An email address and a password are required');
	}
	const { rows } = await tx.query<UserRow & { password_ok: boolean }>(
		`select u.*,
		        case when coalesce(u.encrypted_password, '') like '$2%'
		             then u.encrypted_password = extensions.crypt($2, u.encrypted_password)
		             else false end as password_ok
		   from auth.users u
		  where u.email = $1 and u.deleted_at is null`,
		[params.email.trim().toLowerCase(), params.password]
	);
	const user = rows[0];
	if (!user || !user.password_ok) {
		throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
	}
	if (isBanned(user)) throw new AuthError(400, 'user_banned', 'User is banned');
	if (user.email_confirmed_at === null) {
		throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
	}
	const userAgent = request.headers.get('user-agent');
	const { rows: sessions } = await tx.query<{ id: string }>(
		`insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent)
		 values (gen_random_uuid(), $1, now(), now(), 'aal1', $2) returning id`,
		[user.id, userAgent]
	);
	const sessionId = sessions[0].id;
	const refreshToken = newRefreshToken();
	await tx.query(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3)`,
		[refreshToken, user.id, sessionId]
	);
	await tx.query(
		`update auth.identities set last_sign_in_at = now(), updated_at = now()
		  where user_id = $1 and provider = 'email'`,
		[user.id]
	);
	const { rows: updated } = await tx.query<UserRow>(
		'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning *',
		[user.id]
	);
	return sessionJson(tx, updated[0], sessionId, refreshToken, 'password', options);
}

interface RefreshTokenRow {
	id: number;
	token: string;
	user_id: string;
	revoked: boolean;
	updated_at: Date;
	parent: string | null;
	session_id: string | null;
}

/**
 * Rotates a refresh token. Returns an AuthError instead of throwing when the transaction must
 * still commit (reuse detected: the session's tokens are revoked, as GoTrue does).
 */
async function refreshGrant(
	tx: Transaction,
	params: Record<string, unknown>,
	options: AuthOptions
): Promise<Record<string, unknown> | AuthError> {
	const presented = params.refresh_token;
	if (typeof presented !== 'string' || presented === '') {
		throw new AuthError(400, 'validation_failed', 'Refresh token is required');
	}
	// Locked, as GoTrue does: a concurrent refresh with the same token (another process on a
	// shared database) waits, then finds it revoked and gets the token this one issues.
	const { rows } = await tx.query<RefreshTokenRow>(
		`select rt.* from auth.refresh_tokens rt
		   join auth.sessions s on s.id = rt.session_id
		  where rt.token = $1
		    for update of rt`,
		[presented]
	);
	const token = rows[0];
	const user = token && UUID.test(token.user_id) ? await loadUser(tx, token.user_id) : undefined;
	if (!token || !token.session_id || !user || user.deleted_at !== null) {
		throw new AuthError(
			400,
			'refresh_token_not_found',
			'Invalid Refresh Token: Refresh Token Not Found'
		);
	}
	if (isBanned(user)) throw new AuthError(400, 'user_banned', 'Invalid Refresh Token: User Banned');

	let issued: string | null = null;
	if (token.revoked) {
		const { rows: active } = await tx.query<RefreshTokenRow>(
			`select * from auth.refresh_tokens
			  where session_id = $1 and revoked = false order by id desc limit 1`,
			[token.session_id]
		);
		if (active[0] && active[0].parent === token.token) {
			// The client lost the answer of its last refresh: hand back the active token.
			issued = active[0].token;
		} else if (Date.now() > token.updated_at.getTime() + options.refreshTokenReuseInterval * 1000) {
			await tx.query(
				`update auth.refresh_tokens set revoked = true, updated_at = now()
				  where session_id = $1 and revoked = false`,
				[token.session_id]
			);
			return new AuthError(
				400,
				'refresh_token_already_used',
				'Invalid Refresh Token: Already Used'
			);
		}
	}
	if (issued === null) {
		await tx.query(
			'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
			[token.id]
		);
		issued = newRefreshToken();
		await tx.query(
			`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
			 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
			[issued, user.id, token.token, token.session_id]
		);
	}
	await tx.query(
		`update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now() where id = $1`,
		[token.session_id]
	);
	return sessionJson(tx, user, token.session_id, issued, 'token_refresh', options);
}

async function logout(tx: Transaction, request: Request, claims: JwtClaims): Promise<void> {
	const { user, sessionId } = await authenticated(tx, claims);
	const scope = new URL(request.url).searchParams.get('scope') ?? 'global';
	if (scope === 'local') {
		if (sessionId) await tx.query('delete from auth.sessions where id = $1', [sessionId]);
	} else if (scope === 'others') {
		await tx.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [
			user.id,
			sessionId
		]);
	} else if (scope === 'global') {
		await tx.query('delete from auth.sessions where user_id = $1', [user.id]);
	} else {
		throw new AuthError(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
	}
}

const CREATE_USER_FIELDS = new Set([
	'id',
	'email',
	'password',
	'email_confirm',
	'user_metadata',
	'app_metadata'
]);

function metadata(value: unknown, name: string): Record<string, unknown> {
	if (value === undefined || value === null) return {};
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new AuthError(400, 'validation_failed', `${name} must be a JSON object`);
	}
	return value as Record<string, unknown>;
}

async function createUser(
	tx: Transaction,
	params: Record<string, unknown>
): Promise<Record<string, unknown>> {
	const unsupported = Object.keys(params).filter((key) => !CREATE_USER_FIELDS.has(key));
	if (unsupported.length > 0) {
		throw new AuthError(
			400,
			'validation_failed',
			`The embedded Supabase Auth does not support these user attributes: ${unsupported.join(', ')}`
		);
	}
	const email = normaliseEmail(params.email);
	const password = params.password;
	if (password !== undefined && typeof password !== 'string') {
		throw new AuthError(400, 'validation_failed', 'password must be a string');
	}
	if (typeof password === 'string') {
		if (password.length < MIN_PASSWORD_LENGTH) {
			throw new AuthError(
				422,
				'weak_password',
				`Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
				{
					weak_password: { reasons: ['length'] }
				}
			);
		}
		if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
			throw new AuthError(
				422,
				'validation_failed',
				`Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`
			);
		}
	}
	const id = params.id ?? null;
	if (id !== null && (typeof id !== 'string' || !UUID.test(id))) {
		throw new AuthError(400, 'validation_failed', 'id must be a UUID');
	}
	const confirmed = params.email_confirm === true;
	const appMetadata = {
		provider: 'email',
		providers: ['email'],
		...metadata(params.app_metadata, 'app_metadata')
	};
	const userMetadata = metadata(params.user_metadata, 'user_metadata');

	const { rows: existing } = await tx.query('select 1 from auth.users where email = $1', [email]);
	if (existing.length > 0) {
		throw new AuthError(
			422,
			'email_exists',
			'A user with this email address has already been registered'
		);
	}
	const { rows } = await tx.query<UserRow>(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
		                         confirmation_token, recovery_token, email_change_token_new, email_change,
		                         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 values ('00000000-0000-0000-0000-000000000000', coalesce($1::uuid, gen_random_uuid()),
		         'authenticated', 'authenticated', $2,
		         case when $3::text is null then '' else extensions.crypt($3::text, extensions.gen_salt('bf', ${BCRYPT_COST})) end,
		         case when $4::boolean then now() end, '', '', '', '', $5::jsonb, $6::jsonb, now(), now())
		 returning *`,
		[
			id,
			email,
			password ?? null,
			confirmed,
			JSON.stringify(appMetadata),
			JSON.stringify(userMetadata)
		]
	);
	const user = rows[0];
	await tx.query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
		 values ($1::text, $1::uuid, $2::jsonb, 'email', now(), now())`,
		[
			user.id,
			JSON.stringify({ sub: user.id, email, email_verified: confirmed, phone_verified: false })
		]
	);
	return userJson(tx, user);
}

async function requireAdmin(request: Request, options: AuthOptions): Promise<void> {
	const claims = await verified(request, options);
	if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) {
		throw new AuthError(403, 'not_admin', 'User not allowed');
	}
}

function userId(value: string): string {
	if (!UUID.test(value)) throw new AuthError(400, 'validation_failed', 'user_id must be an UUID');
	return value.toLowerCase();
}

/**
 * Answers a request under /auth/v1. `path` is the part after /auth/v1 (e.g. `/token`);
 * `body` is the request body read as text.
 */
export async function handleAuth(
	db: SqlDatabase,
	request: Request,
	path: string,
	body: string,
	options: AuthOptions
): Promise<Response> {
	const method = request.method.toUpperCase();
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	try {
		if (route === 'GET /.well-known/jwks.json') {
			// HS256 only: no public keys to publish; auth-js then verifies through GET /user.
			return json(request, 200, { keys: [] });
		}
		if (route === 'POST /token') {
			const grant = new URL(request.url).searchParams.get('grant_type');
			const params = parseBody(body);
			if (grant === 'password') {
				return json(
					request,
					200,
					await db.transaction((tx) => passwordGrant(tx, request, params, options))
				);
			}
			if (grant === 'refresh_token') {
				const result = await db.transaction((tx) => refreshGrant(tx, params, options));
				if (result instanceof AuthError) throw result;
				return json(request, 200, result);
			}
			// GoTrue answers an unknown grant type with an OAuth error body.
			return json(request, 400, {
				error: 'unsupported_grant_type',
				error_description: `The embedded Supabase Auth supports grant_type=password and grant_type=refresh_token, not ${grant}`
			});
		}
		if (route === 'GET /user') {
			const claims = await verified(request, options);
			return json(
				request,
				200,
				await db.transaction(async (tx) => userJson(tx, (await authenticated(tx, claims)).user))
			);
		}
		if (route === 'POST /logout') {
			const claims = await verified(request, options);
			await db.transaction((tx) => logout(tx, request, claims));
			return new Response(null, { status: 204 });
		}
		if (route === 'POST /admin/users') {
			await requireAdmin(request, options);
			const params = parseBody(body);
			return json(request, 200, await db.transaction((tx) => createUser(tx, params)));
		}
		const adminUser = /^(GET|DELETE) \/admin\/users\/([^/]+)$/.exec(route);
		if (adminUser) {
			await requireAdmin(request, options);
			const id = userId(adminUser[2]);
			if (adminUser[1] === 'GET') {
				return json(
					request,
					200,
					await db.transaction(async (tx) => {
						const user = await loadUser(tx, id);
						if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
						return userJson(tx, user);
					})
				);
			}
			const params = parseBody(body);
			if (params.should_soft_delete === true) {
				throw new AuthError(
					400,
					'validation_failed',
					'The embedded Supabase Auth does not support soft deletion'
				);
			}
			await db
				.transaction(async (tx) => {
					const { rows } = await tx.query('delete from auth.users where id = $1 returning id', [
						id
					]);
					if (rows.length === 0) throw new AuthError(404, 'user_not_found', 'User not found');
				})
				.catch((error: unknown) => {
					// Rows of the portal that reference the user without `on delete cascade`.
					if ((error as { code?: string }).code === '23503') {
						console.error('[embedded supabase] auth: deleting a user failed', error);
						throw new AuthError(500, 'unexpected_failure', 'Database error deleting user');
					}
					throw error;
				});
			return json(request, 200, {});
		}
		throw notSupported(method, path);
	} catch (error) {
		if (error instanceof AuthError) return errorResponse(request, error);
		console.error('[embedded supabase] auth: unexpected error', error);
		return errorResponse(
			request,
			new AuthError(
				500,
				'unexpected_failure',
				'Unexpected failure, please check server logs for more information'
			)
		);
	}
}
