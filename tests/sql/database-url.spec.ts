/**
 * DATABASE_URL: the embedded Supabase's PostgREST and Auth handlers over a real PostgreSQL 15,
 * through supabase-js, as several portal processes sharing one database run them. Runs when
 * TEST_PG_URL is set (scripts/test-postgres.sh); it makes a database of its own on that server
 * with `scripts/pg15.sh schema` (the shim and every migration, recorded) and a few fixture
 * functions, and drops it afterwards, so the other suites' database stays as it was.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedFetch, EMBEDDED_URL } from '$lib/server/embedded/fetch';
import {
	startPostgresSupabase,
	type PostgresDatabase,
	type PostgresSupabase
} from '$lib/server/embedded/postgres';
import type { SqlDatabase } from '$lib/server/embedded/sql';

const serverUrl = process.env.TEST_PG_URL;
const SECRET = 'database-url-spec-secret-of-at-least-32-characters';
const PASSWORD = 'correct horse battery';

const FIXTURE = `
create table public.url_notes (
  id bigint generated always as identity primary key,
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null unique
);
alter table public.url_notes enable row level security;
create policy url_notes_select_own on public.url_notes for select to authenticated
  using (owner_id = (select auth.uid()));
create policy url_notes_insert_own on public.url_notes for insert to authenticated
  with check (owner_id = (select auth.uid()));
grant select, insert on public.url_notes to authenticated;

create function public.url_add_note(p_title text) returns public.url_notes
language sql as $$ insert into public.url_notes (title) values (p_title) returning * $$;

create function public.url_my_notes() returns setof text
language sql stable as $$ select title from public.url_notes order by id $$;

create function public.url_whoami() returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'uid', auth.uid(),
    'role', auth.role(),
    'email', auth.email(),
    'current_user', current_user,
    'method', current_setting('request.method', true),
    'read_only', current_setting('transaction_read_only'))
$$;

create function public.url_conflict() returns void
language plpgsql as $$
begin
  raise sqlstate 'PT409' using message = 'Already taken', detail = 'The slot is booked', hint = 'Pick another';
end $$;

create function public.url_created() returns text
language plpgsql as $$
begin
  perform set_config('response.status', '201', true);
  perform set_config('response.headers', '[{"X-Answer": "42"}]', true);
  return 'made';
end $$;

grant execute on function public.url_add_note(text), public.url_my_notes(), public.url_whoami(),
  public.url_conflict(), public.url_created() to anon, authenticated;
`;

/** `serverUrl` with another database name. */
function databaseUrl(name: string): string {
	const url = new URL(serverUrl!);
	url.pathname = `/${name}`;
	return url.toString();
}

function client(fetch: typeof globalThis.fetch, key: string, accessToken?: string) {
	return createClient(EMBEDDED_URL, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch, headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} },
		realtime: { transport: ws as never }
	});
}

