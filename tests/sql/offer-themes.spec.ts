/**
 * Cross-cutting themes on offers (supabase/migrations/*_offer_themes.sql): the offer's staff and
 * city admins choose among the themes of the city's current concept; tags of an older concept
 * stay; a theme the current concept lacks is refused; others may neither read nor change them.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import {
	addMember,
	createCity,
	createCityAdmin,
	createConcept,
	createOffer,
	createOrganisation,
	createUser
} from '../support/factories';

const choices = (db: SqlQuery, offerId: string) =>
	db.query<{ slug: string; chosen: boolean }>(
		`select slug, chosen from public.offer_theme_choices($1)`,
		[offerId]
	);
const set = (db: SqlQuery, offerId: string, themes: string[]) =>
	db.query(`select public.set_offer_themes($1, $2::text[])`, [offerId, themes]);

describe.each(engines)('offer themes on $name', (engine) => {
	const db = useSession(engine);

	async function world() {
		const city = await createCity(db());
		const old = await createConcept(db(), city.id, { slug: 'alt', isCurrent: false });
		const current = await createConcept(db(), city.id, { slug: 'neu' });
		await db().query(
			`insert into public.themes (concept_id, slug, title)
			 values ($1, 'ehrenamt', 'Ehrenamt'), ($1, 'frauen', 'Frauen'), ($2, 'teilhabe', 'Teilhabe')`,
			[current.id, old.id]
		);
		const organisation = await createOrganisation(db(), city.id);
		const offer = await createOffer(db(), organisation.id);
		// tagged under the old concept once
		await db().query(
			`insert into public.offer_themes (offer_id, theme_id)
			 select $1, id from public.themes where slug = 'teilhabe'`,
			[offer.id]
		);
		const editorId = await createUser(db());
		await addMember(db(), organisation.id, editorId);
		const editor: Actor = { role: 'authenticated', userId: editorId };
		return { offer, editor };
	}

	it('lets the offer’s staff choose among the current concept’s themes, keeping older tags', async () => {
		const { offer, editor } = await world();
		await db().as(editor, (q) => set(q, offer.id, ['frauen']));
		expect(await db().as(editor, (q) => choices(q, offer.id))).toEqual([
			{ slug: 'ehrenamt', chosen: false },
			{ slug: 'frauen', chosen: true }
		]);
		await db().as(editor, (q) => set(q, offer.id, ['ehrenamt']));
		const tags = await db().query<{ slug: string }>(
			`select t.slug from public.offer_themes ot join public.themes t on t.id = ot.theme_id
			 where ot.offer_id = $1 order by t.slug`,
			[offer.id]
		);
		expect(tags.map((tag) => tag.slug)).toEqual(['ehrenamt', 'teilhabe']);
	});

	it('refuses a theme of another concept, other people and unknown offers', async () => {
		const { offer, editor } = await world();
		await expect(db().as(editor, (q) => set(q, offer.id, ['teilhabe']))).rejects.toMatchObject({
			code: '22023'
		});
		const stranger: Actor = { role: 'authenticated', userId: await createUser(db()) };
		await expect(db().as(stranger, (q) => set(q, offer.id, []))).rejects.toMatchObject({
			code: '42501'
		});
		await expect(db().as(stranger, (q) => choices(q, offer.id))).rejects.toMatchObject({
			code: '42501'
		});
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(db()) };
		await db().as(admin, (q) => set(q, offer.id, ['ehrenamt', 'frauen']));
		await expect(
			db().as(admin, (q) => set(q, '00000000-0000-4000-8000-000000000000', []))
		).rejects.toMatchObject({ code: 'PT404' });
	});
});
