/**
 * The city office's report exports, their sizes and times: the coverage matrix, the gap lists,
 * the measures with status and the comparison of two snapshots, each as CSV and XLSX, built by
 * the same functions the export endpoint uses (src/lib/server/reports), from the same RPCs
 * called through supabase-js and the embedded PostgREST as a signed-in city admin.
 *
 * Two cities: the demo (the seed) and a big one the size issue 10 names (50 districts,
 * 150 measures, 10,000 published offers; the data of scripts/bench-coverage.ts).
 *
 *   npx tsx scripts/bench-reports.ts [--calls 5]
 */
import { createClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import ws from 'ws';
import type { PGlite } from '@electric-sql/pglite';
import { translate } from '../src/lib/i18n/translate';
import { createTestDatabase } from '../src/lib/server/embedded/database';
import { createEmbeddedFetch, EMBEDDED_URL } from '../src/lib/server/embedded/fetch';
import { createKeys, signJwt } from '../src/lib/server/embedded/jwt';
import { toCsv } from '../src/lib/server/reports/csv';
import {
	comparisonExport,
	gapsExport,
	matrixExport,
	measuresExport,
	type Translate
} from '../src/lib/server/reports/exports';
import type { ReportExport } from '../src/lib/server/reports/table';
import { toXlsx } from '../src/lib/server/reports/xlsx';
import { ms, percentile } from './bench-tools';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '5' } } });
const calls = Number(values.calls);
const SECRET = 'bench-reports-secret-of-at-least-32-characters';

const messages = {
	...JSON.parse(readFileSync('messages/de.json', 'utf8')),
	...JSON.parse(readFileSync('messages/staff/de.json', 'utf8'))
} as Record<string, string>;
const t: Translate = (key, options) => translate(messages, 'de', key, options);

const BIG_CITY = `
insert into public.cities (slug, name) values ('bench', 'Bench');
insert into public.districts (city_id, slug, name, geom, population, population_migration)
select c.id, 'd' || i, 'Stadtteil ' || i,
       extensions.st_multi(extensions.st_makeenvelope(10 + (i % 10) * 0.01, 47 + (i / 10) * 0.01,
         10.01 + (i % 10) * 0.01, 47.01 + (i / 10) * 0.01, 4326)), 5000 + i * 10, 1500
from public.cities c, generate_series(0, 49) i;
insert into public.organisations (city_id, slug, name, kind)
select id, 'anbieter', 'Anbieter', 'provider' from public.cities;
insert into public.concepts (city_id, slug, title, is_current) select id, 'kik', 'KIK', true from public.cities;
insert into public.fields_of_action (concept_id, position, code, title)
select k.id, f, f::text, 'Handlungsfeld ' || f from public.concepts k, generate_series(1, 6) f;
insert into public.goals (field_of_action_id, position, code, title)
select f.id, g, f.code || '.' || g, 'Ziel ' || f.code || '.' || g
from public.fields_of_action f, generate_series(1, 7) g;
insert into public.measures (goal_id, position, code, title, status)
select g.id, m, g.code || '.' || m, 'Maßnahme ' || g.code || '.' || m,
       (array['implemented','in_progress_start','in_progress_middle','at_risk','scheduled'])[1 + m % 5]::public.measure_status
from public.goals g, generate_series(1, 4) m
order by g.code limit 150;
insert into public.offers (organisation_id, category, state, location)
select o.id, (array['language_course','cultural_cafe','counselling','sports','family','work','event'])[1 + i % 7],
       'published',
       case when i % 50 <> 0 then extensions.st_setsrid(extensions.st_makepoint(10.0005 + (i * 7919 % 1000) * 0.0000999,
         47.0005 + (i * 104729 % 500) * 0.0000999), 4326) end
from public.organisations o, generate_series(1, 10000) i;
insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
select id, 'de', 'Angebot ' || left(id::text, 8), 'original', true from public.offers;
insert into public.offer_measures (offer_id, measure_id)
select o.id, m.id from (select id, row_number() over (order by id) n from public.offers) o
join (select id, row_number() over (order by code) - 1 k from public.measures) m
  on m.k = o.n % 149 or (o.n % 3 = 0 and m.k = (o.n * 7) % 149)
on conflict do nothing;
`;

async function adminClient(db: PGlite) {
	const [{ id }] = (
		await db.query<{ id: string }>(
			`insert into auth.users (email) values ('bench-admin@example.org') returning id::text`
		)
	).rows;
	await db.query(`insert into public.city_admins (user_id) values ($1)`, [id]);
	const { anonKey } = await createKeys(SECRET);
	const token = await signJwt(
		{ sub: id, role: 'authenticated', aud: 'authenticated', email: 'bench-admin@example.org' },
		SECRET,
		{ expiresIn: 3600 }
	);
	return createClient(EMBEDDED_URL, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: {
			fetch: createEmbeddedFetch(db, { jwtSecret: SECRET }),
			headers: { Authorization: `Bearer ${token}` }
		},
		realtime: { transport: ws as never }
	});
}