describe.skipIf(!serverUrl)('DATABASE_URL: the handlers over PostgreSQL 15', () => {
	const name = `portal_url_${process.pid}`;
	const created: string[] = [];
	let admin: pg.Client;
	let url: string;
	// Two portal processes on one database: two pools, two handlers, one secret.
	let first: PostgresSupabase;
	let second: PostgresSupabase;

	async function createDatabase(database: string): Promise<string> {
		await admin.query(`create database ${database}`);
		created.push(database);
		return databaseUrl(database);
	}

	/** A confirmed user created through `via`'s Auth admin endpoint; signed in through `signIn`. */
	async function signedIn(
		email: string,
		via: PostgresSupabase,
		signIn: PostgresSupabase
	): Promise<{ user: SupabaseClient; id: string; accessToken: string }> {
		const service = client(via.fetch, via.serviceRoleKey);
		const made = await service.auth.admin.createUser({
			email,
			password: PASSWORD,
			email_confirm: true
		});
		expect(made.error).toBeNull();
		const session = await client(signIn.fetch, signIn.anonKey).auth.signInWithPassword({
			email,
			password: PASSWORD
		});
		expect(session.error).toBeNull();
		const accessToken = session.data.session!.access_token;
		return {
			user: client(via.fetch, via.anonKey, accessToken),
			id: made.data.user!.id,
			accessToken
		};
	}

	beforeAll(async () => {
		admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		url = await createDatabase(name);
		execFileSync('bash', ['scripts/pg15.sh', 'schema', url], { stdio: 'inherit' });
		const fixture = new pg.Client({ connectionString: url });
		await fixture.connect();
		try {
			await fixture.query(FIXTURE);
		} finally {
			await fixture.end();
		}
		first = await startPostgresSupabase({ url, jwtSecret: SECRET, max: 3 });
		second = await startPostgresSupabase({ url, jwtSecret: SECRET, max: 3 });
	});

	afterAll(async () => {
		await first?.close();
		await second?.close();
		for (const database of created) {
			await admin.query(`drop database if exists ${database} with (force)`);
		}
		await admin?.end();
	});

	it('answers an anonymous RPC as anon, read only for a stable function', async () => {
		const { data, error, status } = await client(first.fetch, first.anonKey).rpc('url_whoami');
		expect(error).toBeNull();
		expect(status).toBe(200);
		expect(data).toMatchObject({
			uid: null,
			role: 'anon',
			current_user: 'anon',
			method: 'POST',
			read_only: 'on'
		});
		// The portal's own functions are there: the migrations, recorded by scripts/pg15.sh.
		const versions = fs
			.readdirSync('supabase/migrations')
			.filter((file) => file.endsWith('.sql'))
			.map((file) => file.split('_')[0])
			.sort();
		const applied = await client(first.fetch, first.serviceRoleKey).rpc('applied_migrations');
		expect(applied.data).toEqual(versions);
	});

	it("runs a signed-in user's RPC with their role and claims, across processes", async () => {
		// Created through the first process, signed in through the second.
		const { user, id, accessToken } = await signedIn('claims@example.test', first, second);
		const { data } = await user.rpc('url_whoami');
		expect(data).toMatchObject({
			uid: id,
			role: 'authenticated',
			email: 'claims@example.test',
			current_user: 'authenticated'
		});
		const checked = await client(second.fetch, second.anonKey).auth.getUser(accessToken);
		expect(checked.data.user?.id).toBe(id);
	});

	it('maps PostgreSQL errors like PostgREST: PT409 and a unique violation give 409', async () => {
		const anon = client(first.fetch, first.anonKey);
		const conflict = await anon.rpc('url_conflict');
		expect(conflict.status).toBe(409);
		expect(conflict.error).toEqual({
			code: 'PT409',
			details: 'The slot is booked',
			hint: 'Pick another',
			message: 'Already taken'
		});
		const { user } = await signedIn('unique@example.test', first, first);
		expect((await user.rpc('url_add_note', { p_title: 'only once' })).status).toBe(200);
		const again = await user.rpc('url_add_note', { p_title: 'only once' });
		expect(again.status).toBe(409);
		// With row level security on the table PostgreSQL keeps the key out of the detail.
		expect(again.error).toEqual({
			code: '23505',
			details: null,
			hint: null,
			message: 'duplicate key value violates unique constraint "url_notes_title_key"'
		});
		// Not signed in, the policy refuses: 401 for anon.
		expect((await anon.rpc('url_add_note', { p_title: 'anon' })).status).toBe(401);
	});

	it('refuses a write in a GET (405), and passes response GUCs on', async () => {
		const { user } = await signedIn('readonly@example.test', first, first);
		const refused = await user.rpc('url_add_note', { p_title: 'in a GET' }, { get: true });
		expect(refused.status).toBe(405);
		expect(refused.error?.code).toBe('25006');
		const made = await first.fetch(`${EMBEDDED_URL}/rest/v1/rpc/url_created`, {
			method: 'POST',
			headers: { apikey: first.anonKey }
		});
		expect(made.status).toBe(201);
		expect(made.headers.get('x-answer')).toBe('42');
		expect(await made.json()).toBe('made');
	});

	it("lets each process see the other's committed writes", async () => {
		const { user: onFirst, accessToken } = await signedIn('shared@example.test', first, first);
		const onSecond = client(second.fetch, second.anonKey, accessToken);
		expect((await onFirst.rpc('url_add_note', { p_title: 'written by the first' })).status).toBe(
			200
		);
		expect((await onSecond.rpc('url_my_notes')).data).toEqual(['written by the first']);
		expect((await onSecond.rpc('url_add_note', { p_title: 'written by the second' })).status).toBe(
			200
		);
		expect((await onFirst.rpc('url_my_notes')).data).toEqual([
			'written by the first',
			'written by the second'
		]);
	});

	it('rotates a refresh token once when two processes refresh it at the same time', async () => {
		const email = 'refresh@example.test';
		await signedIn(email, first, first);
		const session = await client(first.fetch, first.anonKey).auth.signInWithPassword({
			email,
			password: PASSWORD
		});
		const refreshToken = session.data.session!.refresh_token;
		const [a, b] = await Promise.all(
			[first, second].map((process) =>
				client(process.fetch, process.anonKey).auth.refreshSession({
					refresh_token: refreshToken
				})
			)
		);
		expect(a.error).toBeNull();
		expect(b.error).toBeNull();
		// The later one waited for the earlier and was handed the token it issued.
		expect(a.data.session!.refresh_token).toBe(b.data.session!.refresh_token);
		expect(a.data.session!.refresh_token).not.toBe(refreshToken);
	});

	it('runs four statements per call once the function is known', async () => {
		let statements = 0;
		const db: PostgresDatabase = first.db;
		const counted: SqlDatabase = {
			get closed() {
				return db.closed;
			},
			transaction(fn) {
				statements += 2;
				return db.transaction((tx) =>
					fn({
						query(sql, params) {
							statements++;
							return tx.query(sql, params);
						}
					})
				);
			}
		};
		const anon = client(createEmbeddedFetch(counted, { jwtSecret: SECRET }), first.anonKey);
		expect((await anon.rpc('url_whoami')).data).toMatchObject({ role: 'anon' });
		expect(statements).toBe(5);
		statements = 0;
		expect((await anon.rpc('url_whoami', {}, { get: true })).data).toMatchObject({
			method: 'GET',
			read_only: 'on'
		});
		expect(statements).toBe(4);
	});

	it('refuses to start on a database without the shim or the newest migration', async () => {
		const start = (databaseUrl: string) =>
			startPostgresSupabase({ url: databaseUrl, jwtSecret: SECRET, max: 1 });

		const empty = await createDatabase(`${name}_empty`);
		await expect(start(empty)).rejects.toThrow(
			/has no Supabase schema: schema auth missing\. Apply .* scripts\/pg15\.sh schema/
		);

		// The newest migration not recorded: as if the code were newer than the database.
		const own = new pg.Client({ connectionString: url });
		await own.connect();
		try {
			const { rows } = await own.query<{ version: string; name: string; statements: string[] }>(
				`delete from supabase_migrations.schema_migrations
				  where version = (select max(version) from supabase_migrations.schema_migrations)
				  returning version, name, statements`
			);
			try {
				await expect(start(url)).rejects.toThrow(
					`lacks migration ${rows[0].version}_${rows[0].name}.sql. Apply it with supabase db push`
				);
			} finally {
				await own.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[rows[0].version, rows[0].name, rows[0].statements]
				);
			}
		} finally {
			await own.end();
		}
	});
});
