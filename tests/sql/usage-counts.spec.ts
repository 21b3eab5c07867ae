/**
 * Usage counts (supabase/migrations/*_usage_counts.sql): record_usage() adds the server's counts
 * per day, route kind and locale, all or nothing, and only the server (service_role) may call
 * it; city_usage() gives city admins and observers a month by locale and route kind, and the
 * months that have counts; other staff see none.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import { createCityAdmin, createUser } from '../support/factories';

const server: Actor = { role: 'service_role' };

interface Month {
	month: string;
	months: string[];
	counts: { locale: string; route_kind: string; count: number }[];
}

const record = (db: SqlQuery, counts: unknown[]) =>
	db.query(`select public.record_usage($1::jsonb)`, [JSON.stringify(counts)]);
const month = async (db: SqlQuery, first: string | null) =>
	(await db.query<{ m: Month }>(`select public.city_usage($1::date) as m`, [first]))[0]!.m;

describe.each(engines)('usage counts on $name', (engine) => {
	const db = useSession(engine);

	it('adds counts per day, kind and locale and shows a month to the city office', async () => {
		await db().as(server, (q) =>
			record(q, [
				{ day: '2026-11-30', route_kind: 'offer', locale: 'ar', count: 2 },
				{ day: '2026-12-01', route_kind: 'offer', locale: 'ar', count: 3 },
				{ day: '2026-12-01', route_kind: 'offer', locale: 'ar', count: 1 },
				{ day: '2026-12-02', route_kind: 'start', locale: 'de', count: 5 },
				{ day: '2026-12-02', route_kind: 'api', locale: 'none', count: 0 }
			])
		);
		// a later flush adds to the same rows
		await db().as(server, (q) =>
			record(q, [{ day: '2026-12-31', route_kind: 'offer', locale: 'ar', count: 4 }])
		);
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		const observerId = await createUser(db());
		await db().query(`insert into public.city_observers (user_id) values ($1)`, [observerId]);
		const observer: Actor = { role: 'authenticated', userId: observerId };

		for (const reader of [admin, observer]) {
			const december = await db().as(reader, (q) => month(q, '2026-12-15'));
			expect(december).toEqual({
				month: '2026-12-01',
				months: ['2026-12-01', '2026-11-01'],
				counts: [
					{ locale: 'ar', route_kind: 'offer', count: 8 },
					{ locale: 'de', route_kind: 'start', count: 5 }
				]
			});
		}
		const november = await db().as(admin, (q) => month(q, '2026-11-01'));
		expect(november.counts).toEqual([{ locale: 'ar', route_kind: 'offer', count: 2 }]);
		const empty = await db().as(admin, (q) => month(q, '2025-01-01'));
		expect(empty).toMatchObject({ month: '2025-01-01', counts: [] });

		// other staff see nothing
		const editor: Actor = { role: 'authenticated', userId: await createUser(db()) };
		expect(await db().as(editor, (q) => month(q, '2026-12-01'))).toEqual({
			month: '2026-12-01',
			months: [],
			counts: []
		});
	});

	it('refuses an unknown kind or locale whole, and every caller but the server', async () => {
		await expect(
			db().as(server, (q) =>
				record(q, [
					{ day: '2026-12-01', route_kind: 'offer', locale: 'de', count: 1 },
					{ day: '2026-12-01', route_kind: 'profile', locale: 'de', count: 1 }
				])
			)
		).rejects.toMatchObject({ code: '23514' });
		await expect(
			db().as(server, (q) =>
				record(q, [{ day: '2026-12-01', route_kind: 'offer', locale: 'xx', count: 1 }])
			)
		).rejects.toMatchObject({ code: '23514' });
		const rows = await db().query(`select * from public.usage_counts`);
		expect(rows).toEqual([]);

		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		const one = [{ day: '2026-12-01', route_kind: 'offer', locale: 'de', count: 1000 }];
		for (const caller of [{ role: 'anon' } as Actor, admin]) {
			await expect(db().as(caller, (q) => record(q, one))).rejects.toMatchObject({
				code: '42501'
			});
		}
		await expect(db().as({ role: 'anon' }, (q) => month(q, null))).rejects.toMatchObject({
			code: '42501'
		});
	});
});
