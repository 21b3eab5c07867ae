/**
 * city_coverage (supabase/migrations/*_city_coverage.sql): published offers per district and
 * field of action (through their measures) and per category, with the gap lists, optionally for
 * one target group.
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

type Coverage = {
	offers: number;
	districts: Array<{ slug: string; offers: number; population: number | null }>;
	fields: Array<{ code: string; offers: number }>;
	by_field: Array<{ district: string; field: string; offers: number }>;
	by_category: Array<{ district: string; category: string; offers: number }>;
	gaps: Record<string, unknown[]>;
};

const coverage = (db: SqlQuery, targetGroup: string | null = null) =>
	db
		.query<{ c: Coverage }>(`select public.city_coverage(null, $1) as c`, [targetGroup])
		.then(([row]) => row.c);

describe.each(engines)('city coverage on $name', (engine) => {
	const db = useSession(engine);

	it('counts offers per district and field and per category, and lists the gaps', async () => {
		const city = await createCity(db());
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		await createDistrict(db(), city.id, {
			slug: 'west',
			name: 'West',
			ring: box(10.3, 47.7, 10.35, 47.8),
			population: 2000
		});
		await createDistrict(db(), city.id, {
			slug: 'ost',
			name: 'Ost',
			ring: box(10.35, 47.7, 10.4, 47.8)
		});
		const concept = await createConcept(db(), city.id, { measureCodes: ['1.1.1', '1.1.2'] });
		const org = await createOrganisation(db(), city.id);
		const linked = await createOffer(db(), org.id, {
			point: [10.32, 47.75],
			category: 'language_course',
			measureIds: [concept.measures['1.1.1']]
		});
		const unlinked = await createOffer(db(), org.id, { point: [10.32, 47.75], category: 'sports' });
		const nowhere = await createOffer(db(), org.id, { measureIds: [concept.measures['1.1.1']] });
		await createOffer(db(), org.id, {
			point: [10.37, 47.75],
			state: 'draft',
			measureIds: [concept.measures['1.1.2']]
		});
		await db().query(`update public.offers set target_groups = '{women}' where id = $1`, [
			unlinked.id
		]);

		const all = await db().as(admin, (q) => coverage(q));
		expect(all.offers).toBe(3);
		expect(all.districts).toEqual([
			expect.objectContaining({ slug: 'ost', offers: 0 }),
			expect.objectContaining({ slug: 'west', offers: 2, population: 2000 })
		]);
		expect(all.fields).toEqual([{ code: '1', title: 'Sprache und Bildung', offers: 2 }]);
		expect(all.by_field).toEqual([
			{ district: 'ost', field: '1', offers: 0 },
			{ district: 'west', field: '1', offers: 1 }
		]);
		expect(all.by_category).toContainEqual({ district: 'west', category: 'sports', offers: 1 });
		expect(all.by_category).toContainEqual({
			district: 'west',
			category: 'language_course',
			offers: 1
		});
		expect(all.gaps).toEqual({
			measures_without_offer: [expect.objectContaining({ code: '1.1.2' })], // its only offer is a draft
			district_fields_without_offer: [{ district: 'ost', field: '1' }],
			offers_without_measure: [unlinked.id],
			offers_without_point: [nowhere.id],
			offers_without_district: []
		});

		// for men: the offer for women drops out, the ones for everyone stay
		const men = await db().as(admin, (q) => coverage(q, 'men'));
		expect(men.offers).toBe(2);
		expect(men.gaps.offers_without_measure).toEqual([]);
		expect(linked.id).toBeTruthy();
	});

	it('refuses an unknown target group and a city without a concept', async () => {
		const city = await createCity(db());
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		await expect(db().as(admin, (q) => coverage(q))).rejects.toMatchObject({ code: 'PT404' });
		await createConcept(db(), city.id);
		await expect(db().as(admin, (q) => coverage(q, 'aliens'))).rejects.toMatchObject({
			code: '22023'
		});
	});
});
