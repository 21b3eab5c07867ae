/**
 * The subset of Supabase Auth (GoTrue) the portal uses, over `auth.users`, `auth.identities`,
 * `auth.sessions` and `auth.refresh_tokens` of the embedded database:
 *
 * - `POST /token?grant_type=password`       sign in with email and password (bcrypt in SQL)
 * - `POST /token?grant_type=refresh_token`  rotate the refresh token, with GoTrue's reuse rules
 *                                           and session limits (timebox, inactivity timeout)
 * - `GET  /user`                            the user of the access token, if its session lives
 * - `PUT  /user`                            set the user's password and/or merge `data` into
 *                                           user_metadata (no email or phone change)
 * - `POST /verify`                          redeem an invite, recovery, magic link or signup
 *                                           token (`token_hash`, or `email` and the 6-digit
 *                                           `token`) for a session, once
 * - `POST /logout?scope=global|local|others` end sessions (204)
 * - `POST /admin/users`, `GET|DELETE /admin/users/<id>`  for the service_role key
 * - `POST /admin/generate_link`             invite and recovery links, for the service_role key
 * - `GET  /.well-known/jwks.json`           no asymmetric keys: `{ "keys": [] }`
 *
 * Links: nothing is mailed; the portal sends what generate_link answers. `GET /verify` (the
 * `action_link`, which redirects a browser in GoTrue) is not served: the embedded URL is not
 * reachable from a browser. Links go to a page of the portal with the `hashed_token`, which
 * redeems it with `auth.verifyOtp({ type, token_hash })`, as Supabase advises for SSR anyway.
 *
 * Error bodies follow GoTrue: with the `X-Supabase-Api-Version: 2024-01-01` request header that
 * auth-js sends, `{ code, message }` and the header echoed back; without it, the older
 * `{ code: <status>, error_code, msg }`. Everything else is refused with a 404 that says so.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
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
	/**
	 * Seconds an invite or recovery link (and its 6-digit code) stays valid after it was made:
	 * GoTrue's `MAILER_OTP_EXP`, one value for every kind of email link, default 86,400 (a day).
	 */
	linkLifetime: number;
	/**
	 * Seconds after sign-in when a session ends whatever its use (GoTrue's `sessions.timebox`);
	 * 0: never.
	 */
	sessionTimebox: number;
	/**
	 * Seconds without a refresh after which a session ends (GoTrue's
	 * `sessions.inactivity_timeout`); 0: never. A session shows activity only when it refreshes,
	 * about once per access token lifetime, so a shorter timeout would end busy sessions too.
	 */
	sessionInactivityTimeout: number;
}

/** GoTrue's default `MAILER_OTP_EXP`. */
export const DEFAULT_LINK_LIFETIME = 86_400;
/** A working day: staff sign in again each morning. */
export const DEFAULT_SESSION_TIMEBOX = 43_200;
/** Two hours without a request (so without a refresh) end a staff session. */
export const DEFAULT_SESSION_INACTIVITY_TIMEOUT = 7_200;

/** The session limits of {@link AuthOptions}, as the environment sets them. */
export interface SessionLimits {
	sessionTimebox: number;
	sessionInactivityTimeout: number;
}

function secondsFromEnv(
	env: Record<string, string | undefined>,
	name: string,
	fallback: number
): number {
	const raw = env[name]?.trim();
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
		throw new Error(
			`${name} must be a whole number of seconds (0: no limit; default ${fallback}), not "${env[name]}"`
		);
	}
	return value;
}

/**
 * AUTH_SESSION_TIMEBOX and AUTH_SESSION_INACTIVITY_TIMEOUT (seconds, 0: no limit; defaults
 * 43,200 and 7,200). Throws an error that names the variable when a value is not a whole number
 * of seconds, or when the inactivity timeout is shorter than the access token lifetime (sessions
 * show activity only when they refresh, once per access token lifetime).
 */
