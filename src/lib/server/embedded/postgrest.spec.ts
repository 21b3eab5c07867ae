/**
 * The PostgREST RPC endpoint, driven through a real supabase-js client. Status codes and bodies
 * are those PostgREST documents (docs.postgrest.org: "Functions as RPC", "Errors").
 *
 * Runs on a temporary supabase directory holding only the shim and the migration below, so that
 * it does not depend on the portal's migrations.
 */
import type { PGlite } from '@electric-sql/pglite';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './database';
import { createEmbeddedFetch, EMBEDDED_URL, type EmbeddedFetch } from './fetch';
import { createKeys, signJwt } from './jwt';
import type { SqlDatabase } from './sql';

const MIGRATION = `
create extension if not exists postgis with schema extensions;

create table public.notes (
  id bigint generated always as identity primary key,
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null unique check (length(title) > 0),
  body text
);
alter table public.notes enable row level security;
create policy notes_select_own on public.notes for select to authenticated
  using (owner_id = (select auth.uid()));
create policy notes_insert_own on public.notes for insert to authenticated
  with check (owner_id = (select auth.uid()));

create function public.add_them(a integer, b integer) returns integer
language sql immutable as $$ select a + b $$;

create function public.hello(name text default 'world') returns text
language sql stable as $$ select 'hello ' || name $$;

create function public.sum_array(arr integer[]) returns integer
language sql immutable as $$ select coalesce(sum(x), 0)::integer from unnest(arr) x $$;

create function public.echo(payload jsonb) returns jsonb
language sql immutable as $$ select payload $$;

create function public.numbers(n integer) returns setof integer
language sql immutable as $$ select generate_series(1, n) $$;

create function public.squares(n integer) returns table (i integer, square integer, note text)
language sql immutable as $$ select i, i * i, null::text from generate_series(1, n) i $$;

create type public.pair as (left_value integer, right_value text);
create function public.make_pair(l integer, r text) returns public.pair
language sql immutable as $$ select row(l, r)::public.pair $$;

create function public.nothing() returns void
language sql as $$ select $$;

create function public.whoami() returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'uid', auth.uid(),
    'role', auth.role(),
    'email', auth.email(),
    'jwt', auth.jwt(),
    'current_user', current_user,
    'method', current_setting('request.method', true),
    'path', current_setting('request.path', true),
    'headers', current_setting('request.headers', true)::jsonb,
    'read_only', current_setting('transaction_read_only'))
$$;

create function public.distance_m(a_lon float8, a_lat float8, b_lon float8, b_lat float8)
returns float8 language sql immutable as $$
  select extensions.st_distance(
    extensions.st_setsrid(extensions.st_makepoint(a_lon, a_lat), 4326)::extensions.geography,
    extensions.st_setsrid(extensions.st_makepoint(b_lon, b_lat), 4326)::extensions.geography)
$$;

create function public.fail_plain() returns void
language plpgsql as $$
begin
  raise exception 'I refuse!' using detail = 'Pretty simple', hint = 'There is nothing you can do.';
end $$;

create function public.fail_conflict() returns void
language plpgsql as $$
begin
  raise sqlstate 'PT409' using message = 'Already taken', detail = 'The slot is booked', hint = 'Pick another';
end $$;

create function public.add_note(p_title text, p_body text default null) returns public.notes
language sql as $$
  insert into public.notes (title, body) values (p_title, p_body) returning *
$$;

create function public.add_note_for(p_owner uuid, p_title text) returns public.notes
language sql as $$
  insert into public.notes (owner_id, title) values (p_owner, p_title) returning *
$$;

create function public.add_two_notes(p_prefix text) returns setof public.notes
language sql as $$
  insert into public.notes (title) values (p_prefix || ' 1'), (p_prefix || ' 2') returning *
$$;

create function public.my_notes() returns setof public.notes
language sql stable as $$ select * from public.notes order by id $$;

create function public.members_only() returns text
language sql stable as $$ select 'welcome' $$;

create function public.pick(a integer) returns text language sql as $$ select 'integer' $$;
create function public.pick(a text) returns text language sql as $$ select 'text' $$;

create function public.created() returns text
language plpgsql as $$
begin
  perform set_config('response.status', '201', true);
  perform set_config('response.headers', '[{"X-Answer": "42"}]', true);
  return 'made';
end $$;

-- Supabase grants nothing by itself (since October 2026): the tests' functions and table are
-- granted here, members_only() to signed-in users only.
grant select, insert on public.notes to authenticated, service_role;
grant execute on all functions in schema public to anon, authenticated, service_role;
revoke execute on function public.members_only() from anon;
`;

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

