/**
 * JavaScript bytes per public route before the map is opened, as a first-time visitor's
 * Chromium loads them from the production build (`npm run build` first).
 *
 * Starts `node build` on a free port with the embedded database in memory, loads each route in
 * a fresh browser context (nothing cached), and counts every script response once:
 *
 *   gzipped      what the server sends a client that accepts gzip: adapter-node's precompressed
 *                `.gz` file, fetched here with `Accept-Encoding: gzip`; where the server sends
 *                the script uncompressed, the body gzipped here at level 9. The budget applies
 *                to this figure: at most 60 KB per route, or the script exits with 1.
 *   transferred  what Chromium actually received (it accepts brotli, so mostly `.br` files).
 *
 * The start page with the map opened is measured too (MapLibre and its worker), for
 * information. Prints a Markdown table.
 */
import { chromium, type Browser, type BrowserContext, type Response } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { requireBuild, startProductionServer } from './production-server';

const BUDGET = 60 * 1024;

requireBuild();

/** Bytes and encoding of `url` as the server sends them to a client that accepts gzip only. */
function gzipAsServed(url: string): Promise<{ bytes: number; encoding: string }> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () =>
				resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') })
			);
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end();
	});
}

interface Measurement {
	route: string;
	status: number;
	requests: number;
	/** The budget's figure: gzip as the server sends it, or gzip -9 of an uncompressed body. */
	gzipped: number;
	/** Sum of every body gzipped here at level 9. */
	gzip9: number;
	/** Bytes Chromium received, and the encodings it got. */
	transferred: number;
	encodings: Set<string>;
}

/** Every script response of the context, by URL (the map's worker included). */
function collectScripts(context: BrowserContext) {
	const scripts = new Map<string, Response>();
	context.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (response.request().resourceType() === 'script' || /javascript/.test(type)) {
			scripts.set(response.url(), response);
		}
	});
	return scripts;
}

async function measure(
	route: string,
	status: number,
	scripts: Map<string, Response>
): Promise<Measurement> {
	const result: Measurement = {
		route,
		status,
		requests: scripts.size,
		gzipped: 0,
		gzip9: 0,
		transferred: 0,
		encodings: new Set()
	};
	for (const response of scripts.values()) {
		const body = await response.body();
		const own = gzipSync(body, { level: 9 }).length;
		const served = await gzipAsServed(response.url());
		result.gzip9 += own;
		result.gzipped += served.encoding === 'gzip' ? served.bytes : own;
		result.transferred += (await response.request().sizes()).responseBodySize;
		result.encodings.add(response.headers()['content-encoding'] ?? 'identity');
	}
	return result;
}

async function loadRoute(browser: Browser, base: string, route: string): Promise<Measurement> {
	const context = await browser.newContext();
	try {
		const scripts = collectScripts(context);
		const page = await context.newPage();
		const response = await page.goto(base + route);
		await page.waitForLoadState('networkidle');
		return await measure(route, response?.status() ?? 0, scripts);
	} finally {
		await context.close();
	}
}

/** The start page with the map opened by its button, as a visitor does. */
async function loadWithMap(browser: Browser, base: string, route: string, show: string) {
	const context = await browser.newContext();
	try {
		const scripts = collectScripts(context);
		const page = await context.newPage();
		const response = await page.goto(base + route);
		const button = page.getByRole('button', { name: show, exact: true });
		await button.waitFor({ timeout: 10_000 }).catch(() => undefined);
		if ((await button.count()) === 0) return null;
		await button.click();
		await page.getByTestId('offer-map-canvas').waitFor({ timeout: 60_000 });
		await page.waitForLoadState('networkidle');
		return await measure(`${route} (map opened)`, response?.status() ?? 0, scripts);
	} finally {
		await context.close();
	}
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const server = await startProductionServer();
const base = server.base;

let failed = false;
let browser: Browser | undefined;
try {
	const html = await server.page('/de');
	// cards link with `?from=` (the way back to the list): the path alone is the route measured
	const district = /href="(\/de\/districts\/[^"?#]+)/.exec(html)?.[1];
	const offer = /href="(\/de\/offers\/[^"?#]+)/.exec(html)?.[1];
	if (!district || !offer) throw new Error('the start page links to no district or no offer');

	const routes = [
		'/de',
		'/de?category=language_course',
		district,
		offer,
		'/de/week',
		'/de/no-such-page',
		'/ar'
	];

	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-dev-shm-usage']
	});
	const rows: Measurement[] = [];
	for (const route of routes) rows.push(await loadRoute(browser, base, route));

	const messages = JSON.parse(readFileSync('messages/de.json', 'utf8')) as Record<string, string>;
	const withMap = await loadWithMap(browser, base, '/de', messages['map.show'] ?? 'Karte anzeigen');

	console.log('| route | status | requests | JS gzipped KB | JS transferred KB (encoding) |');
	console.log('| --- | --- | --- | --- | --- |');
	for (const row of [...rows, ...(withMap ? [withMap] : [])]) {
		const over =
			row === withMap ? ' (information)' : row.gzipped > BUDGET ? ' **over budget**' : '';
		console.log(
			`| ${row.route} | ${row.status} | ${row.requests} | ${kb(row.gzipped)}${over} | ` +
				`${kb(row.transferred)} (${[...row.encodings].join(', ')}) |`
		);
	}
	console.log(
		`\nBudget: ${kb(BUDGET)} KB of gzipped JavaScript per route before the map is opened. ` +
			'"gzipped" is what the server sends a client that accepts gzip (adapter-node\'s ' +
			'precompressed .gz); "transferred" is what Chromium received. Sum of gzip -9 of every ' +
			`body: ${rows.map((row) => `${row.route} ${kb(row.gzip9)}`).join(', ')}.`
	);
	if (!withMap) console.log('\nThe start page has no map button: the map was not measured.');

	const over = rows.filter((row) => row.gzipped > BUDGET);
	if (over.length > 0) {
		console.error(`Over the budget: ${over.map((row) => row.route).join(', ')}`);
		failed = true;
	}
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	await browser?.close();
	await server.stop();
}
process.exit(failed ? 1 : 0);
