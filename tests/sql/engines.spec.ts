import { describe, expect, it } from 'vitest';
import { chosenEngines, engines, useSession, type SqlQuery } from '../support/sql-engines';

const userId = '7d3f0a52-5b7e-4c1e-9a57-0c6b8f1e2d34';

interface Identity {
	uid: string | null;
	role: string | null;
	current_user: string;
	claims: string | null;
	search_path: string;
}

const whoAmI = async (db: SqlQuery) => {
	const [row] = await db.query<Identity>(
		`select auth.uid()::text as uid, auth.role() as role, current_user::text as current_user,
		        nullif(current_setting('request.jwt.claims', true), '') as claims,
		        array_to_string(current_schemas(false), ',') as search_path`
	);
	return row;
};

describe.each(engines)('$name', (engine) => {
	const db = useSession(engine);

	it('sees no user and the anon role as a visitor', async () => {
		const identity = await db().as({ role: 'anon' }, whoAmI);
		expect(identity).toMatchObject({ uid: null, role: 'anon', current_user: 'anon' });
		expect(identity.search_path).toBe('public,extensions');
	});

	it('sees the signed-in user through auth.uid() and auth.role()', async () => {
		const identity = await db().as(
			{ role: 'authenticated', userId, email: 'ayla@example.org' },
			whoAmI
		);
		expect(identity).toMatchObject({ uid: userId, role: 'authenticated' });
		expect(identity.current_user).toBe('authenticated');
		expect(JSON.parse(identity.claims ?? '{}')).toMatchObject({
			sub: userId,
			email: 'ayla@example.org'
		});
	});

	it('runs as service_role with its claims', async () => {
		const identity = await db().as({ role: 'service_role' }, whoAmI);
		expect(identity).toMatchObject({ uid: null, role: 'service_role' });
		expect(identity.current_user).toBe('service_role');
	});

	it('is the superuser with no claims outside as(), also after nested calls', async () => {
		const before = await whoAmI(db());
		const inner = await db().as({ role: 'authenticated', userId }, () =>
			db().as({ role: 'anon' }, whoAmI)
		);
		expect(inner).toMatchObject({ role: 'anon', current_user: 'anon' });
		const outer = await db().as({ role: 'authenticated', userId }, async (q) => {
			await db().as({ role: 'anon' }, whoAmI);
			return whoAmI(q);
		});
		expect(outer).toMatchObject({ uid: userId, current_user: 'authenticated' });
		expect(await whoAmI(db())).toEqual(before);
		expect(before).toMatchObject({ uid: null, claims: null });
		expect(before.current_user).not.toMatch(/^(anon|authenticated|service_role)$/);
	});

	it('keeps what as() wrote, rolls back what it wrote before failing', async () => {
		// Its own schema: the shim grants the API roles everything new in public.
		await db().query(`create schema engine_probe`);
		await db().query(`create table engine_probe.notes (note text not null)`);
		await db().query(`grant usage on schema engine_probe to authenticated`);
		await db().query(`grant select, insert on engine_probe.notes to authenticated`);
		const actor = { role: 'authenticated', userId } as const;

		await db().as(actor, (q) => q.query(`insert into engine_probe.notes values ('kept')`));
		await expect(
			db().as(actor, async (q) => {
				await q.query(`insert into engine_probe.notes values ('undone')`);
				await q.query(`insert into engine_probe.notes values (null)`);
			})
		).rejects.toMatchObject({ code: '23502' });
		// A privilege error, as RLS and grants raise them, leaves the session usable too.
		await expect(
			db().as({ role: 'anon' }, (q) => q.query(`select * from engine_probe.notes`))
		).rejects.toMatchObject({ code: '42501' });

		const rows = await db().query<{ note: string }>(`select note from engine_probe.notes`);
		expect(rows).toEqual([{ note: 'kept' }]);
		expect((await whoAmI(db())).claims).toBeNull();
	});

	it('does not see the previous test’s table, rows or settings', async () => {
		const [row] = await db().query<{ probe: string | null }>(
			`select to_regnamespace('engine_probe')::text as probe`
		);
		expect(row.probe).toBeNull();
		await db().query(`select set_config('app.engine_probe', 'set', false)`);
	});

	it('does not see a session-level setting of the previous test', async () => {
		const [row] = await db().query<{ value: string | null }>(
			`select nullif(current_setting('app.engine_probe', true), '') as value`
		);
		expect(row.value).toBeNull();
	});

	it('returns the same JavaScript values on every engine', async () => {
		const [row] = await db().query(
			`select 42::int8 as big, array[1, 2]::int8[] as bigs, 1.5::float8 as float,
			        '{"a": [1]}'::jsonb as json, true as flag, null::text as nothing`
		);
		expect(row).toEqual({
			big: 42,
			bigs: [1, 2],
			float: 1.5,
			json: { a: [1] },
			flag: true,
			nothing: null
		});
	});
});

describe('engines', () => {
	it('include PostgreSQL 15 when TEST_PG_URL is set, and only those TEST_ENGINES names', () => {
		const all = process.env.TEST_PG_URL ? ['pglite', 'postgres15'] : ['pglite'];
		const chosen = process.env.TEST_ENGINES?.split(',') ?? all;
		expect(engines.map((engine) => engine.name)).toEqual(all.filter((n) => chosen.includes(n)));
	});

	it('refuses TEST_ENGINES naming an engine that is not there', () => {
		const saved = process.env.TEST_ENGINES;
		process.env.TEST_ENGINES = 'postgres15';
		try {
			expect(() => chosenEngines([{ name: 'pglite' }])).toThrow(
				/TEST_ENGINES=postgres15: only pglite here/
			);
		} finally {
			if (saved === undefined) delete process.env.TEST_ENGINES;
			else process.env.TEST_ENGINES = saved;
		}
	});

	it('keeps the named engines, in their order', () => {
		const saved = process.env.TEST_ENGINES;
		process.env.TEST_ENGINES = 'postgres15';
		try {
			const all = [{ name: 'pglite' }, { name: 'postgres15' }];
			expect(chosenEngines(all)).toEqual([{ name: 'postgres15' }]);
			delete process.env.TEST_ENGINES;
			expect(chosenEngines(all)).toEqual(all);
		} finally {
			if (saved === undefined) delete process.env.TEST_ENGINES;
			else process.env.TEST_ENGINES = saved;
		}
	});
});
