/**
 * The Meilisearch adapter at the HTTP boundary: the real `meilisearch` client talks to a local
 * server that records its requests and answers, and refuses, as Meilisearch does
 * (tests/support/fake-meilisearch.ts). The server is started with a master key and the two keys of
 * MEILI_KEY_REQUIREMENTS, so every request must carry the right one.
 */
import { Meilisearch, type MeilisearchApiError } from 'meilisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineContract } from '$test/search-contract';
import { FakeMeilisearch } from '$test/fake-meilisearch';
import { searchDocument } from '$test/factories';
import { hasSettings, MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch';
import {
	MEILI_KEY_REQUIREMENTS,
	meiliKeyRequirements,
	meiliKeysFromEnv,
	missingPermissions
} from './meilisearch-keys';
import {
	meiliSettings,
	RETRIEVED_ATTRIBUTES,
	SCHEMA_VERSION,
	toMeiliDocument
} from './meilisearch-schema';

const NOW = 1_763_700_000_000;
const MASTER = 'master-key';
const SEARCH_KEY = 'search-key';
const ADMIN_KEY = 'admin-key';
let fake: FakeMeilisearch;

const keysFor = (requirements = MEILI_KEY_REQUIREMENTS) => [
	{ key: SEARCH_KEY, ...copy(requirements.search) },
	{ key: ADMIN_KEY, ...copy(requirements.admin) }
];
const copy = (r: { actions: readonly string[]; indexes: readonly string[] }) => ({
	actions: [...r.actions],
	indexes: [...r.indexes]
});

const engineFor = (options: Partial<MeilisearchEngineOptions> = {}) =>
	new MeilisearchEngine({
		host: fake.url,
		searchKey: SEARCH_KEY,
		adminKey: ADMIN_KEY,
		taskIntervalMs: 1,
		taskTimeoutMs: 2_000,
		now: () => new Date(NOW),
		...options
	});

/** A client of the fake with the master key, for looking at it as an operator would. */
const master = () => new Meilisearch({ host: fake.url, apiKey: MASTER });

/** The error a promise rejects with, as the client reports Meilisearch's answer. */
async function refusal(promise: Promise<unknown>) {
	const error = (await promise.then(
		() => null,
		(e: unknown) => e
	)) as MeilisearchApiError | null;
	expect(error, 'expected a refusal').not.toBeNull();
	return { status: error!.response?.status, ...error!.cause };
}

/** The queries of the n-th multi-search request. */
const queriesOf = (n = 0) =>
	(
		fake.requests.filter((r) => r.path === '/multi-search')[n].body as {
			queries: Record<string, unknown>[];
		}
	).queries;

beforeEach(async () => {
	fake = await new FakeMeilisearch({ masterKey: MASTER, keys: keysFor() }).start();
});
afterEach(async () => {
	await fake.stop();
});

const kurs = () =>
	searchDocument({
		id: 'aaaaaaaa-0000-4000-8000-000000000001',
		title: 'Deutschkurs für Frauen',
		category: 'language_course',
		target_groups: ['women'],
		location: { lat: 47.7261, lng: 10.3139 }
	});
const cafe = () =>
	searchDocument({
		id: 'aaaaaaaa-0000-4000-8000-000000000002',
		title: 'Begegnungscafé',
		texts: {
			de: { title: 'Begegnungscafé', summary: 'Jeden Donnerstag', description: null },
			en: { title: 'Meeting café', summary: 'Every Thursday', description: 'Coffee and talk' }
		},
		location: null
	});

/** The live index with our settings and these documents, as a rebuild leaves it. */
const liveIndex = (docs = [kurs(), cafe()]) =>
	fake.createIndex('offers', { settings: meiliSettings(), documents: docs.map(toMeiliDocument) });

describe('documents and settings', () => {
	it('flattens a document: texts per locale as written, folded search fields, sort titles, _geo', () => {
		const doc = toMeiliDocument(cafe());
		expect(doc).toMatchObject({
			id: 'aaaaaaaa-0000-4000-8000-000000000002',
			schema: SCHEMA_VERSION,
			category: 'cultural_cafe',
			categories: ['cultural_cafe'],
			district_slug: 'altstadt',
			is_free: true,
			weekdays: [],
			title_de: 'Begegnungscafé',
			summary_de: 'Jeden Donnerstag',
			title_en: 'Meeting café',
			folded_title_de: 'begegnungscafe',
			folded_summary_de: 'jeden donnerstag',
			folded_description_en: 'coffee and talk',
			folded_organisation: 'stadtteilburo altstadt',
			folded_district: 'altstadt',
			folded_address: 'kempten',
			sort_title_de: 'begegnungscafe',
			sort_title_en: 'meeting cafe',
			// Arabic has no text: the list shows English, and sorts by it
			sort_title_ar: 'meeting cafe',
			// Einfache Sprache falls back to German before English
			sort_title_de_simple: 'begegnungscafe',
			// the reader's language first: text in the locale 0, held in the language 1, else 2
			language_group_de: 0,
			language_group_en: 0,
			language_group_de_simple: 1,
			language_group_ar: 2,
			own_text_de: 1,
			own_text_de_simple: 0,
			own_text_ar: 0,
			updated_at: '2026-11-01T10:00:00Z',
			updated_ms: Date.parse('2026-11-01T10:00:00Z')
		});
		expect(doc).not.toHaveProperty('_geo');
		expect(doc).not.toHaveProperty('title_ar');
		// the description is searched, not shown
		expect(doc).not.toHaveProperty('description_en');
		expect(doc.folded_keywords_uk).toEqual(
			expect.arrayContaining(['культурне кафе', 'мовне кафе'])
		);
		expect(doc.folded_keywords_de_simple).toEqual(expect.arrayContaining(['treff cafe']));
		expect(toMeiliDocument(kurs())._geo).toEqual({ lat: 47.7261, lng: 10.3139 });
	});

	it('folds every searched field as the embedded engine folds text, and shows the text as written', () => {
		const doc = toMeiliDocument(
			searchDocument({
				texts: {
					de: {
						title: 'Fußball an der Straße',
						summary: 'Treffpunkt Bürgerbüro',
						description: 'Für alle'
					},
					ar: { title: 'نادي الكتاب العربي', summary: null, description: null },
					fa: { title: 'کلاس کتابخوانی', summary: null, description: null },
					tr: { title: 'Dikiş atölyesi İstanbul', summary: null, description: null }
				},
				organisation_name: 'Bürgerverein Sankt Mang',
				street: 'Schützenstraße 3'
			})
		);
		expect(doc).toMatchObject({
			title_de: 'Fußball an der Straße',
			title_fa: 'کلاس کتابخوانی',
			folded_title_de: 'fussball an der strasse',
			folded_summary_de: 'treffpunkt burgerburo',
			folded_description_de: 'fur alle',
			// Arabic words also without the article, as the embedded engine indexes them
			folded_title_ar: 'نادي الكتاب كتاب العربي عربي',
			// Persian kaf and yeh as Arabic ones
			folded_title_fa: 'كلاس كتابخواني',
			folded_title_tr: 'dikis atolyesi istanbul',
			folded_organisation: 'burgerverein sankt mang',
			folded_address: 'schutzenstrasse 3 kempten'
		});
		const searched = Object.entries(doc)
			.filter(([key]) => key.startsWith('folded_'))
			.flatMap(([, value]) => [value].flat());
		expect(searched.join(' ')).not.toMatch(/[ßäöüÄÖÜıİیکةأإآ]|[A-Z]/);
	});

	it('makes facets and the organisation filterable, distance, titles and the newest change sortable, and marks each locale’s fields', () => {
		const settings = meiliSettings();
		expect(settings.filterableAttributes).toEqual([
			'categories',
			'district_slug',
			'languages',
			'target_groups',
			'weekdays',
			'german_level',
			'organisation_slug',
			'is_free',
			'childcare',
			'women_only',
			'wheelchair_accessible',
			'_geo',
			'schema'
		]);
		expect(settings.sortableAttributes).toEqual(
			expect.arrayContaining(['_geo', 'updated_ms', 'sort_title_de', 'sort_title_ar'])
		);
		// only folded fields are searched
		expect(settings.searchableAttributes?.slice(0, 2)).toEqual([
			'folded_title_de',
			'folded_title_de_simple'
		]);
		expect(settings.searchableAttributes?.every((a) => a.startsWith('folded_'))).toBe(true);
		expect(settings.localizedAttributes).toEqual(
			expect.arrayContaining([
				{ attributePatterns: ['*_de', '*_de_simple'], locales: ['deu'] },
				{ attributePatterns: ['*_ar'], locales: ['ara'] },
				{ attributePatterns: ['*_fa'], locales: ['pes'] },
				{ attributePatterns: ['*_uk'], locales: ['ukr'] }
			])
		);
		// synonyms and stop words are folded like the words they meet
		expect(settings.synonyms?.['sprachkurs']).toEqual(
			expect.arrayContaining(['دوره لغه', 'мовний курс'])
		);
		expect(settings.stopWords).toEqual(expect.arrayContaining(['fur', 'icin', 'براي']));
		expect(settings.stopWords).not.toContain('für');
		expect(settings.typoTolerance).toEqual({
			enabled: true,
			minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }
		});
	});

	it('knows settings that are already there, whatever order Meilisearch lists them in', () => {
		const wanted = meiliSettings();
		const listed = {
			...wanted,
			filterableAttributes: [...(wanted.filterableAttributes as string[])].sort(),
			typoTolerance: { ...wanted.typoTolerance, disableOnWords: [] },
			displayedAttributes: ['*']
		};
		expect(hasSettings(listed, wanted)).toBe(true);
		const reordered = {
			...listed,
			searchableAttributes: [...(wanted.searchableAttributes as string[])].reverse()
		};
		expect(hasSettings(reordered, wanted)).toBe(false);
		expect(hasSettings({ ...listed, sortableAttributes: ['_geo'] }, wanted)).toBe(false);
	});
});

