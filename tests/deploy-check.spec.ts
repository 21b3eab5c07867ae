/**
 * `npm run check:deploy` against the embedded default: the Supabase half in process on a seeded
 * database (what it finds when all is well, a missing grant, a migration not applied), the
 * Meilisearch half against the fake server (which refuses what a real one refuses), and the
 * command once end to end, as an operator runs it.
 */
import type { PGlite } from '@electric-sql/pglite';
import { createClient } from '@supabase/supabase-js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/database.types';
import { checkMeilisearch } from '$lib/server/deploy/meilisearch-checks';
import { formatReport } from '$lib/server/deploy/report';
import { checkSupabase, type SupabaseTarget } from '$lib/server/deploy/supabase-checks';
import {
	createEmbeddedFetch,
	createKeys,
	createTestDatabase,
	EMBEDDED_URL
} from '$lib/server/embedded';
import { FakeMeilisearch } from './support/fake-meilisearch';
import { MeilisearchEngine } from '$lib/server/search/meilisearch';
import { MEILI_KEY_REQUIREMENTS } from '$lib/server/search/meilisearch-keys';
import { readAllDocuments } from '$lib/server/search/rebuild';

const SECRET = 'deploy-check-test-secret-of-32-characters';

let db: PGlite;
let target: SupabaseTarget;

function clientFor(key: string, fetch: typeof globalThis.fetch, accessToken?: string) {
	return createClient<Database>(EMBEDDED_URL, key, {
		auth: { persistSession: false, autoRefreshToken: false },
		global: {
			fetch,
			...(accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {})
		},
		realtime: { transport: ws as never }
	});
}

beforeAll(async () => {
	db = await createTestDatabase({ seed: true });
	const fetch = createEmbeddedFetch(db, { jwtSecret: SECRET });
	const { anonKey, serviceRoleKey } = await createKeys(SECRET);
	const anon = clientFor(anonKey, fetch);
	// a client of its own: a client that signs in sends the user's token from then on
	const { data, error } = await clientFor(anonKey, fetch).auth.signInWithPassword({
		email: 'integrationsamt@demo.example.org',
		password: 'demo-passwort'
	});
	if (error) throw error;
	// the search worker has drained the outbox, as on a running deployment (the seed's rows are
	// as old as the cached test database, which the outbox check would call waiting too long)
	await db.exec('update public.search_outbox set processed_at = now() where processed_at is null');
	target = {
		label: 'embedded test database',
		anon,
		service: clientFor(serviceRoleKey, fetch),
		user: clientFor(anonKey, fetch, data.session.access_token)
	};
});

afterAll(() => db?.close());

const statusOf = (findings: { check: string; status: string }[]) =>
	Object.fromEntries(findings.map((f) => [f.check, f.status]));

