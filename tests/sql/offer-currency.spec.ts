/**
 * Keeping offers current (supabase/migrations/20261202090000_offer_currency.sql): one offer for
 * the staff offer page (staff_offer), its history from the audit log (offer_history: who may
 * read it, what it says) and the daily archiving of events whose dates have all passed
 * (archive_past_offers: one-offs, UNTIL, COUNT, endless rules, offers without schedules); the
 * public offer (get_offer) carries the date of the last confirmation. On every engine.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type Row, type SqlSession } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createConcept,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

const user = (userId: string, email?: string): Actor => ({
	role: 'authenticated',
	userId,
	...(email ? { email } : {})
});
const service: Actor = { role: 'service_role' };

const as = <T = Row>(db: SqlSession, actor: Actor, sql: string, params: unknown[] = []) =>
	db.as(actor, (q) => q.query<T>(sql, params));

interface HistoryEntry {
	id: number;
	occurred_at: unknown;
	actor_kind: 'person' | 'former_person' | 'service' | 'system';
	actor_email: string | null;
	subject: 'offer' | 'text' | 'schedule' | 'measure';
	locale: string | null;
	operation: 'insert' | 'update' | 'delete';
	fields: string[] | null;
	new_state: string | null;
}

const history = (db: SqlSession, actor: Actor, offerId: string, limit?: number) =>
	as<HistoryEntry>(
		db,
		actor,
		limit === undefined
			? 'select * from public.offer_history($1)'
			: 'select * from public.offer_history($1, $2)',
		limit === undefined ? [offerId] : [offerId, limit]
	);

/** Two organisations with an editor each, a city admin, a person of no organisation. */
async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	const concept = await createConcept(db, city.id, { measureCodes: ['1.1.1'] });
	const orgA = await createOrganisation(db, city.id, { name: 'Stadtteilbüro A' });
	const orgB = await createOrganisation(db, city.id, { name: 'Verein B' });
	const editorAEmail = 'editor-a@example.org';
	const editorA = await createUser(db, { email: editorAEmail });
	const editorB = await createUser(db);
	const nobody = await createUser(db);
	const cityAdmin = await createCityAdmin(db);
	await addMember(db, orgA.id, editorA);
	await addMember(db, orgB.id, editorB);
	const offerA = await createOffer(db, orgA.id, { title: 'Sprachcafé A' });
	const offerB = await createOffer(db, orgB.id, { title: 'Sport B' });
	return {
		concept,
		orgA,
		editorAEmail,
		editorAId: editorA,
		editorA: user(editorA, editorAEmail),
		editorB: user(editorB),
		nobody: user(nobody),
		cityAdmin: user(cityAdmin),
		offerA,
		offerB
	};
}

const offerState = (db: SqlSession, id: string) =>
	db
		.query<{ state: string; version: number }>(
			'select state::text, version from public.offers where id = $1',
			[id]
		)
		.then((rows) => rows[0]);

/** An offer of the organisation (draft or published) with the given schedules. */
async function event(
	db: SqlSession,
	organisationId: string,
	schedules: { starts_at: string; rrule?: string; duration_minutes?: number; timezone?: string }[],
	state: 'draft' | 'published' | 'archived' = 'published'
) {
	const offer = await createOffer(db, organisationId, { state, category: 'event' });
	for (const schedule of schedules) {
		await db.query(
			`insert into public.schedules (offer_id, starts_at, rrule, duration_minutes, timezone)
			 values ($1, ${schedule.starts_at}, $2, $3, $4)`,
			[
				offer.id,
				schedule.rrule ?? null,
				schedule.duration_minutes ?? 60,
				schedule.timezone ?? 'Europe/Berlin'
			]
		);
	}
	return offer.id;
}

const archive = async (db: SqlSession) =>
	(
		await as<{ archived: number }>(db, service, 'select public.archive_past_offers() as archived')
	)[0].archived;

