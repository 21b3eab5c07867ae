/**
 * The bare-page ratio: how many server-rendered start pages the portal answers per second,
 * compared with a bare SvelteKit page on the same machine.
 *
 * The bare page is built here: a tiny app in a temporary directory with the project's own
 * @sveltejs/kit, svelte, vite and adapter-node (its node_modules is a link to the project's),
 * one +page.server.ts whose load returns 20 items and a +page.svelte that lists them;
 * `vite build`, then `node build`. The portal is the production build as the other bench
 * scripts start it (scripts/production-server.ts), with the demo data in memory and fair use
 * off (every autocannon connection comes from one address, which fair use would answer 429).
 *
 * autocannon, 10 connections, `Accept-Encoding: br, gzip` as a browser sends it; after a
 * warm-up of each, the two take turns (bare, /de, bare, /de, …), so that a change of the
 * machine's load falls on both alike. The portal answers /de from its response cache (brotli);
 * the bare page renders each time and is sent uncompressed (adapter-node compresses only
 * static files). This supersedes the former list throughput (scripts/bench-list.ts).
 *
 * Aim: the portal's /de answers at least half the bare page's requests per second. Exits with
 * 1 on non-2xx answers, errors or timeouts, not on a missed aim. Prints Markdown tables.
 *
 *   npx tsx scripts/bench-bare.ts [--rounds 3] [--seconds 5]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { requireBuild, startProductionServer, type ProductionServer } from './production-server';
import {
	autocannon,
	BROWSER_ENCODINGS,
	closeConnections,
	freePort,
	loadAverage,
	problemsOf,
	residentMegabytes,
	timedGet,
	verdict,
	type AutocannonResult
} from './bench-tools';

const { values } = parseArgs({
	options: {
		rounds: { type: 'string', default: '3' },
		seconds: { type: 'string', default: '5' }
	}
});
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 10;
const AIM = 0.5;
const PACKAGES = [
	'@sveltejs/kit',
	'svelte',
	'vite',
	'@sveltejs/adapter-node',
	'@sveltejs/vite-plugin-svelte'
];

requireBuild();

const project = resolve('.');
const versionOf = (name: string) =>
	(
		JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
const versions = Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)]));

/** The bare app's files, by path. */
const BARE_APP: Record<string, string> = {
	'package.json': JSON.stringify(
		{ name: 'bare-page', private: true, type: 'module', devDependencies: versions },
		null,
		'\t'
	),
	'svelte.config.js': `import adapter from '@sveltejs/adapter-node';
export default { kit: { adapter: adapter() } };
`,
	'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
export default defineConfig({ plugins: [sveltekit()] });
`,
	'tsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json' }),
	'src/app.html': `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		%sveltekit.head%
	</head>
	<body>
		<div style="display: contents">%sveltekit.body%</div>
	</body>
</html>
`,
	'src/routes/+page.server.ts': `export const load = () => ({
	items: Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: \`Item \${i + 1}\` }))
});
`,
	'src/routes/+page.svelte': `<script lang="ts">
	let { data } = $props();
</script>

<h1>Items</h1>
<ul>
	{#each data.items as item (item.id)}
		<li>{item.title}</li>
	{/each}
</ul>
`
};

/** Runs a command to its end; rejects with its output when it fails. */
function runToEnd(command: string, args: string[], cwd: string): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('error', fail);
		child.once('exit', (code) =>
			code === 0
				? done()
				: fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))
		);
	});
}

/** Builds the bare app in `dir`. */
async function buildBareApp(dir: string): Promise<void> {
	for (const [path, text] of Object.entries(BARE_APP)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
	await runToEnd(process.execPath, [join(project, 'node_modules/vite/bin/vite.js'), 'build'], dir);
	if (!existsSync(join(dir, 'build/index.js')))
		throw new Error('the bare app built no build/index.js');
}

/** `node build` of the bare app on `port`; resolves once it answers. */
async function startBareApp(dir: string, port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['build'], {
		cwd: dir,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the bare app exited with ${child.exitCode}`);
		const ok = await fetch(`http://127.0.0.1:${port}/`)
			.then((response) => response.ok)
			.catch(() => false);
		if (ok) return child;
		await new Promise((wait) => setTimeout(wait, 50));
	}
	child.kill('SIGTERM');
	throw new Error('the bare app did not answer within 30 s');
}

function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.once('exit', () => done());
		child.kill('SIGTERM');
	});
}

interface Target {
	name: string;
	url: string;
	pid: number;
	runs: AutocannonResult[];
}

const load = (url: string, duration: number) =>
	autocannon({
		url,
		connections: CONNECTIONS,
		duration,
		headers: { 'accept-encoding': BROWSER_ENCODINGS }
	});

