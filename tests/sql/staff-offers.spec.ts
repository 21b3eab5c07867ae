/**
 * The staff dashboard's functions (supabase/migrations/20261201110000_staff_offers.sql): the
 * offers a person may edit (staff_offers) and the bulk actions on a selection
 * (confirm_offers_current, set_offers_state, duplicate_offers). Each test builds a small world
 * as the superuser and calls the functions as PostgREST would, on every engine: row level
 * security decides, so ids of another organisation's offers stay as they were and the counts
 * say so.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type Row, type SqlSession } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createConcept,
	createDistrict,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

const user = (userId: string): Actor => ({ role: 'authenticated', userId });

/** Runs one statement as `actor` and returns its rows. */
const as = <T = Row>(db: SqlSession, actor: Actor, sql: string, params: unknown[] = []) =>
	db.as(actor, (q) => q.query<T>(sql, params));

interface StaffOffer {
	id: string;
	organisation_id: string;
	organisation_name: string;
	title: string | null;
	original_locale: string;
	category: string;
	state: string;
	district_name: string | null;
	last_verified_on: unknown;
	version: number;
	measure_count: number;
	translations: { locale: string; provenance: string; reviewed: boolean; outdated: boolean }[];
	schedules: { id: string; starts_at: string; rrule: string | null; timezone: string }[];
}

const staffOffers = (db: SqlSession, actor: Actor, organisationId?: string) =>
	as<StaffOffer>(
		db,
		actor,
		organisationId === undefined
			? 'select * from public.staff_offers()'
			: 'select * from public.staff_offers(p_organisation_id => $1)',
		organisationId === undefined ? [] : [organisationId]
	);

/**
 * Two organisations: A with an editor and a published offer, a draft and an archived offer; B
 * with its own editor, a published offer and a draft. A city admin, and a person of no
 * organisation. A's published offer lies in a district and implements a measure.
 */
async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	const district = await createDistrict(db, city.id, { name: 'Sankt Mang' });
	const concept = await createConcept(db, city.id, { measureCodes: ['1.1.1', '1.1.2'] });
	const orgA = await createOrganisation(db, city.id, { name: 'Stadtteilbüro A' });
	const orgB = await createOrganisation(db, city.id, { name: 'Verein B' });
	const editorA = await createUser(db);
	const editorB = await createUser(db);
	const nobody = await createUser(db);
	const cityAdmin = await createCityAdmin(db);
	await addMember(db, orgA.id, editorA);
	await addMember(db, orgB.id, editorB, 'admin');
	const publishedA = await createOffer(db, orgA.id, {
		title: 'Sprachcafé A',
		point: [10.35, 47.75],
		measureIds: [concept.measures['1.1.1'], concept.measures['1.1.2']]
	});
	const draftA = await createOffer(db, orgA.id, { title: 'Entwurf A', state: 'draft' });
	const archivedA = await createOffer(db, orgA.id, { title: 'Archiv A', state: 'archived' });
	const publishedB = await createOffer(db, orgB.id, { title: 'Sport B' });
	const draftB = await createOffer(db, orgB.id, { title: 'Entwurf B', state: 'draft' });
	return {
		city,
		district,
		concept,
		orgA,
		orgB,
		editorA: user(editorA),
		editorB: user(editorB),
		nobody: user(nobody),
		cityAdmin: user(cityAdmin),
		publishedA,
		draftA,
		archivedA,
		publishedB,
		draftB
	};
}

const offerRow = (db: SqlSession, id: string) =>
	db
		.query<{
			state: string;
			last_verified_on: string | null;
			version: number;
			published_at: unknown;
		}>(
			`select state::text, last_verified_on::text, version, published_at
			 from public.offers where id = $1`,
			[id]
		)
		.then((rows) => rows[0]);

const today = async (db: SqlSession) =>
	(await db.query<{ today: string }>('select current_date::text as today'))[0].today;

const tooMany = () =>
	Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

