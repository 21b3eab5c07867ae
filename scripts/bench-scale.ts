/**
 * The portal at scale, on the production build (`npm run build` first), as scripts/production-
 * server.ts starts it:
 *
 *   1. start-up: time from starting the server to the first served page on a fresh data
 *      directory (PGlite + PostGIS created, migrations and demo seed applied) and on a warm one,
 *      with the resident memory after the first page;
 *   2. the offers import: 10,000 generated offers (scripts/bench-offers.ts: deterministic,
 *      published, spread over the demo districts and categories) into that data directory with
 *      `npm run import:offers -- --city kempten offers.csv`, timed;
 *   3. the portal started on it with fair use off (every request comes from one address): time
 *      to the first page, to a search index that holds every offer, and until the start-up work
 *      (the outbox of the import) is done and the server idles;
 *   4. the district page, one request at a time: the first visit of a few districts (nothing
 *      cached yet), then response-cache misses (every locale × every page of those districts,
 *      each address once) and hits (one address again and again). Aim: p95 under 50 ms, judged
 *      on the misses: a city's visitors spread over many addresses, and every change of the data
 *      empties the cache;
 *   5. a mixed load, 10 connections: lists, searches with `q`, offer pages, the week, calendar
 *      feeds and GeoJSON. The server's resident memory (VmRSS of /proc/<pid>/status) is sampled
 *      every 100 ms from its start to its end. Aim: under 1 GB during the load runs.
 *
 * Every request sends `Accept-Encoding: br, gzip` as a browser does. Prints Markdown tables;
 * exits with 1 on failed requests (not 200, no answer) or a failed import, not on a missed aim.
 *
 *   npx tsx scripts/bench-scale.ts [--offers 10000] [--seed 7] [--cold-districts 2]
 *     [--load-seconds 30] [--data-dir DIR]
 *
 * With --data-dir, a data directory that already holds the offers is used as it is: parts 1 and
 * 2 are left out (and the directory is kept).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { random } from '../tests/support/factories';
import { offersCsv, readDemoCity } from './bench-offers';
import {
	closeConnections,
	loadAverage,
	MemorySampler,
	ms,
	residentMegabytes,
	run,
	summarize,
	timedGet,
	verdict,
	waitUntilIdle,
	type RunResult,
	type Summary
} from './bench-tools';
import { requireBuild, startProductionServer, type ProductionServer } from './production-server';

const { values } = parseArgs({
	options: {
		offers: { type: 'string', default: '10000' },
		seed: { type: 'string', default: '7' },
		'cold-districts': { type: 'string', default: '2' },
		'miss-seconds': { type: 'string', default: '15' },
		'hit-seconds': { type: 'string', default: '5' },
		'load-seconds': { type: 'string', default: '30' },
		'data-dir': { type: 'string' }
	}
});
const OFFERS = Number(values.offers);
const SEED = Number(values.seed);
const COLD_DISTRICTS = Number(values['cold-districts']);
const MISS_SECONDS = Number(values['miss-seconds']);
const HIT_SECONDS = Number(values['hit-seconds']);
const LOAD_SECONDS = Number(values['load-seconds']);
const LOAD_CONNECTIONS = 10;
const PAGE_SIZE = 20;
const AIM_P95_MS = 50;
const AIM_MEMORY_MB = 1024;
const LOCALES = ['de', 'de-simple', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro'];
const CATEGORIES = [
	'language_course',
	'cultural_cafe',
	'counselling',
	'sports',
	'family',
	'work',
	'event'
];
const QUERIES = [
	'Deutschkurs',
	'Deutschkur',
	'Beratung',
	'Sprachcafe',
	'Schwimm',
	'Bewerbung',
	'Hausaufgaben',
	'Frauen',
	'курс',
	'دورة',
	'counselling'
];

requireBuild();
// every request of this bench comes from 127.0.0.1: fair use would answer most with 429
process.env.FAIR_USE = 'off';

const work = mkdtempSync(join(tmpdir(), 'portal-scale-'));
const dataDir = values['data-dir'] ?? join(work, 'pglite');
const mb = (value: number) => `${Math.round(value)} MB`;
const seconds = (from: number) => (performance.now() - from) / 1000;
const table = (header: string[], rows: (string | number)[][]) =>
	[header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');

/** Start-up to the first page and the resident memory then; the server is stopped again. */
async function startOnce(dir: string): Promise<{ seconds: number; rssMb: number }> {
	const began = performance.now();
	const server = await startProductionServer(dir);
	try {
		await server.page('/de', 300_000);
		return { seconds: seconds(began), rssMb: residentMegabytes(server.process.pid!) };
	} finally {
		await server.stop();
	}
}

