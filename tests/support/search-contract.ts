/**
 * The behaviour every search engine keeps, as a vitest suite: the embedded engine runs it in
 * src/lib/server/search/embedded.spec.ts, the Meilisearch adapter against the fake server
 * (fake-meilisearch.ts) in meilisearch.spec.ts and against a real Meilisearch in
 * meilisearch.live.spec.ts (when MEILI_HOST is set). Only imported by specs.
 */
import type { SearchDocument, SearchEngine, SearchQuery } from '$lib/server/search/types';
import { beforeEach, describe, expect, it } from 'vitest';
import { searchDocument } from './factories';

const weekly = (day: string) => ({
	starts_at: '2026-09-01T08:00:00Z',
	duration_minutes: 90,
	rrule: `FREQ=WEEKLY;BYDAY=${day}`,
	exdates: [],
	timezone: 'Europe/Berlin'
});

/** Five offers around Kempten; the texts are German only unless said otherwise. */
export function contractDocuments(): Record<string, SearchDocument> {
	return {
		kurs: searchDocument({
			title: 'Deutschkurs für Frauen',
			category: 'language_course',
			languages: ['de', 'ar'],
			target_groups: ['women'],
			german_level: 'none',
			childcare: true,
			women_only: true,
			location: { lat: 47.7261, lng: 10.3139 },
			schedules: [weekly('TU')]
		}),
		integration: searchDocument({
			title: 'Integrationskurs am Vormittag',
			category: 'language_course',
			organisation_name: 'Volkshochschule Kempten',
			organisation_slug: 'vhs-kempten',
			district_slug: 'sankt-mang',
			district_name: 'Sankt Mang',
			is_free: false,
			german_level: 'a2',
			location: { lat: 47.7101, lng: 10.3301 },
			schedules: [weekly('MO,WE')]
		}),
		cafe: searchDocument({
			title: 'Begegnungscafé im Quartier',
			category: 'cultural_cafe',
			languages: ['de', 'uk'],
			location: { lat: 47.7285, lng: 10.3155 },
			schedules: [weekly('TH')]
		}),
		beratung: searchDocument({
			title: 'Migrationsberatung',
			texts: {
				de: { title: 'Migrationsberatung', summary: 'Hilfe bei Anträgen', description: null },
				en: { title: 'Migration advice', summary: 'Help with applications', description: null }
			},
			category: 'counselling',
			district_slug: null,
			district_name: null,
			is_free: false,
			wheelchair_accessible: true,
			location: null
		}),
		sport: searchDocument({
			title: 'Fußball im Park',
			category: 'sports',
			organisation_name: 'Volkshochschule Kempten',
			organisation_slug: 'vhs-kempten',
			district_slug: 'thingers',
			district_name: 'Thingers',
			is_free: null,
			wheelchair_accessible: false,
			location: { lat: 47.745, lng: 10.29 }
		})
	};
}

/**
 * Registers the contract for an engine. `setup` gives a fresh, empty engine for each test
 * (and may clean up after the previous one). `typos: false` leaves out the typo tolerance, for
 * the Meilisearch adapter against the fake server, which matches words only as they are.
 */
