/**
 * The city office's coverage at the size issue 10 names: 50 districts, 150 measures in 6 fields
 * of action, 10,000 published offers (each implementing one or two measures, every seventh in a
 * second category, every 50th without a place), on an in-memory PGlite with the migrations.
 * Times `city_coverage()` (the matrix by field and category and the gap lists) through
 * supabase-js and the embedded PostgREST as the city pages call it, and the size of its answer;
 * then `city_coverage_offers()`, the list behind one number (a cell, a column's total).
 * Aim: under 200 ms.
 *
 *   npx tsx scripts/bench-coverage.ts [--offers 10000] [--calls 20]
 */
import { createClient } from '@supabase/supabase-js';
import { parseArgs } from 'node:util';
import ws from 'ws';
import { createTestDatabase } from '../src/lib/server/embedded/database';
import { createEmbeddedFetch, EMBEDDED_URL } from '../src/lib/server/embedded/fetch';
import { createKeys } from '../src/lib/server/embedded/jwt';
import { ms, percentile } from './bench-tools';

const { values } = parseArgs({
	options: {
		offers: { type: 'string', default: '10000' },
		calls: { type: 'string', default: '20' }
	}
});
const offers = Number(values.offers);
const calls = Number(values.calls);
const SECRET = 'bench-coverage-secret-of-at-least-32-chars';

const db = await createTestDatabase({ seed: false });
const started = performance.now();
await db.exec(`
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
insert into public.measures (goal_id, position, code, title)
select g.id, m, g.code || '.' || m, 'Maßnahme ' || g.code || '.' || m
from public.goals g, generate_series(1, 4) m
where (select count(*) from public.goals) > 0
order by g.code limit 150;
`);
await db.query(
	`insert into public.offers (organisation_id, category, state, location)
	 select o.id, (array['language_course','cultural_cafe','counselling','sports','family','work','event'])[1 + i % 7],
	        'published',
	        case when i % 50 <> 0 then extensions.st_setsrid(extensions.st_makepoint(10.0005 + (i * 7919 % 1000) * 0.0000999,
	          47.0005 + (i * 104729 % 500) * 0.0000999), 4326) end
	 from public.organisations o, generate_series(1, $1::integer) i`,
	[offers]
);
await db.exec(`
update public.offers set categories = categories || 'counselling'::text
where category <> 'counselling' and abs(hashtext(id::text)) % 7 = 0;
insert into public.offer_measures (offer_id, measure_id)
select o.id, m.id from (select id, row_number() over (order by id) n from public.offers) o
join (select id, row_number() over (order by code) - 1 k from public.measures) m
  on m.k = o.n % 149 or (o.n % 3 = 0 and m.k = (o.n * 7) % 149)
on conflict do nothing;
`);
// as the embedded server does at every start (database.ts gatherStatistics)
await db.exec('analyze');
const built = performance.now() - started;

const { serviceRoleKey } = await createKeys(SECRET);
const client = createClient(EMBEDDED_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	global: { fetch: createEmbeddedFetch(db, { jwtSecret: SECRET }) },
	realtime: { transport: ws as never }
});

const times: number[] = [];
let bytes = 0;
for (let i = 0; i < calls + 2; i++) {
	const t0 = performance.now();
	const { data, error } = await client.rpc('city_coverage', {});
	const elapsed = performance.now() - t0;
	if (error) throw new Error(`city_coverage failed: ${error.message}`);
	if (i >= 2) times.push(elapsed); // two warm-up calls
	bytes = JSON.stringify(data).length;
}
const sorted = times.sort((a, b) => a - b);
const [{ n: linked }] = (
	await db.query<{ n: number }>(`select count(*)::int as n from public.offer_measures`)
).rows;
console.log(
	`\n## Coverage (city_coverage), ${offers.toLocaleString('en')} offers, 50 districts, 150 measures\n`
);
console.log(
	`Data built in ${(built / 1000).toFixed(1)} s (${linked.toLocaleString('en')} measure links).\n`
);
console.log('| calls | p50 | p95 | max | answer (JSON) | aim |');
console.log('| --- | --- | --- | --- | --- | --- |');
const p95 = percentile(sorted, 95);
console.log(
	`| ${calls} | ${ms(percentile(sorted, 50))} | ${ms(p95)} | ${ms(sorted.at(-1)!)} | ${(bytes / 1024).toFixed(0)} KB | < 200 ms: ${p95 < 200 ? 'met' : 'missed'} |`
);

// the offers behind one number (city_coverage_offers): a district × field cell, and a column's
// total (the field in every district, the longest list a matrix number links to)
const listTimes = async (args: Record<string, string>) => {
	const times: number[] = [];
	let rows = 0;
	for (let i = 0; i < calls + 2; i++) {
		const t0 = performance.now();
		const { data, error } = await client.rpc('city_coverage_offers', args);
		const elapsed = performance.now() - t0;
		if (error) throw new Error(`city_coverage_offers failed: ${error.message}`);
		if (i >= 2) times.push(elapsed);
		rows = data.length;
	}
	return { sorted: times.sort((a, b) => a - b), rows };
};
console.log('\n### The offers behind a number (city_coverage_offers)\n');
console.log('| list | offers | p50 | p95 | max |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, args] of [
	['one cell (district d1, field 1)', { p_district: 'd1', p_field: '1' }],
	['a column total (field 1)', { p_field: '1' }]
] as const) {
	const { sorted: list, rows } = await listTimes(args);
	console.log(
		`| ${name} | ${rows.toLocaleString('en')} | ${ms(percentile(list, 50))} | ${ms(percentile(list, 95))} | ${ms(list.at(-1)!)} |`
	);
}
await db.close();
