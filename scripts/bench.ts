/**
 * npm run bench — the numbers the README quotes, measured on this machine.
 *
 *   startup: time from `node build` to the first served page on a fresh data directory
 *            (PGlite + PostGIS created, migrations and demo seed applied) and on a warm one,
 *            and the server's resident memory after the first page.
 *
 * Needs a production build (`npm run build`). Prints a Markdown table.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuild, startProductionServer } from './production-server';

requireBuild();

function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return Math.round(kb / 1024);
}

async function start(dataDir: string): Promise<{ seconds: number; rssMb: number }> {
	const began = performance.now();
	const server = await startProductionServer(dataDir);
	try {
		await server.page('/de', 120_000);
		const seconds = (performance.now() - began) / 1000;
		return { seconds, rssMb: residentMegabytes(server.process.pid!) };
	} finally {
		await server.stop();
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