describe('writes', () => {
	it('creates the index with its settings before the first upsert, then only adds documents', async () => {
		const engine = engineFor();
		await engine.upsert([kurs()]);
		expect(fake.lines({ polls: 'once' })).toEqual([
			'GET /indexes/offers',
			'POST /indexes',
			'GET /tasks/0',
			'PATCH /indexes/offers/settings',
			'GET /tasks/1',
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/2'
		]);
		const [, create, , , , settings, , , , add] = fake.requests;
		expect(create.body).toEqual({ uid: 'offers', primaryKey: 'id' });
		expect(settings.body).toEqual(JSON.parse(JSON.stringify(meiliSettings())));
		expect(add.body).toEqual([JSON.parse(JSON.stringify(toMeiliDocument(kurs())))]);
		expect(fake.requests.every((r) => r.authorization === `Bearer ${ADMIN_KEY}`)).toBe(true);

		fake.requests.length = 0;
		await engine.upsert([kurs(), cafe()]);
		await engine.upsert([kurs()]);
		expect(fake.lines({ polls: 'once' })).toEqual([
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/3',
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/4'
		]);
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual([kurs().id, cafe().id]);
	});

	it('waits for each task through enqueued and processing until it is done', async () => {
		await engineFor().upsert([kurs()]);
		// three polls a task: enqueued, processing, succeeded
		expect(fake.lines().filter((line) => line === 'GET /tasks/2')).toHaveLength(3);
		expect(fake.taskStatuses()).toEqual(['succeeded', 'succeeded', 'succeeded']);
	});

	it('brings the settings of an existing index up to date once, and leaves ours alone', async () => {
		const engine = engineFor();
		fake.createIndex('offers', { settings: { filterableAttributes: ['category'] } });
		await engine.remove([kurs().id, cafe().id]);
		await engine.remove([]);
		expect(fake.lines({ polls: 'once' })).toEqual([
			'GET /indexes/offers',
			'GET /indexes/offers/settings',
			'PATCH /indexes/offers/settings',
			'GET /tasks/0',
			'POST /indexes/offers/documents/delete-batch',
			'GET /tasks/1'
		]);
		expect(fake.requests.at(-4)!.body).toEqual([kurs().id, cafe().id]);

		// a new process finds the settings as they should be: no settings task
		fake.requests.length = 0;
		await engineFor().remove([kurs().id]);
		expect(fake.lines({ polls: 'once' })).toEqual([
			'GET /indexes/offers',
			'GET /indexes/offers/settings',
			'POST /indexes/offers/documents/delete-batch',
			'GET /tasks/2'
		]);
	});

	it('fails when a task fails, and tries the settings again next time', async () => {
		const engine = engineFor();
		fake.failNext('settingsUpdate', 'invalid_settings_filterable_attributes', 'no good');
		await expect(engine.upsert([kurs()])).rejects.toThrow(
			/settings of offers \(task 1\) failed: invalid_settings_filterable_attributes: no good/
		);
		fake.requests.length = 0;
		await engine.upsert([kurs()]);
		expect(fake.lines({ polls: 'once' })).toEqual([
			'GET /indexes/offers',
			'GET /indexes/offers/settings',
			'PATCH /indexes/offers/settings',
			'GET /tasks/2',
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/3'
		]);
	});

	it('rebuilds into offers_<timestamp>, swaps it in atomically and deletes the old index', async () => {
		const engine = engineFor({ batchSize: 2 });
		const old = searchDocument({ id: 'aaaaaaaa-0000-4000-8000-0000000000ff', title: 'Alt' });
		liveIndex([old]);
		const docs = [kurs(), cafe(), searchDocument({ id: 'aaaaaaaa-0000-4000-8000-000000000003' })];
		await engine.replaceAll(docs);
		const fresh = `offers_${NOW}`;
		expect(fake.lines({ polls: 'once' })).toEqual([
			'POST /indexes',
			'GET /tasks/0',
			`PATCH /indexes/${fresh}/settings`,
			'GET /tasks/1',
			`POST /indexes/${fresh}/documents?primaryKey=id`,
			'GET /tasks/2',
			`POST /indexes/${fresh}/documents?primaryKey=id`,
			'GET /tasks/3',
			'GET /indexes/offers',
			'POST /swap-indexes',
			'GET /tasks/4',
			`DELETE /indexes/${fresh}`,
			'GET /tasks/5'
		]);
		const body = (line: string) =>
			fake.requests.find((r) => `${r.method} ${r.path}` === line)!.body;
		expect(fake.requests[0].body).toEqual({ uid: fresh, primaryKey: 'id' });
		const batches = fake.requests.filter((r) => r.path.startsWith(`/indexes/${fresh}/documents`));
		expect(batches.map((r) => (r.body as unknown[]).length)).toEqual([2, 1]);
		expect(body('POST /swap-indexes')).toEqual([{ indexes: ['offers', fresh] }]);
		expect([...fake.indexes.keys()]).toEqual(['offers']);
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual(docs.map((d) => d.id));

		// afterwards, upserts need no preparation
		fake.requests.length = 0;
		await engine.upsert([kurs()]);
		expect(fake.lines()[0]).toBe('POST /indexes/offers/documents?primaryKey=id');
	});

	it('creates the live index for the swap when there is none yet', async () => {
		await engineFor().replaceAll([kurs()]);
		expect(fake.lines({ polls: 'once' }).slice(6, 9)).toEqual([
			'GET /indexes/offers',
			'POST /indexes',
			'GET /tasks/3'
		]);
		expect(
			fake.requests.find((r) => r.path === '/indexes' && r !== fake.requests[0])!.body
		).toEqual({ uid: 'offers', primaryKey: 'id' });
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual([kurs().id]);
		expect(fake.indexes.size).toBe(1);
	});

	it('leaves the live index alone and removes the half-built one when a rebuild fails', async () => {
		const engine = engineFor();
		const old = searchDocument({ id: 'aaaaaaaa-0000-4000-8000-0000000000ff', title: 'Alt' });
		liveIndex([old]);
		fake.failNext('documentAdditionOrUpdate', 'invalid_document_geo_field', 'bad _geo');
		await expect(engine.replaceAll([kurs()])).rejects.toThrow(/invalid_document_geo_field/);
		expect(fake.lines({ polls: 'once' }).slice(-2)).toEqual([
			`DELETE /indexes/offers_${NOW}`,
			'GET /tasks/3'
		]);
		expect(fake.lines()).not.toContain('POST /swap-indexes');
		expect([...fake.indexes.keys()]).toEqual(['offers']);
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual([old.id]);
	});
});

