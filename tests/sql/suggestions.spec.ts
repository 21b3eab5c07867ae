/**
 * Suggestions from the public (supabase/migrations/*_suggestions.sql): visitors write only
 * through submit_suggestion() with checked lengths and read nothing; a mistake report lands in
 * the offer's organisation's queue, a new offer in the city's; the responsible staff and city
 * admins accept (a new offer becomes a draft, never public), answer or reject, once.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

const anon: Actor = { role: 'anon' };

const submit = (db: SqlQuery, args: Record<string, unknown>) => {
	const names = Object.keys(args);
	return db.query(
		`select public.submit_suggestion(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})`,
		Object.values(args)
	);
};

interface QueueRow {
	kind: string;
	state: string;
	what: string;
	place: string | null;
	contact: string | null;
	answer: string | null;
	offer_title: string | null;
	organisation_name: string | null;
	draft_offer_id: string | null;
	handled_by_email: string | null;
	id: string;
}

const queue = (db: SqlQuery, state: string | null = null) =>
	db.query<QueueRow>(`select * from public.suggestion_queue($1::public.suggestion_state)`, [state]);

describe.each(engines)('suggestions on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const office = await createOrganisation(db(), city.id, { name: 'Stadtteilbüro Nord' });
		const club = await createOrganisation(db(), city.id);
		const offer = await createOffer(db(), office.id, { title: 'Sprachcafé', state: 'published' });
		const draft = await createOffer(db(), office.id, { title: 'Geheim', state: 'draft' });
		const editorId = await createUser(db(), { email: 'nord@example.org' });
		await addMember(db(), office.id, editorId);
		const clubEditorId = await createUser(db());
		await addMember(db(), club.id, clubEditorId);
		const editor: Actor = { role: 'authenticated', userId: editorId };
		const clubEditor: Actor = { role: 'authenticated', userId: clubEditorId };
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		return { office, club, offer, draft, editor, clubEditor, admin };
	}

	it('takes a visitor’s report into the offer’s organisation’s queue, and nobody anonymous reads it', async () => {
		const { offer, editor, clubEditor, admin } = await world();
		await db().as(anon, (q) =>
			submit(q, {
				p_kind: 'mistake',
				p_locale: 'fa',
				p_offer_id: offer.id,
				p_what: '  ساعت اشتباه است\u200f  ',
				p_contact: 'x@example.org',
				// a report is about the offer: place and time are not kept
				p_place: 'Irgendwo'
			})
		);
		const [row] = await db().as(editor, (q) => queue(q));
		expect(row).toMatchObject({
			kind: 'mistake',
			state: 'new',
			what: 'ساعت اشتباه است',
			place: null,
			contact: 'x@example.org',
			offer_title: 'Sprachcafé',
			organisation_name: 'Stadtteilbüro Nord'
		});
		expect(await db().as(admin, (q) => queue(q, 'new'))).toHaveLength(1);
		expect(await db().as(clubEditor, (q) => queue(q))).toEqual([]);
		await expect(db().as(anon, (q) => queue(q))).rejects.toMatchObject({ code: '42501' });
		await expect(
			db().as(anon, (q) => q.query(`select * from public.suggestions`))
		).rejects.toMatchObject({ code: '42501' });
	});

	it('checks what a visitor sends', async () => {
		const { offer, draft } = await world();
		const refused = (args: Record<string, unknown>) =>
			expect(db().as(anon, (q) => submit(q, args))).rejects.toMatchObject({ code: '22023' });
		await refused({ p_kind: 'praise', p_locale: 'de', p_what: 'Gut so' });
		await refused({ p_kind: 'new_offer', p_locale: 'xx', p_what: 'Ein Kurs' });
		await refused({ p_kind: 'new_offer', p_locale: 'de', p_what: '  a ' });
		await refused({ p_kind: 'new_offer', p_locale: 'de', p_what: 'x'.repeat(2001) });
		await refused({
			p_kind: 'new_offer',
			p_locale: 'de',
			p_what: 'Kurs',
			p_place: 'x'.repeat(301)
		});
		await refused({
			p_kind: 'new_offer',
			p_locale: 'de',
			p_what: 'Kurs',
			p_contact: 'x'.repeat(201)
		});
		await refused({ p_kind: 'new_offer', p_locale: 'de', p_what: 'Kurs', p_offer_id: offer.id });
		// a draft cannot be reported: visitors never saw it
		await expect(
			db().as(anon, (q) =>
				submit(q, { p_kind: 'mistake', p_locale: 'de', p_offer_id: draft.id, p_what: 'Falsch' })
			)
		).rejects.toMatchObject({ code: 'PT404' });
		const [{ count }] = await db().query<{ count: number }>(
			`select count(*)::int as count from public.suggestions`
		);
		expect(count).toBe(0);
	});

	it('puts new offers in the city’s queue; a city admin accepts one as a draft that is not public', async () => {
		const { office, editor, admin } = await world();
		await db().as(anon, (q) =>
			submit(q, {
				p_kind: 'new_offer',
				p_locale: 'ar',
				p_what: 'مقهى للنساء\nكل يوم خميس',
				p_place: 'Bühl 5',
				p_time: 'Do 15 Uhr',
				p_audience: 'Frauen'
			})
		);
		// the city's queue: not the organisations'
		expect(await db().as(editor, (q) => queue(q))).toEqual([]);
		const [row] = await db().as(admin, (q) => queue(q));
		expect(row.organisation_name).toBeNull();
		// the city's queue needs an organisation for the draft
		await expect(
			db().as(admin, (q) => q.query(`select public.accept_suggestion($1)`, [row.id]))
		).rejects.toMatchObject({ code: '22023' });
		const [{ accepted }] = await db().as(admin, (q) =>
			q.query<{ accepted: { offer_id: string; draft: boolean } }>(
				`select public.accept_suggestion($1, $2, 'cultural_cafe') as accepted`,
				[row.id, office.id]
			)
		);
		expect(accepted.draft).toBe(true);
		const [offer] = await db().query<{
			state: string;
			original_locale: string;
			title: string;
			description: string;
		}>(
			`select o.state, o.original_locale, t.title, t.description from public.offers o
			 join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
			 where o.id = $1`,
			[accepted.offer_id]
		);
		expect(offer).toEqual({
			state: 'draft',
			original_locale: 'ar',
			title: 'مقهى للنساء',
			description: 'مقهى للنساء\nكل يوم خميس\n\nWo: Bühl 5\n\nWann: Do 15 Uhr\n\nFür wen: Frauen'
		});
		// visitors do not see the draft
		const seen = await db().as(anon, (q) =>
			q.query(`select public.get_offer($1, 'ar') as offer`, [accepted.offer_id])
		);
		expect(seen).toEqual([{ offer: null }]);
		const [handled] = await db().as(admin, (q) => queue(q, 'accepted'));
		expect(handled.draft_offer_id).toBe(accepted.offer_id);
		// once only
		await expect(
			db().as(admin, (q) => q.query(`select public.reject_suggestion($1)`, [row.id]))
		).rejects.toMatchObject({ code: 'PT409' });
	});

	it('lets the responsible staff accept, answer and reject reports; others not', async () => {
		const { offer, editor, clubEditor } = await world();
		for (const what of ['Falsche Zeit', 'Telefon falsch', 'Adresse alt']) {
			await db().as(anon, (q) =>
				submit(q, { p_kind: 'mistake', p_locale: 'de', p_offer_id: offer.id, p_what: what })
			);
		}
		const rows = await db().as(editor, (q) => queue(q));
		const byWhat = Object.fromEntries(rows.map((r) => [r.what, r.id]));
		await expect(
			db().as(clubEditor, (q) =>
				q.query(`select public.answer_suggestion($1, 'Danke')`, [byWhat['Falsche Zeit']])
			)
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			db().as(editor, (q) =>
				q.query(`select public.answer_suggestion($1, '  ')`, [byWhat['Falsche Zeit']])
			)
		).rejects.toMatchObject({ code: '22023' });
		await db().as(editor, (q) =>
			q.query(`select public.answer_suggestion($1, 'Danke, korrigiert.')`, [byWhat['Falsche Zeit']])
		);
		const [{ accepted }] = await db().as(editor, (q) =>
			q.query<{ accepted: { offer_id: string; draft: boolean } }>(
				`select public.accept_suggestion($1) as accepted`,
				[byWhat['Telefon falsch']]
			)
		);
		expect(accepted).toEqual({ offer_id: offer.id, draft: false });
		await db().as(editor, (q) =>
			q.query(`select public.reject_suggestion($1)`, [byWhat['Adresse alt']])
		);
		const states = Object.fromEntries(
			(await db().as(editor, (q) => queue(q))).map((r) => [
				r.what,
				[r.state, r.answer, r.handled_by_email]
			])
		);
		expect(states).toEqual({
			'Falsche Zeit': ['answered', 'Danke, korrigiert.', 'nord@example.org'],
			'Telefon falsch': ['accepted', null, 'nord@example.org'],
			'Adresse alt': ['rejected', null, 'nord@example.org']
		});
		expect(await db().as(editor, (q) => queue(q, 'new'))).toEqual([]);
		await expect(
			db().as(editor, (q) =>
				q.query(`select public.reject_suggestion('00000000-0000-4000-8000-000000000000')`)
			)
		).rejects.toMatchObject({ code: 'PT404' });
	});
});
