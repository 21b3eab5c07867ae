/**
 * The translation editor's functions (supabase/migrations/20261203100000_offer_translation_editor.sql):
 * an offer's original with each locale's translation and status (offer_translation_status), and
 * saving one translation as a person or a machine wrote it (save_offer_translation), on every
 * engine, as PostgREST calls them. Which fields are outdated follows from the original's text
 * each translation was made from.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlSession } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

const user = (userId: string): Actor => ({ role: 'authenticated', userId });

interface LocaleStatus {
	locale: string;
	direction: string;
	status: string;
	provenance: string | null;
	reviewed: boolean | null;
	texts: Record<string, string | null> | null;
	missing_fields: string[];
	outdated_fields: string[];
}

interface Status {
	offer_id: string;
	original_locale: string;
	original: Record<string, string | null>;
	locales: LocaleStatus[];
}

const statusOf = (db: SqlSession, actor: Actor, id: string) =>
	db.as(actor, (q) =>
		q
			.query<{ status: Status | null }>('select public.offer_translation_status($1) as status', [
				id
			])
			.then(([row]) => row.status)
	);

const locale = async (db: SqlSession, actor: Actor, id: string, code: string) =>
	(await statusOf(db, actor, id))?.locales.find((entry) => entry.locale === code);

const saveTranslation = (
	db: SqlSession,
	actor: Actor,
	id: string,
	code: string,
	texts: unknown,
	provenance = 'human',
	reviewed = false
) =>
	db.as(actor, (q) =>
		q
			.query<{ saved: { locale: string; status: string } }>(
				`select public.save_offer_translation(p_offer_id => $1, p_locale => $2,
				   p_texts => $3::jsonb, p_provenance => $4::public.translation_provenance,
				   p_reviewed => $5) as saved`,
				[id, code, JSON.stringify(texts), provenance, reviewed]
			)
			.then(([row]) => row.saved)
	);

/** Changes the original text as the offer editor does (save_offer with the version read). */
async function changeOriginal(db: SqlSession, actor: Actor, id: string, text: object) {
	const offer = await db.as(actor, (q) =>
		q
			.query<{
				offer: Record<string, unknown>;
			}>('select public.get_offer_for_edit($1) as offer', [id])
			.then(([row]) => row.offer)
	);
	const keep = [
		'id',
		'version',
		'category',
		'languages',
		'target_groups',
		'registration',
		'title',
		'summary',
		'description',
		'cost_note',
		'registration_note'
	];
	const input = Object.fromEntries(keep.map((key) => [key, offer[key]]));
	await db.as(actor, (q) =>
		q.query('select public.save_offer($1::jsonb)', [JSON.stringify({ ...input, ...text })])
	);
}

/** A test is one transaction (one now()): makes the translations look an hour older. */
async function age(db: SqlSession, id: string) {
	await db.query(`set session_replication_role = replica`);
	await db.query(
		`update public.offer_translations set updated_at = updated_at - interval '1 hour'
		 where offer_id = $1 and provenance <> 'original'`,
		[id]
	);
	await db.query(`set session_replication_role = origin`);
}

const errorOf = (promise: Promise<unknown>) =>
	promise.then(
		() => 'none',
		(error: { code?: string }) => error.code
	);

async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	const orgA = await createOrganisation(db, city.id);
	const orgB = await createOrganisation(db, city.id);
	const editorA = await createUser(db);
	const editorB = await createUser(db);
	const cityAdmin = await createCityAdmin(db);
	await addMember(db, orgA.id, editorA);
	await addMember(db, orgB.id, editorB);
	const offer = await createOffer(db, orgA.id, { title: 'Sprachcafé', state: 'draft' });
	await db.query(
		`update public.offer_translations set summary = 'Deutsch bei Kaffee.' where offer_id = $1`,
		[offer.id]
	);
	return {
		offer,
		editorA: user(editorA),
		editorB: user(editorB),
		cityAdmin: user(cityAdmin)
	};
}