describe('search', () => {
	const hit = (doc: ReturnType<typeof kurs>, extra: Record<string, unknown> = {}) => {
		const stored = toMeiliDocument(doc);
		return Object.fromEntries(
			Object.entries({ ...stored, ...extra }).filter(
				([key]) => RETRIEVED_ATTRIBUTES.includes(key) || key.startsWith('_')
			)
		);
	};

	it('asks once for hits and facets, and once more for each facet that filters', async () => {
		liveIndex();
		fake.searchResponder = (queries) =>
			queries.map((query, i) => ({
				indexUid: 'offers',
				hits: i === 0 ? [hit(kurs(), { _rankingScore: 0.93 })] : [],
				query: query.q,
				processingTimeMs: 1,
				hitsPerPage: 20,
				page: 1,
				totalPages: 1,
				totalHits: i === 0 ? 1 : 0,
				facetDistribution:
					i === 0
						? { district_slug: { altstadt: 1 }, languages: { de: 1 }, weekdays: {} }
						: i === 1
							? { categories: { language_course: 1, cultural_cafe: 3 } }
							: { is_free: { true: 1, false: 2 } }
			}));
		const engine = engineFor();
		const result = await engine.search({
			q: 'Deutschkurs',
			locale: 'ar',
			filters: { category: ['language_course', 'sports'], free: true, language: [] }
		});
		expect(fake.lines()).toEqual(['POST /multi-search']);
		expect(fake.requests[0].authorization).toBe(`Bearer ${SEARCH_KEY}`);
		const attributes = ['district_slug', 'languages', 'target_groups', 'weekdays', 'german_level'];
		expect(fake.requests[0].body).toEqual({
			queries: [
				{
					indexUid: 'offers',
					q: 'deutschkurs',
					matchingStrategy: 'all',
					page: 1,
					hitsPerPage: 20,
					filter: ['categories IN ["language_course", "sports"]', 'is_free = true'],
					facets: [...attributes, 'childcare', 'women_only', 'wheelchair_accessible'],
					// the reader's language first; relevance within (the ranking rules after `sort`)
					sort: ['language_group_ar:asc'],
					showRankingScore: true,
					attributesToRetrieve: RETRIEVED_ATTRIBUTES
				},
				{
					indexUid: 'offers',
					q: 'deutschkurs',
					matchingStrategy: 'all',
					limit: 0,
					filter: ['is_free = true'],
					facets: ['categories']
				},
				{
					indexUid: 'offers',
					q: 'deutschkurs',
					matchingStrategy: 'all',
					limit: 0,
					filter: ['categories IN ["language_course", "sports"]'],
					facets: ['is_free']
				}
			]
		});
		expect(result.total).toBe(1);
		expect(result.hits).toEqual([
			{
				id: kurs().id,
				score: 0.93,
				distance: null,
				offer: expect.objectContaining({
					title: 'Deutschkurs für Frauen',
					text_locale: 'de',
					category: 'language_course',
					latitude: 47.7261,
					longitude: 10.3139
				})
			}
		]);
		expect(result.facets).toEqual({
			category: { language_course: 1, cultural_cafe: 3, sports: 0 },
			district: { altstadt: 1 },
			language: { de: 1 },
			target_group: {},
			weekday: {},
			german_level: {},
			free: { true: 1, false: 2 },
			childcare: {},
			women_only: {},
			wheelchair: {}
		});
	});

	it('sends the query folded, so that the server’s tokenizer only ever sees folded text', async () => {
		const docs = {
			strasse: searchDocument({ title: 'Fest auf der Straße' }),
			buero: searchDocument({ title: 'Sprechstunde im Bürgerbüro München' }),
			arabic: searchDocument({
				texts: { ar: { title: 'نادي الكتاب العربي', summary: null, description: null } },
				original_locale: 'ar'
			}),
			persian: searchDocument({
				texts: { fa: { title: 'دورهمی کتابخوانی', summary: null, description: null } },
				original_locale: 'fa'
			}),
			turkish: searchDocument({
				texts: { tr: { title: 'Dikiş atölyesi', summary: null, description: null } },
				original_locale: 'tr'
			})
		};
		const engine = engineFor();
		await engine.replaceAll(Object.values(docs));
		const found = async (q: string) =>
			(await engine.search({ q, locale: 'de' })).hits.map((h) => h.id);
		// the fake matches words literally: these meet only because both sides were folded
		expect(await found('STRASSE')).toEqual([docs.strasse.id]);
		expect(await found('Buergerbuero Muenchen')).toEqual([docs.buero.id]);
		expect(await found('نادی کتاب')).toEqual([docs.arabic.id]);
		expect(await found('كتابخواني')).toEqual([docs.persian.id]);
		expect(await found('DİKİŞ atölyesı')).toEqual([docs.turkish.id]);

		const sent = fake.requests
			.filter((r) => r.path === '/multi-search')
			.flatMap((r) => (r.body as { queries: { q: string }[] }).queries.map((query) => query.q));
		expect(sent).toEqual(
			expect.arrayContaining([
				'strasse',
				'burgerburo munchen',
				'نادي كتاب',
				'كتابخواني',
				'dikis atolyesi'
			])
		);
		expect(sent.join(' ')).not.toMatch(/[ßäöüıİیکA-Z]/);
		expect(queriesOf(2)[0].locales).toEqual(['ara', 'pes']);
		const stored = [...fake.indexes.get('offers')!.documents.values()];
		expect(stored.find((doc) => doc.id === docs.persian.id)).toMatchObject({
			title_fa: 'دورهمی کتابخوانی',
			folded_title_fa: 'دورهمي كتابخواني'
		});
	});

	it('counts every match for an offset between pages, with one more query of no hits', async () => {
		const docs = Array.from({ length: 25 }, (_, i) =>
			searchDocument({ title: `Angebot ${String(i).padStart(2, '0')}` })
		);
		const engine = engineFor();
		await engine.replaceAll(docs);
		fake.requests.length = 0;

		const between = await engine.search({ locale: 'de', limit: 10, offset: 5 });
		expect(between.total).toBe(25);
		expect(between.hits.map((h) => h.offer.title)).toEqual(
			docs.slice(5, 15).map((d) => d.texts.de.title)
		);
		const queries = queriesOf(0);
		expect(queries[0]).toMatchObject({ offset: 5, limit: 10 });
		expect(queries.at(-1)).toMatchObject({ hitsPerPage: 0 });
		expect(queries.at(-1)).not.toHaveProperty('facets');

		// the estimate alone would have been wrong
		expect(
			(await master().multiSearch({ queries: [{ indexUid: 'offers', offset: 5, limit: 10 }] }))
				.results[0]
		).toMatchObject({ estimatedTotalHits: 16 });

		// with filters, the count has them too; on a page boundary no extra query is needed
		const filtered = await engine.search({
			locale: 'de',
			limit: 3,
			offset: 1,
			filters: { category: ['cultural_cafe'], free: true }
		});
		expect(filtered.total).toBe(25);
		expect(queriesOf(2).at(-1)).toMatchObject({
			hitsPerPage: 0,
			filter: ['categories IN ["cultural_cafe"]', 'is_free = true']
		});
		const paged = await engine.search({ locale: 'de', limit: 10, offset: 20 });
		expect(paged.total).toBe(25);
		expect(paged.hits).toHaveLength(5);
		expect(queriesOf(3)).toHaveLength(1);
		expect(queriesOf(3)[0]).toMatchObject({ page: 3, hitsPerPage: 10 });
	});

	it('sorts by distance near a point and by title without words', async () => {
		const far = searchDocument({ title: 'Aaa weit weg', location: { lat: 47.8, lng: 10.4 } });
		const engine = engineFor();
		await engine.replaceAll([kurs(), cafe(), far]);
		const near = await engine.search({ locale: 'de', near: { lat: 47.7262, lng: 10.314 } });
		expect(near.hits.map((h) => [h.id, h.distance === null ? null : h.distance < 20])).toEqual([
			[kurs().id, true],
			[far.id, false],
			[cafe().id, null]
		]);
		expect(queriesOf(0)[0]).toMatchObject({
			sort: ['language_group_de:asc', '_geoPoint(47.7262, 10.314):asc']
		});
		const titles = await engine.search({ locale: 'de-simple' });
		// no plain-German texts: German shows (not the café's English), and sorts
		expect(titles.hits.map((h) => h.offer.title)).toEqual([
			'Aaa weit weg',
			'Begegnungscafé',
			'Deutschkurs für Frauen'
		]);
		expect(queriesOf(1)[0]).toMatchObject({
			sort: ['language_group_de_simple:asc', 'sort_title_de_simple:asc']
		});
		await engine.search({ locale: 'de', q: 'Deutschkurs' });
		expect(queriesOf(2)[0]).toMatchObject({ sort: ['language_group_de:asc'] });
		// with a language filter every offer is held in a chosen language: only the text counts
		await engine.search({ locale: 'ar', filters: { language: ['ar'] } });
		expect(queriesOf(3)[0]).toMatchObject({
			sort: ['own_text_ar:desc', 'sort_title_ar:asc']
		});
	});

	it('keeps the offers with most of the words when none has all', async () => {
		const engine = engineFor();
		await engine.replaceAll([kurs(), cafe()]);
		fake.requests.length = 0;
		const result = await engine.search({ locale: 'en', q: 'Begegnungscafé Marsmond' });
		expect(queriesOf(0)[0].matchingStrategy).toBe('all');
		expect(queriesOf(1)[0].matchingStrategy).toBe('last');
		expect(result.hits.map((h) => [h.id, h.offer.title, h.offer.text_locale])).toEqual([
			[cafe().id, 'Meeting café', 'en']
		]);
	});

	it('asks only what the index allows: every filter, facet and sort passes the server’s checks', async () => {
		const engine = engineFor();
		await engine.replaceAll([kurs(), cafe()]);
		const result = await engine.search({
			q: 'kurs',
			locale: 'uk',
			near: { lat: 47.7, lng: 10.3 },
			limit: 7,
			offset: 3,
			filters: {
				category: ['language_course'],
				district: ['altstadt'],
				language: ['de'],
				target_group: ['women'],
				weekday: ['TU'],
				german_level: ['none'],
				free: true,
				childcare: false,
				women_only: false,
				wheelchair: false
			}
		});
		expect(result.total).toBe(0);
		expect(queriesOf(0)).toHaveLength(12);
	});
});