/** Requests per second over all of a target's rounds. */
const perSecond = (target: Target) =>
	target.runs.reduce((sum, run) => sum + run.requests.total, 0) /
	target.runs.reduce((sum, run) => sum + run.duration, 0);

const dir = mkdtempSync(join(tmpdir(), 'bare-page-'));
let failed = false;
let bare: ChildProcess | undefined;
let portal: ProductionServer | undefined;
const loadBefore = loadAverage();
try {
	const built = performance.now();
	await buildBareApp(dir);
	const buildSeconds = (performance.now() - built) / 1000;
	const barePort = await freePort();
	bare = await startBareApp(dir, barePort);
	const html = await (await fetch(`http://127.0.0.1:${barePort}/`)).text();
	if ((html.match(/<li>/g) ?? []).length !== 20) {
		throw new Error('the bare page does not list 20 items');
	}
	// every connection of autocannon comes from 127.0.0.1: fair use would answer most with 429
	process.env.FAIR_USE = 'off';
	portal = await startProductionServer();
	await portal.page('/de');

	const targets: Target[] = [
		{ name: 'bare SvelteKit page', url: `http://127.0.0.1:${barePort}/`, pid: bare.pid!, runs: [] },
		{ name: '`/de` (start page)', url: `${portal.base}/de`, pid: portal.process.pid!, runs: [] }
	];
	for (const target of targets) {
		const warm = await load(target.url, WARM_UP_SECONDS);
		if (problemsOf(warm) > 0) {
			throw new Error(`${target.url}: ${problemsOf(warm)} failed requests in the warm-up`);
		}
	}
	for (let round = 0; round < ROUNDS; round++) {
		for (const target of targets) target.runs.push(await load(target.url, SECONDS));
	}
	for (const target of targets) {
		const problems = target.runs.reduce((sum, run) => sum + problemsOf(run), 0);
		if (problems > 0) {
			console.error(`${target.url}: ${problems} non-2xx answers, errors or timeouts`);
			failed = true;
		}
	}
	// what one answer is, as autocannon got it
	const answers = await Promise.all(targets.map((target) => timedGet(target.url)));
	closeConnections();

	const [bareTarget, start] = targets;
	const ratio = perSecond(start) / perSecond(bareTarget);
	const range = (list: number[]) =>
		Math.min(...list) === Math.max(...list)
			? `${list[0]} ms`
			: `${Math.min(...list)}–${Math.max(...list)} ms`;
	console.log(
		`| bare-page ratio (autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s) | ` +
			'requests/s (rounds) | latency p50 | latency p97.5 | answer | requests | non-2xx, errors, timeouts | resident memory |'
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
	targets.forEach((target, i) => {
		const rounds = target.runs.map((run) => run.requests.average.toFixed(0)).join(', ');
		const answer = answers[i];
		const cache = answer.cache ? `, cache ${answer.cache}` : '';
		console.log(
			`| ${target.name} | ${perSecond(target).toFixed(0)} (${rounds}) | ` +
				`${range(target.runs.map((run) => run.latency.p50))} | ` +
				`${range(target.runs.map((run) => run.latency.p97_5))} | ` +
				`${(answer.bytes / 1024).toFixed(1)} KB ${answer.encoding}${cache} | ` +
				`${target.runs.reduce((sum, run) => sum + run.requests.total, 0)} | ` +
				`${target.runs.reduce((sum, run) => sum + problemsOf(run), 0)} | ` +
				`${Math.round(residentMegabytes(target.pid))} MB |`
		);
	});
	console.log(
		'\n| aim | measured | verdict |\n| --- | --- | --- |\n' +
			`| \`/de\` answers ≥ ${AIM} × the bare page's requests/s | ${ratio.toFixed(2)} | ${verdict(ratio >= AIM)} |`
	);
	const packages = Object.entries(versions).map(([name, version]) => `${name} ${version}`);
	console.log(
		`\nBare page: ${packages.join(', ')}; built in ${buildSeconds.toFixed(0)} s, \`node build\`. ` +
			`Portal: \`node ${portal.process.spawnargs.slice(1).join(' ')}\`, demo data in memory, ` +
			'FAIR_USE=off (all connections come from one address). Both asked with ' +
			`\`Accept-Encoding: ${BROWSER_ENCODINGS}\`. Machine: ${loadBefore} before, ${loadAverage()} after.`
	);
	// autocannon hangs up at the deadline, but the server still answers what it has begun: one
	// more request waits behind those, so the server is idle when it is stopped
	await portal.page('/de', 60_000);
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	if (bare) await stopChild(bare);
	await portal?.stop();
	rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
