/**
 * The production build as the deployment suites start it: `node build` on a free port of
 * 127.0.0.1, on a data directory (or DATABASE_URL), its log kept, stopped by the suite.
 *
 *   const dir = await seededDataDir(root, 'one');            // migrated and seeded, quickly
 *   const server = await startServer({ dataDir: dir });
 *   await server.json('/api/offers');                       // waits until it answers
 *   server.kill('SIGTERM'); await server.exit;
 *
 * Needs `npm run build`: `noBuild` says why a suite must be skipped.
 */
import { PGlite } from '@electric-sql/pglite';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '$lib/server/embedded/database';
import { freePort } from '../../scripts/production-server';

export const noBuild = fs.existsSync('build/index.js')
	? null
	: 'no production build: run `npm run build` first';

/** How long a start may take (a fresh database is migrated on the way). */
export const STARTUP_MS = 180_000;

export interface Server {
	base: string;
	/** `node build`, or the command that runs it (e.g. `unshare`). */
	child: ChildProcess;
	/** Sends a signal to `node build` itself. */
	kill(signal: NodeJS.Signals): void;
	/** stdout and stderr so far. */
	log(): string;
	/** When a line matching `pattern` appeared in the log (performance.now()). */
	logged(pattern: RegExp): number | undefined;
	/** The JSON of `path` once the server answers it with 200 (waiting for the start). */
	json<T = unknown>(path: string): Promise<T>;
	exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
	/** The embedded database's directory (DATA_DIR); not needed with DATABASE_URL in `env`. */
	dataDir?: string;
	/** More environment; FAIR_USE is off unless said otherwise (one address sends it all). */
	env?: NodeJS.ProcessEnv;
	/** Runs `node build` through this command, e.g. ['unshare', ['--pid', '--fork', …]]. */
	wrap?: [string, string[]];
	/** Finds `node build`'s pid when `wrap` starts it as a child. */
	pidOf?: (child: ChildProcess) => number;
}

export async function startServer(options: StartOptions = {}): Promise<Server> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		FAIR_USE: 'off',
		...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
		...options.env
	};
	delete env.SUPABASE_URL;
	const [command, args] = options.wrap
		? [options.wrap[0], [...options.wrap[1], process.execPath, 'build']]
		: [process.execPath, ['build']];
	const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let text = '';
	const lines: { at: number; line: string }[] = [];
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			text += chunk;
			for (const line of chunk.split('\n')) lines.push({ at: performance.now(), line });
		});
	}
	const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	const server: Server = {
		base,
		child,
		kill: (signal) => process.kill(options.pidOf ? options.pidOf(child) : child.pid!, signal),
		log: () => text,
		logged: (pattern) => lines.find(({ line }) => pattern.test(line))?.at,
		async json<T>(pathname: string) {
			const deadline = Date.now() + STARTUP_MS;
			while (Date.now() < deadline) {
				if (child.exitCode !== null || child.signalCode !== null) {
					throw new Error(`the server ended before answering:\n${text}`);
				}
				try {
					const response = await fetch(base + pathname);
					if (response.ok) return (await response.json()) as T;
				} catch {
					// not listening yet
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			throw new Error(`no answer from ${base + pathname}:\n${text}`);
		},
		exit
	};
	return server;
}

/** Stops `server` if it still runs (SIGKILL: for clean-up after a test). */
export async function killServer(server: Server): Promise<void> {
	if (server.child.exitCode === null && server.child.signalCode === null) {
		server.child.kill('SIGKILL');
		await server.exit;
	}
}

/**
 * A migrated and seeded data directory `root/name`: the database of the SQL suites
 * (createTestDatabase caches it on disk) written out, much quicker than migrating a new one.
 */
export async function seededDataDir(root: string, name: string): Promise<string> {
	const template = path.join(root, 'template');
	if (!fs.existsSync(template)) {
		const memory = await createTestDatabase({ seed: true });
		const dump = await memory.dumpDataDir('gzip');
		await memory.close();
		const db = await PGlite.create(template, { loadDataDir: dump });
		await db.close();
	}
	const dir = path.join(root, name);
	fs.cpSync(template, dir, { recursive: true });
	return dir;
}