let supabaseDir: string;
let db: PGlite;
let embeddedFetch: typeof fetch;
let anonKey: string;
let serviceRoleKey: string;
let anon: SupabaseClient;
let service: SupabaseClient;

function client(key: string, accessToken?: string): SupabaseClient {
	return createClient(EMBEDDED_URL, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: {
			fetch: embeddedFetch,
			headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {}
		},
		realtime: { transport: ws as never }
	});
}

/** Creates a confirmed user and returns a client acting as them, and their id. */
async function signedIn(email: string): Promise<{ user: SupabaseClient; id: string }> {
	const created = await service.auth.admin.createUser({
		email,
		password: 'correct horse battery',
		email_confirm: true
	});
	expect(created.error).toBeNull();
	// A client of its own: a client that signs in keeps the session for its later requests.
	const signIn = await client(anonKey).auth.signInWithPassword({
		email,
		password: 'correct horse battery'
	});
	expect(signIn.error).toBeNull();
	return { user: client(anonKey, signIn.data.session!.access_token), id: created.data.user!.id };
}

/** A raw request, for what supabase-js cannot send. */
function raw(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (!headers.has('apikey')) headers.set('apikey', anonKey);
	return embeddedFetch(`${EMBEDDED_URL}/rest/v1${pathAndQuery}`, { ...init, headers });
}

beforeAll(async () => {
	supabaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-rest-'));
	fs.mkdirSync(path.join(supabaseDir, 'embedded'));
	fs.mkdirSync(path.join(supabaseDir, 'migrations'));
	fs.copyFileSync(
		path.resolve('supabase/embedded/supabase_shim.sql'),
		path.join(supabaseDir, 'embedded', 'supabase_shim.sql')
	);
	fs.writeFileSync(
		path.join(supabaseDir, 'migrations', '20260101000000_rest_fixture.sql'),
		MIGRATION
	);
	db = await createTestDatabase({ seed: false, supabaseDir });
	embeddedFetch = createEmbeddedFetch(db, { jwtSecret: SECRET });
	({ anonKey, serviceRoleKey } = await createKeys(SECRET));
	anon = client(anonKey);
	service = client(serviceRoleKey);
});

afterAll(async () => {
	await db?.close();
	if (supabaseDir) fs.rmSync(supabaseDir, { recursive: true, force: true });
});