/** `npm run import:offers` of `file` into `dir`: the whole command and the import in it. */
function importOffers(file: string, dir: string): Promise<{ command: number; importing: number }> {
	return new Promise((resolve, reject) => {
		const began = performance.now();
		let announced = NaN;
		let done = NaN;
		let output = '';
		const child = spawn(
			'npm',
			['run', '--silent', 'import:offers', '--', '--city', 'kempten', file],
			{ env: { ...process.env, DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let pending = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			output += chunk;
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				// printed once the database is open, right before the import's one call
				if (line.startsWith('Importing ')) announced = performance.now();
				if (line.startsWith('Imported ')) done = performance.now();
			}
		});
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('error', reject);
		child.once('exit', (code) => {
			if (code !== 0 || Number.isNaN(done)) {
				reject(new Error(`npm run import:offers exited with ${code}:\n${output.slice(-4000)}`));
			} else {
				resolve({ command: seconds(began), importing: (done - announced) / 1000 });
			}
		});
	});
}

/** Asks the API (past the response cache: a request with a cookie is not cached). */
async function api<T>(server: ProductionServer, path: string): Promise<T> {
	const response = await fetch(server.base + path, { headers: { cookie: 'bench=1' } });
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	return (await response.json()) as T;
}

interface OfferPage {
	offers: { id: string }[];
	total: number;
	degraded: boolean;
}

const next = random(SEED);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
function shuffle<T>(list: T[]): T[] {
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}

let failed = false;
const fail = (message: string) => {
	console.error(message);
	failed = true;
};
const check = (name: string, result: RunResult, summary: Summary) => {
	if (summary.failed === 0) return;
	const bad = result.samples.filter((sample) => sample.status !== 200);
	const examples = bad.slice(0, 3).map((sample) => `${sample.status} ${sample.url}`);
	if (result.example) examples.push(result.example);
	fail(`${name}: ${summary.failed} failed requests, e.g. ${examples.join('; ')}`);
};

