/**
 * import_concept (supabase/migrations/*_concept_import.sql): a city's implementation table into
 * fields of action → goals → measures, matched by code. All rows or none, a dry run that changes
 * nothing, the same file twice changes nothing, an edited file keeps ids, links and history.
 */
import { describe, expect, it } from 'vitest';
import { parseProblems } from '$lib/server/import/errors';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	createCity,
	createCityAdmin,
	createConcept,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

type Row = Record<string, unknown>;

/** Three measures in two fields of action, as concept.ts hands them over. */
function kik(): Row[] {
	const sprache = { field_code: '1', field_title: 'Sprache und Bildung' };
	const arbeit = { field_code: '2', field_title: 'Arbeit und Ausbildung' };
	return [
		{
			row: 2,
			...sprache,
			goal_code: '1.1',
			goal_title: 'Deutsch lernen für alle',
			goal_indicator: 'Teilnehmende je Kurs',
			measure_code: '1.1.1',
			measure_title: 'Sprachkurse mit Kinderbetreuung',
			description: 'Kurse am Vormittag\nmit Betreuung',
			target_group: 'Neuzugewanderte Frauen',
			starts_on: '2022-03-01',
			ends_on: '2024-12-31',
			status: 'in_progress_middle',
			indicators: [{ description: '10 Frauen pro Kurs', target_value: 10, target_unit: 'Frauen' }],
			themes: ['Frauen', 'Teilhabe']
		},
		{
			row: 3,
			...sprache,
			goal_code: '1.1',
			goal_title: 'Deutsch lernen für alle',
			measure_code: '1.1.2',
			measure_title: 'Sprachcafés in allen Stadtteilen',
			status: 'implemented'
		},
		{
			row: 4,
			...arbeit,
			goal_code: '2.1',
			goal_title: 'Zugänge zum Arbeitsmarkt',
			measure_code: '2.1.3',
			measure_title: 'Austauschtreffen',
			status: 'scheduled'
		}
	];
}

const importConcept = (db: SqlQuery, concept: Row, dryRun = false) =>
	db
		.query<{ report: Record<string, unknown> }>(
			`select public.import_concept('testcity', $1::jsonb, $2) as report`,
			[JSON.stringify(concept), dryRun]
		)
		.then(([row]) => row.report);

const kikConcept = (rows = kik()) => ({
	slug: 'kik',
	title: 'Kemptener Integrationskonzept',
	source: 'kik.xlsx',
	rows
});

/** Everything an import writes, for "nothing changed". */
const snapshot = (db: SqlQuery) =>
	db.query(
		`select (select count(*) from public.concepts) as concepts,
		        (select count(*) from public.fields_of_action) as fields,
		        (select count(*) from public.goals) as goals,
		        (select jsonb_agg(to_jsonb(m) order by code) from public.measures m) as measures,
		        (select count(*) from public.measure_indicators) as indicators,
		        (select count(*) from public.measure_themes) as tags,
		        (select count(*) from public.measure_status_changes) as history,
		        (select count(*) from public.audit_log) as audit`
	);

const measures = (db: SqlQuery) =>
	db.query<Row>(
		`select m.code, m.position, g.code as goal, m.title, m.status::text, m.starts_on::text, m.ends_on::text,
		        m.description, m.target_group
		 from public.measures m join public.goals g on g.id = m.goal_id order by m.code`
	);