describe('result shapes', () => {
	it('returns a scalar as its JSON value', async () => {
		const { data, error, status } = await anon.rpc('add_them', { a: 1, b: 2 });
		expect(error).toBeNull();
		expect(status).toBe(200);
		expect(data).toBe(3);
	});

	it('uses argument defaults and accepts arrays and jsonb', async () => {
		expect((await anon.rpc('hello')).data).toBe('hello world');
		expect((await anon.rpc('hello', { name: 'Kempten' })).data).toBe('hello Kempten');
		expect((await anon.rpc('sum_array', { arr: [1, 2, 3, 4] })).data).toBe(10);
		const payload = { nested: { list: [1, 'two', null], flag: true } };
		expect((await anon.rpc('echo', { payload })).data).toEqual(payload);
	});

	it('returns setof scalar as an array of values, table as an array of objects', async () => {
		expect((await anon.rpc('numbers', { n: 3 })).data).toEqual([1, 2, 3]);
		expect((await anon.rpc('numbers', { n: 0 })).data).toEqual([]);
		expect((await anon.rpc('squares', { n: 2 })).data).toEqual([
			{ i: 1, square: 1, note: null },
			{ i: 2, square: 4, note: null }
		]);
	});

	it('returns a composite as an object', async () => {
		const { data } = await anon.rpc('make_pair', { l: 7, r: 'seven' });
		expect(data).toEqual({ left_value: 7, right_value: 'seven' });
	});

	it('answers a void function with 204 and no body', async () => {
		// PostgREST ≥ 10: "void functions return 204 No Content".
		const { data, error, status } = await anon.rpc('nothing');
		expect(error).toBeNull();
		expect(status).toBe(204);
		expect(data).toBeNull();
	});

	it('runs PostGIS', async () => {
		const { data } = await anon.rpc('distance_m', {
			a_lon: 10.3152,
			a_lat: 47.7286,
			b_lon: 10.3152,
			b_lat: 47.7386
		});
		expect(data).toBeGreaterThan(1100);
		expect(data).toBeLessThan(1125);
	});

	it('answers GET with query-string arguments, read only', async () => {
		const { data } = await anon.rpc('add_them', { a: 20, b: 22 }, { get: true });
		expect(data).toBe(42);
		const who = await anon.rpc('whoami', {}, { get: true });
		expect(who.data).toMatchObject({ method: 'GET', path: '/rpc/whoami', read_only: 'on' });
		expect((await anon.rpc('sum_array', { arr: [5, 6] }, { get: true })).data).toBe(11);
	});

	it('refuses a write in a GET: 405, read only transaction', async () => {
		const { error, status } = await anon.rpc('add_note', { p_title: 'x' }, { get: true });
		expect(status).toBe(405);
		expect(error).toMatchObject({ code: '25006' });
	});

	it('counts with Prefer: count=exact and pages with limit/offset (Content-Range)', async () => {
		const { data, count, status } = await anon
			.rpc('numbers', { n: 10 }, { count: 'exact' })
			.range(2, 4);
		expect(data).toEqual([3, 4, 5]);
		expect(count).toBe(10);
		expect(status).toBe(206);
		const response = await raw('/rpc/numbers?limit=2', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ n: 5 })
		});
		expect(response.headers.get('content-range')).toBe('0-1/*');
		expect(await response.json()).toEqual([1, 2]);
		const scalar = await raw('/rpc/add_them?a=1&b=1');
		expect(scalar.headers.get('content-range')).toBe('0-0/*');
	});

	it('strips nulls when asked', async () => {
		const { data } = await anon.rpc('squares', { n: 1 }).stripNulls();
		expect(data).toEqual([{ i: 1, square: 1 }]);
	});

	it('lets a function set the response status and headers', async () => {
		const response = await raw('/rpc/created', { method: 'POST' });
		expect(response.status).toBe(201);
		expect(response.headers.get('x-answer')).toBe('42');
		expect(await response.json()).toBe('made');
	});
});

describe('single()', () => {
	it('gives the one row as an object', async () => {
		const { data, error } = await anon.rpc('squares', { n: 1 }).single();
		expect(error).toBeNull();
		expect(data).toEqual({ i: 1, square: 1, note: null });
	});

	it('answers 406 PGRST116 when there is not exactly one row', async () => {
		const { data, error, status } = await anon.rpc('squares', { n: 3 }).single();
		expect(status).toBe(406);
		expect(data).toBeNull();
		expect(error).toEqual({
			code: 'PGRST116',
			details: 'The result contains 3 rows',
			hint: null,
			message: 'Cannot coerce the result to a single JSON object'
		});
	});

	it('rolls back what the call did when the result is refused', async () => {
		const { user } = await signedIn('single@example.test');
		const refused = await user.rpc('add_two_notes', { p_prefix: 'twice' }).single();
		expect(refused.status).toBe(406);
		expect((await user.rpc('my_notes')).data).toEqual([]);
	});

	it('maybeSingle() gives null for no row', async () => {
		const { data, error } = await anon.rpc('squares', { n: 0 }).maybeSingle();
		expect(error).toBeNull();
		expect(data).toBeNull();
	});
});

