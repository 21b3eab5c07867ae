/**
 * The production build (`node build`) with a file-backed embedded database, the way cities run
 * it: as process 1 of a container that is killed and restarted, and stopped with SIGTERM while
 * it serves. Needs `npm run build` first; scripts/test.sh runs this file after the build (the
 * vitest step before it leaves tests/deployment out).
 *
 * One migrated and seeded data directory is made once and copied for each server.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	killServer,
	noBuild,
	seededDataDir,
	startServer as start,
	STARTUP_MS,
	type Server
} from '../support/server';

const unshare = spawnSync('sh', ['-c', 'command -v unshare'], { encoding: 'utf8' }).stdout.trim();
const noNamespace =
	process.getuid?.() !== 0
		? 'a new PID namespace needs root'
		: unshare
			? null
			: 'unshare(1) from util-linux is not installed';

let root: string;
const servers: Server[] = [];

/** Starts the build on `dataDir`; with `pidNamespace`, as process 1 of a new PID namespace. */
async function startServer(
	dataDir: string,
	options: { pidNamespace?: boolean; env?: NodeJS.ProcessEnv } = {}
): Promise<Server> {
	const server = await start({
		dataDir,
		env: options.env,
		...(options.pidNamespace
			? {
					wrap: [unshare, ['--pid', '--fork', '--mount-proc', '--kill-child']],
					pidOf: (child) => childOf(child.pid!)
				}
			: {})
	});
	servers.push(server);
	return server;
}

/** The JSON of `path` once the server answers it with 200. */
const answer = (server: Server, pathname: string) => server.json<{ total: number }>(pathname);

/** The pid of `node build` itself: the child of `unshare`, seen from here. */
function childOf(pid: number): number {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) return Number(entry);
		} catch {
			// ended meanwhile
		}
	}
	throw new Error(`process ${pid} has no child`);
}

/** Peak resident memory of a process so far (VmHWM), in MB; null once it has ended. */
function peakRss(pid: number): number | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
		return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
	} catch {
		return null;
	}
}

/**
 * Whether the server on `port` has read every request sent to it so far: nothing waits in its
 * accept queue and no connection holds bytes it has not read (/proc/net/tcp). A request the
 * server has not read when SIGTERM comes is refused (adapter-node stops listening), like one
 * that comes after: draining those is a load balancer's job.
 */
function allRead(port: number): boolean {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const fields = line.trim().split(/\s+/);
		if (fields.length < 5 || !fields[1].endsWith(`:${hexPort}`)) continue;
		// for the listening socket: connections not accepted yet
		if (Number.parseInt(fields[4].split(':')[1], 16) > 0) return false;
	}
	return true;
}

interface Result {
	path: string;
	status: number;
	body: string;
	complete: boolean;
	/** performance.now() when the answer had fully arrived. */
	endedAt: number;
}

/** GET on a connection of its own; `sent` settles once the request is written. */
function get(base: string, path: string): { sent: Promise<void>; result: Promise<Result> } {
	let markSent!: () => void;
	const sent = new Promise<void>((resolve) => (markSent = resolve));
	const result = new Promise<Result>((resolve, reject) => {
		const request = http.get(base + path, { agent: false }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () =>
				resolve({
					path,
					status: response.statusCode ?? 0,
					body,
					complete: response.complete,
					endedAt: performance.now()
				})
			);
			response.on('error', reject);
		});
		request.on('finish', markSent);
		request.on('error', reject);
	});
	return { sent, result };
}

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'deployment-'));
});

// with --kill-child, unshare takes `node build` with it
afterEach(() => Promise.all(servers.splice(0).map(killServer)));

afterAll(() => {
	if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A migrated and seeded data directory of its own (quickly, from a template). */
const copyOfTemplate = (name: string) => seededDataDir(root, name);

describe.skipIf(!!noBuild)(`the production build${noBuild ? ` (skipped: ${noBuild})` : ''}`, () => {
	describe.each<{ lock: string; mode: string; env: NodeJS.ProcessEnv }>([
		{ lock: 'flock(1)', mode: 'flock', env: {} },
		// without flock on its PATH the lock file alone decides: by the process's start time
		{ lock: 'the lock file alone', mode: 'file', env: { PATH: '/nonexistent' } }
	])('as process 1 of a container, with $lock', ({ mode, env }) => {
		it.skipIf(!!noNamespace)(
			`starts again after a kill -9, with its data${noNamespace ? ` (skipped: ${noNamespace})` : ''}`,
			async () => {
				const dataDir = await copyOfTemplate(`crash-${mode}`);
				const first = await startServer(dataDir, { pidNamespace: true, env });
				const before = await answer(first, '/api/offers');
				expect(before.total).toBeGreaterThan(0);
				first.kill('SIGKILL');
				await first.exit;

				const started = performance.now();
				const second = await startServer(dataDir, { pidNamespace: true, env });
				const after = await answer(second, '/api/offers');
				console.log(
					`restarted after kill -9 (${mode}): answering in ${((performance.now() - started) / 1000).toFixed(1)} s`
				);
				expect(after.total).toBe(before.total);
				// the previous holder was process 1 too: named, and its lock taken over
				expect(second.log()).toMatch(
					new RegExp(
						`${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was locked by process 1 on .*: taking over`
					)
				);
				second.kill('SIGTERM');
				expect(await second.exit).toEqual({ code: 0, signal: null });
			},
			STARTUP_MS * 2
		);
	});

	it(
		'on SIGTERM answers every request in flight, then closes the database and exits with 0',
		async () => {
			const dataDir = await copyOfTemplate('sigterm');
			const server = await startServer(dataDir);
			const pid = server.child.pid!;
			await answer(server, '/api/offers');
			const port = Number(new URL(server.base).port);
			let peak = peakRss(pid) ?? 0;
			const sampler = setInterval(() => (peak = peakRss(pid) ?? peak), 100);

			const requests = Array.from({ length: 20 }, (_, i) =>
				get(server.base, i % 2 ? '/api/offers.ics' : '/de')
			);
			await Promise.all(requests.map((request) => request.sent));
			const deadline = Date.now() + 30_000;
			while (!allRead(port) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			const terminatedAt = performance.now();
			server.kill('SIGTERM');

			const results = await Promise.all(requests.map((request) => request.result));
			const { code, signal } = await server.exit;
			clearInterval(sampler);
			console.log(
				`SIGTERM under load: 20 requests answered, ` +
					`${results.filter((r) => r.endedAt > terminatedAt).length} of them after the signal; ` +
					`peak resident memory of the server ${peak} MB`
			);

			for (const result of results) {
				expect(result.status, result.path).toBe(200);
				expect(result.complete, result.path).toBe(true);
				expect(result.body.trimEnd()).toMatch(
					result.path === '/de' ? /<\/html>$/ : /END:VCALENDAR$/
				);
			}
			// they were in flight: the server had read them, and answered some after the signal
			expect(results.some((result) => result.endedAt > terminatedAt)).toBe(true);
			expect({ code, signal }, server.log()).toEqual({ code: 0, signal: null });
			const closedAt = server.logged(/^\[embedded supabase\] closed /);
			expect(closedAt, server.log()).toBeDefined();
			expect(closedAt!).toBeGreaterThanOrEqual(Math.max(...results.map((r) => r.endedAt)));

			// a clean stop leaves nothing to take over
			const again = await startServer(dataDir);
			await answer(again, '/api/offers');
			expect(again.log()).not.toMatch(/taking over|waiting up to|stale/);
			again.kill('SIGTERM');
			expect(await again.exit).toEqual({ code: 0, signal: null });
		},
		STARTUP_MS * 2
	);
});
