/**
 * An offer in more than one category (supabase/migrations/20261203140000_offer_categories.sql):
 * offers.category stays the main one, offers.categories holds it first and the further ones.
 * save_offer writes them, the editor and the offer page read them, the list without the search
 * engine (filter_offers), the search documents and the coverage find an offer by any of them.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlSession } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createDistrict,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

const user = (userId: string): Actor => ({ role: 'authenticated', userId });
const anon: Actor = { role: 'anon' };

interface Saved {
	id: string;
	version: number;
}

const save = (db: SqlSession, actor: Actor, offer: Record<string, unknown>) =>
	db.as(actor, (q) =>
		q
			.query<{ saved: Saved }>('select public.save_offer($1::jsonb) as saved', [
				JSON.stringify(offer)
			])
			.then(([row]) => row.saved)
	);

const forEdit = (db: SqlSession, actor: Actor, id: string) =>
	db.as(actor, (q) =>
		q
			.query<{ offer: { categories: string[]; category: string; version: number } }>(
				'select public.get_offer_for_edit($1) as offer',
				[id]
			)
			.then(([row]) => row.offer)
	);

const errorOf = (promise: Promise<unknown>) =>
	promise.then(
		() => ({ code: 'none' }),
		(error: { code?: string }) => ({ code: error.code })
	);

interface FilterResult {
	total: number;
	offers: { id: string; category: string; categories: string[] }[];
	facets: Record<string, Record<string, number>>;
}

const filterOffers = (db: SqlSession, category: string[] | null) =>
	db.as(anon, (q) =>
		q
			.query<{ result: FilterResult }>(
				'select public.filter_offers(p_category => $1, p_limit => 50) as result',
				[category]
			)
			.then(([row]) => row.result)
	);

async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	const district = await createDistrict(db, city.id, { slug: 'st-mang', name: 'Sankt Mang' });
	const org = await createOrganisation(db, city.id);
	const editor = await createUser(db);
	await addMember(db, org.id, editor);
	return { city, district, org, editor: user(editor) };
}

const base = (organisationId: string) => ({
	organisation_id: organisationId,
	category: 'work',
	title: 'Beratung zur Anerkennung ausländischer Abschlüsse',
	languages: ['de', 'uk'],
	target_groups: ['newcomers'],
	lat: 47.75,
	lng: 10.35
});

for (const engine of engines) {
	describe(`${engine.name}: an offer in more than one category`, () => {
		const db = useSession(engine);

		it('saves further categories, the main one first and the rest in the categories’ order', async () => {
			const w = await buildWorld(db());
			const saved = await save(db(), w.editor, {
				...base(w.org.id),
				categories: ['event', 'counselling', 'counselling']
			});
			const offer = await forEdit(db(), w.editor, saved.id);
			expect(offer.category).toBe('work');
			expect(offer.categories).toEqual(['work', 'counselling', 'event']);
			// an offer saved without further categories has its main one
			const plain = await save(db(), w.editor, { ...base(w.org.id), title: 'Bewerbungstraining' });
			expect((await forEdit(db(), w.editor, plain.id)).categories).toEqual(['work']);
		});

		it('counts a change of the categories as a change; absent leaves them, a new main one replaces the old', async () => {
			const w = await buildWorld(db());
			const created = await save(db(), w.editor, { ...base(w.org.id), categories: [] });
			const same = await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: 1,
				categories: ['work']
			});
			expect(same.version).toBe(1);
			const doubled = await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: 1,
				categories: ['counselling']
			});
			expect(doubled.version).toBe(2);
			// absent: unchanged
			const kept = await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: 2,
				title: 'Anerkennungsberatung'
			});
			expect((await forEdit(db(), w.editor, kept.id)).categories).toEqual(['work', 'counselling']);
			// only the main one changes: the old main one does not stay as a further one
			await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: kept.version,
				category: 'counselling'
			});
			const moved = await forEdit(db(), w.editor, created.id);
			expect(moved.category).toBe('counselling');
			expect(moved.categories).toEqual(['counselling']);
			// the history names the change
			const history = await db().as(w.editor, (q) =>
				q.query<{ fields: string[] | null }>(
					'select fields from public.offer_history($1) where subject = $2',
					[created.id, 'offer']
				)
			);
			expect(history.some((h) => h.fields?.includes('categories'))).toBe(true);
		});

		it('refuses an unknown category (23503) and a malformed list (22023), writing nothing', async () => {
			const w = await buildWorld(db());
			expect(
				await errorOf(save(db(), w.editor, { ...base(w.org.id), categories: ['nonsense'] }))
			).toEqual({ code: '23503' });
			expect(
				await errorOf(save(db(), w.editor, { ...base(w.org.id), categories: 'counselling' }))
			).toEqual({ code: '22023' });
			expect(await errorOf(save(db(), w.editor, { ...base(w.org.id), categories: [3] }))).toEqual({
				code: '22023'
			});
			const [{ count }] = await db().query<{ count: number }>(
				'select count(*)::int as count from public.offers where organisation_id = $1',
				[w.org.id]
			);
			expect(count).toBe(0);
		});

		it('keeps the main category first even when written directly, and protects used categories', async () => {
			const w = await buildWorld(db());
			const offer = await createOffer(db(), w.org.id, { category: 'sports' });
			await db().query(`update public.offers set categories = '{family}' where id = $1`, [
				offer.id
			]);
			const [row] = await db().query<{ categories: string[] }>(
				'select categories from public.offers where id = $1',
				[offer.id]
			);
			expect(row.categories).toEqual(['sports', 'family']);
			// family is used only as a further category: the city admin can neither remove nor rename it
			const admin = user(await createCityAdmin(db()));
			expect(
				await errorOf(
					db().as(admin, (q) => q.query(`delete from public.categories where slug = 'family'`))
				)
			).toEqual({ code: '23503' });
			expect(
				await errorOf(
					db().as(admin, (q) =>
						q.query(`update public.categories set slug = 'families' where slug = 'family'`)
					)
				)
			).toEqual({ code: '23503' });
		});

		it('finds the offer by any of its categories in the list without the search engine, counting it in each', async () => {
			const w = await buildWorld(db());
			const saved = await save(db(), w.editor, {
				...base(w.org.id),
				categories: ['counselling']
			});
			await db().query(`update public.offers set state = 'published' where id = $1`, [saved.id]);
			const other = await createOffer(db(), w.org.id, { category: 'counselling' });

			const counselling = await filterOffers(db(), ['counselling']);
			expect(counselling.offers.map((o) => o.id).sort()).toEqual([saved.id, other.id].sort());
			const row = counselling.offers.find((o) => o.id === saved.id)!;
			expect(row.category).toBe('work');
			expect(row.categories).toEqual(['work', 'counselling']);
			// the facet counts the offer under each of its categories
			expect(counselling.facets.category).toMatchObject({ counselling: 2, work: 1 });
			const work = await filterOffers(db(), ['work']);
			expect(work.offers.map((o) => o.id)).toEqual([saved.id]);
			expect((await filterOffers(db(), ['sports'])).total).toBe(0);
		});

		it('gives the search documents, the offer page and the coverage every category; a copy keeps them', async () => {
			const w = await buildWorld(db());
			const saved = await save(db(), w.editor, { ...base(w.org.id), categories: ['counselling'] });
			await db().query(`update public.offers set state = 'published' where id = $1`, [saved.id]);

			const [{ doc }] = await db().query<{ doc: { category: string; categories: string[] } }>(
				'select d as doc from public.search_documents(p_ids => $1::uuid[]) d',
				[[saved.id]]
			);
			expect(doc).toMatchObject({ category: 'work', categories: ['work', 'counselling'] });

			const page = await db().as(anon, (q) =>
				q.query<{ offer: { category: string; categories: string[] } }>(
					'select public.get_offer($1) as offer',
					[saved.id]
				)
			);
			expect(page[0].offer).toMatchObject({
				category: 'work',
				categories: ['work', 'counselling']
			});

			const coverage = await db().query<{ category: string; published_offers: number }>(
				`select category, published_offers::int as published_offers from public.district_coverage
				 where district_slug = $1 and published_offers > 0 order by category`,
				[w.district.slug]
			);
			expect(coverage).toEqual([
				{ category: 'counselling', published_offers: 1 },
				{ category: 'work', published_offers: 1 }
			]);

			const [{ copies }] = await db().as(w.editor, (q) =>
				q.query<{ copies: string[] }>('select public.duplicate_offers($1::uuid[]) as copies', [
					[saved.id]
				])
			);
			expect((await forEdit(db(), w.editor, copies[0])).categories).toEqual([
				'work',
				'counselling'
			]);
		});
	});
}