for (const engine of engines) {
	describe(`${engine.name}: offer translations`, () => {
		const db = useSession(engine);

		it('lists every locale but the original, missing until a translation exists', async () => {
			const w = await buildWorld(db());
			const status = await statusOf(db(), w.editorA, w.offer.id);
			expect(status?.original_locale).toBe('de');
			expect(status?.original).toMatchObject({
				title: 'Sprachcafé',
				summary: 'Deutsch bei Kaffee.',
				description: null
			});
			expect(status?.locales.map((entry) => entry.locale)).toEqual([
				'de-simple',
				'en',
				'ar',
				'fa',
				'tr',
				'uk',
				'ru',
				'ro'
			]);
			const ar = status?.locales.find((entry) => entry.locale === 'ar');
			expect(ar).toMatchObject({
				direction: 'rtl',
				status: 'missing',
				texts: null,
				missing_fields: ['title', 'summary'],
				outdated_fields: []
			});
		});

		it('saves a human translation, then a review, and a machine one unreviewed', async () => {
			const w = await buildWorld(db());
			const saved = await saveTranslation(db(), w.editorA, w.offer.id, 'ar', {
				title: 'مقهى اللغة',
				summary: 'الألمانية مع القهوة.',
				description: '',
				cost_note: null,
				registration_note: null
			});
			expect(saved).toMatchObject({ locale: 'ar', status: 'human' });
			expect(await locale(db(), w.editorA, w.offer.id, 'ar')).toMatchObject({
				status: 'human',
				provenance: 'human',
				reviewed: false,
				texts: { title: 'مقهى اللغة', summary: 'الألمانية مع القهوة.', description: null },
				missing_fields: [],
				outdated_fields: []
			});
			await saveTranslation(db(), w.editorA, w.offer.id, 'ar', {}, 'human', true);
			expect((await locale(db(), w.editorA, w.offer.id, 'ar'))?.status).toBe('reviewed');

			await saveTranslation(
				db(),
				w.editorA,
				w.offer.id,
				'en',
				{ title: 'Language café' },
				'machine'
			);
			expect(await locale(db(), w.editorA, w.offer.id, 'en')).toMatchObject({
				status: 'machine',
				reviewed: false,
				missing_fields: ['summary']
			});
		});

		it('names the fields the original changed since the translation was made', async () => {
			const w = await buildWorld(db());
			await saveTranslation(db(), w.editorA, w.offer.id, 'en', {
				title: 'Language café',
				summary: 'German over coffee.'
			});
			await age(db(), w.offer.id);
			await changeOriginal(db(), w.editorA, w.offer.id, {
				summary: 'Deutsch bei Tee.',
				cost_note: 'Kostenlos'
			});
			const en = await locale(db(), w.editorA, w.offer.id, 'en');
			expect(en).toMatchObject({
				status: 'outdated',
				outdated_fields: ['summary'],
				missing_fields: ['cost_note'],
				texts: { title: 'Language café', summary: 'German over coffee.' }
			});

			// a machine fills exactly those fields; the title stays as the person wrote it
			await saveTranslation(
				db(),
				w.editorA,
				w.offer.id,
				'en',
				{ summary: 'German over tea.', cost_note: 'Free' },
				'machine'
			);
			expect(await locale(db(), w.editorA, w.offer.id, 'en')).toMatchObject({
				status: 'machine',
				reviewed: false,
				outdated_fields: [],
				missing_fields: [],
				texts: { title: 'Language café', summary: 'German over tea.', cost_note: 'Free' }
			});
			// and the dashboard agrees
			const [row] = await db().as(w.editorA, (q) =>
				q.query<{ translations: { locale: string; outdated: boolean }[] }>(
					'select translations from public.staff_offer($1)',
					[w.offer.id]
				)
			);
			expect(row.translations.find((text) => text.locale === 'en')?.outdated).toBe(false);
		});

		it('counts every field as changed for a translation made before source_texts', async () => {
			const w = await buildWorld(db());
			await db().query(
				`insert into public.offer_translations (offer_id, locale, title, summary, provenance,
				   reviewed, updated_at)
				 values ($1, 'tr', 'Dil kafesi', 'Kahve ile Almanca.', 'human', true,
				   now() - interval '1 day')`,
				[w.offer.id]
			);
			expect(await locale(db(), w.editorA, w.offer.id, 'tr')).toMatchObject({
				status: 'outdated',
				outdated_fields: ['title', 'summary']
			});
		});

		it('keeps translations current after a minor edit, and then names only later changes', async () => {
			const w = await buildWorld(db());
			await saveTranslation(db(), w.editorA, w.offer.id, 'en', {
				title: 'Language café',
				summary: 'German over coffee.'
			});
			await age(db(), w.offer.id);
			await changeOriginal(db(), w.editorA, w.offer.id, { title: 'Sprachcafe', minor_edit: true });
			expect(await locale(db(), w.editorA, w.offer.id, 'en')).toMatchObject({
				status: 'human',
				outdated_fields: []
			});
			await age(db(), w.offer.id);
			await changeOriginal(db(), w.editorA, w.offer.id, { summary: 'Deutsch bei Tee.' });
			expect(await locale(db(), w.editorA, w.offer.id, 'en')).toMatchObject({
				status: 'outdated',
				outdated_fields: ['summary']
			});
		});

		it('refuses a translation of an original that changed since it was read (PT409)', async () => {
			const w = await buildWorld(db());
			const originalAt = async () =>
				(await statusOf(db(), w.editorA, w.offer.id))!.original.updated_at as string;
			const saveAgainst = (at: string) =>
				db().as(w.editorA, (q) =>
					q.query(
						`select public.save_offer_translation(p_offer_id => $1, p_locale => 'en',
						   p_texts => '{"title": "Language café"}', p_provenance => 'human',
						   p_original_updated_at => $2)`,
						[w.offer.id, at]
					)
				);
			// a test is one transaction: the original and its translation look an hour older
			await db().query(`set session_replication_role = replica`);
			await db().query(
				`update public.offer_translations set updated_at = updated_at - interval '1 hour'
				 where offer_id = $1`,
				[w.offer.id]
			);
			await db().query(`set session_replication_role = origin`);
			const read = await originalAt();
			await saveAgainst(read);
			await age(db(), w.offer.id);
			await changeOriginal(db(), w.editorA, w.offer.id, { title: 'Sprachcafé am Dienstag' });
			expect(await errorOf(saveAgainst(read))).toBe('PT409');
			expect((await locale(db(), w.editorA, w.offer.id, 'en'))?.status).toBe('outdated');
			await saveAgainst(await originalAt());
			expect((await locale(db(), w.editorA, w.offer.id, 'en'))?.status).toBe('human');
		});

		it('refuses bad input with 22023 and a new translation without title with 23514', async () => {
			const w = await buildWorld(db());
			const id = w.offer.id;
			const a = w.editorA;
			expect(await errorOf(saveTranslation(db(), a, id, 'en', { title: 'x', colour: 'red' }))).toBe(
				'22023'
			);
			expect(await errorOf(saveTranslation(db(), a, id, 'en', { title: 3 }))).toBe('22023');
			expect(await errorOf(saveTranslation(db(), a, id, 'en', ['x']))).toBe('22023');
			expect(await errorOf(saveTranslation(db(), a, id, 'de', { title: 'x' }))).toBe('22023');
			expect(await errorOf(saveTranslation(db(), a, id, 'xx', { title: 'x' }))).toBe('22023');
			expect(await errorOf(saveTranslation(db(), a, id, 'en', { title: 'x' }, 'original'))).toBe(
				'22023'
			);
			expect(await errorOf(saveTranslation(db(), a, id, 'en', { summary: 'x' }))).toBe('23514');
			expect(await errorOf(saveTranslation(db(), a, id, 'en', { title: ' ' }))).toBe('23514');
		});

		it("keeps other organisations' editors out (42501, null) and lets a city admin in", async () => {
			const w = await buildWorld(db());
			expect(await statusOf(db(), w.editorB, w.offer.id)).toBeNull();
			expect(
				await errorOf(saveTranslation(db(), w.editorB, w.offer.id, 'en', { title: 'x' }))
			).toBe('42501');
			expect(
				await errorOf(saveTranslation(db(), { role: 'anon' }, w.offer.id, 'en', { title: 'x' }))
			).toBe('42501');
			await saveTranslation(db(), w.cityAdmin, w.offer.id, 'en', { title: 'Language café' });
			expect((await locale(db(), w.editorA, w.offer.id, 'en'))?.status).toBe('human');
			expect(await statusOf(db(), w.editorA, '00000000-0000-4000-8000-000000000000')).toBeNull();
		});
	});
}
