/**
 * Opening, migrating, seeding and locking the embedded database, on temporary directories with
 * a small migration of their own (no PostGIS here, to keep file-backed creation quick).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openEmbeddedDatabase } from './database';

let root: string;
let supabaseDir: string;

function write(file: string, content: string): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, content);
}

async function count(db: Awaited<ReturnType<typeof openEmbeddedDatabase>>, sql: string) {
	const { rows } = await db.query<{ n: number }>(`select (${sql})::int as n`);
	return rows[0].n;
}

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-db-'));
	supabaseDir = path.join(root, 'supabase');
	fs.mkdirSync(path.join(supabaseDir, 'embedded'), { recursive: true });
	fs.copyFileSync(
		path.resolve('supabase/embedded/supabase_shim.sql'),
		path.join(supabaseDir, 'embedded', 'supabase_shim.sql')
	);
	write(
		path.join(supabaseDir, 'migrations', '20260101000000_things.sql'),
		'create table public.things (id int primary key, name text not null);'
	);
	write(path.join(supabaseDir, 'seed.sql'), "insert into public.things values (1, 'seeded');");
});

afterAll(() => {
	if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('openEmbeddedDatabase', () => {
	it('creates, migrates and seeds a new data directory once; reopens without redoing it', async () => {
		const dataDir = path.join(root, 'data-seeded');
		const db = await openEmbeddedDatabase({ dataDir, supabaseDir });
		expect(await count(db, 'select count(*) from public.things')).toBe(1);
		const { rows } = await db.query<{ version: string; name: string }>(
			'select version, name from supabase_migrations.schema_migrations'
		);
		expect(rows).toEqual([{ version: '20260101000000', name: 'things' }]);
		// What the shim provides: API roles, the auth schema and Supabase's search path.
		expect(
			await count(
				db,
				"select count(*) from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')"
			)
		).toBe(4);
		expect(await count(db, "select count(*) from pg_proc where proname = 'crypt'")).toBeGreaterThan(
			0
		);
		await db.close();

		write(
			path.join(supabaseDir, 'migrations', '20260102000000_more.sql'),
			"insert into public.things values (2, 'migrated');"
		);
		try {
			const again = await openEmbeddedDatabase({ dataDir, supabaseDir });
			expect(await count(again, 'select count(*) from public.things')).toBe(2);
			expect(await count(again, 'select count(*) from supabase_migrations.schema_migrations')).toBe(
				2
			);
			await again.close();
		} finally {
			fs.rmSync(path.join(supabaseDir, 'migrations', '20260102000000_more.sql'));
		}
	});

	it('does not seed when asked not to, nor later', async () => {
		const dataDir = path.join(root, 'data-unseeded');
		const db = await openEmbeddedDatabase({ dataDir, supabaseDir, seed: false });
		expect(await count(db, 'select count(*) from public.things')).toBe(0);
		await db.close();
		const again = await openEmbeddedDatabase({ dataDir, supabaseDir });
		expect(await count(again, 'select count(*) from public.things')).toBe(0);
		await again.close();
	});

	it('stops at a broken migration, names it, and seeds once it is fixed', async () => {
		const dataDir = path.join(root, 'data-broken');
		const broken = path.join(supabaseDir, 'migrations', '20260103000000_broken.sql');
		write(broken, 'create table public.broken (id int primary key;');
		try {
			await expect(openEmbeddedDatabase({ dataDir, supabaseDir })).rejects.toThrow(
				/migration 20260103000000_broken\.sql failed: syntax error/
			);
			write(broken, 'create table public.broken (id int primary key);');
			const db = await openEmbeddedDatabase({ dataDir, supabaseDir });
			expect(await count(db, 'select count(*) from public.things')).toBe(1);
			await db.close();
		} finally {
			fs.rmSync(broken);
		}
	});

	it('refuses a data directory this process holds, and opens it again once closed', async () => {
		// The directory of the first test: reopening is quicker than creating. Other holders,
		// crashed ones and waiting are lock.spec.ts's.
		const dataDir = path.join(root, 'data-seeded');
		const db = await openEmbeddedDatabase({ dataDir, supabaseDir });
		await expect(openEmbeddedDatabase({ dataDir, supabaseDir })).rejects.toThrow(
			`the embedded database in ${dataDir} is in use by process ${process.pid}`
		);
		await db.close();
		const reopened = await openEmbeddedDatabase({ dataDir, supabaseDir });
		expect(await count(reopened, 'select count(*) from public.things')).toBe(2);
		await reopened.close();
	});

	it('refuses migration files the Supabase CLI would not accept', async () => {
		const odd = path.join(supabaseDir, 'migrations', 'tweak.sql');
		write(odd, 'select 1;');
		try {
			await expect(openEmbeddedDatabase({ dataDir: 'memory', supabaseDir })).rejects.toThrow(
				/must be named <timestamp>_<name>\.sql/
			);
		} finally {
			fs.rmSync(odd);
		}
	});
});

describe('createTestDatabase', () => {
	it('hands out independent copies of one migrated template, cached on disk', async () => {
		const [one, two] = await Promise.all([
			createTestDatabase({ supabaseDir }),
			createTestDatabase({ supabaseDir })
		]);
		try {
			await one.query("insert into public.things values (10, 'only in one')");
			expect(await count(one, 'select count(*) from public.things')).toBe(1);
			expect(await count(two, 'select count(*) from public.things')).toBe(0);
			const seeded = await createTestDatabase({ supabaseDir, seed: true });
			expect(await count(seeded, 'select count(*) from public.things')).toBe(1);
			await seeded.close();
		} finally {
			await Promise.all([one.close(), two.close()]);
		}
		const cached = fs.readdirSync(path.resolve('node_modules/.cache/embedded-db'));
		expect(cached.some((file) => file.endsWith('.tar.gz'))).toBe(true);
	});
});
