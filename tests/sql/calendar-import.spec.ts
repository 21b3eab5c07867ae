/**
 * Calendar import (supabase/migrations/*_calendar_import.sql): the organisation's staff and city
 * admins register feeds; apply_calendar_feed creates, updates, archives and removes offers by
 * UID in one transaction, never touches detached offers and records each run; others may
 * neither see nor apply a feed.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createOrganisation,
	createUser
} from '../support/factories';

interface Run {
	outcome: string;
	created: number;
	updated: number;
	archived: number;
	removed: number;
	unchanged: number;
	detached: number;
	problems: { uid: string | null; reason: string }[];
}

const weekly = (title: string, extra: Record<string, unknown> = {}) => ({
	uid: 'weekly@example.org',
	title,
	description: 'Gemeinsam Deutsch sprechen.',
	location: 'Pfarrheim St. Ulrich, Kempten',
	cancelled: false,
	schedules: [
		{
			starts_at: '2027-03-02T17:00:00.000Z',
			duration_minutes: 90,
			rrule: 'FREQ=WEEKLY;UNTIL=20270413T160000Z;BYDAY=TU',
			timezone: 'Europe/Berlin',
			exceptions: [{ occurs_at: '2027-03-16T17:00:00.000Z', moved_to: null, note: null }]
		}
	],
	...extra
});
const once = (uid: string, title: string, extra: Record<string, unknown> = {}) => ({
	uid,
	title,
	description: null,
	location: null,
	cancelled: false,
	schedules: [
		{
			starts_at: '2027-05-07T22:00:00.000Z',
			duration_minutes: 1440,
			rrule: null,
			timezone: 'Europe/Berlin',
			exceptions: []
		}
	],
	...extra
});

const apply = async (db: SqlQuery, feedId: string, events: unknown[], problems: unknown[] = []) =>
	(
		await db.query<{ run: Run }>(
			`select public.apply_calendar_feed($1, $2::jsonb, $3::jsonb, 'manual', '"v1"', null) as run`,
			[feedId, JSON.stringify(events), JSON.stringify(problems)]
		)
	)[0].run;

describe.each(engines)('calendar import on $name', (engine) => {
	const db = useSession(engine);

	async function world(publishMode = 'published') {
		const city = await createCity(db());
		const organisation = await createOrganisation(db(), city.id);
		const other = await createOrganisation(db(), city.id);
		await db().query(`update public.organisations set street = 'Bühl 3' where id = $1`, [
			organisation.id
		]);
		await db().query(
			`insert into public.office_facts (organisation_id, location)
			 values ($1, extensions.st_setsrid(extensions.st_makepoint(10.33, 47.71), 4326))`,
			[organisation.id]
		);
		const editorId = await createUser(db());
		await addMember(db(), organisation.id, editorId);
		const strangerId = await createUser(db());
		await addMember(db(), other.id, strangerId);
		const editor: Actor = { role: 'authenticated', userId: editorId };
		const stranger: Actor = { role: 'authenticated', userId: strangerId };
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		const [{ id: feedId }] = await db().as(editor, (q) =>
			q.query<{ id: string }>(`select public.save_calendar_feed($1::jsonb) as id`, [
				JSON.stringify({
					organisation_id: organisation.id,
					name: 'Unser Kalender',
					url: 'https://calendar.example.org/feed.ics',
					publish_mode: publishMode,
					category: 'event'
				})
			])
		);
		return { organisation, editor, stranger, admin, feedId };
	}

	const offersOf = (organisationId: string) =>
		db().query<{
			id: string;
			state: string;
			title: string;
			street: string;
			schedules: number;
			point: string | null;
		}>(
			`select o.id::text, o.state::text, t.title, o.street, extensions.st_astext(o.location) as point,
			        (select count(*)::int from public.schedules s where s.offer_id = o.id) as schedules
			 from public.offers o join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
			 where o.organisation_id = $1 order by t.title`,
			[organisationId]
		);

	it('creates, keeps, updates and archives offers by UID, and never touches a detached one', async () => {
		const { organisation, editor, feedId } = await world();
		const first = await db().as(editor, (q) =>
			apply(
				q,
				feedId,
				[weekly('Sprachcafé'), once('fest@example.org', 'Frühlingsfest')],
				[{ uid: 'x', summary: 'Webinar', reason: 'unknown_time_zone' }]
			)
		);
		expect(first).toMatchObject({ outcome: 'applied', created: 2, updated: 0, unchanged: 0 });
		expect(first.problems).toEqual([{ uid: 'x', summary: 'Webinar', reason: 'unknown_time_zone' }]);
		let offers = await offersOf(organisation.id);
		expect(offers.map((o) => [o.title, o.state, o.street, o.schedules, o.point])).toEqual([
			// no LOCATION: the organisation's address and door
			['Frühlingsfest', 'published', 'Bühl 3', 1, 'POINT(10.33 47.71)'],
			// another LOCATION: its text, no point
			['Sprachcafé', 'published', 'Pfarrheim St. Ulrich, Kempten', 1, null]
		]);
		const [{ exceptions }] = await db().query<{ exceptions: number }>(
			`select count(*)::int as exceptions from public.schedule_exceptions where offer_id = $1`,
			[offers[1].id]
		);
		expect(exceptions).toBe(1);

		// the same feed again: nothing changes; a changed title updates in place
		expect(
			await db().as(editor, (q) =>
				apply(q, feedId, [weekly('Sprachcafé'), once('fest@example.org', 'Frühlingsfest')])
			)
		).toMatchObject({ created: 0, updated: 0, unchanged: 2, archived: 0 });
		expect(
			await db().as(editor, (q) =>
				apply(q, feedId, [
					weekly('Sprachcafé am Dienstag'),
					once('fest@example.org', 'Frühlingsfest')
				])
			)
		).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
		offers = await offersOf(organisation.id);
		expect(offers.map((o) => o.title)).toEqual(['Frühlingsfest', 'Sprachcafé am Dienstag']);

		// staff detach the festival: the feed no longer changes or archives it
		const source = await db().as(editor, (q) =>
			q.query<{ s: { uid: string; detached_at: string | null } }>(
				`select public.calendar_source($1) as s`,
				[offers[0].id]
			)
		);
		expect(source[0].s).toMatchObject({ uid: 'fest@example.org', detached_at: null });
		await db().as(editor, (q) =>
			q.query(`select public.detach_calendar_offer($1)`, [offers[0].id])
		);

		// the weekly event disappears and the festival changes: one archived, the detached one stays
		const last = await db().as(editor, (q) =>
			apply(q, feedId, [once('fest@example.org', 'Frühlingsfest (verschoben)')])
		);
		expect(last).toMatchObject({ created: 0, updated: 0, archived: 1, detached: 1 });
		offers = await offersOf(organisation.id);
		expect(offers.map((o) => [o.title, o.state])).toEqual([
			['Frühlingsfest', 'published'],
			['Sprachcafé am Dienstag', 'archived']
		]);

		// a cancelled event archives its offer; back in the feed, it is shown again
		await db().as(editor, (q) => apply(q, feedId, [weekly('Sprachcafé am Dienstag')]));
		expect((await offersOf(organisation.id))[1].state).toBe('published');
		const cancelled = await db().as(editor, (q) =>
			apply(q, feedId, [weekly('Sprachcafé am Dienstag', { cancelled: true, schedules: [] })])
		);
		expect(cancelled).toMatchObject({ archived: 1 });
		expect((await offersOf(organisation.id))[1].state).toBe('archived');

		const [{ feed }] = await db().as(editor, (q) =>
			q.query<{
				feed: {
					runs: Run[];
					etag: string;
					imported: {
						title: string;
						state: string;
						detached_at: string | null;
						schedules: unknown[];
					}[];
				};
			}>(`select public.calendar_feed($1, 3) as feed`, [feedId])
		);
		expect(feed.runs).toHaveLength(3);
		expect(
			feed.imported.map((o) => [o.title, o.state, o.detached_at !== null, o.schedules.length])
		).toEqual([
			['Frühlingsfest', 'published', true, 1],
			['Sprachcafé am Dienstag', 'archived', false, 1]
		]);
		expect(feed.etag).toBe('"v1"');
	});

	it('creates drafts when the feed says so, removes when asked, and takes a refused event as a problem', async () => {
		const { organisation, editor, feedId } = await world('draft');
		await db().as(editor, (q) =>
			q.query(`select public.save_calendar_feed($1::jsonb)`, [
				JSON.stringify({ id: feedId, on_removal: 'delete' })
			])
		);
		const run = await db().as(editor, (q) =>
			apply(q, feedId, [
				once('a@example.org', 'Erzählcafé', {
					location: 'Bühl 3, Kempten',
					geo: { lat: 47.72, lng: 10.31 }
				}),
				once('b@example.org', 'Zu lang', {
					schedules: [{ ...once('', '').schedules[0], duration_minutes: 5000 }]
				})
			])
		);
		expect(run).toMatchObject({ created: 1 });
		expect(run.problems).toEqual([
			expect.objectContaining({ uid: 'b@example.org', reason: 'refused' })
		]);
		// GEO gives the point, LOCATION the street line
		expect(
			(await offersOf(organisation.id)).map((o) => [o.title, o.state, o.street, o.point])
		).toEqual([['Erzählcafé', 'draft', 'Bühl 3, Kempten', 'POINT(10.31 47.72)']]);
		expect(await db().as(editor, (q) => apply(q, feedId, []))).toMatchObject({ removed: 1 });
		expect(await offersOf(organisation.id)).toEqual([]);
	});

	it('lets only the organisation’s staff and city admins see and apply its feeds', async () => {
		const { organisation, stranger, admin, feedId } = await world();
		for (const sql of [
			`select public.calendar_feeds('${organisation.id}')`,
			`select public.calendar_feed('${feedId}')`,
			`select public.apply_calendar_feed('${feedId}', '[]', '[]', 'manual')`,
			`select public.record_calendar_run('${feedId}', 'manual', 'failed', 'timeout')`,
			`select public.delete_calendar_feed('${feedId}')`
		]) {
			await expect(db().as(stranger, (q) => q.query(sql))).rejects.toMatchObject({ code: '42501' });
		}
		const [{ feeds }] = await db().as(admin, (q) =>
			q.query<{ feeds: { id: string }[] }>(`select public.calendar_feeds($1) as feeds`, [
				organisation.id
			])
		);
		expect(feeds.map((f) => f.id)).toEqual([feedId]);
		const [{ run }] = await db().as(admin, (q) =>
			q.query<{ run: Run & { error: string } }>(
				`select public.record_calendar_run($1, 'manual', 'failed', 'timeout') as run`,
				[feedId]
			)
		);
		expect(run).toMatchObject({ outcome: 'failed', error: 'timeout' });
		// due: a feed with a URL whose interval has passed; just run, so not due now
		const due = await db().as({ role: 'service_role' }, (q) =>
			q.query<{ due: unknown[] }>(`select public.due_calendar_feeds(10) as due`)
		);
		expect(due[0].due).toEqual([]);
		await db().as(admin, (q) => q.query(`select public.delete_calendar_feed($1)`, [feedId]));
		await expect(
			db().as(admin, (q) => q.query(`select public.calendar_feed($1)`, [feedId]))
		).rejects.toMatchObject({ code: 'PT404' });
	});
});
