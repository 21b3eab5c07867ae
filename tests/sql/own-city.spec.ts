/**
 * Bring your own city (supabase/migrations/20261205130000_own_city.sql), on PGlite and
 * PostgreSQL 15: create_city (service_role only, one city per database), import_organisations
 * (all or nothing, by slug, the same file twice changes nothing) and districts in EPSG:25832 /
 * EPSG:25833 reprojected by PostGIS, with the second-city fixture of tests/fixtures/second-city.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProblems, type ImportProblem } from '$lib/server/import/errors';
import { readOrganisationsCsv } from '$lib/server/import/organisations';
import { engines, useSession, type SqlQuery } from '../support/sql-engines';
import { createCity, createCityAdmin, createUser } from '../support/factories';

const fixture = (name: string) =>
	readFileSync(new URL(`../fixtures/second-city/${name}`, import.meta.url), 'utf8');

const SERVICE = { role: 'service_role' } as const;

/** Runs a call that must be refused with `code` and returns what it says. */
async function refused(
	call: Promise<unknown>,
	code = '22023'
): Promise<{ message: string; hint?: string; problems: ImportProblem[] }> {
	try {
		await call;
	} catch (error) {
		const e = error as { code?: string; message: string; detail?: string; hint?: string };
		expect(e.code).toBe(code);
		return { message: e.message, hint: e.hint, problems: parseProblems(e.detail) };
	}
	throw new Error('the call was not refused');
}

const createCityCall = (q: SqlQuery, slug: string, timeZone = 'Europe/Berlin', locale = 'de') =>
	q
		.query<{ city: Record<string, string> }>(`select public.create_city($1, $2, $3, $4) as city`, [
			slug,
			'Kaiserslautern',
			timeZone,
			locale
		])
		.then(([row]) => row.city);

const importOrganisations = (q: SqlQuery, rows: unknown[], city = 'kaiserslautern') =>
	q
		.query<{ report: Record<string, number> }>(
			`select public.import_organisations($1, $2::jsonb) as report`,
			[city, JSON.stringify(rows)]
		)
		.then(([row]) => row.report);

const importDistricts = (q: SqlQuery, collection: unknown, city = 'kaiserslautern') =>
	q
		.query<{ report: Record<string, unknown> }>(
			`select public.import_districts($1, $2::jsonb, 'name') as report`,
			[city, JSON.stringify(collection)]
		)
		.then(([row]) => row.report);

