/**
 * city_coverage_offers (supabase/migrations/*_coverage_offers.sql): the offers behind every
 * number of city_coverage. For every cell of the matrix (by field and by category), every
 * district's total, every column's total and the offer gaps, with and without a target group,
 * the list is exactly as long as the number the matrix shows.
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
	createOrganisation
} from '../support/factories';

type Cell = { district: string; offers: number };
type Coverage = {
	districts: Array<{ slug: string; offers: number }>;
	fields: Array<{ code: string }>;
	categories: string[];
	by_field: Array<Cell & { field: string }>;
	by_category: Array<Cell & { category: string }>;
	gaps: {
		offers_without_measure: string[];
		offers_without_point: string[];
		offers_without_district: string[];
	};
};
type Listed = { id: string; title: string; title_locale: string; organisation: string };

interface Filter {
	district?: string;
	field?: string;
	category?: string;
	gap?: string;
}

const coverage = (db: SqlQuery, targetGroup: string | null) =>
	db
		.query<{ c: Coverage }>(`select public.city_coverage(null, $1) as c`, [targetGroup])
		.then(([row]) => row.c);

const list = (db: SqlQuery, targetGroup: string | null, filter: Filter) =>
	db.query<Listed>(
		`select id::text, title, title_locale, organisation from public.city_coverage_offers(
		   p_district => $1, p_field => $2, p_category => $3, p_target_group => $4, p_gap => $5)`,
		[
			filter.district ?? null,
			filter.field ?? null,
			filter.category ?? null,
			targetGroup,
			filter.gap ?? null
		]
	);

const sum = (cells: Array<{ offers: number }>) =>
	cells.reduce((total, cell) => total + cell.offers, 0);

describe.each(engines)('offers behind the coverage on $name', (engine) => {
	const db = useSession(engine);

	async function scene() {
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
		// a second field of action
		const [field] = await db().query<{ id: string }>(
			`insert into public.fields_of_action (concept_id, position, code, title)
			 values ($1, 2, '2', 'Arbeit') returning id::text`,
			[concept.id]
		);
		const [goal] = await db().query<{ id: string }>(
			`insert into public.goals (field_of_action_id, position, code, title)
			 values ($1, 1, '2.1', 'Arbeit finden') returning id::text`,
			[field.id]
		);
		const [work] = await db().query<{ id: string }>(
			`insert into public.measures (goal_id, position, code, title)
			 values ($1, 1, '2.1.1', 'Beratung') returning id::text`,
			[goal.id]
		);
		const m1 = concept.measures['1.1.1'];
		const m2 = concept.measures['1.1.2'];
		const org = await createOrganisation(db(), city.id, { name: 'Träger West' });
		const west: [number, number] = [10.32, 47.75];
		const east: [number, number] = [10.37, 47.75];
		const both = await createOffer(db(), org.id, {
			title: 'Beide Felder',
			point: west,
			category: 'language_course',
			measureIds: [m1, work.id]
		});
		await createOffer(db(), org.id, {
			title: 'Zwei Maßnahmen eines Felds',
			point: west,
			category: 'language_course',
			measureIds: [m1, m2]
		});
		const women = await createOffer(db(), org.id, {
			title: 'Für Frauen',
			point: east,
			category: 'work',
			measureIds: [work.id]
		});
		await createOffer(db(), org.id, { title: 'Ohne Maßnahme', point: east, category: 'sports' });
		await createOffer(db(), org.id, { title: 'Ohne Ort', measureIds: [m1] });
		await createOffer(db(), org.id, {
			title: 'Außerhalb',
			point: [11.5, 48.1],
			category: 'counselling'
		});
		await createOffer(db(), org.id, {
			title: 'Entwurf',
			point: west,
			state: 'draft',
			measureIds: [m2]
		});
		await db().query(`update public.offers set target_groups = '{women}' where id = $1`, [
			women.id
		]);
		await db().query(
			`update public.offers set categories = array['language_course', 'counselling'] where id = $1`,
			[both.id]
		);
		// an offer written in English only: its original title
		const [english] = await db().query<{ id: string }>(
			`insert into public.offers (organisation_id, category, state, original_locale, location)
			 values ($1, 'event', 'published', 'en',
			         extensions.st_setsrid(extensions.st_makepoint(10.37, 47.75), 4326))
			 returning id::text`,
			[org.id]
		);
		await db().query(
			`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
			 values ($1, 'en', 'Open evening', 'original', true)`,
			[english.id]
		);
		return { admin, english: english.id };
	}

	it('lists as many offers as every number of the matrix and the gap lists counts', async () => {
		const { admin } = await scene();
		for (const group of [null, 'women']) {
			await db().as(admin, async (q) => {
				const c = await coverage(q, group);
				const checks: Array<[Filter, number]> = [
					...c.by_field.map((cell): [Filter, number] => [
						{ district: cell.district, field: cell.field },
						cell.offers
					]),
					...c.by_category.map((cell): [Filter, number] => [
						{ district: cell.district, category: cell.category },
						cell.offers
					]),
					...c.districts.map((d): [Filter, number] => [{ district: d.slug }, d.offers]),
					...c.fields.map((f): [Filter, number] => [
						{ field: f.code },
						sum(c.by_field.filter((cell) => cell.field === f.code))
					]),
					...c.categories.map((slug): [Filter, number] => [
						{ category: slug },
						sum(c.by_category.filter((cell) => cell.category === slug))
					]),
					[{}, sum(c.districts)],
					[{ gap: 'without_measure' }, c.gaps.offers_without_measure.length],
					[{ gap: 'without_point' }, c.gaps.offers_without_point.length],
					[{ gap: 'without_district' }, c.gaps.offers_without_district.length]
				];
				for (const [filter, count] of checks) {
					const rows = await list(q, group, filter);
					expect({ group, filter, n: rows.length }).toEqual({ group, filter, n: count });
				}
				// the gap lists hold the same offers, not only as many
				const ids = async (gap: string) =>
					(await list(q, group, { gap })).map((row) => row.id).sort();
				expect(await ids('without_measure')).toEqual([...c.gaps.offers_without_measure].sort());
				expect(await ids('without_point')).toEqual([...c.gaps.offers_without_point].sort());
			});
		}
		// the scene has numbers above zero to compare, and a cell for the women's offer only
		const all = await db().as(admin, (q) => coverage(q, null));
		expect(all.by_field).toContainEqual({ district: 'west', field: '1', offers: 2 });
		expect(all.by_field).toContainEqual({ district: 'ost', field: '2', offers: 1 });
		const men = await db().as(admin, (q) => coverage(q, 'men'));
		expect(men.by_field).toContainEqual({ district: 'ost', field: '2', offers: 0 });
	});

	it('gives German titles, or the original, with the organisation', async () => {
		const { admin, english } = await scene();
		const rows = await db().as(admin, (q) => list(q, null, { district: 'ost' }));
		expect(rows.map((row) => row.title)).toEqual(['Für Frauen', 'Ohne Maßnahme', 'Open evening']);
		expect(rows.find((row) => row.id === english)).toMatchObject({
			title_locale: 'en',
			organisation: 'Träger West'
		});
		const outside = await db().as(admin, (q) => list(q, null, { gap: 'without_district' }));
		expect(outside.map((row) => row.title)).toEqual(['Außerhalb']);
	});

	it('refuses what it does not know', async () => {
		const { admin } = await scene();
		for (const filter of [
			{ gap: 'somewhere' },
			{ field: '1', category: 'sports' },
			{ field: '9' },
			{ category: 'astronomy' },
			{ district: 'nord' }
		]) {
			await expect(db().as(admin, (q) => list(q, null, filter))).rejects.toMatchObject({
				code: '22023'
			});
		}
		await expect(db().as(admin, (q) => list(q, 'aliens', {}))).rejects.toMatchObject({
			code: '22023'
		});
	});
});