describe('state', () => {
	it('counts the documents of this shape and names the newest change', async () => {
		const engine = engineFor();
		const older = searchDocument({ updated_at: '2026-11-02T08:00:00.123456+00:00' });
		const newer = searchDocument({ updated_at: '2026-11-20T09:30:00+00:00' });
		await engine.replaceAll([kurs(), newer, older]);
		expect(await engine.state()).toEqual({ documents: 3, newest: '2026-11-20T09:30:00+00:00' });
		const stateQuery = fake.requests.filter((r) => r.path === '/multi-search').at(-1)!;
		expect(stateQuery.authorization).toBe(`Bearer ${SEARCH_KEY}`);

		// a document written by an older version is not counted: the worker will rebuild
		fake.indexes
			.get('offers')!
			.documents.set('old', { ...toMeiliDocument(cafe()), id: 'old', schema: 1 });
		expect(await engine.state()).toMatchObject({ documents: 3 });
	});

	it('is empty for an index that does not exist yet, which it creates', async () => {
		expect(await engineFor().state()).toEqual({ documents: 0, newest: null });
		expect(fake.indexes.get('offers')?.settings).toEqual(
			JSON.parse(JSON.stringify(meiliSettings()))
		);
	});
});

describe('keys', () => {
	it('searches with the search key and writes with the admin key, which may swap offers_<timestamp> in', async () => {
		const engine = engineFor();
		await engine.replaceAll([kurs()]);
		await engine.upsert([cafe()]);
		await engine.search({ locale: 'de', q: 'kurs' });
		await engine.state();
		expect(await engine.health()).toMatchObject({ ok: true, documents: 2 });
		const keyOf = (r: (typeof fake.requests)[number]) => r.authorization?.replace('Bearer ', '');
		expect(new Set(fake.requests.filter((r) => r.path === '/multi-search').map(keyOf))).toEqual(
			new Set([SEARCH_KEY])
		);
		expect(
			new Set(
				fake.requests.filter((r) => !['/multi-search', '/health'].includes(r.path)).map(keyOf)
			)
		).toEqual(new Set([ADMIN_KEY]));
	});

	it('takes MEILI_SEARCH_KEY and MEILI_ADMIN_KEY, and MEILI_KEY for either that is missing', () => {
		expect(
			meiliKeysFromEnv({ MEILI_SEARCH_KEY: 's', MEILI_ADMIN_KEY: 'a', MEILI_KEY: 'k' })
		).toEqual({
			searchKey: 's',
			adminKey: 'a'
		});
		expect(meiliKeysFromEnv({ MEILI_KEY: 'k', MEILI_ADMIN_KEY: 'a' })).toEqual({
			searchKey: 'k',
			adminKey: 'a'
		});
		expect(meiliKeysFromEnv({})).toEqual({ searchKey: undefined, adminKey: undefined });
	});

	it('describes what each key needs, so that a deploy check can compare the keys of GET /keys', async () => {
		expect(MEILI_KEY_REQUIREMENTS.search).toMatchObject({
			env: 'MEILI_SEARCH_KEY',
			actions: ['search'],
			indexes: ['offers*']
		});
		expect([...MEILI_KEY_REQUIREMENTS.admin.actions].sort()).toEqual([
			'documents.add',
			'documents.delete',
			'indexes.create',
			'indexes.delete',
			'indexes.get',
			'indexes.swap',
			'settings.get',
			'settings.update',
			'stats.get',
			'tasks.get'
		]);
		expect(meiliKeyRequirements('angebote').admin.indexes).toEqual(['angebote*']);

		const { results } = await master().getKeys();
		const listed = (key: string) => results.find((k) => k.key === key)!;
		expect(missingPermissions(listed(SEARCH_KEY), MEILI_KEY_REQUIREMENTS.search)).toEqual([]);
		expect(missingPermissions(listed(ADMIN_KEY), MEILI_KEY_REQUIREMENTS.admin)).toEqual([]);
		expect(missingPermissions(listed(SEARCH_KEY), MEILI_KEY_REQUIREMENTS.admin)).toContain(
			'action indexes.swap'
		);
		expect(
			missingPermissions({ actions: ['*'], indexes: ['offers'] }, MEILI_KEY_REQUIREMENTS.admin)
		).toEqual(['index offers*']);
		expect(
			missingPermissions(
				{
					actions: ['documents.*', 'indexes.*', 'settings.*', 'tasks.*', 'stats.*'],
					indexes: ['*']
				},
				MEILI_KEY_REQUIREMENTS.admin
			)
		).toEqual([]);
		await expect(
			new Meilisearch({ host: fake.url, apiKey: ADMIN_KEY }).getKeys()
		).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } });
	});

	it('cannot rebuild with an admin key for `offers` alone, and leaves the live index as it was', async () => {
		await fake.stop();
		const narrow = { ...MEILI_KEY_REQUIREMENTS.admin, indexes: ['offers'] };
		fake = await new FakeMeilisearch({
			masterKey: MASTER,
			keys: keysFor({ ...MEILI_KEY_REQUIREMENTS, admin: narrow })
		}).start();
		liveIndex([cafe()]);
		const engine = engineFor();
		await expect(engine.replaceAll([kurs()])).rejects.toMatchObject({
			cause: { code: 'invalid_api_key' }
		});
		expect([...fake.indexes.keys()]).toEqual(['offers']);
		// writes to the live index itself still work
		await engine.upsert([kurs()]);
		expect(fake.indexes.get('offers')!.documents.size).toBe(2);
	});

	it('cannot swap without indexes.swap, and removes the half-built index', async () => {
		await fake.stop();
		const noSwap = {
			...MEILI_KEY_REQUIREMENTS.admin,
			actions: MEILI_KEY_REQUIREMENTS.admin.actions.filter((a) => a !== 'indexes.swap')
		};
		fake = await new FakeMeilisearch({
			masterKey: MASTER,
			keys: keysFor({ ...MEILI_KEY_REQUIREMENTS, admin: noSwap })
		}).start();
		liveIndex([cafe()]);
		await expect(engineFor().replaceAll([kurs()])).rejects.toMatchObject({
			cause: { code: 'invalid_api_key' }
		});
		expect(fake.lines({ polls: 'once' }).slice(-3)).toEqual([
			'POST /swap-indexes',
			`DELETE /indexes/offers_${NOW}`,
			'GET /tasks/3'
		]);
		expect([...fake.indexes.keys()]).toEqual(['offers']);
	});

	it('is refused searches with the admin key’s lack of `search`, and writes with the search key', async () => {
		liveIndex();
		const swapped = engineFor({ searchKey: ADMIN_KEY, adminKey: SEARCH_KEY });
		await expect(swapped.search({ locale: 'de' })).rejects.toMatchObject({
			cause: {
				code: 'invalid_api_key',
				message: expect.stringMatching(/^Inside `.queries\[0\]`: /)
			}
		});
		await expect(swapped.upsert([kurs()])).rejects.toMatchObject({
			cause: { code: 'invalid_api_key' }
		});
	});
});

