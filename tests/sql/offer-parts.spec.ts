/**
 * The parts of an offer that save_offer saves with it (supabase/migrations/
 * 20261203090000_offer_parts.sql): schedules with their exceptions (a date cancelled with a
 * note, or moved), links to measures, and a minor edit that keeps translations current. All in
 * the one transaction of the save, on every engine, with the caller's rights.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlSession } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createConcept,
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
			.query<{ offer: Record<string, unknown> }>('select public.get_offer_for_edit($1) as offer', [
				id
			])
			.then(([row]) => row.offer)
	);

const publicOffer = (db: SqlSession, id: string) =>
	db.as(anon, (q) =>
		q
			.query<{ offer: Record<string, unknown> | null }>('select public.get_offer($1) as offer', [
				id
			])
			.then(([row]) => row.offer)
	);

const errorOf = (promise: Promise<unknown>) =>
	promise.then(
		() => ({ code: 'none' }),
		(error: { code?: string }) => ({ code: error.code })
	);

const TUESDAYS = 'FREQ=WEEKLY;BYDAY=TU';
const weekly = (more: Record<string, unknown> = {}) => ({
	starts_at: '2026-12-01T17:00:00Z',
	duration_minutes: 90,
	rrule: TUESDAYS,
	exceptions: [
		{ occurs_at: '2026-12-08T17:00:00Z', moved_to: null, note: 'Feiertag: kein Café' },
		{ occurs_at: '2026-12-15T17:00:00Z', moved_to: '2026-12-16T17:00:00Z', note: null }
	],
	...more
});

async function buildWorld(db: SqlSession) {
	const city = await createCity(db);
	const otherCity = await createCity(db, { slug: 'othercity' });
	const concept = await createConcept(db, city.id, { measureCodes: ['1.1.1', '1.1.2'] });
	const foreign = await createConcept(db, otherCity.id, { measureCodes: ['9.9.9'] });
	const org = await createOrganisation(db, city.id, { name: 'Stadtteilbüro Sankt Mang' });
	const otherOrg = await createOrganisation(db, city.id, { name: 'vhs' });
	const editor = await createUser(db);
	const stranger = await createUser(db);
	await addMember(db, org.id, editor);
	await addMember(db, otherOrg.id, stranger);
	const otherOffer = await createOffer(db, otherOrg.id);
	const [otherSchedule] = await db.query<{ id: string }>(
		`insert into public.schedules (offer_id, starts_at) values ($1, now()) returning id::text`,
		[otherOffer.id]
	);
	return {
		org,
		editor: user(editor),
		stranger: user(stranger),
		measures: concept.measures,
		foreignMeasure: foreign.measures['9.9.9'],
		otherScheduleId: otherSchedule.id
	};
}

const base = (organisationId: string) => ({
	organisation_id: organisationId,
	category: 'cultural_cafe',
	title: 'Sprachcafé am Dienstag',
	languages: ['de', 'ar'],
	target_groups: ['everyone']
});

for (const engine of engines) {
	describe(`${engine.name}: the parts of an offer`, () => {
		const db = useSession(engine);

		it('saves a weekly rule with a cancelled and a moved date, and measures, with a new offer', async () => {
			const w = await buildWorld(db());
			const saved = await save(db(), w.editor, {
				...base(w.org.id),
				schedules: [
					weekly(),
					{ starts_at: '2027-01-20T09:00:00Z', duration_minutes: 60, rrule: null }
				],
				measure_ids: [w.measures['1.1.2']]
			});
			expect(saved.version).toBe(1);
			const offer = await forEdit(db(), w.editor, saved.id);
			expect(offer.measure_ids).toEqual([w.measures['1.1.2']]);
			const schedules = offer.schedules as Record<string, unknown>[];
			expect(schedules).toHaveLength(2);
			expect(schedules[0]).toMatchObject({ duration_minutes: 90, rrule: TUESDAYS });
			// the exceptions' dates leave the rule's expansion as exdates
			expect((schedules[0].exdates as string[]).map((d) => new Date(d).toISOString())).toEqual([
				'2026-12-08T17:00:00.000Z',
				'2026-12-15T17:00:00.000Z'
			]);
			const exceptions = schedules[0].exceptions as Record<string, string | null>[];
			expect(
				exceptions.map((e) => [
					new Date(e.occurs_at!).toISOString(),
					e.moved_to && new Date(e.moved_to).toISOString(),
					e.note
				])
			).toEqual([
				['2026-12-08T17:00:00.000Z', null, 'Feiertag: kein Café'],
				['2026-12-15T17:00:00.000Z', '2026-12-16T17:00:00.000Z', null]
			]);
			expect(schedules[1]).toMatchObject({ rrule: null, exceptions: [] });
		});

		it('shows the exceptions to visitors once the offer is published, not before', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editor, { ...base(w.org.id), schedules: [weekly()] });
			expect(await publicOffer(db(), id)).toBeNull();
			await db().query(`update public.offers set state = 'published' where id = $1`, [id]);
			const offer = await publicOffer(db(), id);
			const [schedule] = offer!.schedules as { exceptions: { note: string | null }[] }[];
			expect(schedule.exceptions.map((e) => e.note)).toEqual(['Feiertag: kein Café', null]);
			const rows = await db().as(anon, (q) =>
				q.query<{ schedules: { exceptions: unknown[] }[] }>(
					'select schedules from public.offer_schedules($1)',
					[[id]]
				)
			);
			expect(rows[0].schedules[0].exceptions).toHaveLength(2);
		});

		it('counts a change of schedules or measures as a change, and an unchanged save as none', async () => {
			const w = await buildWorld(db());
			const created = await save(db(), w.editor, { ...base(w.org.id), schedules: [weekly()] });
			const read = await forEdit(db(), w.editor, created.id);
			const [schedule] = read.schedules as { id: string }[];
			const same = await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: 1,
				schedules: [weekly({ id: schedule.id })]
			});
			expect(same.version).toBe(1);
			const noted = await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: 1,
				schedules: [weekly({ id: schedule.id, exceptions: [] })]
			});
			expect(noted.version).toBe(2);
			const linked = await save(db(), w.editor, {
				...base(w.org.id),
				id: created.id,
				version: 2,
				measure_ids: [w.measures['1.1.1']]
			});
			expect(linked.version).toBe(3);
			// the other editor's old version is refused, whatever part changed
			const stale = await errorOf(
				save(db(), w.editor, {
					...base(w.org.id),
					id: created.id,
					version: 2,
					measure_ids: []
				})
			);
			expect(stale.code).toBe('PT409');
			const [{ count }] = await db().query<{ count: number }>(
				`select count(*)::int as count from public.schedule_exceptions where offer_id = $1`,
				[created.id]
			);
			expect(count).toBe(0);
		});

		it('keeps a schedule named {id, keep} exactly and removes the ones not named', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editor, { ...base(w.org.id) });
			const [imported] = await db().query<{ id: string }>(
				`insert into public.schedules (offer_id, starts_at, rrule, exdates)
				 values ($1, '2026-12-04 18:00+01', 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', '{2027-01-29 18:00+01}')
				 returning id::text`,
				[id]
			);
			await db().query(
				`insert into public.schedules (offer_id, starts_at) values ($1, '2027-03-01 10:00+01')`,
				[id]
			);
			const saved = await save(db(), w.editor, {
				...base(w.org.id),
				id,
				version: 1,
				schedules: [{ id: imported.id, keep: true }]
			});
			expect(saved.version).toBe(2);
			const rows = await db().query<{ id: string; rrule: string; exdates: string[] }>(
				`select id::text, rrule, exdates::text[] as exdates from public.schedules where offer_id = $1`,
				[id]
			);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				id: imported.id,
				rrule: 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1'
			});
			expect(rows[0].exdates).toHaveLength(1);
		});

		it('refuses malformed parts, other offers’ schedules and other cities’ measures, writing nothing', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editor, { ...base(w.org.id), schedules: [weekly()] });
			const attempt = (more: Record<string, unknown>) =>
				errorOf(save(db(), w.editor, { ...base(w.org.id), id, version: 1, title: 'Neu', ...more }));
			expect((await attempt({ schedules: {} })).code).toBe('22023');
			expect((await attempt({ schedules: [{ starts_at: '2027-01-01T10:00:00Z' }] })).code).toBe(
				'22023'
			);
			expect((await attempt({ schedules: [weekly({ colour: 'red' })] })).code).toBe('22023');
			expect((await attempt({ schedules: [{ id: w.otherScheduleId, keep: true }] })).code).toBe(
				'22023'
			);
			expect((await attempt({ schedules: [weekly({ rrule: 'FREQ=HOURLY' })] })).code).toBe('23514');
			expect((await attempt({ schedules: [weekly({ duration_minutes: 0 })] })).code).toBe('23514');
			expect(
				(
					await attempt({
						schedules: [
							weekly({
								exceptions: [
									{ occurs_at: '2026-12-08T17:00:00Z' },
									{ occurs_at: '2026-12-08T18:00:00+01:00' }
								]
							})
						]
					})
				).code
			).toBe('22023');
			expect((await attempt({ measure_ids: [w.foreignMeasure] })).code).toBe('22023');
			expect((await attempt({ measure_ids: ['not an id'] })).code).toBe('22P02');
			// nothing of the refused saves stayed: title, schedules and links as before
			const offer = await forEdit(db(), w.editor, id);
			expect(offer).toMatchObject({ version: 1, title: 'Sprachcafé am Dienstag', measure_ids: [] });
			expect((offer.schedules as { exceptions: unknown[] }[])[0].exceptions).toHaveLength(2);
		});

		it('does not let another organisation’s staff change the parts', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editor, { ...base(w.org.id), schedules: [weekly()] });
			const attempt = await errorOf(
				save(db(), w.stranger, { ...base(w.org.id), id, version: 1, schedules: [] })
			);
			expect(attempt.code).toBe('42501');
			const [{ count }] = await db().query<{ count: number }>(
				`select count(*)::int as count from public.schedules where offer_id = $1`,
				[id]
			);
			expect(count).toBe(1);
		});

		it('keeps translations current after a minor edit, and outdated after any other', async () => {
			const w = await buildWorld(db());
			const { id } = await save(db(), w.editor, { ...base(w.org.id) });
			await db().query(
				`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
				 values ($1, 'ar', 'مقهى اللغة', 'human', true)`,
				[id]
			);
			// the test is one transaction, where now() stands still: each step moves the texts an
			// hour into the past (without the trigger that would set updated_at to now())
			const anHourAgo = async () => {
				await db().query(`set local session_replication_role = replica`);
				await db().query(
					`update public.offer_translations set updated_at = updated_at - interval '1 hour'
					 where offer_id = $1`,
					[id]
				);
				await db().query(`set local session_replication_role = origin`);
			};
			await anHourAgo();
			const outdated = async () => {
				const [row] = await db().as(w.editor, (q) =>
					q.query<{ translations: { locale: string; outdated: boolean }[] }>(
						'select translations from public.staff_offer($1)',
						[id]
					)
				);
				return row.translations.find((t) => t.locale === 'ar')!.outdated;
			};
			expect(await outdated()).toBe(false);
			await save(db(), w.editor, {
				...base(w.org.id),
				id,
				version: 1,
				title: 'Sprachcafé am Dienstag!',
				minor_edit: true
			});
			expect(await outdated()).toBe(false);
			await anHourAgo();
			await save(db(), w.editor, {
				...base(w.org.id),
				id,
				version: 2,
				title: 'Sprachcafé am Dienstagabend'
			});
			expect(await outdated()).toBe(true);
		});
	});
}