for (const engine of engines) {
	describe(`${engine.name}: staff_offer`, () => {
		const db = useSession(engine);

		it('gives an editor their offer with the columns of staff_offers, and nothing of others', async () => {
			const w = await buildWorld(db());
			const [row] = await as<Row>(db(), w.editorA, 'select * from public.staff_offer($1)', [
				w.offerA.id
			]);
			const [listed] = await as<Row>(
				db(),
				w.editorA,
				'select * from public.staff_offers() where id = $1',
				[w.offerA.id]
			);
			expect(row).toEqual(listed);
			expect(row).toMatchObject({ title: 'Sprachcafé A', organisation_name: 'Stadtteilbüro A' });
			// a published offer of another organisation, which RLS lets everyone read
			expect(
				await as(db(), w.editorA, 'select * from public.staff_offer($1)', [w.offerB.id])
			).toEqual([]);
			expect(
				await as(db(), w.cityAdmin, 'select * from public.staff_offer($1)', [
					'00000000-0000-4000-8000-000000000000'
				])
			).toEqual([]);
			expect(
				await as(db(), w.cityAdmin, 'select id from public.staff_offer($1)', [w.offerB.id])
			).toEqual([{ id: w.offerB.id }]);
		});
	});

	describe(`${engine.name}: offer_history`, () => {
		const db = useSession(engine);

		it('lets the staff of the offer and city admins read it, and refuses everyone else', async () => {
			const w = await buildWorld(db());
			expect((await history(db(), w.editorA, w.offerA.id)).length).toBeGreaterThan(0);
			expect((await history(db(), w.cityAdmin, w.offerA.id)).length).toBeGreaterThan(0);
			await expect(history(db(), w.editorB, w.offerA.id)).rejects.toMatchObject({
				code: '42501'
			});
			await expect(history(db(), w.nobody, w.offerA.id)).rejects.toMatchObject({
				code: '42501'
			});
			await expect(
				history(db(), w.editorA, '00000000-0000-4000-8000-000000000000')
			).rejects.toMatchObject({ code: '42501' });
			await expect(
				history(db(), w.cityAdmin, '00000000-0000-4000-8000-000000000000')
			).rejects.toMatchObject({ code: '42501' });
			await expect(history(db(), w.editorA, w.offerA.id, 0)).rejects.toMatchObject({
				code: '22023'
			});
			await expect(
				as(db(), { role: 'anon' }, 'select * from public.offer_history($1)', [w.offerA.id])
			).rejects.toMatchObject({ code: '42501' });
		});

		it('says who changed which part and which fields, newest first, without bookkeeping', async () => {
			const w = await buildWorld(db());
			await as(db(), w.editorA, 'select public.confirm_offers_current($1)', [[w.offerA.id]]);
			await as(
				db(),
				w.editorA,
				`update public.offer_translations set title = 'Sprachcafé am Dienstag', summary = 'Jede Woche'
				 where offer_id = $1 and locale = 'de'`,
				[w.offerA.id]
			);
			await as(
				db(),
				w.editorA,
				`insert into public.offer_translations (offer_id, locale, title, provenance)
				 values ($1, 'en', 'Language café', 'human')`,
				[w.offerA.id]
			);
			await as(
				db(),
				w.editorA,
				`insert into public.schedules (offer_id, starts_at, rrule)
				 values ($1, '2026-12-01T17:00:00Z', 'FREQ=WEEKLY;BYDAY=TU')`,
				[w.offerA.id]
			);
			await as(
				db(),
				w.editorA,
				'insert into public.offer_measures (offer_id, measure_id) values ($1, $2)',
				[w.offerA.id, w.concept.measures['1.1.1']]
			);
			// only bookkeeping: no entry
			await db().query(
				`update public.offer_translations set updated_at = updated_at + interval '1 second'
				 where offer_id = $1 and locale = 'de'`,
				[w.offerA.id]
			);
			// another offer's change is not in this one's history
			await as(db(), w.editorB, 'select public.confirm_offers_current($1)', [[w.offerB.id]]);

			const entries = await history(db(), w.editorA, w.offerA.id);
			const ids = entries.map((entry) => entry.id);
			expect(ids).toEqual([...ids].sort((a, b) => b - a));
			const person = { actor_kind: 'person', actor_email: w.editorAEmail };
			expect(entries.map(({ id: _, occurred_at: __, ...entry }) => entry)).toEqual([
				{
					...person,
					subject: 'measure',
					locale: null,
					operation: 'insert',
					fields: null,
					new_state: null
				},
				{
					...person,
					subject: 'schedule',
					locale: null,
					operation: 'insert',
					fields: null,
					new_state: null
				},
				{
					...person,
					subject: 'text',
					locale: 'en',
					operation: 'insert',
					fields: null,
					new_state: null
				},
				{
					...person,
					subject: 'text',
					locale: 'de',
					operation: 'update',
					fields: ['summary', 'title'],
					new_state: null
				},
				{
					...person,
					subject: 'offer',
					locale: null,
					operation: 'update',
					fields: ['last_verified_on'],
					new_state: null
				},
				// made by the factories as the database's owner
				{
					actor_kind: 'system',
					actor_email: null,
					subject: 'text',
					locale: 'de',
					operation: 'insert',
					fields: null,
					new_state: null
				},
				{
					actor_kind: 'system',
					actor_email: null,
					subject: 'offer',
					locale: null,
					operation: 'insert',
					fields: null,
					new_state: 'published'
				}
			]);
			expect(await history(db(), w.editorA, w.offerA.id, 2)).toEqual(entries.slice(0, 2));
		});

		it('names a state change, a removed part and an account that is gone', async () => {
			const w = await buildWorld(db());
			const formerId = await createCityAdmin(db());
			await as(db(), user(formerId), 'select public.set_offers_state($1, $2)', [
				[w.offerA.id],
				'archived'
			]);
			await as(
				db(),
				w.editorA,
				`delete from public.offer_translations where offer_id = $1 and locale = 'de'`,
				[w.offerA.id]
			);
			await db().query('delete from public.city_admins where user_id = $1', [formerId]);
			await db().query('delete from auth.users where id = $1', [formerId]);

			const [removed, archived] = await history(db(), w.editorA, w.offerA.id);
			expect(removed).toMatchObject({
				actor_kind: 'person',
				subject: 'text',
				locale: 'de',
				operation: 'delete',
				fields: null
			});
			expect(archived).toMatchObject({
				actor_kind: 'former_person',
				actor_email: null,
				subject: 'offer',
				operation: 'update',
				fields: ['state'],
				new_state: 'archived'
			});
		});
	});

	describe(`${engine.name}: archive_past_offers`, () => {
		const db = useSession(engine);

		it('archives events whose one-off dates or UNTIL have passed, and nothing that may still take place', async () => {
			const w = await buildWorld(db());
			const org = w.orgA.id;
			const archived = {
				oneOff: await event(db(), org, [{ starts_at: `now() - interval '2 days'` }]),
				oneOffs: await event(db(), org, [
					{ starts_at: `now() - interval '20 days'` },
					{ starts_at: `now() - interval '2 hours'`, duration_minutes: 90 }
				]),
				untilUtc: await event(db(), org, [
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'FREQ=WEEKLY;UNTIL=20200204T170000Z' }
				]),
				untilDate: await event(db(), org, [
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20200204' }
				]),
				untilLocal: await event(db(), org, [
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'UNTIL=20200204T180000;FREQ=WEEKLY' }
				]),
				draft: await event(db(), org, [{ starts_at: `now() - interval '2 days'` }], 'draft'),
				mixedPast: await event(db(), org, [
					{ starts_at: `now() - interval '3 days'` },
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'FREQ=DAILY;UNTIL=20200110' }
				])
			};
			const kept = {
				running: await event(db(), org, [
					{ starts_at: `now() - interval '30 minutes'`, duration_minutes: 60 }
				]),
				future: await event(db(), org, [{ starts_at: `now() + interval '2 days'` }]),
				untilFuture: await event(db(), org, [
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'FREQ=WEEKLY;UNTIL=20991231T000000Z' }
				]),
				count: await event(db(), org, [
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'FREQ=WEEKLY;COUNT=3' }
				]),
				endless: await event(db(), org, [
					{ starts_at: `'2020-01-07T17:00:00Z'`, rrule: 'FREQ=WEEKLY;BYDAY=TU' }
				]),
				onePastOneAhead: await event(db(), org, [
					{ starts_at: `now() - interval '3 days'` },
					{ starts_at: `now() + interval '3 days'` }
				]),
				withoutSchedules: w.offerA.id
			};
			const alreadyArchived = await event(
				db(),
				org,
				[{ starts_at: `now() - interval '2 days'` }],
				'archived'
			);

			expect(await archive(db())).toBe(Object.keys(archived).length);
			for (const [name, id] of Object.entries(archived)) {
				expect(await offerState(db(), id), name).toMatchObject({ state: 'archived', version: 2 });
			}
			for (const [name, id] of Object.entries(kept)) {
				expect((await offerState(db(), id)).state, name).not.toBe('archived');
			}
			expect(await offerState(db(), alreadyArchived)).toMatchObject({ version: 1 });
			// a second run finds nothing more
			expect(await archive(db())).toBe(0);
		});

		it('changes the offer as any update does: audit log as the server, search outbox, history', async () => {
			const w = await buildWorld(db());
			const id = await event(db(), w.orgA.id, [{ starts_at: `now() - interval '2 days'` }]);
			await db().query('delete from public.search_outbox');
			expect(await archive(db())).toBe(1);
			expect(
				await db().query('select offer_id::text from public.search_outbox where offer_id = $1', [
					id
				])
			).toEqual([{ offer_id: id }]);
			const [latest] = await history(db(), w.editorA, id);
			expect(latest).toMatchObject({
				actor_kind: 'service',
				actor_email: null,
				subject: 'offer',
				operation: 'update',
				fields: ['state'],
				new_state: 'archived'
			});
		});

		it('may be run by the server only', async () => {
			const w = await buildWorld(db());
			await expect(
				as(db(), w.cityAdmin, 'select public.archive_past_offers()')
			).rejects.toMatchObject({ code: '42501' });
			await expect(
				as(db(), { role: 'anon' }, 'select public.archive_past_offers()')
			).rejects.toMatchObject({ code: '42501' });
		});
	});

	describe(`${engine.name}: get_offer`, () => {
		const db = useSession(engine);

		it('gives visitors the date of the last confirmation, null before the first', async () => {
			const w = await buildWorld(db());
			const read = async () =>
				(
					await as<{ offer: { last_verified_on: string | null } }>(
						db(),
						{ role: 'anon' },
						`select public.get_offer($1, 'de') as offer`,
						[w.offerA.id]
					)
				)[0].offer.last_verified_on;
			expect(await read()).toBeNull();
			await as(db(), w.editorA, 'select public.confirm_offers_current($1)', [[w.offerA.id]]);
			const [{ today }] = await db().query<{ today: string }>('select current_date::text as today');
			expect(await read()).toBe(today);
		});
	});
}
