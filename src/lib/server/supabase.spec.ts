/**
 * The client factory: embedded without SUPABASE_URL, a real project with it. Runs in a
 * temporary working directory whose supabase/ holds only the shim and one migration.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	closeBackend,
	createServiceSupabase as createTypedServiceSupabase,
	createSupabase as createTypedSupabase,
	getBackend
} from './supabase';

// The fixture's function is not in the portal's generated Database type.
const createSupabase = async (options?: { accessToken?: string }) =>
	(await createTypedSupabase(options)) as unknown as SupabaseClient;
const createServiceSupabase = async () =>
	(await createTypedServiceSupabase()) as unknown as SupabaseClient;

const ENV_KEYS = [
	'SUPABASE_URL',
	'SUPABASE_ANON_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'DATA_DIR',
	'DATABASE_URL',
	'EMBEDDED_JWT_SECRET'
];
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
const savedCwd = process.cwd();
let root: string;

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'supabase-factory-'));
	fs.mkdirSync(path.join(root, 'supabase', 'embedded'), { recursive: true });
	fs.mkdirSync(path.join(root, 'supabase', 'migrations'));
	fs.copyFileSync(
		path.resolve('supabase/embedded/supabase_shim.sql'),
		path.join(root, 'supabase', 'embedded', 'supabase_shim.sql')
	);
	fs.writeFileSync(
		path.join(root, 'supabase', 'migrations', '20260101000000_who.sql'),
		`create function public.who() returns text language sql stable as $$ select current_user::text $$;
		grant execute on function public.who() to anon, authenticated, service_role;`
	);
	process.chdir(root);
});

beforeEach(() => {
	delete process.env.DATABASE_URL;
	delete process.env.EMBEDDED_JWT_SECRET;
});

afterEach(async () => {
	await closeBackend();
	for (const key of ENV_KEYS) {
		if (savedEnv[key] === undefined) delete process.env[key];
		else process.env[key] = savedEnv[key];
	}
});

afterAll(() => {
	process.chdir(savedCwd);
	if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('without SUPABASE_URL', () => {
	it('starts one embedded Supabase, shared by concurrent callers, and closes it', async () => {
		delete process.env.SUPABASE_URL;
		process.env.DATA_DIR = 'memory';
		const [first, second] = await Promise.all([getBackend(), getBackend()]);
		expect(second).toBe(first);
		expect(first.url).toBe('http://embedded.supabase.local');
		expect(first.embedded).not.toBeNull();

		const anon = await createSupabase();
		expect((await anon.rpc('who')).data).toBe('anon');
		const service = await createServiceSupabase();
		expect((await service.rpc('who')).data).toBe('service_role');

		const db = first.embedded!.db;
		await closeBackend();
		expect(db.closed).toBe(true);
	});

	it('acts as the user whose access token it is given', async () => {
		delete process.env.SUPABASE_URL;
		process.env.DATA_DIR = 'memory';
		const service = await createServiceSupabase();
		const email = 'factory@example.test';
		await service.auth.admin.createUser({
			email,
			password: 'a long password',
			email_confirm: true
		});
		const signIn = await (
			await createSupabase()
		).auth.signInWithPassword({
			email,
			password: 'a long password'
		});
		const accessToken = signIn.data.session!.access_token;
		const user = await createSupabase({ accessToken });
		expect((await user.rpc('who')).data).toBe('authenticated');
		expect((await user.auth.getClaims(accessToken)).data?.claims.email).toBe(email);
	});
});

describe('with SUPABASE_URL', () => {
	it('asks for both keys', async () => {
		process.env.SUPABASE_URL = 'https://project.supabase.co';
		delete process.env.SUPABASE_ANON_KEY;
		await expect(getBackend()).rejects.toThrow(
			'SUPABASE_URL is set, so SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY must be set too'
		);
	});

	it('talks to the project, starting nothing', async () => {
		process.env.SUPABASE_URL = 'https://project.supabase.co';
		process.env.SUPABASE_ANON_KEY = 'anon-key';
		process.env.SUPABASE_SERVICE_ROLE_KEY = 'service-key';
		const backend = await getBackend();
		expect(backend).toEqual({
			url: 'https://project.supabase.co',
			anonKey: 'anon-key',
			serviceRoleKey: 'service-key',
			embedded: null
		});
		expect(await createSupabase()).toBeTruthy();
	});
});

// Served over a real PostgreSQL in tests/sql/database-url.spec.ts (with TEST_PG_URL).
describe('with DATABASE_URL', () => {
	it('asks for the JWT secret all processes share', async () => {
		delete process.env.SUPABASE_URL;
		process.env.DATABASE_URL = 'postgres://portal@127.0.0.1:1/portal';
		await expect(getBackend()).rejects.toThrow(
			'DATABASE_URL is set, so EMBEDDED_JWT_SECRET must be set too'
		);
		process.env.EMBEDDED_JWT_SECRET = 'too short';
		await expect(getBackend()).rejects.toThrow('EMBEDDED_JWT_SECRET must be set too');
	});

	it('says which database cannot be reached, without its password', async () => {
		delete process.env.SUPABASE_URL;
		process.env.DATABASE_URL = 'postgres://portal:secret-password@127.0.0.1:1/portal';
		process.env.EMBEDDED_JWT_SECRET = 'a-shared-secret-of-at-least-32-characters';
		const failure = getBackend();
		await expect(failure).rejects.toThrow('DATABASE_URL (127.0.0.1:1/portal) cannot be reached');
		await expect(failure).rejects.not.toThrow('secret-password');
	});
});