/** Time spent in each RPC, for the notes under the table. */
const rpcTimes = new Map<string, number[]>();

async function rpc<T>(
	client: Awaited<ReturnType<typeof adminClient>>,
	name: string,
	args: Record<string, unknown> = {}
) {
	const t0 = performance.now();
	const { data, error } = await client.rpc(name as never, args as never);
	if (error) throw new Error(`${name} failed: ${error.message}`);
	const key = 'p_gap' in args ? `${name}(${String(args.p_gap)})` : name;
	rpcTimes.set(key, [...(rpcTimes.get(key) ?? []), performance.now() - t0]);
	return data as T;
}

async function bench(name: string, db: PGlite, calls: number) {
	rpcTimes.clear();
	await db.exec('analyze');
	const client = await adminClient(db);
	const gaps = ['without_measure', 'without_point', 'without_district'] as const;
	const builders: Record<string, () => Promise<ReportExport>> = {
		matrix: async () => matrixExport(await rpc(client, 'city_coverage'), t),
		gaps: async () => {
			const [coverage, ...lists] = await Promise.all([
				rpc<never>(client, 'city_coverage'),
				...gaps.map((gap) => rpc<never[]>(client, 'city_coverage_offers', { p_gap: gap }))
			]);
			return gapsExport(
				coverage,
				{ without_measure: lists[0], without_point: lists[1], without_district: lists[2] },
				t
			);
		},
		measures: async () => measuresExport('kik', await rpc(client, 'city_measures'), t)
	};
	// two snapshots with a fifth of the measures changed between them
	const first = await rpc<{ id: string }>(client, 'take_snapshot', {
		p_reference_date: '2026-06-30'
	});
	await db.exec(`update public.measures set status = 'implemented' where position = 1`);
	const t0 = performance.now();
	const second = await rpc<{ id: string }>(client, 'take_snapshot', {
		p_reference_date: '2026-09-30'
	});
	const snapshotTime = performance.now() - t0;
	builders.comparison = async () =>
		comparisonExport(
			await rpc(client, 'compare_snapshots', { p_from: first.id, p_to: second.id }),
			t
		);

	console.log(`\n### ${name}\n`);
	console.log(`take_snapshot: ${ms(snapshotTime)}.\n`);
	console.log('| export | rows | CSV | XLSX | data (p50) | + CSV | + XLSX |');
	console.log('| --- | --- | --- | --- | --- | --- | --- |');
	const median = (times: number[]) =>
		ms(
			percentile(
				[...times].sort((a, b) => a - b),
				50
			)
		);
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	for (const [table, build] of Object.entries(builders)) {
		const times = { data: [] as number[], csv: [] as number[], xlsx: [] as number[] };
		let csvBytes = 0;
		let xlsxBytes = 0;
		let rows = 0;
		// one warm-up round, then `calls` measured ones (a single round when calls is 0)
		for (let i = 0; i < calls + 1; i++) {
			const t0 = performance.now();
			const report = await build();
			const t1 = performance.now();
			const csv = new TextEncoder().encode(toCsv(report.csv));
			const t2 = performance.now();
			const xlsx = await toXlsx(report.tables);
			const t3 = performance.now();
			if (i > 0 || calls === 0) {
				times.data.push(t1 - t0);
				times.csv.push(t2 - t1);
				times.xlsx.push(t3 - t2);
			}
			csvBytes = csv.length;
			xlsxBytes = xlsx.length;
			rows = report.tables.reduce((n, tbl) => n + tbl.rows.length, 0);
		}
		console.log(
			`| ${table} | ${rows.toLocaleString('en')} | ${kb(csvBytes)} | ${kb(xlsxBytes)} | ${median(times.data)} | ${median(times.csv)} | ${median(times.xlsx)} |`
		);
	}
	console.log(
		`\nRPCs (p50): ${[...rpcTimes].map(([rpcName, times]) => `${rpcName} ${median(times)}`).join(', ')}.`
	);
}

console.log('\n## Report exports (CSV and XLSX)');
const demo = await createTestDatabase({ seed: true });
await bench('Demo city (seed)', demo, calls);
await demo.close();
const big = await createTestDatabase({ seed: false });
await big.exec(BIG_CITY);
// one round: the gap lists (city_coverage_offers) take a minute each at this size
await bench('Big city: 50 districts, 150 measures, 10,000 offers', big, 0);
await big.close();