describe('errors', () => {
	it('answers an unknown function with 404 PGRST202', async () => {
		const { error, status } = await anon.rpc('no_such_function', { b: 1, a: 2 });
		expect(status).toBe(404);
		expect(error).toEqual({
			code: 'PGRST202',
			details:
				'Searched for the function public.no_such_function with parameters a, b or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
			hint: null,
			message: 'Could not find the function public.no_such_function(a, b) in the schema cache'
		});
	});

	it('answers unknown or missing arguments with 404 PGRST202 and a hint', async () => {
		const { error, status } = await anon.rpc('add_them', { a: 1, c: 2 });
		expect(status).toBe(404);
		expect(error).toMatchObject({
			code: 'PGRST202',
			message: 'Could not find the function public.add_them(a, c) in the schema cache',
			hint: 'Perhaps you meant to call the function public.add_them(a, b)'
		});
		const none = await anon.rpc('add_them');
		expect(none.error?.message).toBe(
			'Could not find the function public.add_them without parameters in the schema cache'
		);
	});

	it('answers a value of the wrong type with 400 and the PostgreSQL error', async () => {
		const { error, status } = await anon.rpc('add_them', { a: 'one', b: 2 });
		expect(status).toBe(400);
		expect(error).toMatchObject({ code: '22P02' });
	});

	it('answers ambiguous overloads with 300 PGRST203', async () => {
		const { error, status } = await anon.rpc('pick', { a: 1 });
		expect(status).toBe(300);
		expect(error?.code).toBe('PGRST203');
	});

	it('answers raise exception with 400 P0001 and its detail and hint', async () => {
		const { error, status } = await anon.rpc('fail_plain');
		expect(status).toBe(400);
		expect(error).toEqual({
			code: 'P0001',
			details: 'Pretty simple',
			hint: 'There is nothing you can do.',
			message: 'I refuse!'
		});
	});

	it('answers a PTxyz SQLSTATE with HTTP xyz', async () => {
		const { error, status } = await anon.rpc('fail_conflict');
		expect(status).toBe(409);
		expect(error).toEqual({
			code: 'PT409',
			details: 'The slot is booked',
			hint: 'Pick another',
			message: 'Already taken'
		});
	});

	it('answers a unique violation with 409 and a check violation with 400', async () => {
		const { user } = await signedIn('unique@example.test');
		expect((await user.rpc('add_note', { p_title: 'only once' })).status).toBe(200);
		const again = await user.rpc('add_note', { p_title: 'only once' });
		expect(again.status).toBe(409);
		expect(again.error?.code).toBe('23505');
		const empty = await user.rpc('add_note', { p_title: '' });
		expect(empty.status).toBe(400);
		expect(empty.error?.code).toBe('23514');
	});

	it('answers an RLS denial with 401 for anon and 403 for a signed-in user', async () => {
		// "42501: if authenticated 403, else 401" (PostgREST, HTTP status codes).
		const asAnon = await anon.rpc('add_note', { p_title: 'from anon' });
		expect(asAnon.status).toBe(401);
		expect(asAnon.error?.code).toBe('42501');
		const asAnonPrivate = await anon.rpc('members_only');
		expect(asAnonPrivate.status).toBe(401);

		const { user, id } = await signedIn('rls@example.test');
		const own = await user.rpc('add_note', { p_title: 'mine' });
		expect(own.status).toBe(200);
		expect(own.data).toMatchObject({ owner_id: id, title: 'mine', body: null });
		const other = await signedIn('rls-other@example.test');
		const forged = await user.rpc('add_note_for', { p_owner: other.id, p_title: 'theirs' });
		expect(forged.status).toBe(403);
		expect(forged.error).toMatchObject({
			code: '42501',
			message: 'new row violates row-level security policy for table "notes"'
		});
		expect((await user.rpc('members_only')).data).toBe('welcome');
	});

	it('refuses filters, order and tables with a clear 400/404', async () => {
		const filtered = await anon.rpc('squares', { n: 3 }).eq('i', 2);
		expect(filtered.status).toBe(400);
		expect(filtered.error?.message).toContain('Filters on rpc results are not supported: i');
		const ordered = await anon.rpc('squares', { n: 3 }).order('i');
		expect(ordered.status).toBe(400);
		expect(ordered.error?.message).toContain('order=i.asc is not supported');
		const table = await anon.from('notes').select('*');
		expect(table.status).toBe(404);
		expect(table.error?.message).toContain('call SQL functions with supabase.rpc()');
	});

	it('refuses an unsupported media type with 406', async () => {
		const { status, error } = await anon.rpc('numbers', { n: 2 }).csv();
		expect(status).toBe(406);
		expect(error?.code).toBe('PGRST107');
	});

	it('refuses a body that is not a JSON object with 400 PGRST102', async () => {
		const response = await raw('/rpc/add_them', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"a": 1,'
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ code: 'PGRST102' });
	});
});

