/**
 * A calendar feed changed after registering it (supabase/migrations/*_calendar_import.sql: its
 * name, URL and choices; another URL forgets the validators of the old one), and the source an
 * imported offer shows visitors (*_calendar_source_public.sql): get_offer's calendar_source, the
 * day its feed was last read, kept by a trigger on the runs and moving data_version() once a day.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

interface Feed {
	name: string;
	url: string | null;
	publish_mode: string;
	on_removal: string;
	etag: string | null;
	last_modified: string | null;
}

const nextTransaction = (db: SqlQuery) =>
	db.query(`select set_config('portal.data_change_counted', '', true)`);
const version = async (db: SqlQuery) =>
	Number((await db.query<{ v: number }>('select public.data_version() as v'))[0].v);

describe.each(engines)('calendar feed changes and an offer’s source on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const organisation = await createOrganisation(db(), city.id);
		const editorId = await createUser(db());
		await addMember(db(), organisation.id, editorId);
		const editor: Actor = { role: 'authenticated', userId: editorId };
		const [{ id: feedId }] = await db().as(editor, (q) =>
			q.query<{ id: string }>(`select public.save_calendar_feed($1::jsonb) as id`, [
				JSON.stringify({
					organisation_id: organisation.id,
					name: 'Unser Kalender',
					url: 'https://calendar.example.org/feed.ics',
					category: 'event'
				})
			])
		);
		return { organisation, editor, feedId };
	}

	const feedOf = async (editor: Actor, feedId: string) =>
		(
			await db().as(editor, (q) =>
				q.query<{ feed: Feed }>(`select public.calendar_feed($1, 1) as feed`, [feedId])
			)
		)[0].feed;
	const save = (editor: Actor, feed: Record<string, unknown>) =>
		db().as(editor, (q) => q.query(`select public.save_calendar_feed($1::jsonb)`, [feed]));
	const sourceOf = async (offerId: string) =>
		(
			await db().as({ role: 'anon' }, (q) =>
				q.query<{ offer: { calendar_source: { fetched_on: string } | null } | null }>(
					`select public.get_offer($1, 'ar') as offer`,
					[offerId]
				)
			)
		)[0].offer?.calendar_source;
	const run = (feedId: string, ranAt: string, outcome = 'not_modified') =>
		db().query(
			`insert into public.calendar_runs (feed_id, organisation_id, ran_at, trigger, outcome, error)
			 select id, organisation_id, $2, 'schedule', $3, case when $3 = 'failed' then 'timeout' end
			 from public.calendar_feeds where id = $1`,
			[feedId, ranAt, outcome]
		);

	it('changes a feed’s name, URL and choices; another URL forgets the old one’s validators', async () => {
		const { editor, feedId } = await world();
		await db().query(
			`update public.calendar_feeds set etag = '"v1"', last_modified = 'Tue, 01 Dec 2026 06:00:00 GMT' where id = $1`,
			[feedId]
		);
		await save(editor, {
			id: feedId,
			name: '  Programm  ',
			url: 'https://calendar.example.org/feed.ics',
			publish_mode: 'published',
			on_removal: 'delete'
		});
		expect(await feedOf(editor, feedId)).toMatchObject({
			name: 'Programm',
			url: 'https://calendar.example.org/feed.ics',
			publish_mode: 'published',
			on_removal: 'delete',
			etag: '"v1"',
			last_modified: 'Tue, 01 Dec 2026 06:00:00 GMT'
		});
		await save(editor, { id: feedId, url: 'https://other.example.org/programm.ics' });
		expect(await feedOf(editor, feedId)).toMatchObject({
			name: 'Programm',
			url: 'https://other.example.org/programm.ics',
			etag: null,
			last_modified: null
		});
		// not a web address: refused, the feed as it was
		await expect(save(editor, { id: feedId, url: 'ftp://x y' })).rejects.toMatchObject({
			code: '23514'
		});
		expect((await feedOf(editor, feedId)).url).toBe('https://other.example.org/programm.ics');
		const stranger: Actor = { role: 'authenticated', userId: await createUser(db()) };
		await expect(save(stranger, { id: feedId, name: 'Fremd' })).rejects.toMatchObject({
			code: '42501'
		});
	});

	it('shows visitors the day the offer’s feed was last read, until it is detached', async () => {
		const { organisation, editor, feedId } = await world();
		const offer = await createOffer(db(), organisation.id);
		const other = await createOffer(db(), organisation.id);
		await db().query(
			`insert into public.calendar_offers (offer_id, feed_id, uid, content_hash) values ($1, $2, 'a', 'h')`,
			[offer.id, feedId]
		);
		// registered, never read: no source line yet
		expect(await sourceOf(offer.id)).toBeNull();
		await run(feedId, '2027-01-01T10:00:00Z', 'failed');
		expect(await sourceOf(offer.id)).toBeNull();

		// read late on 1 January UTC: 2 January in the city (Europe/Berlin)
		await nextTransaction(db());
		let before = await version(db());
		await run(feedId, '2027-01-01T23:30:00Z');
		expect(await sourceOf(offer.id)).toEqual({ fetched_on: '2027-01-02' });
		expect(await version(db())).toBe(before + 1);
		// read again the same day, or failed: the page and the caches stay
		await nextTransaction(db());
		before = await version(db());
		await run(feedId, '2027-01-02T15:00:00Z', 'applied');
		await run(feedId, '2027-01-03T15:00:00Z', 'failed');
		expect(await sourceOf(offer.id)).toEqual({ fetched_on: '2027-01-02' });
		expect(await version(db())).toBe(before);
		expect(await sourceOf(other.id)).toBeNull();

		// detached: taken over by hand, no longer "from the calendar"
		await nextTransaction(db());
		before = await version(db());
		await db().as(editor, (q) => q.query(`select public.detach_calendar_offer($1)`, [offer.id]));
		expect(await sourceOf(offer.id)).toBeNull();
		expect(await version(db())).toBe(before + 1);
		// staff and visitors read everything else of the offer as before
		const [{ keys }] = await db().as({ role: 'anon' }, (q) =>
			q.query<{ keys: string[] }>(
				`select array(select jsonb_object_keys(public.get_offer($1, 'de')) order by 1) as keys`,
				[offer.id]
			)
		);
		expect(keys).toContain('calendar_source');
		expect(keys).toHaveLength(39);
	});
});