for (const engine of engines) {
	describe(`${engine.name}: staff_offers`, () => {
		const db = useSession(engine);

		it("shows an editor their organisation's offers in every state, and no other organisation's", async () => {
			const w = await buildWorld(db());
			const rows = await staffOffers(db(), w.editorA);
			expect(rows.map((row) => row.id).sort()).toEqual(
				[w.publishedA.id, w.draftA.id, w.archivedA.id].sort()
			);
			expect(rows.every((row) => row.organisation_id === w.orgA.id)).toBe(true);
		});

		it('shows a city admin every offer, and one organisation when asked', async () => {
			const w = await buildWorld(db());
			const all = await staffOffers(db(), w.cityAdmin);
			expect(all).toHaveLength(5);
			const ofB = await staffOffers(db(), w.cityAdmin, w.orgB.id);
			expect(ofB.map((row) => row.id).sort()).toEqual([w.publishedB.id, w.draftB.id].sort());
		});

		it('shows nothing to a person of no organisation, and nothing of another organisation when asked for it', async () => {
			const w = await buildWorld(db());
			expect(await staffOffers(db(), w.nobody)).toEqual([]);
			expect(await staffOffers(db(), w.editorA, w.orgB.id)).toEqual([]);
		});

		it('gives title, organisation, district, measures and schedules of an offer', async () => {
			const w = await buildWorld(db());
			await db().query(
				`insert into public.schedules (offer_id, starts_at, rrule, exdates)
				 values ($1, '2026-12-02T17:00:00Z', 'FREQ=WEEKLY;BYDAY=WE', '{2026-12-23T17:00:00Z}')`,
				[w.publishedA.id]
			);
			const rows = await staffOffers(db(), w.editorA);
			const published = rows.find((row) => row.id === w.publishedA.id)!;
			expect(published).toMatchObject({
				organisation_name: 'Stadtteilbüro A',
				title: 'Sprachcafé A',
				original_locale: 'de',
				category: 'cultural_cafe',
				state: 'published',
				district_name: 'Sankt Mang',
				last_verified_on: null,
				version: 1,
				measure_count: 2
			});
			expect(published.schedules).toHaveLength(1);
			expect(published.schedules[0]).toMatchObject({
				rrule: 'FREQ=WEEKLY;BYDAY=WE',
				timezone: 'Europe/Berlin',
				duration_minutes: 60
			});
			expect(new Date(published.schedules[0].starts_at).toISOString()).toBe(
				'2026-12-02T17:00:00.000Z'
			);
			const draft = rows.find((row) => row.id === w.draftA.id)!;
			expect(draft).toMatchObject({ district_name: null, measure_count: 0, schedules: [] });
		});

		it('takes the title in the original locale and flags translations older than the original text', async () => {
			const w = await buildWorld(db());
			const [offer] = await db().query<{ id: string }>(
				`insert into public.offers (organisation_id, category, original_locale, state)
				 values ($1, 'counselling', 'en', 'draft') returning id::text`,
				[w.orgA.id]
			);
			await db().query(
				`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed, updated_at)
				 values ($1, 'en', 'Advice in English', 'original', true, now()),
				        ($1, 'de', 'Beratung auf Englisch', 'human', true, now() - interval '1 day'),
				        ($1, 'ar', 'استشارة', 'machine', false, now() + interval '1 hour'),
				        ($1, 'tr', 'Danışmanlık', 'machine', false, now())`,
				[offer.id]
			);
			const rows = await staffOffers(db(), w.editorA);
			const row = rows.find((candidate) => candidate.id === offer.id)!;
			expect(row.title).toBe('Advice in English');
			expect(row.original_locale).toBe('en');
			expect(row.translations).toEqual([
				{ locale: 'ar', provenance: 'machine', reviewed: false, outdated: false },
				{ locale: 'de', provenance: 'human', reviewed: true, outdated: true },
				{ locale: 'en', provenance: 'original', reviewed: true, outdated: false },
				{ locale: 'tr', provenance: 'machine', reviewed: false, outdated: false }
			]);
		});

		it('gives an offer without an original text with no title', async () => {
			const w = await buildWorld(db());
			await db().query(`delete from public.offer_translations where offer_id = $1`, [w.draftA.id]);
			const rows = await staffOffers(db(), w.editorA);
			expect(rows.find((row) => row.id === w.draftA.id)).toMatchObject({
				title: null,
				translations: []
			});
		});
	});

	describe(`${engine.name}: bulk actions`, () => {
		const db = useSession(engine);

		const confirm = (actor: Actor, ids: string[]) =>
			as<{ n: number }>(db(), actor, 'select public.confirm_offers_current($1) as n', [ids]).then(
				(rows) => rows[0].n
			);
		const setState = (actor: Actor, ids: string[], state: string) =>
			as<{ n: number }>(
				db(),
				actor,
				'select public.set_offers_state($1, $2::public.publication_state) as n',
				[ids, state]
			).then((rows) => rows[0].n);
		const duplicate = (actor: Actor, ids: string[]) =>
			as<{ ids: string[] }>(db(), actor, 'select public.duplicate_offers($1) as ids', [ids]).then(
				(rows) => rows[0].ids
			);

		it("confirms an editor's own offers and leaves another organisation's alone", async () => {
			const w = await buildWorld(db());
			const ids = [w.publishedA.id, w.draftA.id, w.publishedB.id, w.draftB.id];
			expect(await confirm(w.editorA, ids)).toBe(2);
			const date = await today(db());
			expect(await offerRow(db(), w.publishedA.id)).toMatchObject({
				last_verified_on: date,
				version: 2
			});
			expect(await offerRow(db(), w.draftA.id)).toMatchObject({ last_verified_on: date });
			expect(await offerRow(db(), w.publishedB.id)).toMatchObject({
				last_verified_on: null,
				version: 1
			});
			expect(await offerRow(db(), w.draftB.id)).toMatchObject({ last_verified_on: null });
		});

		it('counts offers confirmed today already without writing them again', async () => {
			const w = await buildWorld(db());
			expect(await confirm(w.editorA, [w.publishedA.id])).toBe(1);
			expect(await confirm(w.editorA, [w.publishedA.id, w.draftA.id])).toBe(2);
			expect(await offerRow(db(), w.publishedA.id)).toMatchObject({ version: 2 });
		});

		it("lets a city admin confirm every organisation's offers", async () => {
			const w = await buildWorld(db());
			expect(await confirm(w.cityAdmin, [w.publishedA.id, w.draftB.id])).toBe(2);
			expect(await offerRow(db(), w.draftB.id)).toMatchObject({
				last_verified_on: await today(db())
			});
		});

		it('publishes and archives only what the caller may change, and counts what is in that state', async () => {
			const w = await buildWorld(db());
			expect(await setState(w.editorB, [w.draftA.id, w.draftB.id], 'published')).toBe(1);
			expect(await offerRow(db(), w.draftA.id)).toMatchObject({ state: 'draft' });
			const published = await offerRow(db(), w.draftB.id);
			expect(published.state).toBe('published');
			expect(published.published_at).not.toBeNull();
			// already published counts as published, and is not written again
			expect(await setState(w.editorB, [w.draftB.id, w.publishedB.id], 'published')).toBe(2);
			expect(await offerRow(db(), w.publishedB.id)).toMatchObject({ version: 1 });

			expect(
				await setState(w.editorA, [w.publishedA.id, w.archivedA.id, w.publishedB.id], 'archived')
			).toBe(2);
			expect(await offerRow(db(), w.publishedA.id)).toMatchObject({ state: 'archived' });
			expect(await offerRow(db(), w.publishedB.id)).toMatchObject({ state: 'published' });
		});

		it('does nothing for an empty selection or a person of no organisation', async () => {
			const w = await buildWorld(db());
			expect(await confirm(w.editorA, [])).toBe(0);
			expect(await setState(w.editorA, [], 'archived')).toBe(0);
			expect(await duplicate(w.editorA, [])).toEqual([]);
			expect(await confirm(w.nobody, [w.publishedA.id])).toBe(0);
			expect(await setState(w.nobody, [w.publishedA.id], 'archived')).toBe(0);
			expect(await duplicate(w.nobody, [w.publishedA.id])).toEqual([]);
			expect(await offerRow(db(), w.publishedA.id)).toMatchObject({
				state: 'published',
				last_verified_on: null
			});
		});

		it('copies an offer as a draft with its texts, schedules, measure and theme links', async () => {
			const w = await buildWorld(db());
			const [theme] = await db().query<{ id: string }>(
				`insert into public.themes (concept_id, slug, title) values ($1, 'ehrenamt', 'Ehrenamt')
				 returning id::text`,
				[w.concept.id]
			);
			await db().query(`insert into public.offer_themes (offer_id, theme_id) values ($1, $2)`, [
				w.publishedA.id,
				theme.id
			]);
			await db().query(
				`update public.offers set street = 'Hauptstraße 1', postal_code = '87435',
				   languages = '{de,ar}', last_verified_on = '2026-01-01' where id = $1`,
				[w.publishedA.id]
			);
			await db().query(
				`insert into public.offer_translations (offer_id, locale, title, summary, provenance, reviewed, updated_at)
				 values ($1, 'ar', 'مقهى اللغة', 'ملخص', 'machine', false, now() - interval '2 days')`,
				[w.publishedA.id]
			);
			await db().query(
				`insert into public.schedules (offer_id, starts_at, duration_minutes, rrule, exdates)
				 values ($1, '2026-12-02T17:00:00Z', 90, 'FREQ=WEEKLY;BYDAY=WE', '{2026-12-23T17:00:00Z}'),
				        ($1, '2027-01-15T09:00:00Z', 120, null, '{}')`,
				[w.publishedA.id]
			);

			// B's offer in the same selection is not copied
			const copies = await duplicate(w.editorA, [w.publishedB.id, w.publishedA.id]);
			expect(copies).toHaveLength(1);
			const copy = copies[0];
			expect(copy).not.toBe(w.publishedA.id);

			const [offer] = await db().query(
				`select organisation_id::text, state::text, category, street, postal_code, languages,
				        district_id = $2 as in_district, last_verified_on, published_at, version
				 from public.offers where id = $1`,
				[copy, w.district.id]
			);
			expect(offer).toEqual({
				organisation_id: w.orgA.id,
				state: 'draft',
				category: 'cultural_cafe',
				street: 'Hauptstraße 1',
				postal_code: '87435',
				languages: ['de', 'ar'],
				in_district: true,
				last_verified_on: null,
				published_at: null,
				version: 1
			});

			const texts = await db().query(
				`select locale, title, summary, provenance::text, reviewed
				 from public.offer_translations where offer_id = $1 order by locale`,
				[copy]
			);
			expect(texts).toEqual([
				{
					locale: 'ar',
					title: 'مقهى اللغة',
					summary: 'ملخص',
					provenance: 'machine',
					reviewed: false
				},
				{
					locale: 'de',
					title: 'Sprachcafé A (Kopie)',
					summary: null,
					provenance: 'original',
					reviewed: true
				}
			]);
			// the copied translation stays as outdated as it was
			const [listed] = (await staffOffers(db(), w.editorA)).filter((row) => row.id === copy);
			expect(listed.translations.find((text) => text.locale === 'ar')?.outdated).toBe(true);
			expect(listed.title).toBe('Sprachcafé A (Kopie)');

			const schedules = await db().query(
				`select starts_at, duration_minutes, rrule, exdates from public.schedules
				 where offer_id = $1 order by starts_at`,
				[copy]
			);
			const original = await db().query(
				`select starts_at, duration_minutes, rrule, exdates from public.schedules
				 where offer_id = $1 order by starts_at`,
				[w.publishedA.id]
			);
			expect(schedules).toHaveLength(2);
			expect(schedules).toEqual(original);

			const links = await db().query<{ measures: string[]; themes: string[] }>(
				`select array(select measure_id::text from public.offer_measures where offer_id = $1 order by 1) as measures,
				        array(select theme_id::text from public.offer_themes where offer_id = $1 order by 1) as themes`,
				[copy]
			);
			expect(links[0].measures).toEqual(
				[w.concept.measures['1.1.1'], w.concept.measures['1.1.2']].sort()
			);
			expect(links[0].themes).toEqual([theme.id]);

			// the original is unchanged
			expect(await offerRow(db(), w.publishedA.id)).toMatchObject({
				state: 'published',
				version: 2
			});
		});

		it('cuts a long title to fit the copy mark within 200 characters', async () => {
			const w = await buildWorld(db());
			const long = 'L'.repeat(200);
			await db().query(
				`update public.offer_translations set title = $2 where offer_id = $1 and locale = 'de'`,
				[w.draftA.id, long]
			);
			const [copy] = await duplicate(w.editorA, [w.draftA.id]);
			const [text] = await db().query<{ title: string }>(
				`select title from public.offer_translations where offer_id = $1`,
				[copy]
			);
			expect(text.title).toHaveLength(200);
			expect(text.title).toBe(`${'L'.repeat(192)} (Kopie)`);
		});

		it('copies several offers in the order given; a city admin copies any organisation’s', async () => {
			const w = await buildWorld(db());
			const copies = await duplicate(w.cityAdmin, [w.draftB.id, w.publishedA.id]);
			expect(copies).toHaveLength(2);
			const rows = await db().query<{ id: string; organisation_id: string; title: string }>(
				`select o.id::text, o.organisation_id::text, t.title
				 from public.offers o join public.offer_translations t on t.offer_id = o.id
				 where o.id = any ($1::uuid[])`,
				[copies]
			);
			const byId = new Map(rows.map((row) => [row.id, row]));
			expect(byId.get(copies[0])).toMatchObject({
				organisation_id: w.orgB.id,
				title: 'Entwurf B (Kopie)'
			});
			expect(byId.get(copies[1])).toMatchObject({
				organisation_id: w.orgA.id,
				title: 'Sprachcafé A (Kopie)'
			});
		});

		it('refuses more than 500 ids with 22023 and changes nothing', async () => {
			const w = await buildWorld(db());
			const ids = [w.publishedA.id, ...tooMany()];
			for (const call of [
				() => confirm(w.editorA, ids),
				() => setState(w.editorA, ids, 'archived'),
				() => duplicate(w.editorA, ids)
			]) {
				await expect(call()).rejects.toMatchObject({ code: '22023' });
			}
			expect(await offerRow(db(), w.publishedA.id)).toMatchObject({
				state: 'published',
				last_verified_on: null
			});
			// 500 are fine
			expect(await confirm(w.editorA, ids.slice(0, 500))).toBe(1);
		});

		it('is refused to visitors', async () => {
			const w = await buildWorld(db());
			await expect(
				as(db(), { role: 'anon' }, 'select public.confirm_offers_current($1)', [[w.publishedA.id]])
			).rejects.toMatchObject({ code: '42501' });
			await expect(
				as(db(), { role: 'anon' }, 'select * from public.staff_offers()')
			).rejects.toMatchObject({ code: '42501' });
		});
	});
}
