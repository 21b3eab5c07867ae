/**
 * HS256 tokens of the embedded Supabase: the legacy anon and service_role API keys and the
 * access tokens its Auth issues, all signed with one secret like a Supabase project's JWT secret.
 */
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

/** Claims of a token the embedded Supabase accepts. */
export interface JwtClaims extends JWTPayload {
	role?: string;
	email?: string;
	session_id?: string;
	app_metadata?: Record<string, unknown>;
	user_metadata?: Record<string, unknown>;
}

/** Why a token was refused. */
export type JwtFailure = 'malformed' | 'signature' | 'expired' | 'claims';

/** A token that does not verify. `reason` tells the caller which error body to answer with. */
export class JwtError extends Error {
	constructor(
		readonly reason: JwtFailure,
		message: string
	) {
		super(message);
		this.name = 'JwtError';
	}
}

/** Issuer of the API keys, like `supabase` in a hosted project's legacy keys. */
export const KEY_ISSUER = 'supabase-embedded';

/** Supabase asks for a JWT secret of at least 32 characters; so do we. */
const MIN_SECRET_LENGTH = 32;

function keyOf(secret: string): Uint8Array {
	if (secret.length < MIN_SECRET_LENGTH) {
		throw new Error(
			`the embedded Supabase JWT secret must be at least ${MIN_SECRET_LENGTH} characters long`
		);
	}
	return new TextEncoder().encode(secret);
}

/**
 * Signs `claims` with HS256. `iat` defaults to now; `exp` must be given in the claims or as
 * `expiresIn` (seconds from `iat`): the embedded Supabase issues no token that never expires.
 */
export async function signJwt(
	claims: JwtClaims,
	secret: string,
	options: { expiresIn?: number } = {}
): Promise<string> {
	const iat = claims.iat ?? Math.floor(Date.now() / 1000);
	const exp = claims.exp ?? (options.expiresIn === undefined ? undefined : iat + options.expiresIn);
	if (exp === undefined) throw new Error('signJwt: give the token an expiry (exp or expiresIn)');
	return new SignJWT({ ...claims, iat, exp })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(keyOf(secret));
}

/** Verifies signature and expiry of an HS256 token and returns its claims, or throws JwtError. */
export async function verifyJwt(token: string, secret: string): Promise<JwtClaims> {
	const parts = token.split('.');
	if (parts.length !== 3) {
		throw new JwtError('malformed', `Expected 3 parts in JWT; got ${parts.length}`);
	}
	try {
		const { payload } = await jwtVerify<JwtClaims>(token, keyOf(secret), {
			algorithms: ['HS256'],
			requiredClaims: ['exp']
		});
		return payload;
	} catch (error) {
		if (error instanceof errors.JWTExpired) throw new JwtError('expired', 'JWT expired');
		if (error instanceof errors.JWSSignatureVerificationFailed) {
			throw new JwtError('signature', 'JWT signature does not match');
		}
		if (error instanceof errors.JOSEAlgNotAllowed) {
			throw new JwtError('signature', 'JWT must be signed with HS256');
		}
		if (error instanceof errors.JWTClaimValidationFailed) {
			throw new JwtError('claims', `JWT claim "${error.claim}" is invalid: ${error.reason}`);
		}
		if (error instanceof errors.JOSEError) {
			throw new JwtError('malformed', 'JWT could not be decoded');
		}
		throw error;
	}
}

/** When the API keys were issued: fixed, so that one secret always gives the same keys. */
const KEYS_ISSUED_AT = 1_767_225_600; // 2026-01-01T00:00:00Z
/** The keys live twenty years, like a hosted project's legacy keys live ten. */
const KEYS_LIFETIME = 20 * 365 * 24 * 3600;

/** The legacy API keys of a Supabase project: JWTs whose `role` claim names the API role. */
export async function createKeys(
	secret: string
): Promise<{ anonKey: string; serviceRoleKey: string }> {
	const base = { iss: KEY_ISSUER, iat: KEYS_ISSUED_AT, exp: KEYS_ISSUED_AT + KEYS_LIFETIME };
	const [anonKey, serviceRoleKey] = await Promise.all([
		signJwt({ ...base, role: 'anon' }, secret),
		signJwt({ ...base, role: 'service_role' }, secret)
	]);
	return { anonKey, serviceRoleKey };
}
