/**
 * A committed change reaches the public pages within two seconds, although they are served
 * from caches: in the process that indexed it, and in a second process on the same database
 * (DATABASE_URL, as several portal processes behind a load balancer share one). Runs the
 * production build against a throwaway PostgreSQL 15 (scripts/pg15.sh) with the demo seed.
 * Needs `npm run build` and PostgreSQL 15 (scripts/system-deps.sh).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServer, noBuild, startServer, type Server } from '../support/server';

const noPostgres = fs.existsSync('/usr/lib/postgresql/15/bin/initdb')
	? null
	: 'PostgreSQL 15 is not installed (scripts/system-deps.sh)';
const skip = noBuild ?? noPostgres;

const SECRET = 'freshness-test-secret-of-at-least-32-characters';
let cluster: { dir: string; url: string } | undefined;
let client: pg.Client;
const servers: Server[] = [];
let offerId: string;

const pg15 = (...args: string[]) =>
	execFileSync('bash', ['scripts/pg15.sh', ...args], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});

async function portal(): Promise<Server> {
	const server = await startServer({
		env: { DATABASE_URL: cluster!.url, EMBEDDED_JWT_SECRET: SECRET }
	});
	servers.push(server);
	await server.json('/api/offers?limit=1');
	return server;
}

async function page(server: Server, pathname: string) {
	const response = await fetch(server.base + pathname);
	return { body: await response.text(), cache: response.headers.get('x-cache') };
}

/** Milliseconds until `pathname` of `server` contains `text` (polling every 50 ms, 10 s at most). */
async function until(
	server: Server,
	pathname: string,
	text: string,
	since: number
): Promise<number> {
	while (performance.now() - since < 10_000) {
		if ((await page(server, pathname)).body.includes(text)) return performance.now() - since;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`${pathname} did not show "${text}" within 10 s`);
}

/** Asks for `pathname` until the response cache serves it (a starting process settles first). */
async function cached(server: Server, pathname: string): Promise<void> {
	const since = performance.now();
	while ((await page(server, pathname)).cache !== 'hit') {
		if (performance.now() - since > 30_000) throw new Error(`${pathname} is never cached`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Commits a new German title of the offer; returns when it was committed. */
async function retitle(title: string): Promise<number> {
	await client.query(
		`update public.offer_translations set title = $2 where offer_id = $1 and locale = 'de'`,
		[offerId, title]
	);
	return performance.now();
}

describe.skipIf(!!skip)(`fresh public pages${skip ? ` (skipped: ${skip})` : ''}`, () => {
	beforeAll(async () => {
		const envFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'freshness-')), 'env');
		pg15('start', envFile);
		const vars = Object.fromEntries(
			[...fs.readFileSync(envFile, 'utf8').matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]])
		);
		const url = `postgres://postgres@127.0.0.1:${vars.TEST_PG_PORT}/portal`;
		cluster = { dir: vars.TEST_PG_DIR, url };
		execFileSync('psql', ['-X', '-q', '-d', vars.TEST_PG_URL, '-c', 'create database portal']);
		pg15('schema', url);
		pg15('apply', url, 'supabase/seed.sql');
		client = new pg.Client({ connectionString: url });
		await client.connect();
		const { rows } = await client.query<{ id: string }>(
			`select o.id from public.offers o where o.state = 'published' order by o.id limit 1`
		);
		offerId = rows[0].id;
	}, 300_000);

	afterAll(async () => {
		await Promise.all(servers.map(killServer));
		await client?.end();
		if (cluster) pg15('stop', cluster.dir);
	});

	it('shows a change on the offer page and in the search within two seconds', async () => {
		const server = await portal();
		const offerPage = `/de/offers/${offerId}`;
		await cached(server, offerPage);

		const committed = await retitle('Frischekontrolle Nachtcafé');
		const onPage = await until(server, offerPage, 'Frischekontrolle Nachtcafé', committed);
		const inSearch = await until(
			server,
			'/de?q=Frischekontrolle',
			`/de/offers/${offerId}`,
			committed
		);
		console.log(
			`a committed title on the offer page after ${onPage.toFixed(0)} ms, in the search after ${inSearch.toFixed(0)} ms`
		);
		expect(onPage).toBeLessThan(2_000);
		expect(inSearch).toBeLessThan(2_000);
	}, 300_000);

	it('shows it in every process on the database, not only the one that indexed it', async () => {
		const [first] = servers;
		const second = await portal();
		const offerPage = `/de/offers/${offerId}`;
		for (const server of [first, second]) await cached(server, offerPage);
		const committed = await retitle('Zweiprozess Frühstück');
		const times = await Promise.all(
			[first, second].map((server) => until(server, offerPage, 'Zweiprozess Frühstück', committed))
		);
		console.log(
			`two processes: the offer page changed after ${times.map((t) => t.toFixed(0)).join(' and ')} ms`
		);
		for (const time of times) expect(time).toBeLessThan(2_000);
	}, 300_000);
});
