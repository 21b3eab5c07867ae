/**
 * `offer_schedules()` of supabase/migrations/*_week.sql: the address, last change and schedules
 * (with ids) of many offers at once, for "this week" and the calendar feeds. Published offers
 * only, whoever asks; at most 1000 ids a call.
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

const anon: Actor = { role: 'anon' };

interface Row {
	offer_id: string;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	updated_at: string;
	schedules: {
		id: string;
		starts_at: string;
		duration_minutes: number;
		rrule: string | null;
		exdates: string[];
		timezone: string;
	}[];
}

const offerSchedules = (db: SqlQuery, ids: string[]) =>
	db.query<Row>(
		`select offer_id::text, street, postal_code, locality, updated_at::text, schedules
		 from public.offer_schedules($1::uuid[])`,
		[ids]
	);

async function addSchedule(db: SqlQuery, offerId: string, startsAt: string, rrule: string | null) {
	const [row] = await db.query<{ id: string }>(
		`insert into public.schedules (offer_id, starts_at, duration_minutes, rrule, exdates)
		 values ($1, $2::timestamptz, 90, $3, case when $3::text is null then '{}'::timestamptz[]
		         else array[$2::timestamptz + interval '7 days'] end)
		 returning id::text`,
		[offerId, startsAt, rrule]
	);
	return row.id;
}

describe.each(engines)('$name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const org = await createOrganisation(db(), city.id);
		const weekly = await createOffer(db(), org.id, { title: 'Sprachcafé' });
		await db().query(
			`update public.offers set street = 'Bahnhofstraße 1', postal_code = '87435',
			 locality = 'Kempten (Allgäu)' where id = $1`,
			[weekly.id]
		);
		const later = await addSchedule(db(), weekly.id, '2026-12-03 18:00+01', null);
		const first = await addSchedule(db(), weekly.id, '2026-12-01 10:00+01', 'FREQ=WEEKLY;BYDAY=TU');
		const none = await createOffer(db(), org.id, { title: 'Ohne Termine' });
		const draft = await createOffer(db(), org.id, { title: 'Entwurf', state: 'draft' });
		await addSchedule(db(), draft.id, '2026-12-01 10:00+01', null);
		return { org, weekly, none, draft, schedules: { first, later } };
	}

	it('gives each published offer asked for with its address and schedules, ids included', async () => {
		const { weekly, none, draft, schedules } = await world();
		const unknown = '00000000-0000-4000-8000-000000000000';
		const rows = await db().as(anon, (q) =>
			offerSchedules(q, [weekly.id, none.id, draft.id, unknown, weekly.id])
		);
		expect(rows.map((row) => row.offer_id).sort()).toEqual([weekly.id, none.id].sort());

		const row = rows.find((r) => r.offer_id === weekly.id)!;
		expect(row).toMatchObject({
			street: 'Bahnhofstraße 1',
			postal_code: '87435',
			locality: 'Kempten (Allgäu)'
		});
		expect(row.updated_at).toBeTruthy();
		// in order of their first date
		expect(row.schedules.map((s) => s.id)).toEqual([schedules.first, schedules.later]);
		expect(row.schedules[0]).toMatchObject({
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			duration_minutes: 90,
			timezone: 'Europe/Berlin'
		});
		expect(new Date(row.schedules[0].starts_at).toISOString()).toBe('2026-12-01T09:00:00.000Z');
		expect(row.schedules[0].exdates.map((d) => new Date(d).toISOString())).toEqual([
			'2026-12-08T09:00:00.000Z'
		]);
		expect(rows.find((r) => r.offer_id === none.id)!.schedules).toEqual([]);
	});

	it("leaves out drafts also for the draft's own staff", async () => {
		const { org, weekly, draft } = await world();
		const userId = await createUser(db());
		await addMember(db(), org.id, userId);
		const rows = await db().as({ role: 'authenticated', userId }, (q) =>
			offerSchedules(q, [weekly.id, draft.id])
		);
		expect(rows.map((row) => row.offer_id)).toEqual([weekly.id]);
	});

	it('answers nothing for no ids and reads at most 1000 ids', async () => {
		const { weekly } = await world();
		expect(await db().as(anon, (q) => offerSchedules(q, []))).toEqual([]);
		const filler = Array.from(
			{ length: 1000 },
			(_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
		);
		expect(await db().as(anon, (q) => offerSchedules(q, [...filler, weekly.id]))).toEqual([]);
		const found = await db().as(anon, (q) => offerSchedules(q, [weekly.id, ...filler]));
		expect(found.map((row) => row.offer_id)).toEqual([weekly.id]);
	});
});
