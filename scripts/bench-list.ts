/**
 * Throughput of the server-rendered offer list, measured with autocannon against the
 * production build (`npm run build` first): `/de` and `/ar?category=language_course`, each for
 * 10 s with 10 connections, after a short warm-up. Starts `node build` on a free port with the
 * embedded database in memory and stops it at the end. Prints a Markdown table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

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

if (!existsSync('build/index.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(2);
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

async function waitForPage(server: ChildProcess, url: string, deadline: number): Promise<void> {
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
		try {
			const response = await fetch(url);
			await response.text();
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`no answer from ${url} within the time limit`);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['build'], {
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		DATA_DIR: 'memory'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
const stopped = new Promise((resolve) => server.once('exit', resolve));

let failed = false;
try {
	await waitForPage(server, `${base}/de`, Date.now() + 180_000);
	const rows: string[] = [];
	for (const route of ROUTES) {
		const url = base + route;
		await waitForPage(server, url, Date.now() + 30_000);
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
	await waitForPage(server, base + ROUTES[0], Date.now() + 60_000);
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	server.kill('SIGTERM');
	await stopped;
}
process.exit(failed ? 1 : 0);
