/**
 * A second city set up from files alone, as README's "Set up a second city from files" says:
 * a new DATA_DIR, CITY=kaiserslautern, then `npm run city:create`, `import:districts`
 * (EPSG:25832), `import:organisations`, `import:concept` (XLSX) and `import:offers` with the
 * files of tests/fixtures/second-city, then the production build started with CITY set. Its
 * start page shows the city and its offers and nothing of the Kempten demo; the coverage has its
 * districts and fields of action. Started with another CITY, the portal refuses to start and
 * says why. Needs `npm run build`; the first command migrates the new database (most of the
 * time this file takes).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '$lib/server/embedded/database';
import { killServer, noBuild, startServer, STARTUP_MS, type Server } from '../support/server';

const CITY = 'kaiserslautern';
const files = 'tests/fixtures/second-city';
let root: string;
let dataDir: string;
/** The one-time link's token of the invitation city:create made. */
let tokenHash = '';
const servers: Server[] = [];

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** `npm run <script> -- <args>` with DATA_DIR and CITY, as a person types it. */
function npmRun(script: string, ...args: string[]): Promise<Run> {
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, CITY };
	delete env.SUPABASE_URL;
	delete env.DATABASE_URL;
	delete env.ORIGIN;
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

/** What a command said, without the embedded database's log lines. */
const said = (run: Run) =>
	run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('[embedded supabase]'));

