/**
 * The concept import across its boundary: an XLSX and a CSV file as a city writes them, read
 * here and imported by import_concept in an embedded Supabase, as the city office's page and the
 * CLI call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSupabase, type TestSupabase } from '$test/test-supabase';
import { kikCsv, kikRows, kikWorkbook } from '$test/kik-workbook';
import { importConcept, readConceptFile } from './concept';
import { ImportRefused } from './errors';

let supabase: TestSupabase;

beforeAll(async () => {
	supabase = await startTestSupabase();
	await supabase.db.query(
		`insert into public.cities (slug, name) values ('testcity', 'Teststadt')`
	);
}, 60_000);
afterAll(() => supabase?.close());

const run = (bytes: Uint8Array, dryRun = false, name = 'kik.xlsx') =>
	importConcept(supabase.service, {
		city: 'testcity',
		file: { name, bytes },
		concept: { slug: 'kik', title: 'Kemptener Integrationskonzept' },
		dryRun
	});

describe('concept import', () => {
	it('reads merged cells, the date cell and Kempten’s labels from an XLSX file', async () => {
		const { rows, levelNames } = await readConceptFile(await kikWorkbook());
		expect(levelNames).toEqual({ field: 'Handlungsfeld', goal: 'Ziel', measure: 'Maßnahme' });
		expect(rows.map((row) => [row.row, row.goal_code, row.measure_code, row.status])).toEqual([
			[3, '1.2', '1.2.1', 'in_progress_middle'],
			[4, '1.2', '1.2.2', 'implemented'],
			[5, '2.1', '2.1.3', 'scheduled']
		]);
		expect(rows[0]).toMatchObject({ starts_on: '2022-03-01', ends_on: '2025-12-31' });
		expect(rows[1]).toMatchObject({ starts_on: '2023-01-01', ends_on: null });
	});

	it('imports after a dry run that shows the same, and the CSV of the same table changes nothing', async () => {
		const file = await kikWorkbook();
		const dry = await run(file, true);
		expect(dry).toMatchObject({
			dry_run: true,
			concept: { created: true },
			measures: { created: ['1.2.1', '1.2.2', '2.1.3'] }
		});
		const [{ n }] = (
			await supabase.db.query<{ n: number }>(`select count(*)::int as n from public.measures`)
		).rows;
		expect(n).toBe(0);

		expect({ ...(await run(file)), dry_run: true }).toEqual(dry);
		const again = await run(kikCsv(), false, 'kik.csv');
		expect(again).toMatchObject({
			concept: { created: false },
			measures: { created: [], updated: [] },
			status_changes: []
		});
	});

	it('updates a status by code and notes the file in the history', async () => {
		const report = await run(
			await kikWorkbook(kikRows('in Umsetzung (Ende)')),
			false,
			'kik-2027.xlsx'
		);
		expect(report.status_changes).toEqual([
			{ code: '1.2.1', from: 'in_progress_middle', to: 'in_progress_end' }
		]);
		const { rows } = await supabase.db.query<{ note: string }>(
			`select c.note from public.measure_status_changes c join public.measures m on m.id = c.measure_id
			 where m.code = '1.2.1' order by c.id desc limit 1`
		);
		expect(rows[0].note).toBe('Import: kik-2027.xlsx');
	});

	it('refuses a file that is not a table of a concept, or not UTF-8', async () => {
		await expect(readConceptFile(new TextEncoder().encode('Name;Adresse\nA;B\n'))).rejects.toThrow(
			ImportRefused
		);
		await expect(readConceptFile(new Uint8Array([0x48, 0xe4, 0x3b, 0x0a]))).rejects.toThrow(
			/UTF-8/
		);
	});
});
