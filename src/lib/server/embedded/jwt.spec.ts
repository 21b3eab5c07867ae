import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { createKeys, JwtError, KEY_ISSUER, signJwt, verifyJwt } from './jwt';

const SECRET = 'super-secret-jwt-token-with-at-least-32-characters';

describe('API keys', () => {
	it('are HS256 JWTs naming the role, like Supabase’s legacy keys', async () => {
		const { anonKey, serviceRoleKey } = await createKeys(SECRET);
		expect(decodeProtectedHeader(anonKey)).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(decodeJwt(anonKey)).toMatchObject({ role: 'anon', iss: KEY_ISSUER });
		expect(decodeJwt(serviceRoleKey)).toMatchObject({ role: 'service_role', iss: KEY_ISSUER });
		const { exp } = decodeJwt(anonKey);
		expect(exp! * 1000).toBeGreaterThan(Date.now() + 10 * 365 * 24 * 3600 * 1000);
		expect((await verifyJwt(serviceRoleKey, SECRET)).role).toBe('service_role');
	});

	it('are the same for the same secret, different for another', async () => {
		const first = await createKeys(SECRET);
		expect(await createKeys(SECRET)).toEqual(first);
		const other = await createKeys(`${SECRET}-other`);
		expect(other.anonKey).not.toBe(first.anonKey);
	});
});

describe('verifyJwt', () => {
	async function failure(token: string, secret = SECRET): Promise<JwtError> {
		try {
			await verifyJwt(token, secret);
		} catch (error) {
			if (error instanceof JwtError) return error;
			throw error;
		}
		throw new Error('the token was accepted');
	}

	it('refuses an expired token', async () => {
		const token = await signJwt(
			{ role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 5 },
			SECRET
		);
		expect(await failure(token)).toMatchObject({ reason: 'expired', message: 'JWT expired' });
	});

	it('refuses a token signed with another secret', async () => {
		const token = await signJwt({ role: 'service_role' }, `${SECRET}-forged`, { expiresIn: 60 });
		expect((await failure(token)).reason).toBe('signature');
	});

	it('refuses an unsigned token and garbage', async () => {
		const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
		const payload = Buffer.from(
			JSON.stringify({ role: 'service_role', exp: Math.floor(Date.now() / 1000) + 60 })
		).toString('base64url');
		expect((await failure(`${header}.${payload}.`)).reason).toBe('signature');
		expect(await failure('abc')).toMatchObject({
			reason: 'malformed',
			message: 'Expected 3 parts in JWT; got 1'
		});
	});

	it('refuses a token without expiry', async () => {
		await expect(signJwt({ role: 'anon' }, SECRET)).rejects.toThrow(/expiry/);
	});

	it('asks for a secret of at least 32 characters', async () => {
		await expect(createKeys('short')).rejects.toThrow(/at least 32 characters/);
	});
});