describe.skipIf(noBuild)('a second city from files', () => {
	beforeAll(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'second-city-'));
		dataDir = path.join(root, 'kaiserslautern');
	});

	afterAll(async () => {
		for (const server of servers) await killServer(server);
		fs.rmSync(root, { recursive: true, force: true });
	});

	it(
		'is set up with the commands of the README and serves its own portal and coverage',
		async () => {
			const steps: Array<[string, string[], RegExp]> = [
				[
					'city:create',
					[
						'--slug',
						CITY,
						'--name',
						'Kaiserslautern',
						'--time-zone',
						'Europe/Berlin',
						'--locale',
						'de',
						'--admin-email',
						'integration@kaiserslautern.example.org'
					],
					/^Created Kaiserslautern \(kaiserslautern\): time zone Europe\/Berlin, default locale de\./
				],
				[
					'import:districts',
					['--city', CITY, '--source', 'Beispieldaten', `${files}/districts.geojson`],
					/^Coordinates read as EPSG:25832 \(ETRS89 \/ UTM zone 32N\), as the file's crs "urn:ogc:def:crs:EPSG::25832" says, and reprojected to WGS 84/
				],
				[
					'import:organisations',
					['--city', CITY, `${files}/organisations.csv`],
					/^Imported 3 organisations: 3 new, 0 updated, 0 unchanged\.$/
				],
				[
					'import:concept',
					[
						'--city',
						CITY,
						'--concept',
						'integrationskonzept-2022',
						'--title',
						'Integrationskonzept 2022',
						`${files}/concept.xlsx`
					],
					/^Imported 6 measures into "Integrationskonzept 2022" \(integrationskonzept-2022, new\)\.$/
				],
				['import:offers', ['--city', CITY, `${files}/offers.csv`], /^Imported 4 offers\.$/]
			];
			for (const [script, args, expected] of steps) {
				const run = await npmRun(script, ...args);
				expect({ script, status: run.status, stderr: run.stderr }).toEqual({
					script,
					status: 0,
					stderr: ''
				});
				expect(
					said(run).some((line) => expected.test(line)),
					said(run).join('\n')
				).toBe(true);
				if (script === 'city:create') {
					// the city office's first administrator, with the link that sets their password
					const invitation =
						/integration@kaiserslautern\.example\.org is a city admin .*\n {2}http:\/\/localhost:3000\/staff\/welcome\?token_hash=(\w+)&type=invite$/m.exec(
							said(run).join('\n')
						);
					expect(invitation, said(run).join('\n')).not.toBeNull();
					tokenHash = invitation![1];
				}
			}

			const server = await startServer({ dataDir, env: { CITY } });
			servers.push(server);
			const offers = await server.json<{ total: number; offers: Array<{ title: string }> }>(
				'/api/offers?limit=20'
			);
			expect(offers.total).toBe(4);
			expect(offers.offers.map((offer) => offer.title).sort()).toEqual([
				'Bewerbungswerkstatt Innenstadt',
				'Lernpatenschaften Westpfalz',
				'Sprachcafé am Betzenberg',
				'Wohnungssuche: offene Sprechstunde'
			]);
			// a visitor whose browser names none of the nine goes to the city's default locale
			const first = await fetch(`${server.base}/`, {
				redirect: 'manual',
				headers: { 'accept-language': 'fr' }
			});
			expect(first.headers.get('location')).toBe('/de');
			const start = await fetch(`${server.base}/de`);
			const html = await start.text();
			expect(start.status).toBe(200);
			expect(html).toContain('Kaiserslautern');
			expect(html).toContain('Sprachcafé am Betzenberg');
			expect(html).not.toMatch(/Kempten|Sankt Mang/);

			// the administrator follows the invitation and sees the city office's concept
			const welcome = await fetch(`${server.base}/staff/welcome`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					accept: 'text/html',
					origin: server.base,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ token_hash: tokenHash, type: 'invite' })
			});
			expect(welcome.status).toBe(303);
			const cookie = welcome.headers
				.getSetCookie()
				.map((line) => line.split(';')[0])
				.join('; ');
			const concept = await fetch(`${server.base}/city/concept`, { headers: { cookie } });
			expect(concept.status).toBe(200);
			const conceptHtml = await concept.text();
			expect(conceptHtml).toContain('Wohnbedarfe und Wohnraumversorgung');
			expect(conceptHtml).toContain('Qualifizierte Lernpatenschaften etablieren');
			const coverage = await fetch(`${server.base}/city/coverage`, { headers: { cookie } });
			expect(coverage.status).toBe(200);
			const coverageHtml = await coverage.text();
			for (const name of ['Betzenberg', 'Grübentälchen', 'Innenstadt', 'Sprachförderung']) {
				expect(coverageHtml).toContain(name);
			}
			expect(coverageHtml).not.toMatch(/Kempten|Sankt Mang/);

			server.kill('SIGTERM');
			expect((await server.exit).code).toBe(0);

			// another CITY on this database: the portal does not start, and says why
			const wrong = await startServer({ dataDir, env: { CITY: 'kempten' } });
			servers.push(wrong);
			expect((await wrong.exit).code).not.toBe(0);
			expect(wrong.log()).toContain(
				'CITY=kempten, but this database serves the city "kaiserslautern" (Kaiserslautern)'
			);

			// the coverage of the city office: its districts and its five Themenfelder
			const db = await openEmbeddedDatabase({ dataDir, seed: false });
			try {
				const [{ coverage }] = (
					await db.query<{
						coverage: {
							districts: Array<{ name: string }>;
							fields: Array<{ code: string; title: string }>;
						};
					}>(`select public.city_coverage() as coverage`)
				).rows;
				expect(coverage.districts.map((d) => d.name).sort()).toEqual([
					'Betzenberg',
					'Grübentälchen',
					'Innenstadt',
					'Kaiserslautern-West'
				]);
				expect(coverage.fields.map((f) => f.title)).toEqual([
					'Bildung und Arbeit',
					'Sprachförderung',
					'Begegnung, Sicherheit und Antirassismus',
					'Ehrenamt, Partizipation, Beteiligung',
					'Wohnbedarfe und Wohnraumversorgung'
				]);
				const [{ level_names }] = (
					await db.query<{ level_names: unknown }>(
						`select level_names from public.concepts where is_current`
					)
				).rows;
				expect(level_names).toMatchObject({ field: 'Themenfeld', measure: 'Handlungsempfehlung' });
			} finally {
				await db.close();
			}
		},
		STARTUP_MS * 2
	);
});