export function sessionLimitsFromEnv(
	env: Record<string, string | undefined> = process.env,
	accessTokenLifetime = 3600
): SessionLimits {
	const sessionTimebox = secondsFromEnv(env, 'AUTH_SESSION_TIMEBOX', DEFAULT_SESSION_TIMEBOX);
	const sessionInactivityTimeout = secondsFromEnv(
		env,
		'AUTH_SESSION_INACTIVITY_TIMEOUT',
		DEFAULT_SESSION_INACTIVITY_TIMEOUT
	);
	if (sessionInactivityTimeout > 0 && sessionInactivityTimeout < accessTokenLifetime) {
		throw new Error(
			`AUTH_SESSION_INACTIVITY_TIMEOUT must be 0 (no limit) or at least the access token lifetime, ` +
				`${accessTokenLifetime} s, not ${sessionInactivityTimeout}: a session shows activity only ` +
				`when it refreshes its access token, so a shorter timeout ends sessions in use`
		);
	}
	return { sessionTimebox, sessionInactivityTimeout };
}

const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION = '2024-01-01';
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
/** Supabase's default minimum password length; bcrypt reads at most 72 bytes. */
const MIN_PASSWORD_LENGTH = 6;
const MAX_PASSWORD_BYTES = 72;
/** GoTrue hashes passwords with bcrypt's default cost. */
const BCRYPT_COST = 10;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
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
			'POST /token (grant_type password or refresh_token), GET and PUT /user, ' +
			'POST /verify (token_hash, or email and token), POST /logout, POST /admin/users, ' +
			'GET and DELETE /admin/users/<id>, POST /admin/generate_link (invite, recovery). ' +
			'Set SUPABASE_URL for a real project.'
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
	invited_at: Date | null;
	confirmation_sent_at: Date | null;
	recovery_sent_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	deleted_at: Date | null;
	is_anonymous: boolean;
	/** The user's identities, read in the same statement ({@link WITH_IDENTITIES}). */
	identities: IdentityRow[];
}

/** A row of auth.identities as json_agg writes it: timestamps are ISO strings. */
interface IdentityRow {
	id: string;
	provider_id: string;
	user_id: string;
	identity_data: Record<string, unknown>;
	provider: string;
	last_sign_in_at: string | null;
	created_at: string | null;
	updated_at: string | null;
	email: string | null;
}

/**
 * The identities of the user row `u` as one JSON array: a user and its identities come in one
 * statement (GET /user runs on every request of a signed-in visitor).
 */
const WITH_IDENTITIES = `coalesce((select json_agg(i order by i.created_at, i.id)
                                      from auth.identities i where i.user_id = u.id), '[]'::json) as identities`;

/** `select` of a user with its identities; add the `where` clause. */
const SELECT_USER = `select u.*, ${WITH_IDENTITIES} from auth.users u`;

/** An `update auth.users … where …` (without `returning`) that answers the updated user. */
const returningUser = (update: string) =>
	`with u as (${update} returning *) select u.*, ${WITH_IDENTITIES} from u`;

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : undefined);

async function loadUser(tx: Transaction, id: string): Promise<UserRow | undefined> {
	const { rows } = await tx.query<UserRow>(`${SELECT_USER} where u.id = $1`, [id]);
	return rows[0];
}

