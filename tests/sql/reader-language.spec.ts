/**
 * The reader's language first, in the database (supabase/migrations/*_reader_language_first.sql):
 * Einfache Sprache falls back to German before English (private.offer_text, as get_offer shows
 * it, and filter_offers), and filter_offers, the list without the search engine, puts offers
 * with a text in the page's locale first, then those held in the reader's or a chosen language,
 * then the rest, each group by title or distance as before. On every engine.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type SqlQuery } from '../support/sql-engines';
import { createCity, createOffer, createOrganisation } from '../support/factories';

const anon: Actor = { role: 'anon' };

interface Listed {
	id: string;
	title: string;
	text_locale: string;
	distance: number | null;
}

async function addText(db: SqlQuery, offerId: string, locale: string, title: string) {
	await db.query(
		`insert into public.offer_translations (offer_id, locale, title, provenance)
		 values ($1, $2, $3, 'human')`,
		[offerId, locale, title]
	);
}

const setLanguages = (db: SqlQuery, id: string, languages: string[]) =>
	db.query(`update public.offers set languages = $2 where id = $1`, [id, languages]);

const list = (db: SqlQuery, args: Record<string, unknown>) => {
	const names = Object.keys(args);
	const call = names.map((name, i) => `${name} => $${i + 1}`).join(', ');
	return db
		.query<{ result: { total: number; offers: Listed[] } }>(
			`select public.filter_offers(${call}) as result`,
			Object.values(args)
		)
		.then(([row]) => row.result.offers);
};

describe.each(engines)('$name', (engine) => {
	const db = useSession(engine);

	/** Five offers: German titles A… to E…, with other texts and languages. */
	async function offers() {
		const city = await createCity(db());
		const org = await createOrganisation(db(), city.id);
		const make = (title: string, point?: [number, number]) =>
			createOffer(db(), org.id, { title, point });
		const german = await make('Aaa Sprachtreff', [10.3, 47.72]);
		await setLanguages(db(), german.id, ['de']);
		const heldInArabic = await make('Bbb Hausaufgabenhilfe', [10.31, 47.72]);
		await setLanguages(db(), heldInArabic.id, ['de', 'ar']);
		const arabic = await make('Ccc Frauentreff', [10.35, 47.72]);
		await addText(db(), arabic.id, 'ar', 'لقاء النساء');
		const simple = await make('Ddd Nähtreff');
		await addText(db(), simple.id, 'de-simple', 'Wir nähen zusammen');
		await addText(db(), simple.id, 'en', 'Sewing together');
		const english = await make('Eee Elterncafé');
		await addText(db(), english.id, 'en', 'Parents’ café');
		return { german, heldInArabic, arabic, simple, english };
	}

	it('lists offers with a text in the locale first, then those held in the language', async () => {
		const o = await offers();
		const ar = await db().as(anon, (q) => list(q, { p_locale: 'ar' }));
		expect(ar.map((offer) => offer.id)).toEqual([
			o.arabic.id,
			o.heldInArabic.id,
			// fallbacks by the title shown (English before German)
			o.german.id,
			o.english.id,
			o.simple.id
		]);
		expect(ar[0]).toMatchObject({ title: 'لقاء النساء', text_locale: 'ar' });
		// near a point: by distance within each group
		const near = await db().as(anon, (q) =>
			list(q, { p_locale: 'ar', p_near_lat: 47.72, p_near_lng: 10.3 })
		);
		expect(near.slice(0, 3).map((offer) => offer.id)).toEqual([
			o.arabic.id,
			o.heldInArabic.id,
			o.german.id
		]);
		// a chosen language counts like the reader's own: the filter keeps those held in Arabic
		const chosen = await db().as(anon, (q) => list(q, { p_locale: 'uk', p_language: ['ar'] }));
		expect(chosen.map((offer) => offer.id)).toEqual([o.heldInArabic.id]);
	});

	it('falls back to German for Einfache Sprache, before English', async () => {
		const o = await offers();
		const simple = await db().as(anon, (q) => list(q, { p_locale: 'de-simple' }));
		expect(simple[0]).toMatchObject({ id: o.simple.id, text_locale: 'de-simple' });
		expect(simple.map((offer) => offer.text_locale)).toEqual(['de-simple', 'de', 'de', 'de', 'de']);
		expect(simple.find((offer) => offer.id === o.english.id)?.title).toBe('Eee Elterncafé');
		// the offer page (get_offer through private.offer_text) too
		const [page] = await db().as(anon, (q) =>
			q.query<{ offer: { title: string; text_locale: string } }>(
				`select public.get_offer($1, 'de-simple') as offer`,
				[o.english.id]
			)
		);
		expect(page.offer).toMatchObject({ title: 'Eee Elterncafé', text_locale: 'de' });
		// English readers still see English where it exists
		const [en] = await db().as(anon, (q) =>
			q.query<{ offer: { title: string } }>(`select public.get_offer($1, 'en') as offer`, [
				o.english.id
			])
		);
		expect(en.offer.title).toBe('Parents’ café');
	});
});