describe.each(engines)('bring your own city on $name', (engine) => {
	const db = useSession(engine);

	describe('create_city', () => {
		it('creates the city with its time zone and default locale, shown by portal_info', async () => {
			const city = await db().as(SERVICE, (q) =>
				createCityCall(q, 'kaiserslautern', 'Europe/Berlin', 'en')
			);
			expect(city).toEqual({
				slug: 'kaiserslautern',
				name: 'Kaiserslautern',
				time_zone: 'Europe/Berlin',
				default_locale: 'en'
			});
			const [{ info }] = await db().as({ role: 'anon' }, (q) =>
				q.query<{ info: { city: unknown } }>(`select public.portal_info() as info`)
			);
			expect(info.city).toEqual({ ...city, is_demo: false });
		});

		it('refuses a bad slug, time zone or locale, a duplicate and a second city', async () => {
			const bad = (slug: string, zone?: string, locale?: string) =>
				refused(db().as(SERVICE, (q) => createCityCall(q, slug, zone, locale)));
			expect((await bad('Kaisers Lautern')).message).toMatch(
				/^slug "Kaisers Lautern": use lower-case/
			);
			expect((await bad('kl--x')).message).toMatch(/^slug "kl--x"/);
			expect((await bad('kl', 'Europe/Kaiserslautern')).message).toBe(
				'time zone "Europe/Kaiserslautern": not an IANA time zone such as Europe/Berlin'
			);
			expect((await bad('kl', 'Europe/Berlin', 'fr')).message).toMatch(
				/^default locale "fr": not one of de, de-simple, en, /
			);

			await db().as(SERVICE, (q) => createCityCall(q, 'kaiserslautern'));
			expect(
				(
					await refused(
						db().as(SERVICE, (q) => createCityCall(q, 'kaiserslautern')),
						'23505'
					)
				).message
			).toBe('a city "kaiserslautern" exists already (Kaiserslautern)');
			const second = await bad('landstuhl');
			expect(second.message).toBe(
				'this database holds the city "kaiserslautern" (Kaiserslautern) already; the portal serves one city per database'
			);
			expect(second.hint).toMatch(/a new DATA_DIR \(e\.g\. DATA_DIR=\.data\/landstuhl\)/);
		});

		it('is for service_role only', async () => {
			const userId = await createCityAdmin(db());
			for (const actor of [{ role: 'anon' as const }, { role: 'authenticated' as const, userId }]) {
				await refused(
					db().as(actor, (q) => createCityCall(q, 'kaiserslautern')),
					'42501'
				);
			}
		});
	});

	describe('add_city_admin', () => {
		it('names a user city admin once, refuses an unknown user, and is for service_role only', async () => {
			const userId = await createUser(db());
			const add = (q: SqlQuery, id: string) =>
				q
					.query<{ added: boolean }>(`select public.add_city_admin($1) as added`, [id])
					.then(([row]) => row.added);
			expect(await db().as(SERVICE, (q) => add(q, userId))).toBe(true);
			expect(await db().as(SERVICE, (q) => add(q, userId))).toBe(false);
			expect(
				await db().query(`select count(*)::int as n from public.city_admins where user_id = $1`, [
					userId
				])
			).toEqual([{ n: 1 }]);
			await refused(
				db().as(SERVICE, (q) => add(q, '00000000-0000-4000-8000-00000000abcd')),
				'PT404'
			);
			await refused(
				db().as({ role: 'authenticated', userId }, (q) => add(q, userId)),
				'42501'
			);
		});
	});

	describe('import_organisations', () => {
		it('imports the fixture, updates by slug, and the same file twice changes nothing', async () => {
			await createCity(db(), { slug: 'kaiserslautern', name: 'Kaiserslautern' });
			const rows = readOrganisationsCsv(fixture('organisations.csv'));

			expect(await db().as(SERVICE, (q) => importOrganisations(q, rows))).toEqual({
				organisations: 3,
				inserted: 3,
				updated: 0,
				unchanged: 0
			});
			const organisations = () =>
				db().query(
					`select slug, name, kind::text, street, postal_code, locality, website, email, phone, updated_at
					 from public.organisations order by slug`
				);
			const before = await organisations();
			expect(before.map((o) => [o.slug, o.kind, o.website, o.phone])).toEqual([
				[
					'beratung-migration-kl',
					'counselling_service',
					'https://beratung.example.org',
					'0631 000 002'
				],
				['sprachtreff-westpfalz', 'club', null, null],
				[
					'stadtteilbuero-innenstadt',
					'neighbourhood_office',
					'https://stadtteilbuero.example.org',
					'0631 000 001'
				]
			]);

			expect(await db().as(SERVICE, (q) => importOrganisations(q, rows))).toEqual({
				organisations: 3,
				inserted: 0,
				updated: 0,
				unchanged: 3
			});
			expect(await organisations()).toEqual(before);

			const edited = rows.map((row) =>
				row.slug === 'sprachtreff-westpfalz' ? { ...row, name: 'Sprachtreff Westpfalz e. V.' } : row
			);
			expect(await db().as(SERVICE, (q) => importOrganisations(q, edited))).toMatchObject({
				inserted: 0,
				updated: 1,
				unchanged: 2
			});
		});

		it('refuses a bad file whole and names every bad row with its reason', async () => {
			await createCity(db(), { slug: 'kaiserslautern', name: 'Kaiserslautern' });
			const csv = [
				'slug;name;kind;postal_code;website;email;phone',
				'gut;Guter Verein;Verein;67655;;;',
				'Schlecht Slug;X;club;;;;',
				'ohne-name;;club;;;;',
				'art;Art;Sportverein;;;;',
				'plz;PLZ;club;6765;;;',
				'web;Web;club;;www.example.org;;',
				'mail;Mail;club;;;mailto:a@example.org;',
				'tel;Tel;club;;;;call me',
				'gut;Zweimal;club;;;;'
			].join('\n');
			const refusal = await refused(
				db().as(SERVICE, (q) => importOrganisations(q, readOrganisationsCsv(csv)))
			);
			expect(refusal.message).toBe('8 of 9 rows refused; nothing was imported');
			expect(refusal.problems).toEqual([
				{
					row: 3,
					reason: expect.stringMatching(/^column slug: "Schlecht Slug" is not lower-case/)
				},
				{ row: 4, reason: 'column name: empty' },
				{
					row: 5,
					reason: expect.stringMatching(
						/^column kind: "Sportverein" is not one of neighbourhood_office, /
					)
				},
				{ row: 6, reason: 'column postal_code: "6765" is not a German postal code (5 digits)' },
				{
					row: 7,
					reason:
						'column website: "www.example.org" is no web address: it does not start with http:// or https://'
				},
				{
					row: 8,
					reason:
						'column email: "mailto:a@example.org" is no e-mail address: it starts with mailto: (give the address alone)'
				},
				{ row: 9, reason: expect.stringMatching(/^column phone: "call me" is no phone number: /) },
				{ row: 10, reason: 'column slug: gut is also in row 2' }
			]);
			expect(await db().query(`select count(*)::int as n from public.organisations`)).toEqual([
				{ n: 0 }
			]);
		});

		it('is for city admins and service_role', async () => {
			await createCity(db(), { slug: 'kaiserslautern', name: 'Kaiserslautern' });
			const rows = [{ row: 2, slug: 'x', name: 'X', kind: 'club' }];
			const userId = await createUser(db());
			await refused(
				db().as({ role: 'authenticated', userId }, (q) => importOrganisations(q, rows)),
				'42501'
			);
			await refused(
				db().as({ role: 'anon' }, (q) => importOrganisations(q, rows)),
				'42501'
			);
			const admin = await createCityAdmin(db());
			expect(
				await db().as({ role: 'authenticated', userId: admin }, (q) => importOrganisations(q, rows))
			).toMatchObject({ inserted: 1 });
		});
	});

	describe('districts in EPSG:25832 and EPSG:25833', () => {
		const utm32 = () => JSON.parse(fixture('districts.geojson'));

		it('reprojects the fixture from EPSG:25832 to WGS 84 and keeps the demo flag', async () => {
			await createCity(db(), { slug: 'kaiserslautern', name: 'Kaiserslautern' });
			const report = await db().as(SERVICE, (q) => importDistricts(q, utm32()));
			expect(report).toMatchObject({ districts: 4, inserted: 4, srid: 25832 });
			const rows = await db().query<Record<string, unknown>>(
				`select name, geometry_is_demo, extensions.st_srid(geom) as srid,
				        round(extensions.st_x(extensions.st_centroid(geom))::numeric, 2)::float8 as lon,
				        round(extensions.st_y(extensions.st_centroid(geom))::numeric, 2)::float8 as lat
				 from public.districts order by name`
			);
			expect(rows).toEqual([
				{ name: 'Betzenberg', geometry_is_demo: true, srid: 4326, lon: 7.74, lat: 49.44 },
				{ name: 'Grübentälchen', geometry_is_demo: true, srid: 4326, lon: 7.77, lat: 49.44 },
				{ name: 'Innenstadt', geometry_is_demo: true, srid: 4326, lon: 7.77, lat: 49.46 },
				{ name: 'Kaiserslautern-West', geometry_is_demo: true, srid: 4326, lon: 7.74, lat: 49.46 }
			]);
		});

		it('reads "EPSG:25833" and the urn form alike, and says WGS 84 without a crs', async () => {
			await createCity(db(), { slug: 'kaiserslautern', name: 'Kaiserslautern' });
			// a square in zone 33N (Cottbus, 14.3 E 51.75 N)
			const zone33 = {
				type: 'FeatureCollection',
				crs: { type: 'name', properties: { name: 'EPSG:25833' } },
				features: [
					{
						type: 'Feature',
						properties: { name: 'Mitte' },
						geometry: {
							type: 'Polygon',
							coordinates: [
								[
									[454000, 5733000],
									[456000, 5733000],
									[456000, 5735000],
									[454000, 5735000],
									[454000, 5733000]
								]
							]
						}
					}
				]
			};
			expect(await db().as(SERVICE, (q) => importDistricts(q, zone33))).toMatchObject({
				srid: 25833
			});
			const [centre] = await db().query<{ lon: number; lat: number }>(
				`select round(extensions.st_x(extensions.st_centroid(geom))::numeric, 1)::float8 as lon,
				        round(extensions.st_y(extensions.st_centroid(geom))::numeric, 1)::float8 as lat
				 from public.districts`
			);
			expect(centre).toEqual({ lon: 14.3, lat: 51.8 });

			const urn = utm32();
			urn.crs.properties.name = 'EPSG:25832';
			expect(await db().as(SERVICE, (q) => importDistricts(q, urn))).toMatchObject({ srid: 25832 });

			const { crs: _crs, ...wgs84 } = zone33;
			wgs84.features[0].geometry.coordinates = [
				[
					[7.7, 49.4],
					[7.8, 49.4],
					[7.8, 49.5],
					[7.7, 49.4]
				]
			];
			expect(await db().as(SERVICE, (q) => importDistricts(q, wgs84))).toMatchObject({
				srid: 4326
			});
		});

		it('refuses metres without a crs with a hint, and a system it does not read', async () => {
			await createCity(db(), { slug: 'kaiserslautern', name: 'Kaiserslautern' });
			const { crs: _crs, ...noCrs } = utm32();
			const refusal = await refused(db().as(SERVICE, (q) => importDistricts(q, noCrs)));
			expect(refusal.message).toBe('4 of 4 features refused; nothing was imported');
			expect(refusal.problems[0]).toEqual({
				index: 0,
				name: 'Kaiserslautern-West',
				reason:
					'coordinates such as 408000.00, 5478000.00 are not longitude/latitude in WGS 84; if they are ETRS89 / UTM (e.g. 412000, 5477000), name the system in the file: "crs": {"type": "name", "properties": {"name": "EPSG:25832"}}'
			});

			const gaussKrueger = utm32();
			gaussKrueger.crs.properties.name = 'EPSG:31467';
			const other = await refused(db().as(SERVICE, (q) => importDistricts(q, gaussKrueger)));
			expect(other.message).toBe(
				'the file\'s coordinates are in "EPSG:31467", which this import does not read'
			);
			expect(other.hint).toMatch(/EPSG:25832/);

			const lonLatAsUtm = utm32();
			lonLatAsUtm.features[0].geometry.coordinates = [
				[
					[7.7, 49.4],
					[7.8, 49.4],
					[7.8, 49.5],
					[7.7, 49.4]
				]
			];
			const wrong = await refused(db().as(SERVICE, (q) => importDistricts(q, lonLatAsUtm)));
			expect(wrong.problems).toEqual([
				{
					index: 0,
					name: 'Kaiserslautern-West',
					reason: expect.stringMatching(/^coordinates such as 7\.70, 49\.40 are not in EPSG:25832/)
				}
			]);
		});
	});
});
