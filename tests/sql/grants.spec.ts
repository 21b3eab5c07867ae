/**
 * Grants as Supabase wants them since October 2026: nothing in `public` reaches the API roles
 * without an explicit grant (the shim sets those defaults on both engines). The list of
 * functions and their roles is src/lib/server/data/rpc-access.ts; here, on PGlite and
 * PostgreSQL 15:
 *
 * - every function in `public` is in the list, and every listed one exists;
 * - exactly the listed roles may execute each (PUBLIC none);
 * - each listed role can really call each function, on a small world that makes the function
 *   touch its tables, helpers and policies;
 * - visitors and staff hold exactly the table privileges that have a policy for them.
 */
import { describe, expect, it } from 'vitest';
import { API_ROLES, RPC_ACCESS, rpcAccessList, type ApiRole } from '$lib/server/data/rpc-access';
import {
	engines,
	useSession,
	type Actor,
	type SqlQuery,
	type SqlSession
} from '../support/sql-engines';
import {
	createCity,
	createCityAdmin,
	createConcept,
	createDistrict,
	createOffer,
	createOrganisation
} from '../support/factories';

interface FunctionRow {
	name: string;
	signature: string;
	args: { name: string; type: string }[];
	executors: string[];
	public_executes: boolean;
}

/** The functions in `public` that no extension owns, with who may execute them. */
const publicFunctions = (db: SqlQuery) =>
	db.query<FunctionRow>(
		`select p.proname as name, p.oid::regprocedure::text as signature,
		        coalesce((select jsonb_agg(jsonb_build_object('name', a.name, 'type', format_type(a.type, null))
		                                   order by a.n)
		                  from unnest(p.proargnames[1:p.pronargs], p.proargtypes::oid[]) with ordinality as a(name, type, n)),
		                 '[]') as args,
		        array(select r.rolname::text from pg_roles r
		              where r.rolname in ('anon', 'authenticated', 'service_role')
		                and has_function_privilege(r.oid, p.oid, 'execute')
		              order by r.rolname) as executors,
		        coalesce(aclexplode_public.granted, false) as public_executes
		 from pg_proc p
		 join pg_namespace n on n.oid = p.pronamespace
		 left join lateral (
		   select true as granted from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x
		   where x.grantee = 0 and x.privilege_type = 'EXECUTE' limit 1
		 ) aclexplode_public on true
		 where n.nspname = 'public'
		   and p.prorettype <> 'trigger'::regtype
		   and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
		 order by p.proname`
	);

/** Calls `fn` as PostgREST does: named arguments read from a JSON body. */
async function call(db: SqlQuery, fn: FunctionRow, body: Record<string, unknown>) {
	const used = fn.args.filter((arg) => arg.name in body);
	const columns = used.map((arg) => `${arg.name} ${arg.type}`).join(', ');
	const named = used.map((arg) => `${arg.name} => r.${arg.name}`).join(', ');
	const source = used.length > 0 ? `jsonb_to_record($1::jsonb) as r(${columns}),` : '';
	return db.query(
		`select to_jsonb(f) as result from ${source} lateral public.${fn.name}(${named}) f`,
		used.length > 0 ? [JSON.stringify(body)] : []
	);
}

/** Ids of a small world, so that the probes reach real rows. */
async function buildWorld(db: SqlSession) {
	const adminId = await createCityAdmin(db);
	const city = await createCity(db);
	const district = await createDistrict(db, city.id);
	const org = await createOrganisation(db, city.id);
	const concept = await createConcept(db, city.id, { measureCodes: ['1.1.1'] });
	const offer = await createOffer(db, org.id, {
		point: [10.35, 47.75],
		measureIds: Object.values(concept.measures)
	});
	await db.query(
		`insert into public.schedules (offer_id, starts_at, rrule) values ($1, now(), 'FREQ=WEEKLY')`,
		[offer.id]
	);
	return { adminId, city, district, offer };
}

const actorOf = (role: ApiRole, adminId: string): Actor =>
	role === 'authenticated' ? { role, userId: adminId } : { role };

for (const engine of engines) {
	describe(`${engine.name}: grants`, () => {
		const db = useSession(engine);

		it('lists every function in public with its roles, and nothing that does not exist', async () => {
			const names = (await publicFunctions(db())).map((fn) => fn.name);
			expect(names).toEqual(Object.keys(RPC_ACCESS).sort());
		});

		it('lets exactly the listed roles execute each function, and PUBLIC none', async () => {
			for (const fn of await publicFunctions(db())) {
				const access = RPC_ACCESS[fn.name as keyof typeof RPC_ACCESS];
				expect({ fn: fn.signature, executors: fn.executors, public: fn.public_executes }).toEqual({
					fn: fn.signature,
					executors: [...access.roles].sort(),
					public: false
				});
			}
		});

		it('lets each listed role call each function on real rows', async () => {
			const world = await buildWorld(db());
			const realRows: Record<string, Record<string, unknown>> = {
				get_offer: { p_id: world.offer.id, p_locale: 'ar' },
				get_district: { p_slug: world.district.slug },
				offer_schedules: { p_ids: [world.offer.id] }
			};
			const functions = new Map((await publicFunctions(db())).map((fn) => [fn.name, fn]));
			const failures: string[] = [];
			for (const [name, access] of rpcAccessList()) {
				const fn = functions.get(name)!;
				for (const role of access.roles) {
					const body = { ...access.probe, ...realRows[name] };
					try {
						await db().as(actorOf(role, world.adminId), (q) => call(q, fn, body));
						if (access.probeError)
							failures.push(`${name} as ${role}: expected ${access.probeError}`);
					} catch (error) {
						const code = (error as { code?: string }).code;
						if (code !== access.probeError) {
							failures.push(`${name} as ${role}: ${code} ${(error as Error).message}`);
						}
					}
				}
			}
			expect(failures).toEqual([]);
		});

		it('refuses the functions to the roles that are not listed', async () => {
			const world = await buildWorld(db());
			const functions = new Map((await publicFunctions(db())).map((fn) => [fn.name, fn]));
			for (const [name, access] of rpcAccessList()) {
				for (const role of API_ROLES.filter((r) => !access.roles.includes(r))) {
					const attempt = db().as(actorOf(role, world.adminId), (q) =>
						call(q, functions.get(name)!, access.probe)
					);
					await expect(attempt, `${name} as ${role}`).rejects.toMatchObject({ code: '42501' });
				}
			}
		});

		it('gives visitors and staff exactly the table privileges that have a policy', async () => {
			const rows = await db().query<{ grants: string[]; policies: string[] }>(
				`with tables as (
				   select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				   where n.nspname = 'public' and c.relkind = 'r'),
				 privileges as (
				   select t.relname || ' ' || r.rolname || ' ' || lower(p.op) as entry
				   from tables t
				   cross join (values ('anon'), ('authenticated')) as r(rolname)
				   cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE')) as p(op)
				   where has_table_privilege(r.rolname, t.oid, p.op))
				 select array(select entry from privileges order by entry) as grants,
				        array(select distinct tablename || ' ' || role || ' ' || lower(cmd)
				              from pg_policies, unnest(roles) as role
				              where schemaname = 'public' order by 1) as policies`
			);
			expect(rows[0].grants).toEqual(rows[0].policies);
		});
	});
}
