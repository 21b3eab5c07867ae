/**
 * The Meilisearch adapter at the HTTP boundary: the real `meilisearch` client talks to a local
 * server that records its requests and answers as Meilisearch documents it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeMeilisearch } from './fake-meilisearch';
import { searchDocument } from './fixtures';
import { MeilisearchEngine } from './meilisearch';
import { meiliSettings, RETRIEVED_ATTRIBUTES, toMeiliDocument } from './meilisearch-schema';

const NOW = 1_763_700_000_000;
let fake: FakeMeilisearch;

const engineFor = (options: { batchSize?: number } = {}) =>
	new MeilisearchEngine({
		host: fake.url,
		apiKey: 'test-key',
		taskIntervalMs: 1,
		taskTimeoutMs: 2_000,
		now: () => new Date(NOW),
		...options
	});

beforeEach(async () => {
	fake = await new FakeMeilisearch().start();
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

describe('documents and settings', () => {
	it('flattens a document: texts and keywords per locale, sort titles, _geo', () => {
		const doc = toMeiliDocument(cafe());
		expect(doc).toMatchObject({
			id: 'aaaaaaaa-0000-4000-8000-000000000002',
			category: 'cultural_cafe',
			district_slug: 'altstadt',
			is_free: true,
			weekdays: [],
			title_de: 'Begegnungscafé',
			summary_de: 'Jeden Donnerstag',
			title_en: 'Meeting café',
			description_en: 'Coffee and talk',
			sort_title_de: 'begegnungscafe',
			sort_title_en: 'meeting cafe',
			// Arabic has no text: the list shows English, and sorts by it
			sort_title_ar: 'meeting cafe'
		});
		expect(doc).not.toHaveProperty('_geo');
		expect(doc).not.toHaveProperty('title_ar');
		expect(doc.keywords_uk).toEqual(expect.arrayContaining(['Культурне кафе', 'мовне кафе']));
		expect(doc.keywords_de_simple).toEqual(expect.arrayContaining(['Treff-Café']));
		expect(toMeiliDocument(kurs())._geo).toEqual({ lat: 47.7261, lng: 10.3139 });
	});

	it('makes facets filterable, distance and titles sortable, and marks each locale’s fields', () => {
		const settings = meiliSettings();
		expect(settings.filterableAttributes).toEqual([
			'category',
			'district_slug',
			'languages',
			'target_groups',
			'weekdays',
			'german_level',
			'is_free',
			'childcare',
			'women_only',
			'wheelchair_accessible',
			'_geo'
		]);
		expect(settings.sortableAttributes).toEqual(
			expect.arrayContaining(['_geo', 'sort_title_de', 'sort_title_ar'])
		);
		expect(settings.searchableAttributes?.slice(0, 2)).toEqual(['title_de', 'title_de_simple']);
		expect(settings.localizedAttributes).toEqual(
			expect.arrayContaining([
				{ attributePatterns: ['*_de', '*_de_simple'], locales: ['deu'] },
				{ attributePatterns: ['*_ar'], locales: ['ara'] },
				{ attributePatterns: ['*_fa'], locales: ['pes'] },
				{ attributePatterns: ['*_uk'], locales: ['ukr'] }
			])
		);
		expect(settings.synonyms?.['sprachkurs']).toEqual(
			expect.arrayContaining(['دورة لغة', 'мовний курс'])
		);
		expect(settings.typoTolerance).toEqual({
			enabled: true,
			minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }
		});
	});
});

describe('writes', () => {
	it('creates the index with its settings before the first upsert, then only adds documents', async () => {
		const engine = engineFor();
		await engine.upsert([kurs()]);
		expect(fake.lines()).toEqual([
			'GET /indexes/offers',
			'POST /indexes',
			'GET /tasks/0',
			'PATCH /indexes/offers/settings',
			'GET /tasks/1',
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/2'
		]);
		const [, create, , settings, , add] = fake.requests;
		expect(create.body).toEqual({ uid: 'offers', primaryKey: 'id' });
		expect(settings.body).toEqual(JSON.parse(JSON.stringify(meiliSettings())));
		expect(add.body).toEqual([JSON.parse(JSON.stringify(toMeiliDocument(kurs())))]);
		expect(fake.requests.every((r) => r.authorization === 'Bearer test-key')).toBe(true);

		fake.requests.length = 0;
		await engine.upsert([kurs(), cafe()]);
		await engine.upsert([kurs()]);
		expect(fake.lines()).toEqual([
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/3',
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/4'
		]);
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual([kurs().id, cafe().id]);
	});

	it('brings the settings of an existing index up to date once', async () => {
		const engine = engineFor();
		fake.indexes.set('offers', {
			primaryKey: 'id',
			documents: new Map(),
			settings: {},
			createdAt: ''
		});
		await engine.remove([kurs().id, cafe().id]);
		await engine.remove([]);
		expect(fake.lines()).toEqual([
			'GET /indexes/offers',
			'PATCH /indexes/offers/settings',
			'GET /tasks/0',
			'POST /indexes/offers/documents/delete-batch',
			'GET /tasks/1'
		]);
		expect(fake.requests[3].body).toEqual([kurs().id, cafe().id]);
	});

	it('fails when a task fails, and tries the settings again next time', async () => {
		const engine = engineFor();
		fake.failNext('settingsUpdate', 'invalid_settings_filterable_attributes', 'no good');
		await expect(engine.upsert([kurs()])).rejects.toThrow(
			/settings of offers \(task 1\) failed: invalid_settings_filterable_attributes: no good/
		);
		fake.requests.length = 0;
		await engine.upsert([kurs()]);
		expect(fake.lines()).toEqual([
			'GET /indexes/offers',
			'PATCH /indexes/offers/settings',
			'GET /tasks/2',
			'POST /indexes/offers/documents?primaryKey=id',
			'GET /tasks/3'
		]);
	});

	it('rebuilds into offers_<timestamp>, swaps it in atomically and deletes the old index', async () => {
		const engine = engineFor({ batchSize: 2 });
		const old = searchDocument({ id: 'aaaaaaaa-0000-4000-8000-0000000000ff', title: 'Alt' });
		fake.indexes.set('offers', {
			primaryKey: 'id',
			documents: new Map([[old.id, toMeiliDocument(old)]]),
			settings: {},
			createdAt: ''
		});
		const docs = [kurs(), cafe(), searchDocument({ id: 'aaaaaaaa-0000-4000-8000-000000000003' })];
		await engine.replaceAll(docs);
		const fresh = `offers_${NOW}`;
		expect(fake.lines()).toEqual([
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
		expect(fake.requests[0].body).toEqual({ uid: fresh, primaryKey: 'id' });
		expect((fake.requests[4].body as unknown[]).length).toBe(2);
		expect((fake.requests[6].body as unknown[]).length).toBe(1);
		expect(fake.requests[9].body).toEqual([{ indexes: ['offers', fresh] }]);
		expect([...fake.indexes.keys()]).toEqual(['offers']);
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual(docs.map((d) => d.id));

		// afterwards, upserts need no preparation
		fake.requests.length = 0;
		await engine.upsert([kurs()]);
		expect(fake.lines()[0]).toBe('POST /indexes/offers/documents?primaryKey=id');
	});

	it('creates the live index for the swap when there is none yet', async () => {
		await engineFor().replaceAll([kurs()]);
		expect(fake.lines().slice(6, 9)).toEqual([
			'GET /indexes/offers',
			'POST /indexes',
			'GET /tasks/3'
		]);
		expect(fake.requests[7].body).toEqual({ uid: 'offers', primaryKey: 'id' });
		expect([...fake.indexes.get('offers')!.documents.keys()]).toEqual([kurs().id]);
		expect(fake.indexes.size).toBe(1);
	});

	it('leaves the live index alone and removes the half-built one when a rebuild fails', async () => {
		const engine = engineFor();
		const old = searchDocument({ id: 'aaaaaaaa-0000-4000-8000-0000000000ff', title: 'Alt' });
		fake.indexes.set('offers', {
			primaryKey: 'id',
			documents: new Map([[old.id, toMeiliDocument(old)]]),
			settings: {},
			createdAt: ''
		});
		fake.failNext('documentAdditionOrUpdate', 'invalid_document_geo_field', 'bad _geo');
		await expect(engine.replaceAll([kurs()])).rejects.toThrow(/invalid_document_geo_field/);
		expect(fake.lines().slice(-2)).toEqual([`DELETE /indexes/offers_${NOW}`, 'GET /tasks/3']);
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
							? { category: { language_course: 1, cultural_cafe: 3 } }
							: { is_free: { true: 1, false: 2 } }
			}));
		const engine = engineFor();
		const result = await engine.search({
			q: 'Deutschkurs',
			locale: 'ar',
			filters: { category: ['language_course', 'sports'], free: true, language: [] }
		});
		expect(fake.lines()).toEqual(['POST /multi-search']);
		const attributes = ['district_slug', 'languages', 'target_groups', 'weekdays', 'german_level'];
		expect(fake.requests[0].body).toEqual({
			queries: [
				{
					indexUid: 'offers',
					q: 'Deutschkurs',
					matchingStrategy: 'all',
					page: 1,
					hitsPerPage: 20,
					filter: ['category IN ["language_course", "sports"]', 'is_free = true'],
					facets: [...attributes, 'childcare', 'women_only', 'wheelchair_accessible'],
					showRankingScore: true,
					attributesToRetrieve: RETRIEVED_ATTRIBUTES
				},
				{
					indexUid: 'offers',
					q: 'Deutschkurs',
					matchingStrategy: 'all',
					limit: 0,
					filter: ['is_free = true'],
					facets: ['category']
				},
				{
					indexUid: 'offers',
					q: 'Deutschkurs',
					matchingStrategy: 'all',
					limit: 0,
					filter: ['category IN ["language_course", "sports"]'],
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

	it('sorts by distance near a point, by title without words, and tokenizes Arabic as Arabic', async () => {
		fake.searchResponder = (queries) =>
			queries.map(() => ({
				indexUid: 'offers',
				hits: [hit(kurs(), { _geoDistance: 1234.4 })],
				query: '',
				processingTimeMs: 1,
				limit: 20,
				offset: 5,
				estimatedTotalHits: 6,
				facetDistribution: {}
			}));
		const engine = engineFor();
		const near = await engine.search({ locale: 'de', near: { lat: 47.7, lng: 10.3 }, offset: 5 });
		expect(near.hits[0].distance).toBe(1234);
		expect(near.total).toBe(6);
		await engine.search({ locale: 'de-simple', limit: 10, offset: 20 });
		await engine.search({ locale: 'ar', q: 'دورة لغة' });
		const [first, second, third] = fake.requests.map(
			(r) => (r.body as { queries: Record<string, unknown>[] }).queries[0]
		);
		expect(first).toMatchObject({ sort: ['_geoPoint(47.7, 10.3):asc'], offset: 5, limit: 20 });
		expect(second).toMatchObject({ sort: ['sort_title_de_simple:asc'], page: 3, hitsPerPage: 10 });
		expect(third).toMatchObject({ q: 'دورة لغة', locales: ['ara', 'pes'] });
		expect(third).not.toHaveProperty('sort');
	});

	it('keeps the offers with most of the words when none has all', async () => {
		fake.searchResponder = (queries) =>
			queries.map((query) => ({
				indexUid: 'offers',
				hits: query.matchingStrategy === 'last' ? [hit(cafe())] : [],
				query: query.q,
				processingTimeMs: 1,
				hitsPerPage: 20,
				page: 1,
				totalPages: 1,
				totalHits: query.matchingStrategy === 'last' ? 1 : 0,
				facetDistribution: {}
			}));
		const result = await engineFor().search({ locale: 'en', q: 'Begegnungscafé Marsmond' });
		expect(
			fake.requests.map(
				(r) => (r.body as { queries: { matchingStrategy: string }[] }).queries[0].matchingStrategy
			)
		).toEqual(['all', 'last']);
		expect(result.hits.map((h) => [h.id, h.offer.title, h.offer.text_locale])).toEqual([
			[cafe().id, 'Meeting café', 'en']
		]);
	});
});

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
