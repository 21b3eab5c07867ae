/**
 * A measure's status changed by the city office with a justification
 * (supabase/migrations/*_measure_status.sql): the change lands in the history with the note, who
 * and when; a change made meanwhile is refused; a measure whose planned end has passed is late.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import { createCity, createCityAdmin, createConcept, createUser } from '../support/factories';

const setStatus = (
	db: SqlQuery,
	id: string,
	status: string,
	note: string,
	expected: string | null
) =>
	db.query<{ change: Record<string, unknown> }>(
		`select public.set_measure_status($1, $2::public.measure_status, $3, $4::public.measure_status) as change`,
		[id, status, note, expected]
	);

describe.each(engines)('measure status on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const userId = await createCityAdmin(db());
		const admin: Actor = { role: 'authenticated', userId };
		const concept = await createConcept(db(), city.id, { measureCodes: ['1.1.1'] });
		return { admin, measureId: concept.measures['1.1.1'] };
	}

	it('changes the status with its justification, and the history says who, when and why', async () => {
		const { admin, measureId } = await world();
		const [first] = await db().as(admin, (q) =>
			setStatus(q, measureId, 'in_progress_start', 'Arbeitsgruppe hat begonnen', null)
		);
		expect(first.change).toMatchObject({
			from: null,
			to: 'in_progress_start',
			note: 'Arbeitsgruppe hat begonnen'
		});
		await db().as(admin, (q) =>
			setStatus(
				q,
				measureId,
				'in_progress_middle',
				'  Zwei von vier Kursen laufen\n',
				'in_progress_start'
			)
		);
		const history = await db().as(admin, (q) =>
			q.query(
				`select from_status::text, to_status::text, note, changed_by_email like '%@%' as by_someone
				 from public.measure_history($1)`,
				[measureId]
			)
		);
		expect(history).toEqual([
			{
				from_status: 'in_progress_start',
				to_status: 'in_progress_middle',
				note: 'Zwei von vier Kursen laufen',
				by_someone: true
			},
			{
				from_status: null,
				to_status: 'in_progress_start',
				note: 'Arbeitsgruppe hat begonnen',
				by_someone: true
			}
		]);
	});

	it('refuses a change without a justification, to the same status, or over a change made meanwhile', async () => {
		const { admin, measureId } = await world();
		await expect(
			db().as(admin, (q) => setStatus(q, measureId, 'implemented', ' ', null))
		).rejects.toMatchObject({
			code: '22023'
		});
		await db().as(admin, (q) => setStatus(q, measureId, 'implemented', 'läuft nach Plan', null));
		await expect(
			db().as(admin, (q) => setStatus(q, measureId, 'implemented', 'noch einmal', 'implemented'))
		).rejects.toMatchObject({ code: '22023' });
		// someone who still saw "no status" is refused, not overwriting
		await expect(
			db().as(admin, (q) => setStatus(q, measureId, 'at_risk', 'Raum fehlt', null))
		).rejects.toMatchObject({ code: 'PT409' });
		const [{ n }] = await db().query<{ n: number }>(
			`select count(*)::int as n from public.measure_status_changes where measure_id = $1`,
			[measureId]
		);
		expect(n).toBe(1);
	});

	it('is for the city’s administrators only', async () => {
		const { measureId } = await world();
		const staff: Actor = { role: 'authenticated', userId: await createUser(db()) };
		await expect(
			db().as(staff, (q) => setStatus(q, measureId, 'implemented', 'ich darf das', null))
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			db().as(staff, (q) => q.query(`select * from public.measure_history($1)`, [measureId]))
		).rejects.toMatchObject({ code: '42501' });
	});

	it('lets an observer of the concept read the history, not change the status', async () => {
		const { admin, measureId } = await world();
		await db().as(admin, (q) => setStatus(q, measureId, 'implemented', 'Kurse laufen alle', null));
		const userId = await createUser(db());
		await db().query(`insert into public.city_observers (user_id) values ($1)`, [userId]);
		const observer: Actor = { role: 'authenticated', userId };
		await expect(
			db().as(observer, (q) =>
				setStatus(q, measureId, 'in_progress_start', 'ich darf das', 'implemented')
			)
		).rejects.toMatchObject({ code: '42501' });
		const history = await db().as(observer, (q) =>
			q.query<{ note: string }>(`select note from public.measure_history($1)`, [measureId])
		);
		expect(history.map((row) => row.note)).toEqual(['Kurse laufen alle']);
	});

	it('calls a measure late when its planned end has passed and it is not implemented', async () => {
		const late = await db().query<{ late: boolean }>(
			`select public.measure_is_late(s::public.measure_status, e::date) as late
			 from (values ('in_progress_end', current_date - 1), ('implemented', current_date - 1),
			              ('in_progress_end', current_date), (null, current_date - 30), ('at_risk', null)) v (s, e)`
		);
		expect(late.map((row) => row.late)).toEqual([true, false, false, true, false]);
	});
});