describe('roles and claims', () => {
	it('runs as anon with the anon key', async () => {
		const { data } = await anon.rpc('whoami');
		expect(data).toMatchObject({
			uid: null,
			role: 'anon',
			email: null,
			current_user: 'anon',
			method: 'POST',
			path: '/rpc/whoami',
			read_only: 'on'
		});
		expect(data.jwt).toMatchObject({ role: 'anon', iss: 'supabase-embedded' });
		expect(data.headers.apikey).toBe(anonKey);
	});

	it('runs as the user with their access token', async () => {
		const { user, id } = await signedIn('claims@example.test');
		const { data } = await user.rpc('whoami');
		expect(data).toMatchObject({
			uid: id,
			role: 'authenticated',
			email: 'claims@example.test',
			current_user: 'authenticated'
		});
		expect(data.jwt).toMatchObject({ sub: id, aud: 'authenticated', role: 'authenticated' });
		expect(typeof data.jwt.session_id).toBe('string');
	});

	it('runs as service_role with the service key, bypassing RLS', async () => {
		const { data } = await service.rpc('whoami');
		expect(data).toMatchObject({ uid: null, role: 'service_role', current_user: 'service_role' });
		const notes = await service.rpc('my_notes');
		expect(notes.error).toBeNull();
		expect((notes.data as unknown[]).length).toBeGreaterThan(0);
	});

	it('answers an expired token with 401 PGRST303', async () => {
		const expired = await signJwt(
			{ role: 'authenticated', sub: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) - 10 },
			SECRET
		);
		const { error, status } = await client(anonKey, expired).rpc('whoami');
		expect(status).toBe(401);
		expect(error).toEqual({ code: 'PGRST303', details: null, hint: null, message: 'JWT expired' });
	});

	it('answers a forged token with 401 PGRST301', async () => {
		const forged = await signJwt(
			{ role: 'service_role' },
			'another-secret-of-at-least-thirty-two-characters',
			{ expiresIn: 3600 }
		);
		const { error, status } = await client(anonKey, forged).rpc('whoami');
		expect(status).toBe(401);
		expect(error?.code).toBe('PGRST301');
		const garbage = await client(anonKey, 'not-a-jwt').rpc('whoami');
		expect(garbage.status).toBe(401);
		expect(garbage.error?.code).toBe('PGRST301');
	});

	it('refuses a role the API does not grant', async () => {
		const superuser = await signJwt({ role: 'postgres' }, SECRET, { expiresIn: 3600 });
		const { error, status } = await client(anonKey, superuser).rpc('whoami');
		expect(status).toBe(403);
		expect(error?.code).toBe('42501');
	});

	it('asks for an API key like the Supabase gateway', async () => {
		const missing = await embeddedFetch(`${EMBEDDED_URL}/rest/v1/rpc/whoami`, { method: 'POST' });
		expect(missing.status).toBe(401);
		expect(await missing.json()).toMatchObject({ message: 'No API key found in request' });
		const wrong = await client('not-a-key').rpc('whoami');
		expect(wrong.status).toBe(401);
		expect(wrong.error?.message).toBe('Invalid API key');
	});
});

