/**
 * Snapshots of a concept on a reference date and their comparison
 * (supabase/migrations/*_concept_snapshots.sql): take_snapshot, city_snapshots,
 * compare_snapshots, and who may take them.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	box,
	createCity,
	createCityAdmin,
	createConcept,
	createDistrict,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

interface Comparison {
	from: { reference_date: string; offers: number };
	to: { reference_date: string; offers: number };
	measures: Array<Record<string, unknown>>;
	cells: Array<Record<string, unknown>>;
	measures_changed: number;
	cells_changed: number;
}

const take = (db: SqlQuery, date: string, note: string | null = null) =>
	db
		.query<{ s: { id: string; reference_date: string } }>(
			`select public.take_snapshot(null, $1::date, $2) as s`,
			[date, note]
		)
		.then(([row]) => row.s);

describe.each(engines)('concept snapshots on $name', (engine) => {
	const db = useSession(engine);

	it('stores statuses and coverage on a Stichtag and compares two of them', async () => {
		const city = await createCity(db());
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		await createDistrict(db(), city.id, {
			slug: 'west',
			name: 'West',
			ring: box(10.3, 47.7, 10.35, 47.8)
		});
		await createDistrict(db(), city.id, {
			slug: 'ost',
			name: 'Ost',
			ring: box(10.35, 47.7, 10.4, 47.8)
		});
		const concept = await createConcept(db(), city.id, { measureCodes: ['1.1.1', '1.1.2'] });
		const org = await createOrganisation(db(), city.id);
		await createOffer(db(), org.id, {
			point: [10.32, 47.75],
			measureIds: [concept.measures['1.1.1']]
		});
		await db().query(
			`update public.measures set status = 'scheduled', ends_on = '2026-03-31' where id = $1`,
			[concept.measures['1.1.2']]
		);

		const first = await db().as(admin, (q) => take(q, '2026-06-30', '  Bericht an den Ausschuss '));
		expect(first.reference_date).toBe('2026-06-30');

		// meanwhile: a status changes, an offer opens in Ost
		await db().as(admin, (q) =>
			q.query(`select public.set_measure_status($1, 'implemented', 'Kurs läuft', null)`, [
				concept.measures['1.1.1']
			])
		);
		await createOffer(db(), org.id, {
			point: [10.37, 47.75],
			measureIds: [concept.measures['1.1.1']]
		});
		const second = await db().as(admin, (q) => take(q, '2026-09-30'));

		// a reader (any signed-in user) lists and compares them
		const reader: Actor = { role: 'authenticated', userId: await createUser(db()) };
		const list = await db().as(reader, (q) =>
			q.query<{ reference_date: string; note: string | null; measures: number; offers: number }>(
				`select reference_date::text, note, measures, offers from public.city_snapshots()`
			)
		);
		expect(list).toEqual([
			{ reference_date: '2026-09-30', note: null, measures: 2, offers: 2 },
			{ reference_date: '2026-06-30', note: 'Bericht an den Ausschuss', measures: 2, offers: 1 }
		]);

		const [{ c }] = await db().as(reader, (q) =>
			q.query<{ c: Comparison }>(`select public.compare_snapshots($1, $2) as c`, [
				first.id,
				second.id
			])
		);
		expect(c.from).toMatchObject({ reference_date: '2026-06-30', offers: 1 });
		expect(c.to).toMatchObject({ reference_date: '2026-09-30', offers: 2 });
		expect(c.measures).toEqual([
			expect.objectContaining({
				code: '1.1.1',
				old_status: null,
				new_status: 'implemented',
				new_light: 'green',
				old_offers: 1,
				new_offers: 2,
				changed: true
			}),
			// late on both Stichtage (planned end 31 March, not implemented), unchanged
			expect.objectContaining({
				code: '1.1.2',
				old_status: 'scheduled',
				new_status: 'scheduled',
				old_late: true,
				new_late: true,
				changed: false
			})
		]);
		expect(c.cells).toEqual([
			{
				district: 'ost',
				district_name: 'Ost',
				field: '1',
				field_title: 'Sprache und Bildung',
				old_offers: 0,
				new_offers: 1,
				changed: true
			},
			{
				district: 'west',
				district_name: 'West',
				field: '1',
				field_title: 'Sprache und Bildung',
				old_offers: 1,
				new_offers: 1,
				changed: false
			}
		]);
		expect([c.measures_changed, c.cells_changed]).toEqual([1, 1]);

		// nobody writes a snapshot past the functions
		await expect(
			db().as(admin, (q) => q.query(`update public.concept_snapshots set note = 'x'`))
		).rejects.toMatchObject({ code: '42501' });
	});

	it('refuses others, a future date, a second snapshot on one date and unknown snapshots', async () => {
		const city = await createCity(db());
		await createConcept(db(), city.id);
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		const editor: Actor = { role: 'authenticated', userId: await createUser(db()) };

		await expect(db().as(editor, (q) => take(q, '2026-06-30'))).rejects.toMatchObject({
			code: '42501'
		});
		await expect(db().as({ role: 'anon' }, (q) => take(q, '2026-06-30'))).rejects.toMatchObject({
			code: '42501'
		});
		await expect(db().as(admin, (q) => take(q, '2999-01-01'))).rejects.toMatchObject({
			code: '22023'
		});
		await db().as(admin, (q) => take(q, '2026-06-30'));
		await expect(db().as(admin, (q) => take(q, '2026-06-30'))).rejects.toMatchObject({
			code: 'PT409'
		});
		// without a date: the city's today
		const today = await db().as(admin, (q) =>
			q.query<{ s: { reference_date: string } }>(`select public.take_snapshot() as s`)
		);
		expect(today[0].s.reference_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		await expect(
			db().as(admin, (q) =>
				q.query(`select public.compare_snapshots(gen_random_uuid(), gen_random_uuid())`)
			)
		).rejects.toMatchObject({ code: 'PT404' });
	});
});
