/**
 * The import functions of supabase/migrations/*_imports.sql, called as the CLI and the city's
 * integration office call them, with the example files of tests/fixtures/import: districts from
 * GeoJSON, population and offers from CSV. Each import succeeds whole or changes nothing and
 * names every bad feature or row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPopulationCsv } from '$lib/server/import/districts';
import { parseProblems, type ImportProblem } from '$lib/server/import/errors';
import { OFFER_COLUMNS, readOffersCsv } from '$lib/server/import/offers';
import {
	engines,
	useSession,
	type Actor,
	type SqlQuery,
	type SqlSession
} from '../support/sql-engines';
import {
	addMember,
	box,
	createCity,
	createCityAdmin,
	createConcept,
	createDistrict,
	createOffer,
	createOrganisation,
	createUser,
	type LonLat
} from '../support/factories';

const fixture = (name: string) =>
	readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

/** Places used by the fixtures: districts.geojson has Altstadt and Sankt Mang side by side
 * (10.30–10.32 E, 47.72–47.73 N) and south of them Bühl, an hourglass whose ring crosses
 * itself at 10.31 E 47.715 N. */
const place = {
	altstadt: [10.305, 47.725],
	sanktMang: [10.315, 47.725],
	buehlNorth: [10.31, 47.719],
	// beside the hourglass's waist: inside its bounding box, in neither triangle
	besideBuehl: [10.301, 47.715],
	harbour: [10.405, 47.705]
} satisfies Record<string, LonLat>;

interface Refusal {
	message: string;
	problems: ImportProblem[];
}

/** Runs an import that must be refused (SQLSTATE 22023) and returns what it says. */
async function refused(call: Promise<unknown>): Promise<Refusal> {
	try {
		await call;
	} catch (error) {
		const { code, message, detail } = error as { code?: string; message: string; detail?: string };
		expect({ code, message }).toMatchObject({ code: '22023' });
		return { message, problems: parseProblems(detail) };
	}
	throw new Error('the import was not refused');
}

const importDistricts = (db: SqlQuery, collection: string, nameProperty = 'STT_NAME') =>
	db
		.query<{ report: Record<string, unknown> }>(
			`select public.import_districts('testcity', $1::jsonb, $2, 'Beispieldaten') as report`,
			[collection, nameProperty]
		)
		.then(([row]) => row.report);

const importPopulation = (db: SqlQuery, csv: string) =>
	db
		.query<{ report: Record<string, unknown> }>(
			`select public.import_district_population('testcity', $1::jsonb) as report`,
			[JSON.stringify(readPopulationCsv(csv))]
		)
		.then(([row]) => row.report);

const importOffers = (db: SqlQuery, rows: unknown[]) =>
	db
		.query<{ report: { offers_imported: number; ids: string[] } }>(
			`select public.import_offers('testcity', $1::jsonb) as report`,
			[JSON.stringify(rows)]
		)
		.then(([row]) => row.report);

/** The city with its integration office, the two organisations and the measures offers.csv names. */
async function world(db: SqlSession) {
	const city = await createCity(db);
	const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db) };
	const altstadt = await createOrganisation(db, city.id, { slug: 'stadtteilbuero-altstadt' });
	const familien = await createOrganisation(db, city.id, {
		slug: 'familienzentrum-sued',
		kind: 'welfare_association'
	});
	const concept = await createConcept(db, city.id, { measureCodes: ['1.1.1', '1.1.2'] });
	return { city, admin, altstadt, familien, concept };
}

/** District name of each offer, by offer id. */
async function districtOf(db: SqlQuery, ids: string[]): Promise<Array<string | null>> {
	const rows = await db.query<{ id: string; name: string | null }>(
		`select o.id::text, d.name from public.offers o left join public.districts d on d.id = o.district_id
		 where o.id = any ($1::uuid[])`,
		[ids]
	);
	return ids.map((id) => rows.find((row) => row.id === id)?.name ?? null);
}

