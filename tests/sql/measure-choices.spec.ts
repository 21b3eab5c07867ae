/**
 * The offer editor's measure picker (supabase/migrations/20261203113000_measure_choices.sql):
 * measure_choices() gives the current concept's measures in the concept's order, and with an
 * offer also the measures of an earlier concept that offer is linked to. On every engine.
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

interface Choice {
	code: string;
	title: string;
	goal_code: string;
	field_title: string;
	is_current: boolean;
}

const choices = (db: SqlSession, actor: Actor, offerId?: string) =>
	db.as(actor, (q) =>
		q.query<Choice>(
			offerId === undefined
				? 'select code, title, goal_code, field_title, is_current from public.measure_choices()'
				: 'select code, title, goal_code, field_title, is_current from public.measure_choices($1)',
			offerId === undefined ? [] : [offerId]
		)
	);

for (const engine of engines) {
	describe(`${engine.name}: measure_choices`, () => {
		const db = useSession(engine);

		it('lists the current concept in order, and an earlier one only where the offer links to it', async () => {
			const city = await createCity(db());
			const old = await createConcept(db(), city.id, { isCurrent: false, measureCodes: ['9.1.1'] });
			await createConcept(db(), city.id, { measureCodes: ['1.1.2', '1.1.10'] });
			const organisation = await createOrganisation(db(), city.id);
			const editorId = await createUser(db());
			await addMember(db(), organisation.id, editorId);
			const editor: Actor = { role: 'authenticated', userId: editorId };
			const offer = await createOffer(db(), organisation.id);
			await db().query('insert into public.offer_measures (offer_id, measure_id) values ($1, $2)', [
				offer.id,
				old.measures['9.1.1']
			]);

			expect(await choices(db(), editor)).toEqual([
				{
					code: '1.1.2',
					title: 'Maßnahme 1.1.2',
					goal_code: '1.1',
					field_title: 'Sprache und Bildung',
					is_current: true
				},
				expect.objectContaining({ code: '1.1.10', is_current: true })
			]);
			expect((await choices(db(), editor, offer.id)).map((c) => [c.code, c.is_current])).toEqual([
				['1.1.2', true],
				['1.1.10', true],
				['9.1.1', false]
			]);
		});

		it('is for signed-in staff only', async () => {
			await expect(
				db().as({ role: 'anon' }, (q) => q.query('select * from public.measure_choices()'))
			).rejects.toMatchObject({ code: '42501' });
		});
	});
}
