/**
 * The public implementation status (supabase/migrations/*_public_concept_status.sql): the current
 * concept's fields of action with their lights, and one field's goals and measures with the
 * published offers implementing each, read by anonymous visitors. Nothing private shows: no
 * justification of a status change, no person.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type SqlQuery } from '../support/sql-engines';
import { createCity, createConcept, createOffer, createOrganisation } from '../support/factories';

const anon = { role: 'anon' } as const;

const overview = (db: SqlQuery) =>
	db.query<{ o: unknown }>(`select public.public_concept_fields() as o`).then(([row]) => row.o);
const field = (db: SqlQuery, code: string, locale = 'de') =>
	db
		.query<{ f: unknown }>(`select public.public_concept_field($1, $2) as f`, [code, locale])
		.then(([row]) => row.f);

describe.each(engines)('public concept status on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const concept = await createConcept(db(), city.id, {
			slug: 'kik',
			measureCodes: ['1.1.1', '1.1.2', '1.1.3']
		});
		const q = db();
		// a second goal of field 1 and a second field with one measure and no status
		const [goal] = await q.query<{ id: string; field: string }>(
			`insert into public.goals (field_of_action_id, position, code, title, is_placeholder)
			 select g.field_of_action_id, 2, '1.2', 'Ziel 1.2', true from public.goals g where g.code = '1.1'
			 returning id::text`
		);
		await q.query(
			`insert into public.measures (goal_id, position, code, title, status, ends_on)
			 values ($1, 1, '1.2.1', 'Sprachcafés', 'in_progress_middle', current_date - 1)`,
			[goal.id]
		);
		await q.query(
			`with f as (insert into public.fields_of_action (concept_id, position, code, title)
			            values ($1, 2, '2', 'Arbeit und Ausbildung') returning id),
			      g as (insert into public.goals (field_of_action_id, position, code, title)
			            select id, 1, '2.1', 'Arbeit finden' from f returning id)
			 insert into public.measures (goal_id, position, code, title) select id, 1, '2.1.1', 'Jobbörse' from g`,
			[concept.id]
		);
		await q.query(
			`update public.measures set status = 'implemented', ends_on = current_date - 30 where code = '1.1.1';
			 `
		);
		await q.query(`update public.measures set status = 'scheduled' where code = '1.1.2'`);
		// a later status change (as the history has it) decides the measure's last change
		await q.query(
			`insert into public.measure_status_changes (measure_id, from_status, to_status, note, changed_at)
			 values ($1, 'scheduled', 'scheduled', 'Interne Begründung', '2030-01-02T10:00:00Z')`,
			[concept.measures['1.1.2']]
		);
		const org = await createOrganisation(db(), city.id);
		const course = await createOffer(db(), org.id, {
			title: 'Deutschkurs am Abend',
			measureIds: [concept.measures['1.1.1'], concept.measures['1.1.2']]
		});
		await q.query(
			`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
			 values ($1, 'ar', 'دورة ألمانية مسائية', 'human', true)`,
			[course.id]
		);
		const cafe = await createOffer(db(), org.id, {
			title: 'Ali ist da',
			measureIds: [concept.measures['1.1.1']]
		});
		await createOffer(db(), org.id, {
			title: 'Entwurf',
			state: 'draft',
			measureIds: [concept.measures['1.1.3']]
		});
		// an older concept is not shown
		await createConcept(db(), city.id, { slug: 'alt', isCurrent: false });
		return { course, cafe };
	}

	it('lists the fields of action with their lights, late measures, offers and last change', async () => {
		await world();
		const result = (await db().as(anon, overview)) as {
			concept: Record<string, unknown>;
			fields: Array<Record<string, unknown>>;
		};
		expect(result.concept).toMatchObject({
			slug: 'kik',
			level_names: { field: 'Handlungsfeld', goal: 'Ziel', measure: 'Maßnahme' }
		});
		expect(result.fields.map((f) => f.code)).toEqual(['1', '2']);
		expect(result.fields[0]).toMatchObject({
			title: 'Sprache und Bildung',
			goals: 2,
			measures: 4,
			lights: { green: 1, yellow: 1, red: 0, grey: 1, none: 1 },
			late: 1, // 1.2.1 is past its end; 1.1.1 too, but it is implemented
			offers: 2 // the draft does not count, the course once
		});
		expect(Date.parse(result.fields[0].last_changed_at as string)).toBe(
			Date.parse('2030-01-02T10:00:00Z')
		);
		expect(result.fields[1]).toMatchObject({
			measures: 1,
			lights: { green: 0, yellow: 0, red: 0, grey: 0, none: 1 },
			late: 0,
			offers: 0
		});
	});

	it('gives one field: goals, measures with light, late flag, last change and published offers', async () => {
		const { course, cafe } = await world();
		type Field = {
			field: { code: string; title: string };
			goals: Array<{
				code: string;
				is_placeholder: boolean;
				measures: Array<{
					code: string;
					status: string | null;
					light: string | null;
					is_late: boolean;
					last_changed_at: string;
					offers: Array<{ id: string; title: string; text_locale: string }>;
				}>;
			}>;
		};
		const ar = (await db().as(anon, (q) => field(q, '1', 'ar'))) as Field;
		expect(ar.field).toMatchObject({ code: '1', title: 'Sprache und Bildung' });
		expect(ar.goals.map((g) => [g.code, g.is_placeholder])).toEqual([
			['1.1', false],
			['1.2', true]
		]);
		const [m1, m2, m3] = ar.goals[0].measures;
		expect(m1).toMatchObject({ code: '1.1.1', status: 'implemented', light: 'green' });
		expect(m1.is_late).toBe(false);
		// titles in the reader's language where there is one (first), else the fallback, with its locale
		expect(m1.offers).toEqual([
			{ id: course.id, title: 'دورة ألمانية مسائية', text_locale: 'ar' },
			{ id: cafe.id, title: 'Ali ist da', text_locale: 'de' }
		]);
		expect(Date.parse(m2.last_changed_at)).toBe(Date.parse('2030-01-02T10:00:00Z'));
		expect(m2).toMatchObject({ light: 'grey', offers: [{ id: course.id }] });
		expect(m3).toMatchObject({ code: '1.1.3', status: null, light: null, offers: [] });
		expect(ar.goals[1].measures[0]).toMatchObject({
			code: '1.2.1',
			light: 'yellow',
			is_late: true
		});

		const de = (await db().as(anon, (q) => field(q, '1', 'de'))) as Field;
		expect(de.goals[0].measures[0].offers.map((o) => o.title)).toEqual([
			'Ali ist da',
			'Deutschkurs am Abend'
		]);
		// public data only: the justification and who changed it stay with the city office
		expect(JSON.stringify(de)).not.toMatch(/Interne Begründung|note|changed_by/);

		expect(await db().as(anon, (q) => field(q, '9'))).toBeNull();
	});

	it('answers null when the city has no current concept', async () => {
		const city = await createCity(db());
		await createConcept(db(), city.id, { isCurrent: false });
		expect(await db().as(anon, overview)).toBeNull();
		expect(await db().as(anon, (q) => field(q, '1'))).toBeNull();
	});
});