describe('statements per call', () => {
	/**
	 * A client over a database that counts the statements it runs: each transaction's begin and
	 * commit (or rollback) and every query in it. A fetch of its own, so its schema cache starts
	 * empty.
	 */
	function counting(): { client: SupabaseClient; fetch: EmbeddedFetch; statements(): number } {
		let statements = 0;
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
		const fetch = createEmbeddedFetch(counted, { jwtSecret: SECRET });
		const client = createClient(EMBEDDED_URL, anonKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			global: { fetch },
			realtime: { transport: ws as never }
		});
		return {
			client,
			fetch,
			statements: () => {
				const count = statements;
				statements = 0;
				return count;
			}
		};
	}

	it('runs four once the function is known: begin, the settings, the call, commit', async () => {
		const { client, statements } = counting();
		expect((await client.rpc('add_them', { a: 1, b: 2 })).data).toBe(3);
		expect(statements()).toBe(5); // the first call reads pg_catalog
		expect((await client.rpc('add_them', { a: 2, b: 2 })).data).toBe(4);
		expect(statements()).toBe(4);
		expect((await client.rpc('add_them', { a: 2, b: 3 }, { get: true })).data).toBe(5);
		expect(statements()).toBe(4);
		// Writes, read-only refusals, response GUCs and errors cost no more.
		await client.rpc('created');
		statements();
		const created = await raw('/rpc/created', { method: 'POST' });
		expect(created.status).toBe(201);
		expect((await client.rpc('created')).status).toBe(201);
		expect(statements()).toBe(4);
		await client.rpc('add_note', { p_title: 'x' }, { get: true });
		statements();
		const refused = await client.rpc('add_note', { p_title: 'x' }, { get: true });
		expect(refused.status).toBe(405);
		expect(statements()).toBe(4);
		expect((await client.rpc('whoami')).data).toMatchObject({ role: 'anon', read_only: 'on' });
		expect((await client.rpc('whoami')).data).toMatchObject({ role: 'anon', read_only: 'on' });
		expect(statements()).toBe(5 + 4);
	});

	it('reads a function again when the cache has no overload that fits, or it was dropped', async () => {
		const { client, fetch, statements } = counting();
		expect((await client.rpc('changing')).status).toBe(404);
		await db.exec(`create function public.changing() returns text language sql stable as $$ select 'first' $$;
			grant execute on function public.changing() to anon;`);
		expect((await client.rpc('changing')).data).toBe('first');
		await db.exec(`drop function public.changing();
			create function public.changing(x integer) returns text language sql stable as $$ select 'second ' || x $$;
			grant execute on function public.changing(integer) to anon;`);
		statements();
		// The cached entry has no argument x: read again.
		expect((await client.rpc('changing', { x: 2 })).data).toBe('second 2');
		expect(statements()).toBe(5);
		await db.exec(`drop function public.changing(integer);
			create function public.changing(y integer) returns text language sql stable as $$ select 'third ' || y $$;
			grant execute on function public.changing(integer) to anon;`);
		// The cached entry fits, the call fails with 42883: dropped, and the request runs again.
		const stale = await client.rpc('changing', { x: 3 });
		expect(stale.status).toBe(404);
		expect(stale.error?.code).toBe('PGRST202');
		expect(statements()).toBe(4 + 3);
		// The second attempt read the function anew and cached it.
		expect((await client.rpc('changing', { y: 4 })).data).toBe('third 4');
		expect(statements()).toBe(4);
		// A change the cache cannot notice (here: the return type) needs a reload.
		await db.exec(`drop function public.changing(integer);
			create function public.changing(y integer) returns integer language sql stable as $$ select y $$;
			grant execute on function public.changing(integer) to anon;`);
		fetch.reloadSchema();
		expect((await client.rpc('changing', { y: 5 })).data).toBe(5);
		expect(statements()).toBe(5);
		await db.exec('drop function public.changing(integer)');
	});

	it('checks the response GUCs a function set in the same statement, rolling back on a bad one', async () => {
		await db.exec(`create function public.bad_status() returns void
			language plpgsql security definer set search_path = '' as $$
			begin
			  insert into public.notes (owner_id, title)
			    select id, 'bad status' from auth.users limit 1;
			  perform set_config('response.status', 'teapot', true);
			end $$;
			grant execute on function public.bad_status() to anon;`);
		await signedIn('bad-status@example.test');
		const { client, statements } = counting();
		const { error, status } = await client.rpc('bad_status');
		expect(status).toBe(500);
		expect(error).toMatchObject({ code: 'PGRST112', message: 'Invalid response.status' });
		expect(statements()).toBe(5);
		const { rows } = await db.query(`select 1 from public.notes where title = 'bad status'`);
		expect(rows).toEqual([]);
	});
});