function userJson(user: UserRow): Record<string, unknown> {
	const body: Record<string, unknown> = {
		id: user.id,
		aud: user.aud ?? '',
		role: user.role ?? '',
		email: user.email ?? '',
		email_confirmed_at: iso(user.email_confirmed_at),
		invited_at: iso(user.invited_at),
		phone: user.phone ?? '',
		phone_confirmed_at: iso(user.phone_confirmed_at),
		confirmation_sent_at: iso(user.confirmation_sent_at),
		confirmed_at: iso(user.confirmed_at),
		recovery_sent_at: iso(user.recovery_sent_at),
		last_sign_in_at: iso(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: user.identities.map((identity) => ({
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

const isBanned = (user: { banned_until: Date | null }) =>
	user.banned_until !== null && user.banned_until > new Date();

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
		user: userJson(user)
	};
}

/**
 * Starts a session of the user (signed in with `method`, the `amr` of its access tokens):
 * GoTrue's issueRefreshToken. Sets last_sign_in_at and answers the session.
 */
async function startSession(
	tx: Transaction,
	request: Request,
	userId: string,
	method: string,
	options: AuthOptions
): Promise<Record<string, unknown>> {
	const refreshToken = newRefreshToken();
	const { rows: sessions } = await tx.query<{ session_id: string }>(
		`with s as (
		   insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent)
		   values (gen_random_uuid(), $1, now(), now(), 'aal1', $2) returning id)
		 insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
		 select '00000000-0000-0000-0000-000000000000', $3, $1, false, now(), now(), s.id from s
		 returning session_id`,
		[userId, request.headers.get('user-agent'), refreshToken]
	);
	const { rows: users } = await tx.query<UserRow>(
		returningUser(
			'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1'
		),
		[userId]
	);
	return sessionJson(users[0], sessions[0].session_id, refreshToken, method, options);
}

/**
 * Why the session `s` has ended, as GoTrue's Session.CheckValidity decides it, or 'valid':
 * past its `not_after`, past the timebox (`$timebox` seconds after sign-in), or inactive
 * (`$inactivity` seconds after its last refresh; `lastToken` is the time of the refresh token
 * presented, which counts when the session has no `refreshed_at` yet). Limits of 0 are off.
 */
function sessionState(timebox: string, inactivity: string, lastToken = 's.created_at'): string {
	return `case
	          when s.not_after is not null and now() > s.not_after then 'not_after'
	          when ${timebox}::float8 > 0 and now() > s.created_at + ${timebox}::float8 * interval '1 second'
	            then 'timebox'
	          when ${inactivity}::float8 > 0
	           and now() > coalesce(s.refreshed_at at time zone 'utc', greatest(s.created_at, ${lastToken}))
	                       + ${inactivity}::float8 * interval '1 second'
	            then 'inactivity'
	          else 'valid' end`;
}

type SessionState = 'valid' | 'not_after' | 'timebox' | 'inactivity';

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

/**
 * The user (and session) of a user's access token, as GoTrue's requireAuthentication checks
 * them: the user exists and is not banned, the session of the `session_id` claim exists (403
 * session_not_found once signed out) and has not ended (403 session_expired: GoTrue's answer
 * to a token of an ended session where it checks, on the admin endpoints; stricter than its
 * GET /user, so that a session ends at its limit, not up to an access token lifetime later).
 * One statement: it runs on every request of a signed-in visitor.
 */
async function authenticated(
	tx: Transaction,
	claims: JwtClaims,
	options: AuthOptions,
	{ allowEnded = false } = {}
): Promise<{ user: UserRow; sessionId: string | null }> {
	if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
		throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
	}
	let sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
	if (sessionId === NIL_UUID || sessionId === '') sessionId = null;
	if (sessionId !== null && !UUID.test(sessionId)) {
		throw new AuthError(403, 'bad_jwt', 'invalid claim: session_id claim must be a UUID');
	}
	const { rows } = await tx.query<UserRow & { session_state: SessionState | 'missing' | null }>(
		`select u.*, ${WITH_IDENTITIES},
		        case when $2::uuid is null then null
		             when s.id is null then 'missing'
		             else ${sessionState('$3', '$4')} end as session_state
		   from auth.users u
		   left join auth.sessions s on s.id = $2::uuid and s.user_id = u.id
		  where u.id = $1`,
		[claims.sub, sessionId, options.sessionTimebox, options.sessionInactivityTimeout]
	);
	const user = rows[0];
	if (!user || user.deleted_at !== null) {
		throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
	}
	if (user.session_state === 'missing') {
		throw new AuthError(
			403,
			'session_not_found',
			'Session from session_id claim in JWT does not exist'
		);
	}
	if (user.session_state !== null && user.session_state !== 'valid' && !allowEnded) {
		throw new AuthError(403, 'session_expired', 'Session is no longer valid');
	}
	if (isBanned(user) && !allowEnded) throw new AuthError(403, 'user_banned', 'User is banned');
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
	const { rows } = await tx.query<{
		id: string;
		banned_until: Date | null;
		email_confirmed_at: Date | null;
		password_ok: boolean;
	}>(
		`select u.id, u.banned_until, u.email_confirmed_at,
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
	await tx.query(
		`update auth.identities set last_sign_in_at = now(), updated_at = now()
		  where user_id = $1 and provider = 'email'`,
		[user.id]
	);
	return startSession(tx, request, user.id, 'password', options);
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
	const { rows } = await tx.query<RefreshTokenRow & { session_state: SessionState }>(
		`select rt.*, ${sessionState('$2', '$3', 'rt.updated_at')} as session_state
		   from auth.refresh_tokens rt
		   join auth.sessions s on s.id = rt.session_id
		  where rt.token = $1
		    for update of rt`,
		[presented, options.sessionTimebox, options.sessionInactivityTimeout]
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
	// Checked before the reuse rules, as GoTrue does: an ended session's tokens change nothing.
	if (token.session_state === 'inactivity') {
		throw new AuthError(
			400,
			'session_expired',
			'Invalid Refresh Token: Session Expired (Inactivity)'
		);
	}
	if (token.session_state !== 'valid') {
		throw new AuthError(400, 'session_expired', 'Invalid Refresh Token: Session Expired');
	}

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
	return sessionJson(user, token.session_id, issued, 'token_refresh', options);
}

async function logout(
	tx: Transaction,
	request: Request,
	claims: JwtClaims,
	options: AuthOptions
): Promise<void> {
	// An ended session may still sign out (GoTrue's logout checks only that it exists).
	const { user, sessionId } = await authenticated(tx, claims, options, { allowEnded: true });
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

/** GoTrue's checkPasswordStrength with Supabase's defaults: 422 when too short or too long. */
function checkPassword(password: unknown): string {
	if (typeof password !== 'string') {
		throw new AuthError(400, 'validation_failed', 'password must be a string');
	}
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new AuthError(
			422,
			'weak_password',
			`Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
			{ weak_password: { reasons: ['length'] } }
		);
	}
	if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
		throw new AuthError(
			422,
			'validation_failed',
			`Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`
		);
	}
	return password;
}

const DUPLICATE_EMAIL = 'A user with this email address has already been registered';

/** Inserts an email user and its email identity (GoTrue's signupNewUser); returns its id. */
async function insertUser(
	tx: Transaction,
	user: {
		id: string | null;
		email: string;
		password: string | null;
		confirmed: boolean;
		appMetadata: Record<string, unknown>;
		userMetadata: Record<string, unknown>;
	}
): Promise<string> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
		                         confirmation_token, recovery_token, email_change_token_new, email_change,
		                         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 values ('00000000-0000-0000-0000-000000000000', coalesce($1::uuid, gen_random_uuid()),
		         'authenticated', 'authenticated', $2,
		         case when $3::text is null then '' else extensions.crypt($3::text, extensions.gen_salt('bf', ${BCRYPT_COST})) end,
		         case when $4::boolean then now() end, '', '', '', '', $5::jsonb, $6::jsonb, now(), now())
		 returning id`,
		[
			user.id,
			user.email,
			user.password,
			user.confirmed,
			JSON.stringify({ provider: 'email', providers: ['email'], ...user.appMetadata }),
			JSON.stringify(user.userMetadata)
		]
	);
	const { id } = rows[0];
	await tx.query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
		 values ($1::text, $1::uuid, $2::jsonb, 'email', now(), now())`,
		[
			id,
			JSON.stringify({
				sub: id,
				email: user.email,
				email_verified: user.confirmed,
				phone_verified: false
			})
		]
	);
	return id;
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
	const password = params.password === undefined ? null : checkPassword(params.password);
	const id = params.id ?? null;
	if (id !== null && (typeof id !== 'string' || !UUID.test(id))) {
		throw new AuthError(400, 'validation_failed', 'id must be a UUID');
	}
	const appMetadata = metadata(params.app_metadata, 'app_metadata');
	const userMetadata = metadata(params.user_metadata, 'user_metadata');

	const { rows: existing } = await tx.query('select 1 from auth.users where email = $1', [email]);
	if (existing.length > 0) throw new AuthError(422, 'email_exists', DUPLICATE_EMAIL);
	const created = await insertUser(tx, {
		id,
		email,
		password,
		confirmed: params.email_confirm === true,
		appMetadata,
		userMetadata
	});
	return userJson((await loadUser(tx, created))!);
}

