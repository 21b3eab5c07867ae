/**
 * `npm run import:districts` end to end, as a person runs it: a separate process on an embedded
 * database in DATA_DIR. Each run opens that database (seconds), so this file keeps to a few runs;
 * what the imports accept and refuse is tested in tests/sql/imports.spec.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '$lib/server/embedded/database';
import type { SqlQuery } from './support/sql-engines';
import { createCity, createOffer, createOrganisation } from './support/factories';

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

let dataDir: string;

/** Runs the districts import CLI on the test's data directory. */
function importDistricts(...args: string[]): Promise<Run> {
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
	delete env.SUPABASE_URL;
	return new Promise((resolve, reject) => {
		// tsx itself rather than npx: npm may print warnings of its own to stderr
		const child = spawn(
			path.resolve('node_modules/.bin/tsx'),
			['scripts/import-districts.ts', ...args],
			{
				env,
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

const fixture = (name: string) => path.join('tests', 'fixtures', 'import', name);
const wrap = (db: Awaited<ReturnType<typeof openEmbeddedDatabase>>): SqlQuery => ({
	query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows
});

describe('npm run import:districts', () => {
	beforeAll(async () => {
		dataDir = mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
		// The city and an offer in the Altstadt of districts.geojson, made without the demo seed.
		const db = await openEmbeddedDatabase({ dataDir, seed: false });
		try {
			const city = await createCity(wrap(db));
			const organisation = await createOrganisation(wrap(db), city.id);
			await createOffer(wrap(db), organisation.id, { point: [10.305, 47.725] });
		} finally {
			await db.close();
		}
	}, 180_000);

	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	it('imports a GeoJSON file, reports the repaired geometry and exits with 0', async () => {
		const run = await importDistricts(
			'--city',
			'testcity',
			'--name-property',
			'STT_NAME',
			fixture('districts.geojson')
		);

		expect(run.stderr).not.toMatch(/Nothing was imported/);
		expect(run.status).toBe(0);
		const lines = run.stdout.split('\n').filter((line) => !line.startsWith('[embedded supabase]'));
		expect(lines).toEqual([
			'Reading tests/fixtures/import/districts.geojson …',
			'Importing 3 districts into testcity …',
			'Coordinates read as EPSG:4326 (WGS 84, longitude/latitude), as the file\'s crs "urn:ogc:def:crs:OGC:1.3:CRS84" says.',
			'Imported 3 districts: 3 new, 0 updated, 0 removed; 1 offer changed district.',
			'Repaired 1 invalid geometry:',
			'  feature 2 ("Bühl"): Self-intersection[10.31 47.715]',
			''
		]);
	}, 120_000);

	it('refuses a bad file with one line per bad feature and exits with 1', async () => {
		const run = await importDistricts(
			'--city',
			'testcity',
			'--name-property',
			'STT_NAME',
			fixture('districts-bad.geojson')
		);

		expect(run.status).toBe(1);
		expect(run.stdout).toContain('Importing 4 districts into testcity …');
		expect(run.stderr.trimEnd().split('\n')).toEqual([
			'Nothing was imported. 3 of 4 features refused:',
			'  feature 1 ("Rathaus"): geometry is a Point; only Polygon and MultiPolygon are districts',
			'  feature 2: property "STT_NAME" is missing or empty',
			expect.stringMatching(
				/^ {2}feature 3 \("Iller"\): invalid geometry that cannot be repaired: Self-intersection/
			)
		]);
	}, 120_000);

	it('says the database is in use while another process holds it, and exits with 1', async () => {
		const db = await openEmbeddedDatabase({ dataDir, seed: false });
		try {
			const run = await importDistricts('--city', 'testcity', fixture('districts.geojson'));
			expect(run.status).toBe(1);
			expect(run.stderr).toContain(
				`Nothing was imported. The embedded database in ${dataDir} is in use by process ${process.pid}`
			);

			// What the first run imported is there; the refused one changed nothing.
			const { rows } = await db.query(
				`select d.name, (select count(*)::int from public.offers o where o.district_id = d.id) as offers
				 from public.districts d order by d.name`
			);
			expect(rows).toEqual([
				{ name: 'Altstadt', offers: 1 },
				{ name: 'Bühl', offers: 0 },
				{ name: 'Sankt Mang', offers: 0 }
			]);
		} finally {
			await db.close();
		}
	}, 120_000);

	it('prints its usage with --help and exits with 2 on wrong usage', async () => {
		const help = await importDistricts('--help');
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('Usage: npm run import:districts -- --city <slug>');

		const wrong = await importDistricts(fixture('districts.geojson'));
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toMatch(/^--city is missing\.\n\nUsage:/);
	}, 60_000);
});
