/**
 * npm run bench — the numbers the README quotes, measured on this machine.
 *
 *   startup: time from `node build` to the first served page on a fresh data directory
 *            (PGlite + PostGIS created, migrations and demo seed applied) and on a warm one,
 *            and the server's resident memory after the first page.
 *
 * Needs a production build (`npm run build`). Prints a Markdown table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 4399;
const firstPage = `http://127.0.0.1:${port}/de`;

if (!existsSync('build/index.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(2);
}

function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return Math.round(kb / 1024);
}

async function waitForPage(server: ChildProcess, deadline: number): Promise<void> {
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
		try {
			const response = await fetch(firstPage);
			if (response.ok) {
				await response.text();
				return;
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('no page within the time limit');
}

async function start(dataDir: string): Promise<{ seconds: number; rssMb: number }> {
	const began = performance.now();
	const server = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATA_DIR: dataDir
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		await waitForPage(server, Date.now() + 120_000);
		const seconds = (performance.now() - began) / 1000;
		return { seconds, rssMb: residentMegabytes(server.pid!) };
	} finally {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
	}
}

const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
try {
	const fresh = await start(dataDir);
	const warm = await start(dataDir);
	console.log('| startup (node build → first page) | seconds | resident memory |');
	console.log('| --- | --- | --- |');
	console.log(`| fresh data directory | ${fresh.seconds.toFixed(1)} | ${fresh.rssMb} MB |`);
	console.log(`| warm data directory | ${warm.seconds.toFixed(1)} | ${warm.rssMb} MB |`);
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