describe.each(engines)('concept import on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		return { city, admin };
	}

	it('creates the concept with its fields, goals, measures, indicators, themes and history', async () => {
		const { admin } = await world();
		const report = await db().as(admin, (q) => importConcept(q, kikConcept()));
		expect(report).toEqual({
			dry_run: false,
			concept: { slug: 'kik', title: 'Kemptener Integrationskonzept', created: true },
			rows: 3,
			fields: { created: ['1', '2'], updated: [] },
			goals: { created: ['1.1', '2.1'], updated: [] },
			measures: { created: ['1.1.1', '1.1.2', '2.1.3'], updated: [] },
			status_changes: [],
			left_out: []
		});
		expect(await measures(db())).toEqual([
			{
				code: '1.1.1',
				position: 1,
				goal: '1.1',
				title: 'Sprachkurse mit Kinderbetreuung',
				status: 'in_progress_middle',
				starts_on: '2022-03-01',
				ends_on: '2024-12-31',
				description: 'Kurse am Vormittag\nmit Betreuung',
				target_group: 'Neuzugewanderte Frauen'
			},
			expect.objectContaining({ code: '1.1.2', position: 2, goal: '1.1', status: 'implemented' }),
			expect.objectContaining({ code: '2.1.3', position: 1, goal: '2.1', status: 'scheduled' })
		]);
		const [concept] = await db().query(
			`select is_current, (select indicator from public.goals where code = '1.1') as indicator,
			        (select jsonb_agg(jsonb_build_object('d', description, 'v', target_value::float8, 'u', target_unit))
			         from public.measure_indicators) as indicators,
			        (select array_agg(t.title order by t.title) from public.measure_themes mt
			         join public.themes t on t.id = mt.theme_id) as themes
			 from public.concepts where slug = 'kik'`
		);
		expect(concept).toEqual({
			is_current: true,
			indicator: 'Teilnehmende je Kurs',
			indicators: [{ d: '10 Frauen pro Kurs', v: 10, u: 'Frauen' }],
			themes: ['Frauen', 'Teilhabe']
		});
		const history = await db().query(
			`select to_status::text, note from public.measure_status_changes order by to_status`
		);
		expect(history).toHaveLength(3);
		expect(history[0]).toMatchObject({ to_status: 'implemented' });
	});

	it('changes nothing when the same file is imported again', async () => {
		const { admin } = await world();
		await db().as(admin, (q) => importConcept(q, kikConcept()));
		const before = await snapshot(db());
		const report = await db().as(admin, (q) => importConcept(q, kikConcept()));
		expect(report).toMatchObject({
			concept: { created: false },
			fields: { created: [], updated: [] },
			goals: { created: [], updated: [] },
			measures: { created: [], updated: [] },
			status_changes: [],
			left_out: []
		});
		expect(await snapshot(db())).toEqual(before);
	});

	it('updates an edited file by code: ids, offer links and history stay, the change is noted', async () => {
		const { city, admin } = await world();
		await db().as(admin, (q) => importConcept(q, kikConcept()));
		const [{ id }] = await db().query<{ id: string }>(
			`select id::text from public.measures where code = '1.1.1'`
		);
		const organisation = await createOrganisation(db(), city.id);
		const offer = await createOffer(db(), organisation.id, { measureIds: [id] });

		const edited = kik();
		edited[0] = { ...edited[0], status: 'in_progress_end', description: 'Kurse am Vormittag' };
		edited.splice(1, 1); // 1.1.2 left out of the file
		edited.push({ ...edited[1], row: 5, measure_code: '2.1.4', measure_title: 'Vorträge' });
		const report = await db().as(admin, (q) => importConcept(q, kikConcept(edited)));
		expect(report).toMatchObject({
			measures: {
				created: ['2.1.4'],
				updated: [{ code: '1.1.1', columns: ['description', 'status'] }]
			},
			status_changes: [{ code: '1.1.1', from: 'in_progress_middle', to: 'in_progress_end' }],
			left_out: ['1.1.2']
		});
		const [kept] = await db().query(
			`select m.id::text, m.status::text, m.position,
			        (select count(*)::int from public.offer_measures where measure_id = m.id and offer_id = $1) as links,
			        (select note from public.measure_status_changes where measure_id = m.id
			         order by changed_at desc, id desc limit 1) as note
			 from public.measures m where m.code = '1.1.1'`,
			[offer.id]
		);
		expect(kept).toEqual({
			id,
			status: 'in_progress_end',
			position: 1,
			links: 1,
			note: 'Import: kik.xlsx'
		});
		// the left-out measure is kept, behind the file's own
		expect(await measures(db())).toContainEqual(
			expect.objectContaining({ code: '1.1.2', position: 2 })
		);
	});

	it('moves what the file leaves out behind the file’s own when positions would collide', async () => {
		const { city, admin } = await world();
		await createConcept(db(), city.id, { slug: 'kik', measureCodes: ['1.1.1', '1.1.2'] });
		const rows = [
			{ ...kik()[0], measure_code: '1.1.3', measure_title: 'Neu' },
			{ ...kik()[0], row: 3, measure_code: '1.1.2', measure_title: 'Maßnahme 1.1.2' }
		].map((row) => ({ ...row, field_title: 'Sprache und Bildung' }));
		const report = await db().as(admin, (q) => importConcept(q, { slug: 'kik', rows }));
		expect(report).toMatchObject({ measures: { created: ['1.1.3'] }, left_out: ['1.1.1'] });
		const order = await db().query(`select code, position from public.measures order by position`);
		expect(order).toEqual([
			{ code: '1.1.3', position: 1 },
			{ code: '1.1.2', position: 2 },
			{ code: '1.1.1', position: 3 }
		]);
	});

	it('reports in a dry run what an import would change, and changes nothing', async () => {
		const { admin } = await world();
		await db().as(admin, (q) => importConcept(q, kikConcept()));
		const before = await snapshot(db());
		const edited = kik();
		edited[2] = { ...edited[2], status: 'at_risk' };
		const dry = await db().as(admin, (q) => importConcept(q, kikConcept(edited), true));
		expect(dry).toMatchObject({
			dry_run: true,
			measures: { updated: [{ code: '2.1.3', columns: ['status'] }] },
			status_changes: [{ code: '2.1.3', from: 'scheduled', to: 'at_risk' }]
		});
		expect(await snapshot(db())).toEqual(before);
		const real = await db().as(admin, (q) => importConcept(q, kikConcept(edited)));
		expect({ ...real, dry_run: true }).toEqual(dry);
	});

	it('names every bad row with its reason and imports nothing', async () => {
		const { admin } = await world();
		const rows = kik();
		rows[0] = { ...rows[0], status: 'gelb' };
		rows.push({ ...rows[2], row: 5, measure_code: '2.1.9', field_title: 'Arbeit' });
		rows.push({ ...rows[2], row: 6, measure_code: '' });
		rows[2] = { ...rows[2], starts_on: '2025-01-01', ends_on: '2024-01-01' };
		const before = await snapshot(db());
		const error = await db()
			.as(admin, (q) => importConcept(q, kikConcept(rows)))
			.then(
				() => null,
				(e: { code?: string; detail?: string }) => e
			);
		expect(error?.code).toBe('22023');
		expect(parseProblems(error?.detail)).toEqual([
			{ row: 2, reason: 'column status: "gelb" is not a status' },
			{
				row: 4,
				reason: 'columns starts_on and ends_on: the end 2024-01-01 is before the start 2025-01-01'
			},
			{ row: 5, reason: 'column field: 2 is called "Arbeit und Ausbildung" in row 4' },
			{ row: 6, reason: 'column measure: no code' }
		]);
		expect(await snapshot(db())).toEqual(before);
	});

	it('names a measure code used twice', async () => {
		const { admin } = await world();
		const rows = kik();
		rows[1] = { ...rows[1], measure_code: '1.1.1' };
		const error = await db()
			.as(admin, (q) => importConcept(q, kikConcept(rows)))
			.then(
				() => null,
				(e: { detail?: string }) => e
			);
		expect(parseProblems(error?.detail)).toEqual([
			{ row: 3, reason: 'column measure: 1.1.1 is also in row 2' }
		]);
	});

	it('is for the city’s administrators only', async () => {
		await world();
		const staff: Actor = { role: 'authenticated', userId: await createUser(db()) };
		await expect(db().as(staff, (q) => importConcept(q, kikConcept()))).rejects.toMatchObject({
			code: '42501'
		});
		await expect(
			db().as({ role: 'anon' }, (q) => importConcept(q, kikConcept()))
		).rejects.toMatchObject({ code: '42501' });
	});
});