export function engineContract(
	name: string,
	setup: () => Promise<SearchEngine>,
	options: { typos?: boolean } = {}
): void {
	describe(`${name}: the search engine contract`, () => {
		let engine: SearchEngine;
		let docs: Record<string, SearchDocument>;
		const ids = async (query: Omit<SearchQuery, 'locale'> & { locale?: string }) =>
			(await engine.search({ locale: 'de', limit: 50, ...query })).hits.map((hit) => hit.id);

		beforeEach(async () => {
			engine = await setup();
			docs = contractDocuments();
			await engine.replaceAll(Object.values(docs));
		});

		it.skipIf(options.typos === false)('finds German courses despite typos', async () => {
			const kurs = await ids({ q: 'Deutschkur' });
			expect(kurs[0]).toBe(docs.kurs.id);
			expect(kurs).not.toContain(docs.cafe.id);
			const sprach = await ids({ q: 'Sprachkrus' });
			expect(sprach).toEqual(expect.arrayContaining([docs.kurs.id, docs.integration.id]));
			expect(sprach).not.toContain(docs.cafe.id);
			expect(await ids({ q: 'Fussbal' })).toContain(docs.sport.id);
		});

		it('meets spellings without a German, Arabic or Turkish keyboard halfway', async () => {
			const more = {
				strasse: searchDocument({ title: 'Nachbarschaftsfest auf der Straße', category: 'event' }),
				swiss: searchDocument({ title: 'Flohmarkt an der Strasse', category: 'event' }),
				buero: searchDocument({ title: 'Sprechstunde im Bürgerbüro München', category: 'event' }),
				typed: searchDocument({ title: 'Lesepaten fuer Grundschueler', category: 'event' }),
				arabic: searchDocument({
					texts: { ar: { title: 'نادي الكتاب العربي', summary: null, description: null } },
					original_locale: 'ar',
					category: 'event'
				}),
				persian: searchDocument({
					texts: { fa: { title: 'دورهمی کتابخوانی', summary: null, description: null } },
					original_locale: 'fa',
					category: 'event'
				}),
				turkish: searchDocument({
					texts: { tr: { title: 'Dikiş atölyesi', summary: null, description: null } },
					original_locale: 'tr',
					category: 'event'
				})
			};
			await engine.upsert(Object.values(more));
			// ß typed as ss, with a typo too; and the other way round
			expect(await ids({ q: 'Fussbal' })).toContain(docs.sport.id);
			expect(await ids({ q: 'Strasse' })).toEqual(
				expect.arrayContaining([more.strasse.id, more.swiss.id])
			);
			expect(await ids({ q: 'Straße' })).toEqual(
				expect.arrayContaining([more.strasse.id, more.swiss.id])
			);
			// umlauts typed as ue, and ue found by the umlaut
			expect(await ids({ q: 'Buergerbuero' })).toEqual([more.buero.id]);
			expect(await ids({ q: 'Muenchen' })).toEqual([more.buero.id]);
			expect(await ids({ q: 'Grundschüler' })).toEqual([more.typed.id]);
			// Persian ی and ک find Arabic ي and ك, and the other way round
			expect(await ids({ q: 'نادی کتاب', locale: 'fa' })).toContain(more.arabic.id);
			expect(await ids({ q: 'كتابخواني', locale: 'ar' })).toEqual([more.persian.id]);
			// Turkish dotted and dotless i, typed either way
			expect(await ids({ q: 'DİKİŞ', locale: 'tr' })).toEqual([more.turkish.id]);
			expect(await ids({ q: 'dıkıs atolyesi', locale: 'tr' })).toEqual([more.turkish.id]);
			const [hit] = (await engine.search({ q: 'Buergerbuero', locale: 'de' })).hits;
			expect(hit.offer.title).toBe('Sprechstunde im Bürgerbüro München');
		});

		it('finds German-only courses with Arabic and Ukrainian words', async () => {
			for (const [q, locale] of [
				['دورة لغة', 'ar'],
				['курс німецької', 'uk']
			]) {
				const result = await engine.search({ q, locale });
				const found = result.hits.map((hit) => hit.id);
				expect(found, q).toEqual(expect.arrayContaining([docs.kurs.id, docs.integration.id]));
				expect(found, q).not.toContain(docs.cafe.id);
				const kurs = result.hits.find((hit) => hit.id === docs.kurs.id)!;
				expect(kurs.offer).toMatchObject({ title: 'Deutschkurs für Frauen', text_locale: 'de' });
			}
		});

		it('finds recognition counselling (filed under work) by the words people type for it', async () => {
			// as in the demo: German and Ukrainian texts, none of which says "нострифікація"
			const recognition = searchDocument({
				texts: {
					de: {
						title: 'Beratung zur Anerkennung ausländischer Abschlüsse',
						summary: 'Welche Stelle prüft Ihren Berufsabschluss?',
						description: null
					},
					uk: {
						title: 'Консультація щодо визнання іноземних кваліфікацій',
						summary: null,
						description: null
					}
				},
				category: 'work',
				target_groups: ['newcomers', 'job_seekers']
			});
			await engine.upsert([recognition]);
			for (const [locale, q] of [
				['uk', 'нострифікація'],
				['uk', 'визнання диплому'],
				['uk', 'підтвердження диплома'],
				['de', 'Anerkennung'],
				['de', 'Berufsanerkennung'],
				['en', 'recognition of qualifications'],
				['ar', 'معادلة الشهادة'],
				['ar', 'تعديل الشهادة'],
				['fa', 'معادل‌سازی مدرک'],
				['fa', 'تأیید مدرک'],
				['fa', 'تصدیق مدرک'],
				['tr', 'tanınma'],
				['tr', 'denklik'],
				['ru', 'признание диплома'],
				['ru', 'нострификация'],
				['ro', 'recunoașterea diplomei'],
				['ro', 'echivalare']
			]) {
				const found = await ids({ q, locale });
				expect(found, q).toContain(recognition.id);
				// "tanınma" is one typo from the café's "tanışma" (getting to know each other)
				if (q !== 'tanınma') expect(found, q).not.toContain(docs.cafe.id);
			}
		});

		it('finds family offers by kindergarten and work by Ausbildung as newcomers write them', async () => {
			const family = searchDocument({ title: 'Eltern-Kind-Gruppe', category: 'family' });
			const work = searchDocument({ title: 'Bewerbungstraining', category: 'work' });
			await engine.upsert([family, work]);
			for (const [locale, q] of [
				['de', 'Kita'],
				['ar', 'روضة'],
				['fa', 'مهدکودک'],
				['fa', 'کودکستان'],
				['tr', 'kreş'],
				['uk', 'садочок'],
				['ru', 'детский сад'],
				['ro', 'grădiniță']
			]) {
				expect(await ids({ q, locale }), q).toContain(family.id);
			}
			for (const [locale, q] of [
				['ar', 'أوسبيلدونغ'],
				['fa', 'آوسبیلدونگ'],
				['uk', 'аусбільдунг'],
				['ru', 'аусбильдунг'],
				['de', 'Jobcenter'],
				['uk', 'джобцентр']
			]) {
				expect(await ids({ q, locale }), q).toContain(work.id);
			}
		});

		it('finds an offer in several categories by any of them and counts it under each', async () => {
			const recognition = searchDocument({
				title: 'Beratung zur Anerkennung ausländischer Abschlüsse',
				category: 'work',
				categories: ['work', 'counselling']
			});
			await engine.upsert([recognition]);
			const counselling = await engine.search({
				locale: 'uk',
				limit: 50,
				filters: { category: ['counselling'] }
			});
			expect(counselling.hits.map((hit) => hit.id).sort()).toEqual(
				[docs.beratung.id, recognition.id].sort()
			);
			const hit = counselling.hits.find((h) => h.id === recognition.id)!;
			// the main category stays the card's; the list row has them all
			expect(hit.offer.category).toBe('work');
			expect(hit.offer.categories).toEqual(['work', 'counselling']);
			// counted under each of its categories, with the other facets' filters
			expect(counselling.facets.category).toMatchObject({ counselling: 2, work: 1 });
			expect(await ids({ filters: { category: ['work'] } })).toEqual([recognition.id]);
			// and found by the words of each of its categories (a keyword of counselling)
			expect((await ids({ q: 'lawyer', locale: 'en' })).sort()).toEqual(
				[docs.beratung.id, recognition.id].sort()
			);
		});

		it('filters within a facet by any value and across facets by all', async () => {
			expect(await ids({ filters: { category: ['language_course', 'sports'] } })).toHaveLength(3);
			expect(await ids({ filters: { district: ['sankt-mang'] } })).toEqual([docs.integration.id]);
			expect((await ids({ filters: { language: ['ar', 'uk'] } })).sort()).toEqual(
				[docs.kurs.id, docs.cafe.id].sort()
			);
			expect(await ids({ filters: { target_group: ['women'] } })).toEqual([docs.kurs.id]);
			expect(await ids({ filters: { weekday: ['TH'] } })).toEqual([docs.cafe.id]);
			expect(await ids({ filters: { german_level: ['none', 'a1'] } })).toEqual([docs.kurs.id]);
			expect(await ids({ filters: { wheelchair: true } })).toEqual([docs.beratung.id]);
			expect(await ids({ filters: { wheelchair: false } })).toEqual([docs.sport.id]);
			expect(await ids({ filters: { childcare: true, women_only: true } })).toEqual([docs.kurs.id]);
			expect(
				await ids({
					filters: { category: ['language_course'], district: ['altstadt'], free: true }
				})
			).toEqual([docs.kurs.id]);
			expect(await ids({ q: 'Deutschkurs', filters: { district: ['thingers'] } })).toEqual([]);
		});

		it('filters by organisation, which every count respects and none lists', async () => {
			expect((await ids({ filters: { organisation: ['vhs-kempten'] } })).sort()).toEqual(
				[docs.integration.id, docs.sport.id].sort()
			);
			expect(
				(await ids({ filters: { organisation: ['vhs-kempten', 'stadtteilbuero-altstadt'] } }))
					.length
			).toBe(5);
			expect(await ids({ filters: { organisation: ['nowhere'] } })).toEqual([]);
			const result = await engine.search({
				locale: 'de',
				q: 'kurs',
				filters: { organisation: ['vhs-kempten'], category: ['sports'] }
			});
			expect(result.total).toBe(0);
			// the category counts: the organisation's offers with "kurs", the category not applied
			expect(result.facets.category).toEqual({ language_course: 1, sports: 0 });
			expect(result.facets.district).toEqual({});
			expect(Object.keys(result.facets)).not.toContain('organisation');
		});

		it('counts facet values with the other facets’ filters applied', async () => {
			const result = await engine.search({
				locale: 'de',
				filters: { category: ['language_course'], free: true, district: ['nowhere', 'altstadt'] }
			});
			expect(result.total).toBe(1);
			expect(result.hits.map((hit) => hit.id)).toEqual([docs.kurs.id]);
			// category: free and in the Altstadt (kurs, cafe)
			expect(result.facets.category).toEqual({ language_course: 1, cultural_cafe: 1 });
			// free: language courses in the Altstadt (kurs)
			expect(result.facets.free).toEqual({ true: 1 });
			// district: free language courses anywhere (kurs); the selected values stay
			expect(result.facets.district).toEqual({ altstadt: 1, nowhere: 0 });
			// other facets: the offers found
			expect(result.facets.language).toEqual({ de: 1, ar: 1 });
			expect(result.facets.weekday).toEqual({ TU: 1 });
			expect(result.facets.german_level).toEqual({ none: 1 });
			expect(result.facets.wheelchair).toEqual({});
		});

		it('counts every facet of all offers without filters', async () => {
			const result = await engine.search({ locale: 'de' });
			expect(result.total).toBe(5);
			expect(result.facets).toEqual({
				category: { language_course: 2, cultural_cafe: 1, counselling: 1, sports: 1 },
				district: { altstadt: 2, 'sankt-mang': 1, thingers: 1 },
				language: { de: 5, ar: 1, uk: 1 },
				target_group: { women: 1, everyone: 4 },
				weekday: { MO: 1, TU: 1, WE: 1, TH: 1 },
				german_level: { none: 1, a2: 1 },
				free: { true: 2, false: 2 },
				childcare: { true: 1, false: 4 },
				women_only: { true: 1, false: 4 },
				wheelchair: { true: 1, false: 1 }
			});
		});

		it('sorts by distance, offers without a place last', async () => {
			const near = { lat: 47.7262, lng: 10.314 };
			const result = await engine.search({ locale: 'de', near });
			expect(result.hits.map((hit) => hit.id)).toEqual([
				docs.kurs.id,
				docs.cafe.id,
				docs.integration.id,
				docs.sport.id,
				docs.beratung.id
			]);
			const [kurs, cafe] = result.hits;
			expect(kurs.distance).toBeLessThan(20);
			// 47.7285 N 10.3155 E is about 280 m away
			expect(cafe.distance).toBeGreaterThan(250);
			expect(cafe.distance).toBeLessThan(310);
			expect(result.hits[4].distance).toBeNull();
		});

		it('shows texts in the locale, falling back to English, then German, sorted by title', async () => {
			const en = await engine.search({ locale: 'en' });
			// the one offer with an English text first, then the German ones by title
			expect(en.hits.map((hit) => hit.offer.title)).toEqual([
				'Migration advice',
				'Begegnungscafé im Quartier',
				'Deutschkurs für Frauen',
				'Fußball im Park',
				'Integrationskurs am Vormittag'
			]);
			const beratung = en.hits.find((hit) => hit.id === docs.beratung.id)!;
			expect(beratung.offer).toMatchObject({
				text_locale: 'en',
				summary: 'Help with applications',
				category: 'counselling',
				district_slug: null,
				latitude: null,
				wheelchair_accessible: true
			});
			const ar = await engine.search({ locale: 'ar', q: 'Migrationsberatung' });
			expect(ar.hits[0].offer).toMatchObject({ title: 'Migration advice', text_locale: 'en' });
		});

		it('puts the reader’s language first: own text, then held in a chosen language, then the rest', async () => {
			const text = (locale: string, title: string) => ({
				[locale]: { title, summary: null, description: null }
			});
			const more = {
				arabic: searchDocument({
					texts: { ...text('de', 'Zzz Frauentreff'), ...text('ar', 'لقاء النساء') },
					languages: ['de']
				}),
				heldInArabic: searchDocument({ title: 'Yyy Hausaufgabenhilfe', languages: ['ar'] }),
				ukrainian: searchDocument({
					texts: { ...text('de', 'Xxx Sprachcafé'), ...text('uk', 'Мовне кафе') },
					languages: ['uk']
				}),
				simple: searchDocument({
					texts: { ...text('de', 'Www Nähtreff'), ...text('de-simple', 'Wir nähen') }
				}),
				english: searchDocument({
					texts: { ...text('en', 'Aaa English only') },
					original_locale: 'en',
					languages: ['en']
				}),
				germanAndEnglish: searchDocument({
					texts: { ...text('de', 'Ddd Lernhilfe'), ...text('en', 'Aab Homework help') }
				})
			};
			await engine.upsert(Object.values(more));
			const ar = await ids({ locale: 'ar' });
			// own text, then held in Arabic (the cours held in de and ar too), then by title
			expect(ar.slice(0, 3)).toEqual([more.arabic.id, docs.kurs.id, more.heldInArabic.id]);
			const uk = await engine.search({ locale: 'uk', limit: 50 });
			expect(uk.hits[0].id).toBe(more.ukrainian.id);
			expect(uk.hits[0].offer).toMatchObject({ title: 'Мовне кафе', text_locale: 'uk' });
			expect(uk.hits[1].id).toBe(docs.cafe.id);
			// within the groups the order stays: relevance when searching, distance near a point
			const searched = await ids({ locale: 'ar', q: 'Frauen' });
			expect(searched[0]).toBe(more.arabic.id);
			const near = await ids({ locale: 'uk', near: { lat: 47.7262, lng: 10.314 } });
			expect(near.slice(0, 2)).toEqual([more.ukrainian.id, docs.cafe.id]);
			// a chosen language (the filter) counts like the reader's own: after the Ukrainian text,
			// the offers held in Arabic or Ukrainian by title, as one group
			const chosen = await ids({ locale: 'uk', filters: { language: ['ar', 'uk'] } });
			expect(chosen).toEqual([more.ukrainian.id, docs.cafe.id, docs.kurs.id, more.heldInArabic.id]);
			// Einfache Sprache: its own text first, then German, never English where German exists
			const simple = await engine.search({ locale: 'de-simple', limit: 50 });
			expect(simple.hits[0].offer).toMatchObject({ title: 'Wir nähen', text_locale: 'de-simple' });
			const shown = Object.fromEntries(simple.hits.map((hit) => [hit.id, hit.offer]));
			expect(shown[more.germanAndEnglish.id]).toMatchObject({ text_locale: 'de' });
			expect(shown[docs.beratung.id]).toMatchObject({ title: 'Migrationsberatung' });
			expect(simple.hits.filter((hit) => hit.offer.text_locale === 'en').map((h) => h.id)).toEqual([
				more.english.id
			]);
		});

		it('puts offers with every word searched for before the reader’s language', async () => {
			const everyWord = searchDocument({ title: 'Nähen für Frauen' });
			const oneWord = searchDocument({
				texts: {
					de: { title: 'Frauen im Gespräch', summary: null, description: null },
					ar: { title: 'حوار النساء', summary: null, description: null }
				},
				languages: ['ar']
			});
			await engine.upsert([everyWord, oneWord]);
			const found = await ids({ locale: 'ar', q: 'Frauen nähen' });
			expect(found[0]).toBe(everyWord.id);
		});

		it('pages and counts all matches', async () => {
			const page = await engine.search({ locale: 'de', limit: 2, offset: 2 });
			expect(page.total).toBe(5);
			expect(page.hits.map((hit) => hit.offer.title)).toEqual([
				'Fußball im Park',
				'Integrationskurs am Vormittag'
			]);
		});

		it('upserts by id, idempotently, and removes', async () => {
			const renamed = {
				...docs.cafe,
				texts: { de: { title: 'Nähcafé', summary: null, description: null } }
			};
			await engine.upsert([renamed]);
			await engine.upsert([renamed]);
			expect(await ids({ q: 'Nähcafé' })).toEqual([docs.cafe.id]);
			expect(await ids({ q: 'Quartier' })).toEqual([]);
			expect((await engine.search({ locale: 'de' })).total).toBe(5);

			await engine.remove([docs.cafe.id, 'ffffffff-0000-4000-8000-000000000000']);
			expect(await ids({})).not.toContain(docs.cafe.id);
			expect((await engine.search({ locale: 'de' })).total).toBe(4);
		});

		it('reports how many documents it holds and the newest change among them', async () => {
			const state = await engine.state();
			expect(state.documents).toBe(5);
			expect(Date.parse(state.newest!)).toBe(Date.parse('2026-11-01T10:00:00Z'));
			const changed = { ...docs.cafe, updated_at: '2026-11-20T09:30:00.123456+00:00' };
			const added = searchDocument({ updated_at: '2026-11-19T00:00:00Z' });
			await engine.upsert([changed, added]);
			expect(await engine.state()).toEqual({
				documents: 6,
				newest: '2026-11-20T09:30:00.123456+00:00'
			});
			await engine.remove([docs.cafe.id]);
			expect(await engine.state()).toEqual({ documents: 5, newest: '2026-11-19T00:00:00Z' });
		});

		it('replaces everything with replaceAll', async () => {
			const only = searchDocument({ title: 'Nachbarschaftsfest', category: 'event' });
			await engine.replaceAll([only]);
			const result = await engine.search({ locale: 'de' });
			expect(result.hits.map((hit) => hit.id)).toEqual([only.id]);
			expect((await engine.health()).ok).toBe(true);
		});
	});
}
