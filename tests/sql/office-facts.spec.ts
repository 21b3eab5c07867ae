/**
 * A Stadtteilbüro's public facts (supabase/migrations/20261203141700_office_facts.sql): the
 * district page's offices (district_offices: those serving the district, else the nearest one),
 * the staff page's read (get_office_facts) and save (save_office_facts: who may, the version
 * check, what is refused). On every engine.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlSession } from '../support/sql-engines';
import {
	addMember,
	box,
	createCity,
	createCityAdmin,
	createDistrict,
	createOrganisation,
	createUser
} from '../support/factories';

const user = (userId: string): Actor => ({ role: 'authenticated', userId });
const anon: Actor = { role: 'anon' };

const HOURS = [
	{ weekday: 2, opens: '14:00', closes: '17:00' },
	{ weekday: 1, opens: '09:00', closes: '12:00' }
];

const facts = (overrides: Record<string, unknown> = {}) => ({
	opening_hours: HOURS,
	hours_note: { de: 'Und nach Vereinbarung', en: 'And by appointment' },
	languages: ['tr', 'de', 'ru', 'de'],
	directions: { de: 'Bus 3, Haltestelle Sankt Mang', en: 'Bus 3, stop Sankt Mang' },
	latitude: 47.7,
	longitude: 10.33,
	...overrides
});

const save = (db: SqlSession, actor: Actor, orgId: string, body: unknown, version: number) =>
	db.as(actor, (q) =>
		q.query<{ version: number }>('select public.save_office_facts($1, $2::jsonb, $3) as version', [
			orgId,
			JSON.stringify(body),
			version
		])
	);

const officesOf = async (db: SqlSession, slug: string) =>
	(
		await db.as(anon, (q) =>
			q.query<{ offices: Record<string, unknown>[] }>(
				'select public.district_offices($1) as offices',
				[slug]
			)
		)
	)[0].offices;

/** Two districts side by side, an office serving the first, an editor of it, others. */
async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	const west = await createDistrict(db, city.id, { ring: box(10.3, 47.7, 10.32, 47.72) });
	const east = await createDistrict(db, city.id, { ring: box(10.34, 47.7, 10.36, 47.72) });
	const office = await createOrganisation(db, city.id, { name: 'Stadtteilbüro West' });
	const club = await createOrganisation(db, city.id, { name: 'Verein', kind: 'club' });
	await db.query(
		'insert into public.organisation_districts (organisation_id, district_id) values ($1, $2)',
		[office.id, west.id]
	);
	const editor = await createUser(db);
	const clubEditor = await createUser(db);
	const admin = await createCityAdmin(db);
	await addMember(db, office.id, editor);
	await addMember(db, club.id, clubEditor);
	return { west, east, office, club, editor, clubEditor, admin };
}