const output: string[] = [];
const loadBefore = loadAverage();
let server: ProductionServer | undefined;
let memory: MemorySampler | undefined;
try {
	// 1. start-up on the demo data, 2. the import
	const startup: string[][] = [];
	let imported: { command: number; importing: number } | undefined;
	if (!values['data-dir']) {
		const fresh = await startOnce(dataDir);
		const warm = await startOnce(dataDir);
		startup.push(
			[
				'fresh data directory (PGlite + PostGIS created, migrations, demo seed)',
				fresh.seconds.toFixed(1),
				mb(fresh.rssMb)
			],
			['warm data directory', warm.seconds.toFixed(1), mb(warm.rssMb)]
		);
		const file = join(work, 'offers.csv');
		writeFileSync(
			file,
			offersCsv(readDemoCity(readFileSync('supabase/seed.sql', 'utf8')), OFFERS, SEED)
		);
		imported = await importOffers(file, dataDir);
	}

	// 3. the portal on the data directory with the offers
	const began = performance.now();
	server = await startProductionServer(dataDir);
	const pid = server.process.pid!;
	memory = new MemorySampler(pid);
	await server.page('/de', 300_000);
	const firstPage = seconds(began);
	const firstPageMb = memory.sample();
	let all: OfferPage;
	for (;;) {
		all = await api<OfferPage>(server, '/api/offers?limit=1');
		if (all.total >= OFFERS && !all.degraded) break;
		if (seconds(began) > 600)
			throw new Error(`the search index did not fill within 600 s (${all.total})`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const indexed = seconds(began);
	await waitUntilIdle(pid, { timeoutMs: 600_000 });
	const idle = seconds(began);
	const idleMb = memory.sample();
	const startPeakMb = memory.peakMb;
	memory.resetPeak();
	const published = all.total;
	startup.push(
		[
			`with ${OFFERS.toLocaleString('en')} more offers: first page`,
			firstPage.toFixed(1),
			mb(firstPageMb)
		],
		[
			`… the search index holds all ${published.toLocaleString('en')} published offers`,
			indexed.toFixed(1),
			'—'
		],
		[
			"… start-up work done (the import's outbox indexed), server idle",
			idle.toFixed(1),
			`${mb(idleMb)} (peak ${mb(startPeakMb)})`
		]
	);

	// 4. the district page
	const shapes = await api<{ features: { properties: { slug: string } }[] }>(
		server,
		'/api/districts.geojson'
	);
	const districts = shapes.features.map((feature) => feature.properties.slug).sort();
	const cold = districts.slice(0, COLD_DISTRICTS);
	const firstVisits = await run(
		(() => {
			const queue = cold.map((slug) => ({
				url: `${server!.base}/de/districts/${slug}`,
				kind: 'first visit'
			}));
			return () => queue.shift() ?? null;
		})(),
		1,
		3600,
		600_000
	);
	const first = summarize(firstVisits.samples, firstVisits.lost);
	check('first visits', firstVisits, first);
	const firstVisitsPeakMb = memory.peakMb;
	memory.resetPeak();

	const addresses: { url: string; kind: string }[] = [];
	for (const slug of cold) {
		const { total } = await api<OfferPage>(server, `/api/offers?district=${slug}&limit=1`);
		for (const locale of LOCALES) {
			for (let page = 1; page <= Math.ceil(total / PAGE_SIZE); page++) {
				if (locale === 'de' && page === 1) continue; // visited above
				const query = page === 1 ? '' : `?page=${page}`;
				addresses.push({ url: `${server.base}/${locale}/districts/${slug}${query}`, kind: 'miss' });
			}
		}
	}
	const missQueue = shuffle(addresses);
	const missRun = await run(() => missQueue.shift() ?? null, 1, MISS_SECONDS);
	const misses = summarize(missRun.samples, missRun.lost);
	check('cache misses', missRun, misses);

	const hitUrl = `${server.base}/de/districts/${cold[0]}?page=2`;
	await timedGet(hitUrl);
	const hitRun = await run(() => ({ url: hitUrl, kind: 'hit' }), 1, HIT_SECONDS);
	const hits = summarize(hitRun.samples, hitRun.lost);
	check('cache hits', hitRun, hits);

	const districtRows = [
		[
			`first visit of a district after start (${cold.join(', ')}; nothing cached)`,
			first.requests,
			ms(first.p50),
			ms(first.p95),
			ms(first.max),
			'information'
		],
		[
			`response-cache miss: ${LOCALES.length} locales × every page of those districts, each address once (${misses.misses} of ${misses.requests} were misses)`,
			misses.requests,
			ms(misses.p50),
			ms(misses.p95),
			ms(misses.max),
			`${verdict(misses.p95 < AIM_P95_MS)} (the aim is judged here)`
		],
		[
			`response-cache hit: one address again and again (${hits.hits} of ${hits.requests} were hits)`,
			hits.requests,
			ms(hits.p50),
			ms(hits.p95),
			ms(hits.max),
			hits.p95 < AIM_P95_MS ? 'under the aim' : 'over the aim'
		]
	];

	// 5. the mixed load
	const ids: string[] = [];
	for (let offset = 0; offset < published; offset += Math.ceil(published / 5)) {
		const page = await api<OfferPage>(server, `/api/offers?limit=60&offset=${offset}`);
		ids.push(...page.offers.map((offer) => offer.id));
	}
	// offers with dates, for their calendar files (one without dates has none: 404)
	const dated: string[] = [];
	for (const weekday of ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']) {
		const page = await api<OfferPage>(server, `/api/offers?limit=40&weekday=${weekday}`);
		dated.push(...page.offers.map((offer) => offer.id));
	}
	const kinds: [kind: string, weight: number, path: () => string][] = [
		['list', 25, () => `/${pick(LOCALES)}?page=${1 + Math.floor(next() * 50)}`],
		[
			'list with filters',
			10,
			() => `/${pick(LOCALES)}?category=${pick(CATEGORIES)}&district=${pick(districts)}`
		],
		[
			'search with q',
			20,
			() =>
				`/${pick(LOCALES)}?q=${encodeURIComponent(pick(QUERIES))}${next() < 0.3 ? '&page=2' : ''}`
		],
		['offer page', 20, () => `/${pick(LOCALES)}/offers/${pick(ids)}`],
		[
			'week of a district',
			7,
			() =>
				`/${pick(LOCALES)}/week?district=${pick(cold)}${next() < 0.5 ? `&category=${pick(CATEGORIES)}` : ''}`
		],
		[
			'calendar feed (.ics)',
			8,
			() =>
				next() < 0.5
					? `/api/offers.ics?district=${pick(cold)}&category=${pick(CATEGORIES)}&locale=${pick(LOCALES)}`
					: `/${pick(LOCALES)}/offers/${pick(dated)}/calendar.ics`
		],
		[
			'GeoJSON',
			10,
			() =>
				next() < 0.3
					? '/api/offers.geojson'
					: `/api/offers.geojson?category=${pick(CATEGORIES)}&locale=${pick(LOCALES)}`
		]
	];
	const totalWeight = kinds.reduce((sum, [, weight]) => sum + weight, 0);
	const mixed = () => {
		let roll = next() * totalWeight;
		for (const [kind, weight, path] of kinds) {
			roll -= weight;
			if (roll < 0) return { url: server!.base + path(), kind };
		}
		return null;
	};
	const districtPeakMb = memory.peakMb;
	memory.resetPeak();
	const loadRun = await run(mixed, LOAD_CONNECTIONS, LOAD_SECONDS);
	const loadPeakMb = memory.peakMb;
	const peakMb = Math.max(firstVisitsPeakMb, districtPeakMb, loadPeakMb);
	const load = summarize(loadRun.samples, loadRun.lost);
	check('mixed load', loadRun, load);
	const loadRows = kinds.map(([kind]) => {
		const summary = summarize(loadRun.samples.filter((sample) => sample.kind === kind));
		return [
			kind,
			summary.requests,
			`${summary.hits}`,
			ms(summary.p50),
			ms(summary.p95),
			ms(summary.max),
			summary.failed
		];
	});
	loadRows.push([
		'all',
		load.requests,
		`${load.hits}`,
		ms(load.p50),
		ms(load.p95),
		ms(load.max),
		load.failed
	]);

	// the tables
	output.push(
		table(
			[
				'startup (`node ' + server.process.spawnargs.slice(1).join(' ') + '` → first page)',
				'seconds',
				'resident memory'
			],
			startup
		)
	);
	if (imported) {
		output.push(
			table(
				['offers import (`npm run import:offers`, one CSV file)', 'offers', 'seconds'],
				[
					[
						'the import (one call of `import_offers`, all rows or none)',
						OFFERS.toLocaleString('en'),
						imported.importing.toFixed(1)
					],
					[
						'the whole command (opening the data directory included)',
						OFFERS.toLocaleString('en'),
						imported.command.toFixed(1)
					]
				]
			)
		);
	}
	output.push(
		table(
			[
				`district page with ${published.toLocaleString('en')} published offers, one request at a time`,
				'requests',
				'p50',
				'p95',
				'max',
				`aim: p95 < ${AIM_P95_MS} ms`
			],
			districtRows
		) +
			`\n\nMisses and hits are of the ${cold.length} districts visited first (--cold-districts): ` +
			'a first visit reads the week of every offer in the district, which takes long enough ' +
			'that all districts would not fit the time of the bench.'
	);
	output.push(
		table(
			[
				`mixed load (${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s)`,
				'requests',
				'cache hits',
				'p50',
				'p95',
				'max',
				'failed'
			],
			loadRows
		)
	);
	output.push(
		table(
			[
				'resident memory of the server (sampled every 100 ms)',
				'MB',
				`aim: < ${AIM_MEMORY_MB / 1024} GB under load`
			],
			[
				['after start-up, idle', mb(idleMb), 'information'],
				[
					"peak during start-up (index build, the import's outbox)",
					mb(startPeakMb),
					startPeakMb < AIM_MEMORY_MB ? 'information' : 'information: over 1 GB'
				],
				['peak during the first visits of districts', mb(firstVisitsPeakMb), 'information'],
				['peak during the district pages (misses, hits)', mb(districtPeakMb), 'information'],
				['peak during the mixed load', mb(loadPeakMb), 'information'],
				['peak of all load runs', mb(peakMb), verdict(peakMb < AIM_MEMORY_MB)],
				['at the end', mb(memory.sample()), 'information']
			]
		)
	);
	output.push(
		`Fair use was off (FAIR_USE=off): every request came from one address. Offers: ${OFFERS.toLocaleString('en')} ` +
			`generated by scripts/bench-offers.ts (seed ${SEED}) on top of the demo seed. Requests send \`Accept-Encoding: br, gzip\`. ` +
			`Machine: ${loadBefore} before, ${loadAverage()} after.`
	);
	console.log(output.join('\n\n'));
} catch (error) {
	if (output.length > 0) console.log(output.join('\n\n'));
	console.error(error);
	failed = true;
} finally {
	memory?.stop();
	closeConnections();
	await server?.stop();
	// the offers file and, without --data-dir, the data directory
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
