/**
 * The offer editor's functions (supabase/migrations/20261202100000_offer_editor.sql): saving an
 * offer with its original text in one transaction (save_offer) and reading it back for the form
 * (get_offer_for_edit), on every engine, as PostgREST calls them. Row level security decides
 * who may create and change which offer; the version read guards against lost updates.
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
			.query<{
				offer: Record<string, unknown> | null;
			}>('select public.get_offer_for_edit($1) as offer', [id])
			.then(([row]) => row.offer)
	);

async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	await createDistrict(db, city.id, { name: 'Sankt Mang' });
	const orgA = await createOrganisation(db, city.id, { name: 'Stadtteilbüro A' });
	const orgB = await createOrganisation(db, city.id, { name: 'Verein B' });
	const editorA = await createUser(db);
	const editorB = await createUser(db);
	const cityAdmin = await createCityAdmin(db);
	await addMember(db, orgA.id, editorA);
	await addMember(db, orgB.id, editorB);
	const offerB = await createOffer(db, orgB.id, { title: 'Sport B' });
	return {
		orgA,
		orgB,
		editorA: user(editorA),
		editorB: user(editorB),
		cityAdmin: user(cityAdmin),
		offerB
	};
}

const newOffer = (organisationId: string, more: Record<string, unknown> = {}) => ({
	organisation_id: organisationId,
	category: 'cultural_cafe',
	title: 'Sprachcafé im Stadtteil',
	summary: 'Deutsch sprechen bei Kaffee und Kuchen.',
	languages: ['de', 'ar'],
	target_groups: ['newcomers', 'women'],
	cost_eur: 0,
	childcare: true,
	women_only: false,
	wheelchair_accessible: true,
	german_level: 'a1',
	registration: 'recommended',
	contact_phone: '030 – 746 900 50',
	lat: 47.75,
	lng: 10.35,
	...more
});

const errorOf = (promise: Promise<unknown>) =>
	promise.then(
		() => ({ code: 'none' }),
		(error: { code?: string; message: string }) => ({ code: error.code, message: error.message })
	);

for (const engine of engines) {
	describe(`${engine.name}: the offer editor`, () => {
		const db = useSession(engine);

		it('creates a draft with its original text and reads every field back', async () => {
			const w = await buildWorld(db());
			const saved = await save(db(), w.editorA, newOffer(w.orgA.id));
			expect(saved.version).toBe(1);
			const offer = await forEdit(db(), w.editorA, saved.id);
			expect(offer).toMatchObject({
				id: saved.id,
				version: 1,
				organisation_id: w.orgA.id,
				organisation_name: 'Stadtteilbüro A',
				state: 'draft',
				category: 'cultural_cafe',
				original_locale: 'de',
				lat: 47.75,
				lng: 10.35,
				district_name: 'Sankt Mang',
				languages: ['de', 'ar'],
				target_groups: ['newcomers', 'women'],
				cost_eur: 0,
				childcare: true,
				women_only: false,
				wheelchair_accessible: true,
				german_level: 'a1',
				registration: 'recommended',
				contact_phone: '030 – 746 900 50',
				contact_email: null,
				title: 'Sprachcafé im Stadtteil',
				summary: 'Deutsch sprechen bei Kaffee und Kuchen.',
				description: null
			});
			const [text] = await db().query<{ provenance: string; reviewed: boolean }>(
				`select provenance::text, reviewed from public.offer_translations where offer_id = $1`,
				[saved.id]
			);
			expect(text).toEqual({ provenance: 'original', reviewed: true });
		});

		it('changes an offer carrying the version it read, and counts a change of the text alone', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editorA, newOffer(w.orgA.id));
			const changed = await save(db(), w.editorA, {
				...newOffer(w.orgA.id),
				id,
				version: 1,
				category: 'counselling',
				lat: null,
				lng: null
			});
			expect(changed).toEqual({ id, version: 2 });
			expect(await forEdit(db(), w.editorA, id)).toMatchObject({
				category: 'counselling',
				lat: null,
				district_name: null
			});
			const textOnly = await save(db(), w.editorA, {
				...newOffer(w.orgA.id),
				id,
				version: 2,
				category: 'counselling',
				lat: null,
				lng: null,
				title: 'Beratung im Stadtteil'
			});
			expect(textOnly.version).toBe(3);
			const unchanged = await save(db(), w.editorA, {
				...newOffer(w.orgA.id),
				id,
				version: 3,
				category: 'counselling',
				lat: null,
				lng: null,
				title: 'Beratung im Stadtteil'
			});
			expect(unchanged.version).toBe(3);
		});

		it('refuses a save with an old version (PT409) and changes nothing', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editorA, newOffer(w.orgA.id));
			await save(db(), w.editorA, { ...newOffer(w.orgA.id), id, version: 1, title: 'Neu' });
			const stale = await errorOf(
				save(db(), w.editorA, { ...newOffer(w.orgA.id), id, version: 1, title: 'Alt' })
			);
			expect(stale.code).toBe('PT409');
			expect(await forEdit(db(), w.editorA, id)).toMatchObject({ version: 2, title: 'Neu' });
		});

		it("refuses another organisation's editor, and lets a city admin in", async () => {
			const w = await buildWorld(db());
			expect((await errorOf(save(db(), w.editorA, newOffer(w.orgB.id)))).code).toBe('42501');
			expect(
				(
					await errorOf(
						save(db(), w.editorA, { ...newOffer(w.orgB.id), id: w.offerB.id, version: 1 })
					)
				).code
			).toBe('42501');
			expect(await forEdit(db(), w.editorA, w.offerB.id)).toBeNull();
			const saved = await save(db(), w.cityAdmin, {
				...newOffer(w.orgB.id),
				id: w.offerB.id,
				version: 1
			});
			expect(saved.version).toBe(2);
			expect(await forEdit(db(), w.editorB, w.offerB.id)).toMatchObject({
				title: 'Sprachcafé im Stadtteil'
			});
		});

		it('refuses bad input with the code of the rule that refuses it', async () => {
			const w = await buildWorld(db());
			const cases: [Record<string, unknown>, string][] = [
				[{ colour: 'red' }, '22023'],
				[{ lat: 47.7, lng: null }, '22023'],
				[{ lat: '47.7', lng: 10.3 }, '22023'],
				[{ contact_email: 'mailto:x@x.example' }, '23514'],
				[{ registration_url: 'javascript:alert(1)' }, '23514'],
				[{ contact_phone: '0831 <script>' }, '23514'],
				[{ postal_code: '8743' }, '23514'],
				[{ target_groups: ['aliens'] }, '23514'],
				[{ cost_eur: -1 }, '23514'],
				[{ title: '   ' }, '23514'],
				[{ category: 'no_such_category' }, '23503'],
				[{ german_level: 'z9' }, '22P02']
			];
			for (const [bad, code] of cases) {
				const result = await errorOf(save(db(), w.editorA, newOffer(w.orgA.id, bad)));
				expect({ bad, code: result.code }).toEqual({ bad, code });
			}
			const [{ n }] = await db().query<{ n: number }>(
				'select count(*)::int as n from public.offers where organisation_id = $1',
				[w.orgA.id]
			);
			expect(n).toBe(0);
		});

		it('accepts phone numbers as people write them, trimmed', async () => {
			const w = await buildWorld(db());
			for (const phone of ['030 – 746 900 50', ' 0160 5500367 ', '0157 … oder 030 …']) {
				const { id } = await save(db(), w.editorA, newOffer(w.orgA.id, { contact_phone: phone }));
				expect(await forEdit(db(), w.editorA, id)).toMatchObject({ contact_phone: phone.trim() });
			}
		});

		it('writes all or nothing: a bad text leaves the offer as it was', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editorA, newOffer(w.orgA.id));
			const tooLong = await errorOf(
				save(db(), w.editorA, {
					...newOffer(w.orgA.id),
					id,
					version: 1,
					category: 'sports',
					summary: 'x'.repeat(501)
				})
			);
			expect(tooLong.code).toBe('23514');
			expect(await forEdit(db(), w.editorA, id)).toMatchObject({
				version: 1,
				category: 'cultural_cafe'
			});
			const badOffer = await errorOf(
				save(db(), w.editorA, {
					...newOffer(w.orgA.id),
					id,
					version: 1,
					title: 'Geändert',
					contact_email: 'mailto:x@x.example'
				})
			);
			expect(badOffer.code).toBe('23514');
			expect(await forEdit(db(), w.editorA, id)).toMatchObject({
				version: 1,
				title: 'Sprachcafé im Stadtteil'
			});
			const before = await db().query('select count(*) as n from public.offers');
			const badNew = await errorOf(
				save(db(), w.editorA, newOffer(w.orgA.id, { description: 'x'.repeat(10_001) }))
			);
			expect(badNew.code).toBe('23514');
			expect(await db().query('select count(*) as n from public.offers')).toEqual(before);
		});
	});
}
