/**
 * The city office keeps its concept (supabase/migrations/*_measure_editing.sql): every column of
 * a measure, its indicators (measured values follow their indicator when the list is reordered,
 * and go with it when it is dropped), its themes, the measured values with date and source, and
 * which concept is current. Writes are for city admins; a change made meanwhile is refused.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import { createCity, createCityAdmin, createConcept, createUser } from '../support/factories';

interface MeasureJson {
	title: string;
	description: string | null;
	ends_on: string | null;
	updated_at: string;
	themes: string[];
	indicators: Array<{
		position: number;
		description: string;
		target_value: number | null;
		values: Array<{ measured_on: string; value: number; source: string }>;
	}>;
}

const read = async (db: SqlQuery, id: string) =>
	(await db.query<{ m: MeasureJson }>(`select public.city_measure($1) as m`, [id]))[0].m;

const update = (db: SqlQuery, id: string, measure: object, expected: string) =>
	db.query(`select public.update_measure($1, $2::jsonb, $3::timestamptz) as at`, [
		id,
		JSON.stringify(measure),
		expected
	]);

const record = (
	db: SqlQuery,
	id: string,
	position: number,
	on: string,
	value: number,
	source: string
) =>
	db.query(`select public.record_indicator_value($1, $2, $3::date, $4, $5)`, [
		id,
		position,
		on,
		value,
		source
	]);

describe.each(engines)('measure editing on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		const concept = await createConcept(db(), city.id, { slug: 'kik', measureCodes: ['1.1.1'] });
		await db().query(
			`insert into public.themes (concept_id, slug, title)
			 values ($1, 'ehrenamt', 'Ehrenamt'), ($1, 'frauen', 'Frauen')`,
			[concept.id]
		);
		const id = concept.measures['1.1.1'];
		await db().query(
			`insert into public.measure_indicators (measure_id, position, description, target_value)
			 values ($1, 1, 'Teilnehmende je Treffen', 10), ($1, 2, 'Treffen im Jahr', 40)`,
			[id]
		);
		return { city, admin, id, conceptId: concept.id };
	}

	const columns = (extra: object = {}) => ({
		title: 'Sprachcafés in allen Stadtteilen',
		description: 'Ein Sprachcafé je Stadtteil,\nbegleitet von Ehrenamtlichen.',
		target_group: 'Neuzugewanderte',
		responsible: 'Amt für Integration',
		actors: 'Stadtteilbüros',
		resources_needed: '',
		starts_on: '2025-03-01',
		ends_on: '2027-12-31',
		themes: ['ehrenamt'],
		indicators: [
			{ position: 1, description: 'Teilnehmende je Treffen', target_value: 12 },
			{ position: 2, description: 'Treffen im Jahr', target_value: 40 }
		],
		...extra
	});

	it('changes every column, the indicators and themes, and refuses a stale change', async () => {
		const { admin, id } = await world();
		const before = await read(db(), id);
		await db().as(admin, (q) => update(q, id, columns(), before.updated_at));
		const after = await read(db(), id);
		expect(after).toMatchObject({
			title: 'Sprachcafés in allen Stadtteilen',
			description: 'Ein Sprachcafé je Stadtteil,\nbegleitet von Ehrenamtlichen.',
			ends_on: '2027-12-31',
			themes: ['ehrenamt']
		});
		expect(after.indicators.map((i) => [i.position, i.target_value])).toEqual([
			[1, 12],
			[2, 40]
		]);
		// an editor who saw an older state is refused, nothing overwritten (a test runs in one
		// transaction, so the row's time is the same here: an older one stands for another request)
		await expect(
			db().as(admin, (q) => update(q, id, columns({ title: 'Alt' }), '2026-01-01T00:00:00Z'))
		).rejects.toMatchObject({ code: 'PT409' });
		expect((await read(db(), id)).title).toBe('Sprachcafés in allen Stadtteilen');
	});

	it('refuses bad columns with the column named', async () => {
		const { admin, id } = await world();
		const { updated_at } = await read(db(), id);
		for (const [bad, message] of [
			[{ title: 'x' }, /title/],
			[{ starts_on: '2027-01-01', ends_on: '2026-01-01' }, /ends_on/],
			[{ starts_on: '31.12.2026' }, /YYYY-MM-DD/],
			[{ themes: ['unbekannt'] }, /theme/],
			[{ indicators: [{ description: 'ok ok', target_value: -1 }] }, /target value/],
			[{ indicators: [{ description: 'ok ok', target_value: 'zehn' }] }, /target value/],
			[{ indicators: [{ position: 7, description: 'ok ok' }] }, /no indicator 7/]
		] as const) {
			await expect(
				db().as(admin, (q) => update(q, id, columns(bad), updated_at)),
				JSON.stringify(bad)
			).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(message) });
		}
	});

	it('moves measured values with their indicator and drops those of a dropped one', async () => {
		const { admin, id } = await world();
		await db().as(admin, async (q) => {
			await record(q, id, 1, '2026-06-30', 8, 'Teilnahmelisten');
			await record(q, id, 2, '2026-06-30', 18, 'Jahresbericht');
			// the same date again corrects the value
			await record(q, id, 1, '2026-06-30', 9, 'Teilnahmelisten, korrigiert');
		});
		const { updated_at } = await read(db(), id);
		// swap the two, then add a new third one
		await db().as(admin, (q) =>
			update(
				q,
				id,
				columns({
					indicators: [
						{ position: 2, description: 'Treffen im Jahr', target_value: 40 },
						{ position: 1, description: 'Teilnehmende je Treffen', target_value: 12 },
						{ description: 'Sprachen der Ehrenamtlichen', target_value: null }
					]
				}),
				updated_at
			)
		);
		let indicators = (await db().as(admin, (q) => read(q, id))).indicators;
		expect(indicators.map((i) => [i.description, i.values.map((v) => v.value)])).toEqual([
			['Treffen im Jahr', [18]],
			['Teilnehmende je Treffen', [9]],
			['Sprachen der Ehrenamtlichen', []]
		]);
		const now = (await read(db(), id)).updated_at;
		await db().as(admin, (q) =>
			update(
				q,
				id,
				columns({ indicators: [{ position: 2, description: 'Teilnehmende je Treffen' }] }),
				now
			)
		);
		indicators = (await db().as(admin, (q) => read(q, id))).indicators;
		expect(indicators.map((i) => [i.position, i.values.map((v) => v.source)])).toEqual([
			[1, ['Teilnahmelisten, korrigiert']]
		]);
	});

	it('refuses measured values without a source, from the future or for no indicator', async () => {
		const { admin, id } = await world();
		for (const [position, on, value, source, message] of [
			[1, '2026-01-01', 3, ' ', /source/],
			[1, '2999-01-01', 3, 'Liste', /future/],
			[1, '2026-01-01', -3, 'Liste', /at least 0/],
			[3, '2026-01-01', 3, 'Liste', /no indicator 3/]
		] as const) {
			await expect(
				db().as(admin, (q) => record(q, id, position, on, value, source))
			).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(message) });
		}
	});

	it('lets only city admins write, and shows measured values to the city office only', async () => {
		const { admin, id } = await world();
		await db().as(admin, (q) => record(q, id, 1, '2026-05-01', 7, 'Teilnahmelisten'));
		const staff: Actor = { role: 'authenticated', userId: await createUser(db()) };
		const { updated_at } = await read(db(), id);
		await expect(db().as(staff, (q) => update(q, id, columns(), updated_at))).rejects.toMatchObject(
			{ code: '42501' }
		);
		await expect(
			db().as(staff, (q) => record(q, id, 1, '2026-05-02', 7, 'Liste'))
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			db().as(staff, (q) => q.query(`select public.set_current_concept('kik')`))
		).rejects.toMatchObject({ code: '42501' });
		const seen = await db().as(staff, (q) => read(q, id));
		expect(seen.indicators[0].values).toEqual([]);
	});

	it('makes another concept the current one, one per city', async () => {
		const { admin, city } = await world();
		await createConcept(db(), city.id, { slug: 'neu', isCurrent: false });
		await db().as(admin, (q) => q.query(`select public.set_current_concept('neu')`));
		const rows = await db().query<{ slug: string; is_current: boolean }>(
			`select slug, is_current from public.concepts where city_id = $1 order by slug`,
			[city.id]
		);
		expect(rows).toEqual([
			{ slug: 'kik', is_current: false },
			{ slug: 'neu', is_current: true }
		]);
		await expect(
			db().as(admin, (q) => q.query(`select public.set_current_concept('gibt-es-nicht')`))
		).rejects.toMatchObject({ code: 'PT404' });
	});
});