/** Row counts of everything an offers import writes. */
const countOfferData = (db: SqlQuery) =>
	db.query(
		`select (select count(*) from public.offers) as offers,
		        (select count(*) from public.offer_translations) as translations,
		        (select count(*) from public.offer_measures) as measure_links,
		        (select count(*) from public.schedules) as schedules,
		        (select count(*) from public.search_outbox) as outbox`
	);

describe.each(engines)('imports on $name', (engine) => {
	const db = useSession(engine);

	describe('districts from GeoJSON', () => {
		it('imports the features, repairs the self-intersecting ring and reports it', async () => {
			const { admin } = await world(db());
			const report = await db().as(admin, (q) => importDistricts(q, fixture('districts.geojson')));

			expect(report).toEqual({
				districts: 3,
				inserted: 3,
				updated: 0,
				removed: 0,
				repaired: [{ index: 2, name: 'Bühl', reason: expect.stringMatching(/^Self-intersection/) }],
				offers_reassigned: 0,
				srid: 4326
			});
			const districts = await db().query(
				`select slug, name, population, source, geometry_is_demo,
				        extensions.st_isvalid(geom) as valid, extensions.st_numgeometries(geom) as parts,
				        round(extensions.st_area(geom)::numeric, 6)::float8 as area
				 from public.districts order by slug`
			);
			expect(districts).toEqual([
				{
					slug: 'altstadt',
					name: 'Altstadt',
					population: 7415,
					source: 'Beispieldaten',
					geometry_is_demo: false,
					valid: true,
					parts: 1,
					area: 0.0001
				},
				// the hourglass becomes its two triangles, each 0.02 × 0.005 / 2
				{
					slug: 'buehl',
					name: 'Bühl',
					population: null,
					source: 'Beispieldaten',
					geometry_is_demo: false,
					valid: true,
					parts: 2,
					area: 0.0001
				},
				{
					slug: 'sankt-mang',
					name: 'Sankt Mang',
					population: null,
					source: 'Beispieldaten',
					geometry_is_demo: false,
					valid: true,
					parts: 1,
					area: 0.0001
				}
			]);
		});

		it('computes every offer’s district again from its point', async () => {
			const { city, admin, altstadt } = await world(db());
			// Before: one big Altstadt over both northern districts, and a harbour district.
			await createDistrict(db(), city.id, {
				name: 'Altstadt',
				slug: 'altstadt',
				ring: box(10.3, 47.72, 10.32, 47.73)
			});
			await createDistrict(db(), city.id, { name: 'Hafen', ring: box(10.4, 47.7, 10.41, 47.71) });
			const points = [
				place.altstadt,
				place.sanktMang,
				place.buehlNorth,
				place.besideBuehl,
				place.harbour
			];
			const offers: string[] = [];
			for (const point of points) offers.push((await createOffer(db(), altstadt.id, { point })).id);
			offers.push((await createOffer(db(), altstadt.id)).id);
			expect(await districtOf(db(), offers)).toEqual([
				'Altstadt',
				'Altstadt',
				null,
				null,
				'Hafen',
				null
			]);

			const report = await db().as(admin, (q) => importDistricts(q, fixture('districts.geojson')));

			expect(report).toMatchObject({ inserted: 2, updated: 1, removed: 1, offers_reassigned: 3 });
			expect(await districtOf(db(), offers)).toEqual([
				'Altstadt', // same district, updated in place
				'Sankt Mang', // its point now lies in the new Sankt Mang
				'Bühl', // in the northern triangle of the repaired hourglass
				null, // beside the waist: in neither triangle
				null, // Hafen is not in the file and was removed
				null // no point, no district
			]);
		});

		it('refuses a bad collection whole and names each bad feature with its index', async () => {
			const { city } = await world(db());
			await createDistrict(db(), city.id, { name: 'Hafen' });
			const before = await db().query(`select id, name, geom from public.districts order by id`);

			const refusal = await refused(
				db().as({ role: 'service_role' }, (q) =>
					importDistricts(q, fixture('districts-bad.geojson'))
				)
			);

			expect(refusal.message).toBe('3 of 4 features refused; nothing was imported');
			expect(refusal.problems).toEqual([
				{
					index: 1,
					name: 'Rathaus',
					reason: 'geometry is a Point; only Polygon and MultiPolygon are districts'
				},
				{ index: 2, reason: 'property "STT_NAME" is missing or empty' },
				{
					index: 3,
					name: 'Iller',
					reason: expect.stringMatching(/^invalid geometry that cannot be repaired: /)
				}
			]);
			expect(await db().query(`select id, name, geom from public.districts order by id`)).toEqual(
				before
			);
		});

		it('refuses what is not a FeatureCollection in WGS 84, or an unknown city', async () => {
			await world(db());
			const asService = <T>(fn: (q: SqlQuery) => Promise<T>) =>
				db().as({ role: 'service_role' }, fn);
			const projected = JSON.parse(fixture('districts.geojson'));
			projected.crs.properties.name = 'urn:ogc:def:crs:EPSG::31467';

			await expect(
				asService((q) => importDistricts(q, JSON.stringify({ type: 'Feature', features: [] })))
			).rejects.toMatchObject({
				code: '22023',
				message: 'the file is not a GeoJSON FeatureCollection'
			});
			await expect(
				asService((q) => importDistricts(q, JSON.stringify(projected)))
			).rejects.toMatchObject({
				code: '22023',
				message:
					'the file\'s coordinates are in "urn:ogc:def:crs:EPSG::31467", which this import does not read'
			});
			await expect(
				asService((q) =>
					q.query(`select public.import_districts('atlantis', $1::jsonb, 'STT_NAME')`, [
						fixture('districts.geojson')
					])
				)
			).rejects.toMatchObject({ code: '22023', message: 'unknown city "atlantis"' });
		});
	});

	describe('population from CSV', () => {
		it('sets the figures of the districts named in the file', async () => {
			const { admin } = await world(db());
			await db().as(admin, (q) => importDistricts(q, fixture('districts.geojson')));

			const report = await db().as(admin, (q) => importPopulation(q, fixture('population.csv')));

			expect(report).toEqual({ districts_updated: 3 });
			expect(
				await db().query(
					`select name, population, population_migration from public.districts order by name`
				)
			).toEqual([
				{ name: 'Altstadt', population: 7415, population_migration: 2210 },
				{ name: 'Bühl', population: 5120, population_migration: null },
				{ name: 'Sankt Mang', population: 12034, population_migration: 3890 }
			]);
		});

		it('refuses a bad file whole and names each bad row with its line', async () => {
			const { admin } = await world(db());
			await db().as(admin, (q) => importDistricts(q, fixture('districts.geojson')));
			const before = await db().query(
				`select name, population, population_migration from public.districts order by name`
			);

			const refusal = await refused(
				db().as(admin, (q) => importPopulation(q, fixture('population-bad.csv')))
			);

			expect(refusal.message).toBe('4 of 5 rows refused; nothing was imported');
			expect(refusal.problems).toEqual([
				{ row: 3, reason: 'no district named "Hafen"' },
				{ row: 4, reason: 'population "12.034" is not a whole number' },
				{ row: 5, reason: 'population_migration is larger than population' },
				{ row: 6, reason: 'district "altstadt" appears twice' }
			]);
			expect(
				await db().query(
					`select name, population, population_migration from public.districts order by name`
				)
			).toEqual(before);
		});
	});

	describe('offers from CSV', () => {
		it('imports offers with their texts, measure links and schedules', async () => {
			const { admin } = await world(db());
			await db().as(admin, (q) => importDistricts(q, fixture('districts.geojson')));

			const report = await db().as(admin, (q) =>
				importOffers(q, readOffersCsv(fixture('offers.csv')))
			);

			expect(report.offers_imported).toBe(3);
			const offers = await db().query(
				`select org.slug as organisation, o.category, d.name as district, o.languages, o.target_groups,
				        o.cost_eur::text as cost, o.childcare, o.women_only, o.wheelchair_accessible,
				        o.german_level::text, o.registration::text, o.state::text, o.postal_code,
				        o.last_verified_on::text as verified,
				        t.title, t.summary, t.locale, t.provenance::text,
				        (select array_agg(m.code order by m.code) from public.offer_measures om
				           join public.measures m on m.id = om.measure_id where om.offer_id = o.id) as measures,
				        (select json_agg(json_build_object(
				           'starts', to_char(s.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD HH24:MI'),
				           'minutes', s.duration_minutes, 'rrule', s.rrule)) from public.schedules s where s.offer_id = o.id) as schedules
				 from public.offers o
				 join public.organisations org on org.id = o.organisation_id
				 join public.offer_translations t on t.offer_id = o.id
				 left join public.districts d on d.id = o.district_id
				 where o.id = any ($1::uuid[])
				 order by array_position($1::uuid[], o.id)`,
				[report.ids]
			);
			expect(offers).toEqual([
				{
					organisation: 'stadtteilbuero-altstadt',
					category: 'cultural_cafe',
					district: 'Altstadt',
					languages: ['de', 'ar', 'uk'],
					target_groups: ['everyone'],
					cost: '0.00',
					childcare: false,
					women_only: false,
					wheelchair_accessible: true,
					german_level: 'a1',
					registration: 'none',
					state: 'published',
					postal_code: '87435',
					verified: '2026-11-01',
					title: 'Sprachcafé Altstadt',
					summary: 'Deutsch sprechen bei Tee und Kuchen; alle sind willkommen.',
					locale: 'de',
					provenance: 'original',
					measures: ['1.1.1'],
					schedules: [{ starts: '2026-12-01 15:00', minutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=TU' }]
				},
				{
					organisation: 'familienzentrum-sued',
					category: 'language_course',
					district: 'Bühl',
					languages: ['de', 'tr', 'fa'],
					target_groups: ['women', 'parents'],
					cost: '2.50',
					childcare: true,
					women_only: true,
					wheelchair_accessible: null,
					german_level: 'a2',
					registration: 'required',
					state: 'published',
					postal_code: null,
					verified: null,
					title: 'Deutschkurs für Mütter',
					summary: 'Mit Kinderbetreuung.\nDas Kursbuch wird gestellt.',
					locale: 'de',
					provenance: 'original',
					measures: ['1.1.1', '1.1.2'],
					schedules: [
						{ starts: '2027-01-12 09:00', minutes: 120, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20' }
					]
				},
				{
					organisation: 'familienzentrum-sued',
					category: 'counselling',
					district: null,
					languages: ['de', 'en'],
					target_groups: ['newcomers'],
					cost: '0.00',
					childcare: false,
					women_only: false,
					wheelchair_accessible: true,
					german_level: null,
					registration: 'recommended',
					state: 'draft',
					postal_code: '87439',
					verified: null,
					title: 'Sozialberatung',
					summary: 'Beratung zu Ämtern und Anträgen.',
					locale: 'de',
					provenance: 'original',
					measures: ['1.1.2'],
					schedules: [{ starts: '2026-12-10 10:00', minutes: 60, rrule: null }]
				}
			]);
		});

		it('refuses a bad file whole and names every bad row with its line and reason', async () => {
			const { admin } = await world(db());
			const before = await countOfferData(db());

			const refusal = await refused(
				db().as(admin, (q) => importOffers(q, readOffersCsv(fixture('offers-bad.csv'))))
			);

			expect(refusal.message).toBe('5 of 6 rows refused; nothing was imported');
			// The first record spans lines 2 and 3, so the next one is row 4.
			expect(refusal.problems).toEqual([
				{
					row: 4,
					reason:
						'column category: "sprachkurs" is not one of language_course, cultural_cafe, counselling, sports, family, work, event'
				},
				{ row: 5, reason: 'column cost_eur: "zehn" is not an amount in euros' },
				{ row: 6, reason: 'column organisation: no organisation "gibt-es-nicht" in testcity' },
				{
					row: 7,
					reason:
						'column rrule: "FREQ=SOMETIMES" is not an RFC 5545 RRULE this portal understands (e.g. FREQ=WEEKLY;BYDAY=TU)'
				},
				{ row: 8, reason: 'columns latitude and longitude: give both or neither' }
			]);
			expect(await countOfferData(db())).toEqual(before);
		});

		it('knows every documented column, and refuses others', async () => {
			const { altstadt } = await world(db());
			const row: Record<string, string | number> = { row: 2 };
			for (const column of OFFER_COLUMNS) row[column.name] = '';
			Object.assign(row, { organisation: altstadt.slug, category: 'sports', title: 'Lauftreff' });

			const report = await db().as({ role: 'service_role' }, (q) => importOffers(q, [row]));
			expect(report.offers_imported).toBe(1);

			await expect(
				db().as({ role: 'service_role' }, (q) => importOffers(q, [{ ...row, colour: 'blau' }]))
			).rejects.toMatchObject({ code: '22023', message: 'unknown columns: colour' });
		});

		it('lets staff import offers of their own organisation only', async () => {
			const { altstadt } = await world(db());
			const editor: Actor = { role: 'authenticated', userId: await createUser(db()) };
			await addMember(db(), altstadt.id, editor.userId);
			const rows = readOffersCsv(fixture('offers.csv'));

			const refusal = await refused(db().as(editor, (q) => importOffers(q, rows)));
			expect(refusal.problems).toEqual([
				{ row: 3, reason: 'column organisation: you are not staff of "familienzentrum-sued"' },
				{ row: 5, reason: 'column organisation: you are not staff of "familienzentrum-sued"' }
			]);

			const own = rows.filter((row) => row.organisation === altstadt.slug);
			const report = await db().as(editor, (q) => importOffers(q, own));
			expect(report.offers_imported).toBe(1);
		});
	});

	describe('who may import', () => {
		it('refuses anonymous callers every import', async () => {
			await world(db());
			const anon: Actor = { role: 'anon' };
			const calls = [
				(q: SqlQuery) => importDistricts(q, fixture('districts.geojson')),
				(q: SqlQuery) => importPopulation(q, fixture('population.csv')),
				(q: SqlQuery) => importOffers(q, readOffersCsv(fixture('offers.csv')))
			];
			for (const call of calls) {
				await expect(db().as(anon, call)).rejects.toMatchObject({
					code: '42501',
					message: expect.stringMatching(/^permission denied for function import_/)
				});
			}
			expect(await db().query(`select count(*) as n from public.districts`)).toEqual([{ n: 0 }]);
			expect(await db().query(`select count(*) as n from public.offers`)).toEqual([{ n: 0 }]);
		});

		it('leaves districts and population to the city’s administrators', async () => {
			const { altstadt } = await world(db());
			const editor: Actor = { role: 'authenticated', userId: await createUser(db()) };
			await addMember(db(), altstadt.id, editor.userId, 'admin');

			await expect(
				db().as(editor, (q) => importDistricts(q, fixture('districts.geojson')))
			).rejects.toMatchObject({
				code: '42501',
				message: "only the city's administrators may import districts"
			});
			await expect(
				db().as(editor, (q) => importPopulation(q, fixture('population.csv')))
			).rejects.toMatchObject({
				code: '42501',
				message: "only the city's administrators may import population figures"
			});
		});
	});
});
