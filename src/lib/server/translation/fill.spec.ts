/**
 * Machine translation of an offer (fill.ts) through the data layer, on the embedded Supabase as
 * the offer's editor: only the missing and outdated fields go to the translator and are saved as
 * machine-translated and unreviewed; a provider's failure is reported for its locale and saves
 * nothing; a locale the translator lacks is 'unsupported'. The translator is an in-process fake
 * here (the adapters' HTTP is translation.spec.ts's).
 */
import type { PGlite } from '@electric-sql/pglite';
import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/database.types';
import {
	createEmbeddedFetch,
	createKeys,
	createTestDatabase,
	EMBEDDED_URL,
	signJwt
} from '$lib/server/embedded/index';
import type { Supabase } from '$lib/server/data/client';
import * as offerTranslations from '$lib/server/data/offer-translations';
import {
	addMember,
	createCity,
	createOffer,
	createOrganisation,
	createUser
} from '$test/factories';
import type { SqlQuery } from '$test/sql-engines';
import { TranslationError } from './errors';
import { fillByMachine, machineLocales } from './fill';
import type { MachineTranslator } from './types';

type RealtimeTransport = NonNullable<
	NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

const SECRET = 'translation-fill-spec-secret-of-32-characters';

/** A fake translator: prefixes each text with the target, records its calls. */
function fakeTranslator(failFor: Record<string, TranslationError> = {}) {
	const calls: { texts: readonly string[]; from: string; to: string }[] = [];
	const translator: MachineTranslator = {
		name: 'Fake',
		supports: (from, to) => from !== to && to !== 'de-simple',
		async translate(texts, from, to) {
			calls.push({ texts, from, to });
			if (failFor[to]) throw failFor[to];
			return texts.map((text) => `[${to}] ${text}`);
		}
	};
	return { translator, calls };
}

let db: PGlite;
let supabase: Supabase;
let sql: SqlQuery;
let offerId: string;

beforeAll(async () => {
	db = await createTestDatabase({ seed: false });
	sql = { query: async (text, params) => (await db.query(text, params)).rows as never[] };
	const city = await createCity(sql);
	const org = await createOrganisation(sql, city.id);
	const editor = await createUser(sql);
	await addMember(sql, org.id, editor);
	const token = await signJwt(
		{ role: 'authenticated', sub: editor, aud: 'authenticated' },
		SECRET,
		{ expiresIn: 3600 }
	);
	const { anonKey } = await createKeys(SECRET);
	supabase = createClient<Database>(EMBEDDED_URL, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: {
			fetch: createEmbeddedFetch(db, { jwtSecret: SECRET }),
			headers: { Authorization: `Bearer ${token}` }
		},
		realtime: { transport: ws as unknown as RealtimeTransport }
	}) as unknown as Supabase;
	offerId = (await createOffer(sql, org.id, { title: 'Sprachcafé', state: 'draft' })).id;
	await db.query(
		`update public.offer_translations set summary = 'Deutsch bei Kaffee.' where offer_id = $1`,
		[offerId]
	);
});

afterAll(() => db?.close());

const textsOf = async () => (await offerTranslations.get(supabase, offerId))!;

describe('fillByMachine', () => {
	it('translates a missing locale completely and saves it as machine, unreviewed', async () => {
		const { translator, calls } = fakeTranslator();
		const results = await fillByMachine(supabase, translator, await textsOf(), ['ar']);
		expect(results).toEqual([{ locale: 'ar', fields: ['title', 'summary'] }]);
		expect(calls).toEqual([{ texts: ['Sprachcafé', 'Deutsch bei Kaffee.'], from: 'de', to: 'ar' }]);
		const ar = (await textsOf()).locales.find((entry) => entry.locale === 'ar');
		expect(ar).toMatchObject({
			status: 'machine',
			provenance: 'machine',
			reviewed: false,
			texts: { title: '[ar] Sprachcafé', summary: '[ar] Deutsch bei Kaffee.' },
			missing_fields: [],
			outdated_fields: []
		});
	});

	it('sends only the fields the original changed, and keeps the rest', async () => {
		await offerTranslations.save(supabase, {
			offerId,
			locale: 'en',
			texts: { title: 'Language café', summary: 'German over coffee.' },
			provenance: 'human',
			reviewed: true
		});
		// a later transaction changes the original's summary
		await db.query(
			`update public.offer_translations set summary = 'Deutsch bei Tee.'
			 where offer_id = $1 and locale = 'de'`,
			[offerId]
		);
		const before = await textsOf();
		expect(before.locales.find((entry) => entry.locale === 'en')).toMatchObject({
			status: 'outdated',
			outdated_fields: ['summary']
		});
		const { translator, calls } = fakeTranslator();
		const results = await fillByMachine(supabase, translator, before, ['en', 'tr']);
		expect(results).toEqual([
			{ locale: 'en', fields: ['summary'] },
			{ locale: 'tr', fields: ['title', 'summary'] }
		]);
		expect(calls[0]).toEqual({ texts: ['Deutsch bei Tee.'], from: 'de', to: 'en' });
		expect((await textsOf()).locales.find((entry) => entry.locale === 'en')).toMatchObject({
			status: 'machine',
			reviewed: false,
			texts: { title: 'Language café', summary: '[en] Deutsch bei Tee.' },
			outdated_fields: []
		});
	});

	it("reports a provider's failure for its locale, saves nothing there, and goes on", async () => {
		const { translator } = fakeTranslator({ fa: new TranslationError('quota', 'used up', 456) });
		const results = await fillByMachine(supabase, translator, await textsOf(), [
			'de-simple',
			'fa',
			'ru'
		]);
		expect(results).toEqual([
			{ locale: 'de-simple', fields: [], error: 'unsupported' },
			{ locale: 'fa', fields: [], error: 'quota' },
			{ locale: 'ru', fields: ['title', 'summary'] }
		]);
		const after = await textsOf();
		expect(after.locales.find((entry) => entry.locale === 'fa')?.status).toBe('missing');
		expect(after.locales.find((entry) => entry.locale === 'ru')?.status).toBe('machine');
	});

	it('saves nothing for a locale when the original changed after it was read', async () => {
		const stale = await textsOf();
		await db.query(
			`update public.offer_translations set description = 'Jeden Dienstag.'
			 where offer_id = $1 and locale = 'de'`,
			[offerId]
		);
		const { translator } = fakeTranslator();
		expect(await fillByMachine(supabase, translator, stale, ['uk'])).toEqual([
			{ locale: 'uk', fields: [], error: 'changed' }
		]);
		expect((await textsOf()).locales.find((entry) => entry.locale === 'uk')?.status).toBe(
			'missing'
		);
	});

	it('has nothing to do for a current translation, and names the locales it can fill', async () => {
		const { translator, calls } = fakeTranslator();
		const texts = await textsOf();
		await fillByMachine(supabase, translator, texts, ['ru']);
		expect(calls).toHaveLength(1);
		// Russian is now made from the original as it is
		expect(await fillByMachine(supabase, translator, await textsOf(), ['ru'])).toEqual([
			{ locale: 'ru', fields: [] }
		]);
		expect(calls).toHaveLength(1);
		expect(machineLocales(translator, texts)).toEqual(['en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro']);
		expect(machineLocales(null, texts)).toEqual([]);
	});
});