describe('the deploy check of Supabase', () => {
	it('finds everything in order on a migrated database', async () => {
		const findings = await checkSupabase(target);
		expect(statusOf(findings)).toEqual({
			reachable: 'ok',
			migrations: 'ok',
			'functions as anon': 'ok',
			'functions as authenticated': 'ok',
			'functions as service_role': 'ok',
			'search outbox': 'ok'
		});
		expect(formatReport(findings)).toContain('ready: every check passed');
	});

	it('names a function a role cannot call, and how to fix it', async () => {
		await db.exec('revoke execute on function public.get_district(text) from anon');
		try {
			const findings = await checkSupabase(target);
			const anon = findings.find((f) => f.check === 'functions as anon')!;
			expect(anon.status).toBe('fail');
			expect(anon.detail).toMatch(/get_district \(42501 permission denied/);
			expect(anon.fix).toContain('supabase db push');
			expect(formatReport(findings)).toMatch(/NOT READY: 1 check failed/);
		} finally {
			await db.exec('grant execute on function public.get_district(text) to anon');
		}
	});

	it('warns when a role may call more than it needs', async () => {
		await db.exec('grant execute on function public.applied_migrations() to anon');
		try {
			const anon = (await checkSupabase(target)).find((f) => f.check === 'functions as anon')!;
			expect(anon).toMatchObject({
				status: 'warn',
				detail: expect.stringContaining('applied_migrations')
			});
		} finally {
			await db.exec('revoke execute on function public.applied_migrations() from anon');
		}
	});

	it('names the migrations that are not applied', async () => {
		const [newest] = (
			await db.query<{ version: string }>(
				`delete from supabase_migrations.schema_migrations
				 where version = (select max(version) from supabase_migrations.schema_migrations)
				 returning version, name, statements`
			)
		).rows;
		try {
			const migrations = (await checkSupabase(target)).find((f) => f.check === 'migrations')!;
			expect(migrations.status).toBe('fail');
			expect(migrations.detail).toContain(`are not applied: ${newest.version}`);
		} finally {
			await db.query(`insert into supabase_migrations.schema_migrations (version) values ($1)`, [
				newest.version
			]);
		}
	});

	it('warns when changes have waited long for the search index', async () => {
		await db.exec(
			`update public.search_outbox set processed_at = null, enqueued_at = now() - interval '1 hour'
			 where id = (select max(id) from public.search_outbox)`
		);
		try {
			const outbox = (await checkSupabase(target)).find((f) => f.check === 'search outbox')!;
			expect(outbox).toMatchObject({ status: 'warn', detail: expect.stringMatching(/for 60 min/) });
		} finally {
			await db.exec(
				'update public.search_outbox set processed_at = now() where processed_at is null'
			);
		}
	});

	it('stops at an unreachable project with what to check', async () => {
		const nowhere = createClient<Database>('http://127.0.0.1:9', 'key', {
			auth: { persistSession: false },
			realtime: { transport: ws as never }
		});
		const findings = await checkSupabase({ ...target, label: 'http://127.0.0.1:9', anon: nowhere });
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({ check: 'reachable', status: 'fail' });
		expect(findings[0].fix).toContain('SUPABASE_URL');
	});
});

describe('the deploy check of Meilisearch', () => {
	const keys = {
		master: 'master-key',
		search: 'search-key',
		admin: 'admin-key',
		narrowAdmin: 'admin-key-for-offers-only'
	};
	let meili: FakeMeilisearch;
	const keyRights = (role: 'search' | 'admin') => ({
		actions: [...MEILI_KEY_REQUIREMENTS[role].actions],
		indexes: [...MEILI_KEY_REQUIREMENTS[role].indexes]
	});
	const env = (overrides: Record<string, string> = {}) => ({
		MEILI_HOST: meili.url,
		MEILI_SEARCH_KEY: keys.search,
		MEILI_ADMIN_KEY: keys.admin,
		...overrides
	});

	beforeAll(async () => {
		meili = await new FakeMeilisearch({
			masterKey: keys.master,
			keys: [
				{ key: keys.search, ...keyRights('search') },
				{ key: keys.admin, ...keyRights('admin') },
				// the pattern of the live index alone: a rebuild's swap is refused
				{
					key: keys.narrowAdmin,
					actions: [...MEILI_KEY_REQUIREMENTS.admin.actions],
					indexes: ['offers']
				}
			]
		}).start();
	});
	afterAll(() => meili?.stop());

	it('says there is no index yet, and to run reindex', async () => {
		const findings = await checkMeilisearch(target.service, env());
		expect(statusOf(findings)).toMatchObject({ reachable: 'ok', 'admin key': 'ok', index: 'fail' });
		expect(findings.find((f) => f.check === 'index')!.fix).toContain('npm run reindex');
	});

	it('finds keys, settings and documents in order after a rebuild', async () => {
		const engine = new MeilisearchEngine({
			host: meili.url,
			searchKey: keys.search,
			adminKey: keys.admin
		});
		await engine.replaceAll(await readAllDocuments(target.service));
		const findings = await checkMeilisearch(target.service, env());
		expect(statusOf(findings)).toEqual({
			reachable: 'ok',
			'search key': 'ok',
			'admin key': 'ok',
			'index settings': 'ok',
			'index documents': 'ok'
		});
		// the throwaway indexes of the admin key's check are gone again
		expect([...meili.indexes.keys()]).toEqual(['offers']);
	});

	it('names what is wrong with the keys', async () => {
		const findings = await checkMeilisearch(
			target.service,
			env({ MEILI_SEARCH_KEY: keys.master, MEILI_ADMIN_KEY: keys.narrowAdmin })
		);
		expect(statusOf(findings)).toMatchObject({ 'search key': 'warn', 'admin key': 'fail' });
		expect(findings.find((f) => f.check === 'admin key')!.detail).toContain('indexes.create');
		expect(findings.find((f) => f.check === 'admin key')!.fix).toContain('offers*');
	});

	it('warns when one key serves both, and fails when Meilisearch cannot be reached', async () => {
		const one = await checkMeilisearch(target.service, {
			MEILI_HOST: meili.url,
			MEILI_KEY: keys.master
		});
		expect(statusOf(one)).toMatchObject({ keys: 'warn' });
		const away = await checkMeilisearch(target.service, { MEILI_HOST: 'http://127.0.0.1:9' });
		expect(away).toEqual([expect.objectContaining({ check: 'reachable', status: 'fail' })]);
	});

	it('sees an index that missed a change', async () => {
		await db.exec(
			`update public.offer_translations set title = title || ' (neu)'
			 where offer_id = (select id from public.offers where state = 'published' limit 1)`
		);
		const documents = (await checkMeilisearch(target.service, env())).find(
			(f) => f.check === 'index documents'
		)!;
		expect(documents.status).toBe('warn');
		expect(documents.fix).toContain('npm run reindex');
	});
});

describe('npm run check:deploy', () => {
	it('reports a ready embedded default and exits 0', async () => {
		const env: NodeJS.ProcessEnv = {
			...process.env,
			DATA_DIR: 'memory',
			DEPLOY_CHECK_EMAIL: 'integrationsamt@demo.example.org',
			DEPLOY_CHECK_PASSWORD: 'demo-passwort'
		};
		for (const name of ['SUPABASE_URL', 'MEILI_HOST', 'MEILI_KEY']) delete env[name];
		const { status, stdout } = await new Promise<{ status: number | null; stdout: string }>(
			(resolve, reject) => {
				const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/check-deploy.ts'], {
					env,
					stdio: ['ignore', 'pipe', 'inherit']
				});
				let out = '';
				child.stdout.on('data', (chunk) => (out += chunk));
				child.on('error', reject);
				child.on('close', (code) => resolve({ status: code, stdout: out }));
			}
		);
		expect(stdout).toContain('functions as authenticated: all');
		expect(stdout).toContain('ready: every check passed');
		expect(status).toBe(0);
	}, 180_000);
});
