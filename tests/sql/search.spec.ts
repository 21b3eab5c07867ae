/**
 * The search functions of supabase/migrations/*_search.sql: the documents the search engines
 * index, the outbox worker's claim / complete / fail / purge / requeue, and the database-only
 * list with plain filters and facet counts that serves when the search engine is down.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	createCity,
	createConcept,
	createDistrict,
	createOffer,
	createOrganisation,
	createUser,
	box,
	type LonLat
} from '../support/factories';

const service: Actor = { role: 'service_role' };
const anon: Actor = { role: 'anon' };

type Json = Record<string, unknown>;

/** Sets columns of an offer the factory leaves at their defaults. */
async function setOffer(db: SqlQuery, id: string, columns: Record<string, unknown>) {
	const names = Object.keys(columns);
	const assignments = names.map((name, i) => `${name} = $${i + 2}`).join(', ');
	await db.query(`update public.offers set ${assignments} where id = $1`, [
		id,
		...Object.values(columns)
	]);
}

async function addText(
	db: SqlQuery,
	offerId: string,
	locale: string,
	title: string,
	summary?: string
) {
	await db.query(
		`insert into public.offer_translations (offer_id, locale, title, summary, provenance)
		 values ($1, $2, $3, $4, 'human')`,
		[offerId, locale, title, summary ?? null]
	);
}

async function addSchedule(
	db: SqlQuery,
	offerId: string,
	startsAt: string,
	rrule: string | null,
	duration = 90
) {
	await db.query(
		`insert into public.schedules (offer_id, starts_at, duration_minutes, rrule) values ($1, $2::timestamptz, $3, $4)`,
		[offerId, startsAt, duration, rrule]
	);
}

/** A city with two districts side by side, an organisation and a concept with two measures. */
async function world(db: SqlQuery) {
	const city = await createCity(db);
	const west = await createDistrict(db, city.id, {
		slug: 'altstadt',
		name: 'Altstadt',
		ring: box(10.3, 47.7, 10.31, 47.73)
	});
	const east = await createDistrict(db, city.id, {
		slug: 'sankt-mang',
		name: 'Sankt Mang',
		ring: box(10.31, 47.7, 10.32, 47.73)
	});
	const org = await createOrganisation(db, city.id, { name: 'Stadtteilbüro Altstadt' });
	const concept = await createConcept(db, city.id, { measureCodes: ['1.1.1', '1.1.2'] });
	return { city, west, east, org, concept };
}

const inWest: LonLat = [10.305, 47.715];
const inEast: LonLat = [10.315, 47.715];

const documents = (db: SqlQuery, args: { ids?: string[]; after?: string; limit?: number } = {}) =>
	db
		.query<{ doc: Json }>(
			`select d as doc from public.search_documents(p_ids => $1::uuid[], p_after => $2::uuid, p_limit => $3) d`,
			[args.ids ?? null, args.after ?? null, args.limit ?? 500]
		)
		.then((rows) => rows.map((row) => row.doc));

const filterOffers = (db: SqlQuery, args: Record<string, unknown>) => {
	const names = Object.keys(args);
	const call = names.map((name, i) => `${name} => $${i + 1}`).join(', ');
	return db
		.query<{ result: FilterResult }>(
			`select public.filter_offers(${call}) as result`,
			Object.values(args)
		)
		.then(([row]) => row.result);
};

interface FilterResult {
	total: number;
	offers: (Json & { id: string; title: string; distance: number | null })[];
	facets: Record<string, Record<string, number>>;
}

