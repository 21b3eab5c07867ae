/**
 * The pages of the HSDS API and the sitemap (supabase/migrations/*_hsds.sql): published offers
 * only, in the order of a search's ids or by last change, filtered by change, organisation and
 * place, counted before paging; organisations only with published offers, by name.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type SqlQuery } from '../support/sql-engines';
import { createCity, createOffer, createOrganisation } from '../support/factories';

interface Page {
	total: number;
	items: { id: string; updated_at: string }[];
}

const servicePage = async (db: SqlQuery, args: string, params: unknown[] = []) =>
	(await db.query<{ page: Page }>(`select public.hsds_service_page(${args}) as page`, params))[0]
		.page;

describe.each(engines)('HSDS pages on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const org = await createOrganisation(db(), city.id, { name: 'Zentrum Nord' });
		const other = await createOrganisation(db(), city.id, { name: 'Bürgertreff Ost' });
		const empty = await createOrganisation(db(), city.id, { name: 'Nur Entwürfe' });
		const a = await createOffer(db(), org.id, { point: [10.3, 47.7] });
		const b = await createOffer(db(), org.id);
		const c = await createOffer(db(), other.id, { point: [10.31, 47.71] });
		await createOffer(db(), empty.id, { state: 'draft' });
		// three moments of last change: a, then b, then c (past the trigger that sets it)
		await db().query(`alter table public.offers disable trigger user`);
		for (const [offer, at] of [
			[a, '2026-11-01T08:00:00Z'],
			[b, '2026-11-15T08:00:00Z'],
			[c, '2026-11-30T08:00:00Z']
		] as const) {
			await db().query(`update public.offers set updated_at = $2 where id = $1`, [offer.id, at]);
		}
		await db().query(`alter table public.offers enable trigger user`);
		return { org, other, ids: [a.id, b.id, c.id] };
	}

	it('pages published offers by last change, filtered, counted before paging', async () => {
		const { org, ids } = await world();
		const anon = <T>(work: (q: SqlQuery) => Promise<T>) => db().as({ role: 'anon' }, work);
		const all = await anon((q) => servicePage(q, 'p_limit => 10'));
		expect(all.total).toBe(3);
		expect(all.items.map((i) => i.id)).toEqual(ids);
		const second = await anon((q) => servicePage(q, 'p_limit => 2, p_offset => 2'));
		expect(second).toMatchObject({ total: 3, items: [{ id: ids[2] }] });
		const since = await anon((q) =>
			servicePage(q, `p_modified_after => '2026-11-15T08:00:00Z', p_limit => 10`)
		);
		expect(since.items.map((i) => i.id)).toEqual([ids[1], ids[2]]);
		const ofOrg = await anon((q) =>
			servicePage(q, `p_organization => $1, p_limit => 10`, [org.id])
		);
		expect(ofOrg.items.map((i) => i.id)).toEqual([ids[0], ids[1]]);
		const located = await anon((q) => servicePage(q, 'p_located => true, p_limit => 10'));
		expect(located.items.map((i) => i.id)).toEqual([ids[0], ids[2]]);
		// a search's ids keep their order; unknown ones are left out
		const searched = await anon((q) =>
			servicePage(q, `p_ids => $1::uuid[], p_limit => 10`, [
				[ids[2], '00000000-0000-4000-8000-000000000000', ids[0]]
			])
		);
		expect(searched).toMatchObject({ total: 2, items: [{ id: ids[2] }, { id: ids[0] }] });
		expect(await anon((q) => servicePage(q, `p_ids => '{}'::uuid[]`))).toEqual({
			total: 0,
			items: []
		});
		// a page of none counts all (the sitemap's index)
		expect(await anon((q) => servicePage(q, 'p_limit => 0'))).toEqual({ total: 3, items: [] });
	});

	it('lists the organisations with published offers by name, a part of it or one id', async () => {
		const { org, other, ids } = await world();
		const page = (args: string, params: unknown[] = []) =>
			db().as(
				{ role: 'anon' },
				async (q) =>
					(
						await q.query<{ page: { total: number; items: Record<string, unknown>[] } }>(
							`select public.hsds_organization_page(${args}) as page`,
							params
						)
					)[0].page
			);
		const all = await page('p_limit => 10');
		expect(all.total).toBe(2);
		expect(all.items.map((o) => o.name)).toEqual(['Bürgertreff Ost', 'Zentrum Nord']);
		expect(all.items[1]).toMatchObject({ id: org.id, service_ids: [ids[0], ids[1]] });
		expect((await page(`p_search => 'NORD'`)).items.map((o) => o.id)).toEqual([org.id]);
		expect((await page(`p_search => '%'`)).total).toBe(0);
		expect((await page(`p_id => $1`, [other.id])).items.map((o) => o.id)).toEqual([other.id]);
	});
});