// ---------------------------------------------------------------------------------------------
// Email links: invite and recovery (GoTrue's admin generate_link and verify)

/** The link types generate_link makes here, and the user column that keeps each one's hash. */
const LINK_KINDS = {
	invite: { token: 'confirmation_token', sentAt: 'confirmation_sent_at' },
	recovery: { token: 'recovery_token', sentAt: 'recovery_sent_at' }
} as const;
type LinkType = keyof typeof LINK_KINDS;
type TokenColumns = (typeof LINK_KINDS)[LinkType];
/** GoTrue's other generate_link types, refused with a message of their own. */
const OTHER_LINK_TYPES = new Set([
	'signup',
	'magiclink',
	'email_change_current',
	'email_change_new'
]);

/** The token columns a verify type redeems, in GoTrue's order (type `email`: either). */
const VERIFY_TYPES: Record<string, TokenColumns[]> = {
	signup: [LINK_KINDS.invite],
	invite: [LINK_KINDS.invite],
	recovery: [LINK_KINDS.recovery],
	magiclink: [LINK_KINDS.recovery],
	email: [LINK_KINDS.invite, LINK_KINDS.recovery]
};

/**
 * GoTrue's crypto.GenerateTokenHash: hex(sha224(email + otp)). The hash is the link's token and
 * what the database keeps; the 6-digit otp is only answered to the admin.
 */
