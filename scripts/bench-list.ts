/**
 * Throughput of the server-rendered offer list, measured with autocannon against the
 * production build (`npm run build` first): `/de` and `/ar?category=language_course`, each for
 * 10 s with 10 connections, after a short warm-up. Starts `node build` on a free port with the
 * embedded database in memory and stops it at the end. Prints a Markdown table.
 */
import { createRequire } from 'node:module';
import { requireBuild, startProductionServer } from './production-server';

/** The part of autocannon's result this script reads (the package ships no types). */
interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p97_5: number; average: number };
	non2xx: number;
	errors: number;
	timeouts: number;
}

type Autocannon = (options: {
	url: string;
	connections: number;
	duration: number;
	headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROUTES = ['/de', '/ar?category=language_course'];
const DURATION = 10;
const CONNECTIONS = 10;

requireBuild();

const server = await startProductionServer();
const base = server.base;

let failed = false;
try {
	await server.page('/de');
	const rows: string[] = [];
	for (const route of ROUTES) {
		const url = base + route;
		await server.page(route, 30_000);
		// warm-up: the search index, V8's compiled code, the database's caches
		await autocannon({ url, connections: CONNECTIONS, duration: 2 });
		const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
		const problems = result.non2xx + result.errors + result.timeouts;
		if (problems > 0) failed = true;
		rows.push(
			`| ${route} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ` +
				`${result.latency.p97_5} | ${result.requests.total} | ${problems} |`
		);
	}
	console.log(
		`| server-rendered list (${CONNECTIONS} connections, ${DURATION} s) | requests/s | ` +
			'latency p50 ms | latency p97.5 ms | requests | non-2xx, errors, timeouts |'
	);
	console.log('| --- | --- | --- | --- | --- | --- |');
	for (const row of rows) console.log(row);
	// autocannon hangs up at the deadline, but the server still answers what it has begun: one
	// more request waits behind those, so the server is idle when it is stopped
	await server.page(ROUTES[0], 60_000);
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	await server.stop();
}
process.exit(failed ? 1 : 0);