describe('the fake refuses what Meilisearch refuses', () => {
	const raw = (path: string, init: RequestInit & { key?: string | null } = {}) => {
		const { key = MASTER, ...rest } = init;
		return fetch(`${fake.url}${path}`, {
			...rest,
			headers: {
				'content-type': 'application/json',
				...(key === null ? {} : { authorization: `Bearer ${key}` })
			}
		}).then(async (response) => ({ status: response.status, body: await response.json() }));
	};

	it('a request without a key, or with a wrong one', async () => {
		expect(await raw('/indexes/offers', { key: null })).toEqual({
			status: 401,
			body: expect.objectContaining({ code: 'missing_authorization_header', type: 'auth' })
		});
		expect(await raw('/indexes/offers', { key: 'nope' })).toEqual({
			status: 403,
			body: expect.objectContaining({ code: 'invalid_api_key', type: 'auth' })
		});
		// health needs none
		expect(await raw('/health', { key: null })).toEqual({
			status: 200,
			body: { status: 'available' }
		});
		await expect(
			engineFor({ searchKey: undefined }).search({ locale: 'de' })
		).rejects.toMatchObject({
			cause: { code: 'missing_authorization_header' }
		});
	});

	it('a key without the action, or whose index patterns do not cover the index', async () => {
		liveIndex();
		expect(await raw('/indexes/offers/stats', { key: SEARCH_KEY })).toMatchObject({
			status: 403,
			body: { code: 'invalid_api_key' }
		});
		expect(await raw('/indexes/other', { key: ADMIN_KEY })).toMatchObject({
			status: 403,
			body: { code: 'invalid_api_key' }
		});
		expect(await raw('/indexes/offers_2', { key: ADMIN_KEY })).toMatchObject({
			status: 404,
			body: { code: 'index_not_found' }
		});
		expect(
			await raw('/swap-indexes', {
				key: ADMIN_KEY,
				method: 'POST',
				body: JSON.stringify([{ indexes: ['offers', 'other'] }])
			})
		).toMatchObject({ status: 403, body: { code: 'invalid_api_key' } });
	});

	it('unknown settings, and lists of attributes that are not lists', async () => {
		liveIndex();
		const admin = new Meilisearch({ host: fake.url, apiKey: ADMIN_KEY });
		expect(
			await refusal(
				admin.index('offers').updateSettings({ filterableAttribute: ['category'] } as never)
			)
		).toMatchObject({
			status: 400,
			code: 'bad_request',
			message: expect.stringMatching(/^Unknown field `filterableAttribute`: expected one of /)
		});
		expect(
			await refusal(
				admin.index('offers').updateSettings({ sortableAttributes: 'updated_ms' } as never)
			)
		).toMatchObject({ status: 400, code: 'invalid_settings_sortable_attributes' });
	});

	it('filters, facets and sorts on attributes the settings do not allow', async () => {
		liveIndex();
		const search = new Meilisearch({ host: fake.url, apiKey: SEARCH_KEY });
		const one = (query: Record<string, unknown>) =>
			refusal(search.multiSearch({ queries: [{ indexUid: 'offers', ...query }] }));
		expect(await one({ filter: ['organisation_name = "x"'] })).toMatchObject({
			status: 400,
			code: 'invalid_search_filter',
			message: expect.stringMatching(
				/^Inside `.queries\[0\]`: Index `offers`: Attribute `organisation_name` is not filterable/
			)
		});
		expect(await one({ facets: ['measures'] })).toMatchObject({
			status: 400,
			code: 'invalid_search_facets'
		});
		expect(await one({ sort: ['updated_at:desc'] })).toMatchObject({
			status: 400,
			code: 'invalid_search_sort',
			message: expect.stringMatching(/Attribute `updated_at` is not sortable/)
		});
		expect(await one({ hitsPerpage: 0 })).toMatchObject({ status: 400, code: 'bad_request' });
		// geo sorts need _geo, which our settings make sortable
		await search.multiSearch({
			queries: [{ indexUid: 'offers', sort: ['_geoPoint(47.7, 10.3):asc'] }]
		});
	});

	it('any access to a missing index, in a multi-search too', async () => {
		expect(await raw('/indexes/offers')).toMatchObject({
			status: 404,
			body: { code: 'index_not_found', message: 'Index `offers` not found.' }
		});
		expect(await raw('/indexes/offers/stats')).toMatchObject({ status: 404 });
		expect(await raw('/indexes/offers/settings')).toMatchObject({ status: 404 });
		expect(
			await raw('/multi-search', {
				method: 'POST',
				body: JSON.stringify({ queries: [{ indexUid: 'offers', q: '' }] })
			})
		).toMatchObject({
			status: 400,
			body: {
				code: 'index_not_found',
				message: 'Inside `.queries[0]`: Index `offers` not found.'
			}
		});
		await expect(engineFor().search({ locale: 'de' })).rejects.toMatchObject({
			cause: { code: 'index_not_found' }
		});
		// a deletion task on a missing index fails
		const engine = engineFor();
		await engine.upsert([kurs()]);
		fake.indexes.delete('offers');
		await expect(engine.remove([kurs().id])).rejects.toThrow(/failed: index_not_found/);
	});

	it('a write takes effect only when its task is done, after enqueued and processing', async () => {
		liveIndex([]);
		const add = await raw('/indexes/offers/documents', {
			method: 'POST',
			body: JSON.stringify([toMeiliDocument(kurs())])
		});
		expect(add).toMatchObject({ status: 202, body: { taskUid: 0, status: 'enqueued' } });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await raw('/tasks/0')).body.status);
		expect(statuses).toEqual(['enqueued', 'processing', 'succeeded', 'succeeded']);

		await raw('/indexes/offers/documents', {
			method: 'POST',
			body: JSON.stringify([toMeiliDocument(cafe())])
		});
		expect(fake.indexes.get('offers')!.documents.size).toBe(1);
		const stats = await raw('/indexes/offers/stats');
		expect(stats.body.numberOfDocuments).toBe(1);
		fake.settle();
		expect(fake.indexes.get('offers')!.documents.size).toBe(2);
	});
});

// The whole contract but typo tolerance, through the adapter, against the strict fake: every
// request the contract causes must pass its checks, and its literal matching finds folded words
// only because the adapter folded both sides.
engineContract(
	'meilisearch adapter against the fake',
	async () => engineFor({ now: () => new Date() }),
	{
		typos: false
	}
);

describe('health', () => {
	it('is ok with the document count when the server and the index answer', async () => {
		const engine = engineFor();
		await engine.upsert([kurs(), cafe()]);
		fake.requests.length = 0;
		expect(await engine.health()).toEqual({ ok: true, engine: 'meilisearch', documents: 2 });
		expect(fake.lines()).toEqual(['GET /health', 'GET /indexes/offers/stats']);
	});

	it('is not ok without the index, or without the server', async () => {
		const engine = engineFor();
		expect(await engine.health()).toMatchObject({
			ok: false,
			detail: expect.stringMatching(/not found/)
		});
		await fake.stop();
		expect(await engine.health()).toMatchObject({ ok: false, engine: 'meilisearch' });
		await expect(engine.search({ locale: 'de' })).rejects.toThrow();
		fake = await new FakeMeilisearch().start();
	});
});