for (const engine of engines) {
	describe(`${engine.name}: office facts`, () => {
		const db = useSession(engine);

		it('lets the office’s editor save its facts, versioned, and shows them to visitors', async () => {
			const w = await buildWorld(db());
			const [first] = await save(db(), user(w.editor), w.office.id, facts(), 0);
			expect(first.version).toBe(1);
			const [offices] = [await officesOf(db(), w.west.slug)];
			expect(offices).toHaveLength(1);
			expect(offices[0]).toMatchObject({
				name: 'Stadtteilbüro West',
				nearest: false,
				// by weekday, then time
				opening_hours: [HOURS[1], HOURS[0]],
				languages: ['de', 'ru', 'tr'],
				hours_note: { de: 'Und nach Vereinbarung', en: 'And by appointment' },
				directions: { de: 'Bus 3, Haltestelle Sankt Mang', en: 'Bus 3, stop Sankt Mang' },
				latitude: 47.7,
				longitude: 10.33,
				version: 1
			});

			const [second] = await save(
				db(),
				user(w.editor),
				w.office.id,
				facts({ languages: [], latitude: null, longitude: null }),
				1
			);
			expect(second.version).toBe(2);
			const [again] = await officesOf(db(), w.west.slug);
			expect(again).toMatchObject({ languages: [], latitude: null, version: 2 });
		});

		it('refuses a save against facts that changed since they were read', async () => {
			const w = await buildWorld(db());
			await save(db(), user(w.editor), w.office.id, facts(), 0);
			await expect(save(db(), user(w.admin), w.office.id, facts(), 0)).rejects.toMatchObject({
				code: 'PT409'
			});
			await expect(save(db(), user(w.admin), w.office.id, facts(), 1)).resolves.toEqual([
				{ version: 2 }
			]);
		});

		it('refuses staff of another organisation and visitors', async () => {
			const w = await buildWorld(db());
			await expect(save(db(), user(w.clubEditor), w.office.id, facts(), 0)).rejects.toMatchObject({
				code: '42501'
			});
			await expect(save(db(), anon, w.office.id, facts(), 0)).rejects.toMatchObject({
				code: '42501'
			});
			await expect(
				db().as(user(w.clubEditor), (q) =>
					q.query('select public.get_office_facts($1)', [w.office.id])
				)
			).rejects.toMatchObject({ code: '42501' });
			// nor can they write the table directly
			await expect(
				db().as(user(w.clubEditor), (q) =>
					q.query(`insert into public.office_facts (organisation_id) values ($1) returning 1`, [
						w.office.id
					])
				)
			).rejects.toMatchObject({ code: '42501' });
		});

		it('refuses malformed facts (22023) and invalid hours or texts (23514)', async () => {
			const w = await buildWorld(db());
			const refused = async (body: unknown) => {
				try {
					await save(db(), user(w.editor), w.office.id, body, 0);
					return 'saved';
				} catch (error) {
					return (error as { code?: string }).code;
				}
			};
			expect(await refused({ unknown: true })).toBe('22023');
			expect(await refused({ ...facts(), extra: 1 })).toBe('22023');
			expect(await refused(facts({ languages: 'de' }))).toBe('22023');
			expect(await refused(facts({ latitude: null }))).toBe('22023');
			expect(await refused(facts({ latitude: 91 }))).toBe('23514');
			expect(
				await refused(facts({ opening_hours: [{ weekday: 8, opens: '09:00', closes: '10:00' }] }))
			).toBe('23514');
			expect(
				await refused(facts({ opening_hours: [{ weekday: 1, opens: '12:00', closes: '09:00' }] }))
			).toBe('23514');
			expect(
				await refused(facts({ opening_hours: [{ weekday: 1, opens: '9:00', closes: '12:00' }] }))
			).toBe('23514');
			expect(await refused(facts({ directions: { xx: 'Bus' } }))).toBe('23514');
			expect(await refused(facts({ hours_note: { de: '' } }))).toBe('23514');
			expect(await refused(facts({ directions: { de: 'x'.repeat(1001) } }))).toBe('23514');
			expect(await refused(facts({ languages: ['Deutsch'] }))).toBe('23514');
			expect(await refused(facts())).toBe('saved');
		});

		it('gives the staff page the facts and the districts served; none saved yet is version 0', async () => {
			const w = await buildWorld(db());
			const read = async () =>
				(
					await db().as(user(w.editor), (q) =>
						q.query<{ facts: Record<string, unknown> }>(
							'select public.get_office_facts($1) as facts',
							[w.office.id]
						)
					)
				)[0].facts;
			expect(await read()).toMatchObject({
				name: 'Stadtteilbüro West',
				version: 0,
				opening_hours: [],
				languages: [],
				districts: [{ slug: w.west.slug }]
			});
			await save(db(), user(w.editor), w.office.id, facts(), 0);
			expect(await read()).toMatchObject({ version: 1, languages: ['de', 'ru', 'tr'] });
		});

		it('moves data_version() when an office’s facts change, so the public pages follow', async () => {
			const w = await buildWorld(db());
			await db().query(`select set_config('portal.data_change_counted', '', true)`);
			const version = async () =>
				Number((await db().query<{ v: number }>('select public.data_version() as v'))[0].v);
			const before = await version();
			await save(db(), user(w.editor), w.office.id, facts(), 0);
			expect(await version()).toBe(before + 1);
		});

		it('names the nearest office with a location for a district that none serves', async () => {
			const w = await buildWorld(db());
			// without a location the office cannot be measured against
			expect(await officesOf(db(), w.east.slug)).toEqual([]);
			await save(
				db(),
				user(w.editor),
				w.office.id,
				facts({ latitude: 47.71, longitude: 10.31 }),
				0
			);
			const [nearest] = await officesOf(db(), w.east.slug);
			expect(nearest).toMatchObject({ name: 'Stadtteilbüro West', nearest: true });
			// from 10.31 to 10.34 at 47.71: about 2.25 km
			expect(nearest.distance_m).toBeGreaterThan(2000);
			expect(nearest.distance_m).toBeLessThan(2500);
			expect(await officesOf(db(), 'no-such-district')).toEqual([]);
		});
	});
}
