/**
 * The production server (`node server.js`, as `npm start` runs it) as the bench scripts start
 * it: on a free port of 127.0.0.1, with the embedded database in `dataDir` (default in memory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ProductionServer {
	/** `http://127.0.0.1:PORT` */
	readonly base: string;
	readonly process: ChildProcess;
	/** The body of `path` once it answers 200 (retrying until `timeoutMs` has passed). */
	page(path: string, timeoutMs?: number): Promise<string>;
	/** Stops the server (SIGTERM) and waits until it has exited. */
	stop(): Promise<void>;
}

/** Ends the script when there is no production build. */
export function requireBuild(): void {
	if (!existsSync('build/index.js')) {
		console.error('No production build: run `npm run build` first.');
		process.exit(2);
	}
}

/** A port of 127.0.0.1 nobody listens on right now. */
export function freePort(): Promise<number> {
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

export async function startProductionServer(dataDir = 'memory'): Promise<ProductionServer> {
	requireBuild();
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATA_DIR: dataDir },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	return {
		base,
		process: child,
		async page(path, timeoutMs = 180_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
				try {
					const response = await fetch(base + path);
					const body = await response.text();
					if (response.ok) return body;
				} catch {
					// not listening yet
				}
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			throw new Error(`no answer from ${base + path} within ${timeoutMs / 1000} s`);
		},
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
