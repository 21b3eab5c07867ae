/**
 * Throughput of the embedded PostgREST handler: sequential supabase.rpc() calls of small
 * functions through supabase-js and the embedded fetch on an in-memory PGlite with the
 * migrations, and what each call costs the database (statements, protocol round trips).
 *
 *   npx tsx scripts/bench-rpc.ts [--calls 2000]
 *
 * Prints one line per kind of call: calls per second, CPU time per call (steadier than calls
 * per second on a busy machine), statements and PGlite protocol round trips per call (counted by wrapping the database's transaction and query, and PGlite's
 * execProtocolStream).
 */
import { createClient } from '@supabase/supabase-js';
import { parseArgs } from 'node:util';
import ws from 'ws';
import { createTestDatabase } from '../src/lib/server/embedded/database';
import { createEmbeddedFetch, EMBEDDED_URL } from '../src/lib/server/embedded/fetch';
import { createKeys } from '../src/lib/server/embedded/jwt';
import type { SqlDatabase } from '../src/lib/server/embedded/sql';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '2000' } } });
const calls = Number(values.calls);
const SECRET = 'bench-rpc-secret-of-at-least-32-characters';

const db = await createTestDatabase({ seed: false });
await db.exec(`
create function public.bench_add(a integer, b integer) returns integer
language sql immutable as $$ select a + b $$;
create function public.bench_touch(n integer) returns integer
language sql volatile as $$ select n + 1 $$;
grant execute on function public.bench_add(integer, integer), public.bench_touch(integer) to anon;
`);

let statements = 0;
let roundTrips = 0;
const counted: SqlDatabase = {
	get closed() {
		return db.closed;
	},
	transaction(fn) {
		statements += 2; // begin, and commit or rollback
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
const execProtocolStream = db.execProtocolStream.bind(db);
db.execProtocolStream = (...args) => {
	roundTrips++;
	return execProtocolStream(...args);
};

const { anonKey } = await createKeys(SECRET);
const fetch = createEmbeddedFetch(counted, { jwtSecret: SECRET });
const anon = createClient(EMBEDDED_URL, anonKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	global: { fetch },
	realtime: { transport: ws as never }
});

const kinds: Record<string, () => PromiseLike<{ error: unknown }>> = {
	'POST immutable bench_add(a, b)': () => anon.rpc('bench_add', { a: 1, b: 2 }),
	'GET immutable bench_add(a, b)': () => anon.rpc('bench_add', { a: 1, b: 2 }, { get: true }),
	'POST volatile bench_touch(n)': () => anon.rpc('bench_touch', { n: 1 })
};

for (const [name, call] of Object.entries(kinds)) {
	for (let i = 0; i < 200; i++) {
		const { error } = await call();
		if (error) throw new Error(`${name}: ${JSON.stringify(error)}`);
	}
	statements = 0;
	roundTrips = 0;
	const start = performance.now();
	const cpu = process.cpuUsage();
	for (let i = 0; i < calls; i++) await call();
	const seconds = (performance.now() - start) / 1000;
	const { user, system } = process.cpuUsage(cpu);
	console.log(
		`${name}: ${Math.round(calls / seconds)} calls/s, ` +
			`${((user + system) / 1000 / calls).toFixed(2)} ms CPU per call, ` +
			`${(statements / calls).toFixed(1)} statements and ${(roundTrips / calls).toFixed(1)} round trips per call`
	);
}
await db.close();