describe.each(engines)('$name', (engine) => {
	const db = useSession(engine);

	describe('search_documents', () => {
		it('builds one document per published offer with everything the engines index', async () => {
			const { west, org, concept } = await world(db());
			const offer = await createOffer(db(), org.id, {
				title: 'Deutschkurs für Anfänger',
				category: 'language_course',
				point: inWest,
				measureIds: [concept.measures['1.1.2'], concept.measures['1.1.1']]
			});
			await setOffer(db(), offer.id, {
				languages: ['de', 'ar'],
				target_groups: ['women', 'newcomers'],
				cost_eur: 0,
				childcare: true,
				women_only: true,
				wheelchair_accessible: false,
				german_level: 'none',
				street: 'Bahnhofstraße 1'
			});
			await addText(db(), offer.id, 'en', 'German course for beginners', 'Learn German');
			await addSchedule(db(), offer.id, '2026-12-01 10:00+01', 'FREQ=WEEKLY;BYDAY=TU');
			await createOffer(db(), org.id, { title: 'Entwurf', state: 'draft' });

			const docs = await db().as(service, (q) => documents(q));
			expect(docs).toHaveLength(1);
			const [doc] = docs;
			expect(doc).toMatchObject({
				id: offer.id,
				texts: {
					de: { title: 'Deutschkurs für Anfänger', summary: null, description: null },
					en: { title: 'German course for beginners', summary: 'Learn German' }
				},
				original_locale: 'de',
				category: 'language_course',
				organisation_name: 'Stadtteilbüro Altstadt',
				organisation_slug: org.slug,
				district_slug: west.slug,
				district_name: 'Altstadt',
				street: 'Bahnhofstraße 1',
				languages: ['de', 'ar'],
				target_groups: ['women', 'newcomers'],
				is_free: true,
				childcare: true,
				women_only: true,
				wheelchair_accessible: false,
				german_level: 'none',
				location: { lat: 47.715, lng: 10.305 },
				measures: ['1.1.1', '1.1.2'],
				is_demo: false
			});
			expect(doc.schedules).toEqual([
				{
					starts_at: expect.any(String),
					duration_minutes: 90,
					rrule: 'FREQ=WEEKLY;BYDAY=TU',
					exdates: [],
					timezone: 'Europe/Berlin'
				}
			]);
			expect(new Date((doc.schedules as Json[])[0].starts_at as string).toISOString()).toBe(
				'2026-12-01T09:00:00.000Z'
			);
			expect(Number.isNaN(Date.parse(doc.updated_at as string))).toBe(false);
		});

		it('marks given ids that are not published (any more) as deleted', async () => {
			const { org } = await world(db());
			const published = await createOffer(db(), org.id);
			const draft = await createOffer(db(), org.id, { state: 'draft' });
			const archived = await createOffer(db(), org.id);
			await setOffer(db(), archived.id, { state: 'archived' });
			const gone = '00000000-0000-4000-8000-00000000dead';

			const docs = await db().as(service, (q) =>
				documents(q, { ids: [published.id, draft.id, archived.id, gone, published.id] })
			);
			const byId = new Map(docs.map((doc) => [doc.id, doc]));
			expect(docs).toHaveLength(4);
			expect(byId.get(published.id)).toMatchObject({ id: published.id, category: 'cultural_cafe' });
			for (const id of [draft.id, archived.id, gone]) {
				expect(byId.get(id)).toEqual({ id, deleted: true });
			}
		});

		it('pages by id', async () => {
			const { org } = await world(db());
			const ids: string[] = [];
			for (let i = 0; i < 5; i++) ids.push((await createOffer(db(), org.id)).id);
			ids.sort();
			const first = await db().as(service, (q) => documents(q, { limit: 2 }));
			const second = await db().as(service, (q) =>
				documents(q, { after: first[1].id as string, limit: 2 })
			);
			const third = await db().as(service, (q) =>
				documents(q, { after: second[1].id as string, limit: 2 })
			);
			expect([...first, ...second, ...third].map((doc) => doc.id)).toEqual(ids);
		});
	});

	describe('the outbox', () => {
		const claim = (q: SqlQuery, limit = 10) =>
			q.query<{ offer_id: string; outbox_ids: number[] }>(
				`select offer_id::text, outbox_ids from public.claim_search_outbox(p_limit => $1)`,
				[limit]
			);
		const pending = () =>
			db().query<{ id: number; offer_id: string; attempts: number; last_error: string | null }>(
				`select id, offer_id::text, attempts, last_error from public.search_outbox
				 where processed_at is null order by id`
			);

		it('is written by every change and claimed once per offer with all its rows', async () => {
			const { org } = await world(db());
			const a = await createOffer(db(), org.id, { title: 'A' });
			const b = await createOffer(db(), org.id, { title: 'B' });
			await addText(db(), a.id, 'en', 'A in English');
			const rows = await pending();
			expect(new Set(rows.map((row) => row.offer_id))).toEqual(new Set([a.id, b.id]));

			const claimed = await db().as(service, (q) => claim(q));
			expect(claimed.map((row) => row.offer_id)).toEqual([a.id, b.id]);
			for (const { offer_id, outbox_ids } of claimed) {
				expect(outbox_ids).toEqual(
					rows.filter((row) => row.offer_id === offer_id).map((row) => row.id)
				);
			}
			// leased: a second worker gets nothing, not even for a new change of a claimed offer
			await addText(db(), b.id, 'ar', 'ب');
			expect(await db().as(service, (q) => claim(q))).toEqual([]);
		});

		it("is written for an organisation's or a district's offers when its name or slug changes", async () => {
			const { org, west } = await world(db());
			const a = await createOffer(db(), org.id, { title: 'A', point: inWest });
			const requeued = async (sql: string, id: string) => {
				await db().query('delete from public.search_outbox');
				await db().query(sql, [id]);
				return (await pending()).map((row) => row.offer_id);
			};
			expect(
				await requeued(`update public.organisations set slug = 'neu' where id = $1`, org.id)
			).toEqual([a.id]);
			expect(
				await requeued(`update public.organisations set name = 'Neu' where id = $1`, org.id)
			).toEqual([a.id]);
			expect(
				await requeued(`update public.organisations set website = null where id = $1`, org.id)
			).toEqual([]);
			expect(
				await requeued(`update public.districts set slug = 'alt' where id = $1`, west.id)
			).toEqual([a.id]);
		});

		it('claims at most the limit of offers, oldest first', async () => {
			const { org } = await world(db());
			const offers = [];
			for (let i = 0; i < 3; i++) offers.push(await createOffer(db(), org.id));
			const claimed = await db().as(service, (q) => claim(q, 2));
			expect(claimed.map((row) => row.offer_id)).toEqual([offers[0].id, offers[1].id]);
			const rest = await db().as(service, (q) => claim(q, 2));
			expect(rest.map((row) => row.offer_id)).toEqual([offers[2].id]);
		});

		it('completes rows, and a lease that ran out is claimed again', async () => {
			const { org } = await world(db());
			const a = await createOffer(db(), org.id);
			const b = await createOffer(db(), org.id);
			const claimed = await db().as(service, (q) => claim(q));
			const ofA = claimed.find((row) => row.offer_id === a.id)!.outbox_ids;
			const done = await db().as(service, (q) =>
				q.query<{ n: number }>(`select public.complete_search_outbox($1::bigint[]) as n`, [ofA])
			);
			expect(done[0].n).toBe(ofA.length);
			expect((await pending()).map((row) => row.offer_id)).toEqual(expect.arrayContaining([b.id]));
			expect((await pending()).some((row) => row.offer_id === a.id)).toBe(false);

			// the worker that held b crashed: its lease runs out
			await db().query(
				`update public.search_outbox set claimed_until = now() - interval '1 second'`
			);
			const again = await db().as(service, (q) => claim(q));
			expect(again.map((row) => row.offer_id)).toEqual([b.id]);
		});

		it('keeps failed rows with the error and retries them after a backoff', async () => {
			const { org } = await world(db());
			const a = await createOffer(db(), org.id);
			const [claimed] = await db().as(service, (q) => claim(q));
			const failed = await db().as(service, (q) =>
				q.query<{ n: number }>(`select public.fail_search_outbox($1::bigint[], $2) as n`, [
					claimed.outbox_ids,
					'engine unreachable'
				])
			);
			expect(failed[0].n).toBe(claimed.outbox_ids.length);
			const rows = await pending();
			expect(
				rows.every((row) => row.attempts === 1 && row.last_error === 'engine unreachable')
			).toBe(true);
			const [{ wait }] = await db().query<{ wait: number }>(
				`select extract(epoch from min(retry_at) - now())::float8 as wait from public.search_outbox`
			);
			expect(wait).toBe(2);
			// not before its time
			expect(await db().as(service, (q) => claim(q))).toEqual([]);

			await db().query(`update public.search_outbox set retry_at = now() - interval '1 second'`);
			const [retried] = await db().as(service, (q) => claim(q));
			expect(retried).toEqual({ offer_id: a.id, outbox_ids: claimed.outbox_ids });
			await db().as(service, (q) =>
				q.query(`select public.fail_search_outbox($1::bigint[], 'again')`, [retried.outbox_ids])
			);
			const [{ wait: second }] = await db().query<{ wait: number }>(
				`select extract(epoch from min(retry_at) - now())::float8 as wait from public.search_outbox`
			);
			expect(second).toBe(4);
		});

		it('purges processed rows older than the given days, never pending ones', async () => {
			const { org } = await world(db());
			await createOffer(db(), org.id);
			await createOffer(db(), org.id);
			const rows = await pending();
			await db().query(
				`update public.search_outbox set processed_at = now() - interval '10 days' where id = $1`,
				[rows[0].id]
			);
			await db().query(
				`update public.search_outbox set processed_at = now() - interval '1 day' where id = $1`,
				[rows[1].id]
			);
			const [{ n }] = await db().as(service, (q) =>
				q.query<{ n: number }>(`select public.purge_search_outbox(7) as n`)
			);
			expect(n).toBe(1);
			const left = await db().query<{ id: number }>(
				`select id from public.search_outbox order by id`
			);
			expect(left.map((row) => row.id)).toEqual(rows.slice(1).map((row) => row.id));
		});

		it('requeues the offers changed since a time, once each', async () => {
			const { org } = await world(db());
			const old = await createOffer(db(), org.id);
			const recent = await createOffer(db(), org.id);
			const waiting = await createOffer(db(), org.id);
			const held = await createOffer(db(), org.id);
			await db().query(
				`update public.search_outbox set enqueued_at = now() - interval '1 hour', processed_at = now() - interval '1 hour'
				 where offer_id = $1`,
				[old.id]
			);
			await db().query(`update public.search_outbox set processed_at = now() where offer_id = $1`, [
				recent.id
			]);
			// a worker holds this one: it may have read the offer before the new index came
			await db().query(
				`update public.search_outbox set claimed_until = now() + interval '1 minute' where offer_id = $1`,
				[held.id]
			);
			const before = (await pending()).length;
			const [{ n }] = await db().as(service, (q) =>
				q.query<{ n: number }>(
					`select public.requeue_search_outbox(now() - interval '1 minute') as n`
				)
			);
			// `waiting` has unclaimed rows that the worker takes after the swap anyway
			expect(n).toBe(2);
			const added = (await pending()).slice(before).map((row) => row.offer_id);
			expect(added.sort()).toEqual([recent.id, held.id].sort());
			expect(added).not.toContain(waiting.id);
			expect(added).not.toContain(old.id);
		});

		it('reports its state', async () => {
			const { org } = await world(db());
			await createOffer(db(), org.id);
			const [{ status }] = await db().as(service, (q) =>
				q.query<{ status: Json }>(`select public.search_outbox_status() as status`)
			);
			expect(status).toMatchObject({ pending: expect.any(Number), failing: 0, last_error: null });
			expect(status.pending).toBeGreaterThan(0);
		});

		it('is for the search worker only', async () => {
			const userId = await createUser(db());
			const calls = [
				`select * from public.claim_search_outbox(1)`,
				`select public.complete_search_outbox('{1}')`,
				`select public.fail_search_outbox('{1}', 'x')`,
				`select public.purge_search_outbox(1)`,
				`select public.requeue_search_outbox(now())`,
				`select * from public.search_documents()`,
				`select * from public.search_index_state()`
			];
			for (const actor of [anon, { role: 'authenticated', userId } as Actor]) {
				for (const sql of calls) {
					await expect(
						db().as(actor, (q) => q.query(sql)),
						`${actor.role}: ${sql}`
					).rejects.toMatchObject({
						code: '42501'
					});
				}
			}
			await expect(
				db().as(anon, (q) => q.query(`select public.search_outbox_status()`))
			).rejects.toMatchObject({ code: '42501' });
			for (const sql of calls) await db().as(service, (q) => q.query(sql));
		});
	});

	describe('search_index_state (what a complete index holds)', () => {
		const state = () =>
			db().as(service, (q) =>
				q
					.query<{
						documents: number;
						newest: Date | string | null;
					}>(`select documents, newest from public.search_index_state()`)
					.then(([row]) => row)
			);
		const ms = (value: Date | string | null | undefined) =>
			value === null || value === undefined ? null : new Date(value).getTime();

		it('is no documents and no newest change without published offers', async () => {
			const { org } = await world(db());
			await createOffer(db(), org.id, { state: 'draft' });
			expect(await state()).toEqual({ documents: 0, newest: null });
		});

		it('counts the published offers and agrees with their documents on the newest change', async () => {
			const { org } = await world(db());
			const a = await createOffer(db(), org.id);
			const b = await createOffer(db(), org.id);
			const draft = await createOffer(db(), org.id, { state: 'draft' });
			const archived = await createOffer(db(), org.id, { state: 'archived' });
			// only updated_at changes: the offers' trigger keeps the value given
			const later = (id: string, days: number) =>
				db().query(
					`update public.offers set updated_at = now() + make_interval(days => $2) where id = $1`,
					[id, days]
				);
			await later(a.id, 1);
			await later(b.id, 2);
			await later(draft.id, 10);
			await later(archived.id, 10);

			const found = await state();
			expect(found.documents).toBe(2);
			const docs = await db().as(service, (q) => documents(q));
			expect(found.documents).toBe(docs.length);
			const newestDocument = Math.max(...docs.map((doc) => ms(doc.updated_at as string)!));
			expect(ms(found.newest)).toBe(newestDocument);
			const [{ expected }] = await db().query<{ expected: Date | string }>(
				`select updated_at as expected from public.offers where id = $1`,
				[b.id]
			);
			expect(ms(found.newest)).toBe(ms(expected));

			// a translation is part of the document: its change is the newest now
			await db().query(`update public.offers set updated_at = now() - interval '1 day'`);
			await addText(db(), a.id, 'en', 'In English');
			const [{ translated }] = await db().query<{ translated: Date | string }>(
				`select updated_at as translated from public.offer_translations where offer_id = $1 and locale = 'en'`,
				[a.id]
			);
			expect(ms((await state()).newest)).toBe(ms(translated));
		});
	});

	describe('filter_offers (the list without the search engine)', () => {
		/** Four published offers and a draft, across two districts. */
		async function offers() {
			const w = await world(db());
			const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
			const ymd = (date: Date) => date.toISOString().slice(0, 10).replaceAll('-', '');
			const kurs = await createOffer(db(), w.org.id, {
				title: 'Deutschkurs am Morgen',
				category: 'language_course',
				point: inWest
			});
			await setOffer(db(), kurs.id, {
				languages: ['de'],
				cost_eur: 0,
				german_level: 'none',
				target_groups: ['women'],
				childcare: true
			});
			await addSchedule(db(), kurs.id, daysAgo(30).toISOString(), 'FREQ=WEEKLY;BYDAY=TU,TH');
			const cafe = await createOffer(db(), w.org.id, {
				title: 'Begegnungscafé',
				category: 'cultural_cafe',
				point: inEast
			});
			await setOffer(db(), cafe.id, { languages: ['de', 'ar'], cost_eur: 0 });
			await addSchedule(db(), cafe.id, daysAgo(30).toISOString(), 'FREQ=MONTHLY;BYDAY=1WE');
			const beratung = await createOffer(db(), w.org.id, {
				title: 'Migrationsberatung',
				category: 'counselling',
				point: inWest
			});
			await setOffer(db(), beratung.id, {
				languages: ['de', 'uk'],
				cost_eur: 5,
				german_level: 'a2'
			});
			await addText(db(), beratung.id, 'en', 'Migration advice');
			// a one-off date that is past
			await addSchedule(db(), beratung.id, daysAgo(400).toISOString(), null);
			const sport = await createOffer(db(), w.org.id, { title: 'Fußball', category: 'sports' });
			await setOffer(db(), sport.id, { languages: ['tr'] });
			// a daily rule that ended
			await addSchedule(
				db(),
				sport.id,
				daysAgo(60).toISOString(),
				`FREQ=DAILY;UNTIL=${ymd(daysAgo(10))}`
			);
			await createOffer(db(), w.org.id, { title: 'Entwurf', state: 'draft', point: inWest });
			return { ...w, kurs, cafe, beratung, sport };
		}

		it('lists published offers by title in the locale, with facets of all of them', async () => {
			const { beratung } = await offers();
			const result = await db().as(anon, (q) => filterOffers(q, { p_locale: 'en' }));
			expect(result.total).toBe(4);
			// the reader's language first: the one offer with an English text, then by title
			expect(result.offers.map((offer) => offer.title)).toEqual([
				'Migration advice',
				'Begegnungscafé',
				'Deutschkurs am Morgen',
				'Fußball'
			]);
			expect(result.offers.find((offer) => offer.id === beratung.id)).toMatchObject({
				text_locale: 'en',
				category: 'counselling',
				organisation_name: 'Stadtteilbüro Altstadt',
				district_slug: 'altstadt',
				district_name: 'Altstadt',
				longitude: 10.305,
				latitude: 47.715,
				languages: ['de', 'uk'],
				is_free: false,
				german_level: 'a2',
				distance: null
			});
			expect(result.facets).toEqual({
				category: { counselling: 1, cultural_cafe: 1, language_course: 1, sports: 1 },
				district: { altstadt: 2, 'sankt-mang': 1 },
				language: { ar: 1, de: 3, tr: 1, uk: 1 },
				target_group: { everyone: 3, women: 1 },
				weekday: { TH: 1, TU: 1, WE: 1 },
				german_level: { a2: 1, none: 1 },
				free: { false: 1, true: 2 },
				childcare: { false: 3, true: 1 },
				women_only: { false: 4 },
				wheelchair: {}
			});
		});

		it('counts within a facet as alternatives and across facets as conditions', async () => {
			await offers();
			const result = await db().as(anon, (q) =>
				filterOffers(q, { p_category: ['language_course', 'counselling'], p_free: true })
			);
			expect(result.total).toBe(1);
			expect(result.offers.map((offer) => offer.title)).toEqual(['Deutschkurs am Morgen']);
			// categories counted with free=true only; free counted with the categories only
			expect(result.facets.category).toEqual({
				counselling: 0,
				cultural_cafe: 1,
				language_course: 1
			});
			expect(result.facets.free).toEqual({ false: 1, true: 1 });
			expect(result.facets.district).toEqual({ altstadt: 1 });
		});

		it('filters by district, language, target group, weekday, German level and flags', async () => {
			const { kurs, cafe, beratung } = await offers();
			const ids = async (args: Record<string, unknown>) =>
				(await db().as(anon, (q) => filterOffers(q, args))).offers.map((offer) => offer.id).sort();
			expect(await ids({ p_district: ['sankt-mang'] })).toEqual([cafe.id]);
			expect(await ids({ p_language: ['ar', 'uk'] })).toEqual([cafe.id, beratung.id].sort());
			expect(await ids({ p_target_group: ['women'] })).toEqual([kurs.id]);
			expect(await ids({ p_weekday: ['TH'] })).toEqual([kurs.id]);
			expect(await ids({ p_german_level: ['none', 'a1'] })).toEqual([kurs.id]);
			expect(await ids({ p_childcare: true })).toEqual([kurs.id]);
			expect(await ids({ p_free: false })).toEqual([beratung.id]);
			expect(await ids({ p_women_only: true })).toEqual([]);
			expect(await ids({ p_district: [], p_language: [] })).toHaveLength(4);
		});

		it('filters by organisation, which every count respects and none lists', async () => {
			const { city } = await offers();
			const vhs = await createOrganisation(db(), city.id, { name: 'Volkshochschule' });
			const abend = await createOffer(db(), vhs.id, {
				title: 'Deutschkurs am Abend',
				category: 'language_course',
				point: inEast
			});
			const ids = async (args: Record<string, unknown>) =>
				(await db().as(anon, (q) => filterOffers(q, args))).offers.map((offer) => offer.id).sort();
			expect(await ids({ p_organisation: [vhs.slug] })).toEqual([abend.id]);
			expect(await ids({ p_organisation: [vhs.slug, 'nowhere'] })).toEqual([abend.id]);
			expect(await ids({ p_organisation: ['nowhere'] })).toEqual([]);
			expect(await ids({ p_organisation: [] })).toHaveLength(5);
			const result = await db().as(anon, (q) =>
				filterOffers(q, { p_organisation: [vhs.slug], p_category: ['cultural_cafe'] })
			);
			expect(result.total).toBe(0);
			// the category counted among the organisation's offers, the category not applied
			expect(result.facets.category).toEqual({ cultural_cafe: 0, language_course: 1 });
			expect(result.facets.district).toEqual({});
			expect(Object.keys(result.facets)).not.toContain('organisation');
		});

		it('keeps selected values that match nothing in their facet, with 0', async () => {
			await offers();
			const result = await db().as(anon, (q) =>
				filterOffers(q, { p_district: ['nowhere'], p_wheelchair: true })
			);
			expect(result.total).toBe(0);
			expect(result.offers).toEqual([]);
			expect(result.facets.district).toEqual({ nowhere: 0 });
			expect(result.facets.wheelchair).toEqual({ true: 0 });
		});

		it('keeps offers whose texts contain every word of the query, accents aside', async () => {
			const { kurs, beratung } = await offers();
			const ids = async (q: string) =>
				(await db().as(anon, (s) => filterOffers(s, { p_q: q }))).offers.map((offer) => offer.id);
			expect(await ids('deutschkurs')).toEqual([kurs.id]);
			expect(await ids('KURS morgen')).toEqual([kurs.id]);
			expect(await ids('fussball')).toHaveLength(1);
			expect(await ids('migration advice')).toEqual([beratung.id]);
			expect(await ids('kurs abend')).toEqual([]);
		});

		it('sorts by distance from a point, offers without one last', async () => {
			const { kurs, cafe, beratung, sport } = await offers();
			const result = await db().as(anon, (q) =>
				filterOffers(q, { p_near_lat: 47.715, p_near_lng: 10.316 })
			);
			// the course and the counselling are at the same place: by title
			expect(result.offers.map((offer) => offer.id)).toEqual([
				cafe.id,
				kurs.id,
				beratung.id,
				sport.id
			]);
			expect(result.offers[0].distance).toBeGreaterThan(60);
			expect(result.offers[0].distance).toBeLessThan(90);
			expect(result.offers[3].distance).toBeNull();
		});

		it('pages', async () => {
			await offers();
			const page = await db().as(anon, (q) => filterOffers(q, { p_limit: 2, p_offset: 2 }));
			expect(page.total).toBe(4);
			expect(page.offers.map((offer) => offer.title)).toEqual(['Fußball', 'Migrationsberatung']);
		});
	});
});