const tokenHash = (email: string, otp: string) =>
	createHash('sha224')
		.update(email + otp)
		.digest('hex');

/** GoTrue's default OTP: 6 digits, uniformly random. */
const newOtp = () => randomInt(0, 1_000_000).toString().padStart(6, '0');

/**
 * The `redirect_to` of a link: the body's, else the query's (auth-js sends `options.redirectTo`
 * there). GoTrue keeps it only if its allow list matches and falls back to SITE_URL; the
 * embedded Auth has neither, so it keeps any http(s) URL and else answers ''.
 */
function redirectTo(request: Request, value: unknown): string {
	for (const candidate of [value, new URL(request.url).searchParams.get('redirect_to')]) {
		if (typeof candidate !== 'string' || candidate === '') continue;
		try {
			if (/^https?:$/.test(new URL(candidate).protocol)) return candidate;
		} catch {
			// not a URL: the next candidate
		}
	}
	return '';
}

/** GoTrue's action link: `<API_EXTERNAL_URL>/verify?token=…&type=…&redirect_to=…`. */
function actionLink(options: AuthOptions, hash: string, type: string, redirect: string): string {
	// GoTrue escapes redirect_to only when it looks unescaped (&, = or #).
	const escaped = /[&=#]/.test(redirect) ? encodeURIComponent(redirect) : redirect;
	return `${options.issuer}/verify?token=${hash}&type=${type}&redirect_to=${escaped}`;
}

/**
 * POST /admin/generate_link for `invite` and `recovery`: stores the hash of a new token (the
 * previous link of that kind stops working) and answers the user with the link's properties,
 * in the one object GoTrue answers (auth-js splits it into `properties` and `user`).
 */
async function generateLink(
	tx: Transaction,
	request: Request,
	params: Record<string, unknown>,
	options: AuthOptions
): Promise<Record<string, unknown>> {
	const type = params.type;
	if (typeof type !== 'string' || !Object.hasOwn(LINK_KINDS, type)) {
		throw new AuthError(
			400,
			'validation_failed',
			typeof type === 'string' && OTHER_LINK_TYPES.has(type)
				? `The embedded Supabase Auth generates invite and recovery links only, not ${type}`
				: `Invalid email action link type requested: ${String(type)}`
		);
	}
	const email = normaliseEmail(params.email);
	// As GoTrue: `password` serves signup links only; `data` is the metadata of an invited new user.
	const data = metadata(params.data, 'data');
	const { rows } = await tx.query<{ id: string; confirmed: boolean }>(
		`select id, email_confirmed_at is not null as confirmed from auth.users where email = $1
		    for update`,
		[email]
	);
	let id = rows[0]?.id;
	if (type === 'recovery' && !id) {
		throw new AuthError(404, 'user_not_found', 'User with this email not found');
	}
	if (type === 'invite') {
		// Someone who could already sign in needs no invitation.
		if (rows[0]?.confirmed) throw new AuthError(422, 'email_exists', DUPLICATE_EMAIL);
		id ??= await insertUser(tx, {
			id: null,
			email,
			password: null,
			confirmed: false,
			appMetadata: {},
			userMetadata: data
		});
	}
	const otp = newOtp();
	const hash = tokenHash(email, otp);
	const { token, sentAt } = LINK_KINDS[type as LinkType];
	const invited = type === 'invite' ? ', invited_at = now()' : '';
	const { rows: users } = await tx.query<UserRow>(
		returningUser(
			`update auth.users set ${token} = $2, ${sentAt} = now()${invited}, updated_at = now()
			  where id = $1`
		),
		[id, hash]
	);
	const redirect = redirectTo(request, params.redirect_to);
	return {
		...userJson(users[0]),
		action_link: actionLink(options, hash, type, redirect),
		email_otp: otp,
		hashed_token: hash,
		verification_type: type,
		redirect_to: redirect
	};
}

/** The address of a 6-digit code's verify: GoTrue answers a malformed one with 422. */
function otpEmail(value: unknown): string {
	try {
		return normaliseEmail(value);
	} catch {
		throw new AuthError(422, 'validation_failed', 'Invalid email format');
	}
}

/**
 * POST /verify: redeems a link's token for a session, once: `token_hash` (the link), or `email`
 * and `token` (the 6-digit code). As GoTrue: invite and signup tokens confirm the address, so do
 * recovery and magic link tokens of an unconfirmed user; redeeming any token ends the user's
 * other open links (GoTrue clears all of a user's one-time tokens); recovery_sent_at stays (a
 * new password clears it, PUT /user). A wrong, used or expired token: 403 otp_expired.
 * GoTrue also gives an invited user without a password a random one here; the empty one kept
 * here refuses every password sign-in just the same, until PUT /user sets one.
 */
async function verify(
	tx: Transaction,
	request: Request,
	params: Record<string, unknown>,
	options: AuthOptions
): Promise<Record<string, unknown>> {
	const type = params.type;
	if (typeof type !== 'string' || type === '') {
		throw new AuthError(400, 'validation_failed', 'Verify requires a verification type');
	}
	const token = typeof params.token === 'string' ? params.token : '';
	const hashParam = typeof params.token_hash === 'string' ? params.token_hash : '';
	if ((token === '') === (hashParam === '')) {
		throw new AuthError(400, 'validation_failed', 'Verify requires either a token or a token hash');
	}
	const present = (key: string) => typeof params[key] === 'string' && params[key] !== '';
	if (hashParam !== '' && (present('email') || present('phone') || present('redirect_to'))) {
		throw new AuthError(
			400,
			'validation_failed',
			'Only the token_hash and type should be provided'
		);
	}
	if (token !== '' && (present('phone') || !present('email'))) {
		throw new AuthError(
			400,
			'validation_failed',
			'The embedded Supabase Auth verifies 6-digit codes sent to an email address only: give email and token'
		);
	}
	const columns = Object.hasOwn(VERIFY_TYPES, type) ? VERIFY_TYPES[type] : undefined;
	if (!columns) {
		throw new AuthError(
			400,
			'validation_failed',
			`The embedded Supabase Auth verifies invite, recovery, magiclink, signup and email tokens, not ${type}`
		);
	}
	const email = token === '' ? null : otpEmail(params.email);
	const hash = email === null ? hashParam : tokenHash(email, token);
	const invalid =
		email === null ? 'Email link is invalid or has expired' : 'Token has expired or is invalid';
	// Locked: of two requests with one token, the second waits, then finds it gone.
	const { rows } = await tx.query<{
		id: string;
		banned_until: Date | null;
		confirmation_valid: boolean;
		recovery_valid: boolean;
	}>(
		`select u.id, u.banned_until,
		        coalesce(u.confirmation_token = $1
		                 and u.confirmation_sent_at >= now() - $2::float8 * interval '1 second', false)
		          as confirmation_valid,
		        coalesce(u.recovery_token = $1
		                 and u.recovery_sent_at >= now() - $2::float8 * interval '1 second', false)
		          as recovery_valid
		   from auth.users u
		  where (${email === null ? columns.map((column) => `u.${column.token} = $1`).join(' or ') : 'u.email = $3'})
		    and u.deleted_at is null and not u.is_sso_user
		  limit 1
		    for update`,
		email === null ? [hash, options.linkLifetime] : [hash, options.linkLifetime, email]
	);
	const user = rows[0];
	if (!user) throw new AuthError(403, 'otp_expired', invalid);
	if (isBanned(user)) throw new AuthError(403, 'user_banned', 'User is banned');
	const redeemed = columns.find((column) =>
		column === LINK_KINDS.invite ? user.confirmation_valid : user.recovery_valid
	);
	if (!redeemed) throw new AuthError(403, 'otp_expired', invalid);

	const confirms = redeemed === LINK_KINDS.invite;
	await tx.query(
		`update auth.users
		    set confirmation_token = '', recovery_token = '',
		        email_confirmed_at = case when $2::boolean then now() else coalesce(email_confirmed_at, now()) end,
		        raw_user_meta_data = case when $2::boolean or email_confirmed_at is null
		                                  then coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb
		                                  else raw_user_meta_data end,
		        updated_at = now()
		  where id = $1`,
		[user.id, confirms]
	);
	if (confirms) {
		await tx.query(
			`update auth.identities i
			    set identity_data = i.identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
			   from auth.users u
			  where u.id = $1 and i.user_id = u.id and i.email = u.email`,
			[user.id]
		);
	}
	return startSession(tx, request, user.id, 'otp', options);
}

/**
 * PUT /user: the signed-in user sets a password (an invited user their first one) and/or merges
 * `data` into user_metadata (a null value removes its key). As GoTrue, a new password voids the
 * user's open links and ends the user's other sessions. Email and phone changes need mail or SMS
 * and are refused; app_metadata is the admin's (403 not_admin).
 */
async function updateUser(
	tx: Transaction,
	claims: JwtClaims,
	params: Record<string, unknown>,
	options: AuthOptions
): Promise<Record<string, unknown>> {
	const { user, sessionId } = await authenticated(tx, claims, options);
	if (params.app_metadata !== undefined && params.app_metadata !== null) {
		throw new AuthError(403, 'not_admin', 'Updating app_metadata requires admin privileges');
	}
	for (const [field, current] of [
		['email', user.email],
		['phone', user.phone]
	] as const) {
		const value = params[field];
		if (typeof value === 'string' && value !== '' && value.trim().toLowerCase() !== current) {
			throw new AuthError(
				400,
				'validation_failed',
				`The embedded Supabase Auth does not change a user's ${field}`
			);
		}
	}
	const password =
		params.password === undefined || params.password === null
			? null
			: checkPassword(params.password);
	const data =
		params.data === undefined || params.data === null ? null : metadata(params.data, 'data');

	if (password !== null) {
		const { rows } = await tx.query<{ same: boolean }>(
			`select coalesce(encrypted_password, '') like '$2%'
			        and encrypted_password = extensions.crypt($2, encrypted_password) as same
			   from auth.users where id = $1`,
			[user.id, password]
		);
		if (rows[0].same) {
			throw new AuthError(
				422,
				'same_password',
				'New password should be different from the old password.'
			);
		}
		await tx.query(
			`update auth.users
			    set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', ${BCRYPT_COST})),
			        confirmation_token = '', confirmation_sent_at = null,
			        recovery_token = '', recovery_sent_at = null,
			        email_change_token_current = '', email_change_token_new = '', email_change_sent_at = null,
			        phone_change_token = '', phone_change_sent_at = null,
			        reauthentication_token = '', reauthentication_sent_at = null,
			        updated_at = now()
			  where id = $1`,
			[user.id, password]
		);
		await tx.query(
			'delete from auth.sessions where user_id = $1 and id is distinct from $2::uuid',
			[user.id, sessionId]
		);
	}
	const set = Object.entries(data ?? {}).filter(([, value]) => value !== null);
	const removed = Object.keys(data ?? {}).filter((key) => data![key] === null);
	const { rows } = await tx.query<UserRow>(
		returningUser(
			`update auth.users
			    set raw_user_meta_data = case when $2::jsonb is null then raw_user_meta_data
			                                  else (coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb) - $3::text[] end,
			        updated_at = case when $2::jsonb is null then updated_at else now() end
			  where id = $1`
		),
		[user.id, data === null ? null : JSON.stringify(Object.fromEntries(set)), removed]
	);
	return userJson(rows[0]);
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
				await db.transaction(async (tx) =>
					userJson((await authenticated(tx, claims, options)).user)
				)
			);
		}
		if (route === 'PUT /user') {
			const claims = await verified(request, options);
			const params = parseBody(body);
			return json(
				request,
				200,
				await db.transaction((tx) => updateUser(tx, claims, params, options))
			);
		}
		if (route === 'POST /verify') {
			const params = parseBody(body);
			return json(request, 200, await db.transaction((tx) => verify(tx, request, params, options)));
		}
		if (route === 'POST /logout') {
			const claims = await verified(request, options);
			await db.transaction((tx) => logout(tx, request, claims, options));
			return new Response(null, { status: 204 });
		}
		if (route === 'POST /admin/users') {
			await requireAdmin(request, options);
			const params = parseBody(body);
			return json(request, 200, await db.transaction((tx) => createUser(tx, params)));
		}
		if (route === 'POST /admin/generate_link') {
			await requireAdmin(request, options);
			const params = parseBody(body);
			return json(
				request,
				200,
				await db.transaction((tx) => generateLink(tx, request, params, options))
			);
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
						return userJson(user);
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
