/**
 * searchOffers: the engine answers; when it fails, the database does (plain filters) and the
 * result says it is degraded.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedSearchEngine } from './embedded';
import { searchDocument } from '$test/factories';
import { createSearchEngine, isIndexReady, searchOffers, setIndexReady } from './index';
import { MeilisearchEngine } from './meilisearch';
import {
	createOffer,
	createPlace,
	startTestSupabase,
	type TestSupabase
} from '$test/test-supabase';
import type { SearchEngine } from './types';

let supabase: TestSupabase;

beforeAll(async () => {
	supabase = await startTestSupabase();
	const { organisationId } = await createPlace(supabase.db);
	await createOffer(supabase.db, organisationId, { title: 'Deutschkurs am Abend' });
	await createOffer(supabase.db, organisationId, {
		title: 'Fußball',
		category: 'sports',
		free: false
	});
});
afterAll(async () => {
	await supabase?.close();
});

const broken = (): SearchEngine & { calls: number } => {
	const engine = new EmbeddedSearchEngine();
	return Object.assign(engine, {
		calls: 0,
		async search() {
			this.calls++;
			throw new Error('connect ECONNREFUSED');
		}
	});
};

describe('searchOffers', () => {
	it('answers from the engine when it works', async () => {
		const engine = new EmbeddedSearchEngine();
		const doc = searchDocument({ title: 'Aus dem Index' });
		await engine.replaceAll([doc]);
		const result = await searchOffers(supabase.anon, { locale: 'de' }, { engine });
		expect(result).toMatchObject({ degraded: false, total: 1 });
		expect(result.hits[0].offer.title).toBe('Aus dem Index');
	});

	it('answers from the database with plain filters when the engine fails, and says so', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const engine = broken();
			const result = await searchOffers(
				supabase.anon,
				{ locale: 'en', filters: { free: true, category: ['language_course', 'sports'] } },
				{ engine }
			);
			expect(result.degraded).toBe(true);
			expect(result.total).toBe(1);
			expect(result.hits).toEqual([
				{
					id: expect.any(String),
					score: 0,
					distance: null,
					offer: expect.objectContaining({
						title: 'Deutschkurs am Abend',
						text_locale: 'de',
						category: 'language_course',
						district_slug: 'altstadt',
						is_free: true
					})
				}
			]);
			// sports is selected: it stays, counted with the other filters (not free: 0)
			expect(result.facets.category).toEqual({ language_course: 1, sports: 0 });
			expect(result.facets.free).toEqual({ true: 1, false: 1 });
			expect(Object.keys(result.facets)).toHaveLength(10);
			expect(error).toHaveBeenCalledTimes(1);
		} finally {
			error.mockRestore();
		}
	});

	it('leaves a failed engine alone for a few seconds, then tries it again', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const engine = broken();
			let now = 1_000_000;
			const options = { engine, now: () => now };
			await searchOffers(supabase.anon, { locale: 'de', q: 'kurs' }, options);
			now += 1_000;
			const second = await searchOffers(supabase.anon, { locale: 'de', q: 'kurs' }, options);
			expect(engine.calls).toBe(1);
			// the database's words are plain substrings
			expect(second.hits.map((hit) => hit.offer.title)).toEqual(['Deutschkurs am Abend']);
			now += 5_000;
			await searchOffers(supabase.anon, { locale: 'de' }, options);
			expect(engine.calls).toBe(2);
		} finally {
			error.mockRestore();
		}
	});

	it('answers from the database, without blaming the engine, until its index is ready', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const engine = new EmbeddedSearchEngine();
			await engine.replaceAll([searchDocument({ title: 'Aus dem Index' })]);
			expect(isIndexReady(engine)).toBe(true);
			setIndexReady(engine, false);
			const pending = await searchOffers(supabase.anon, { locale: 'de' }, { engine });
			expect(pending).toMatchObject({ degraded: true, total: 2 });
			expect(error).not.toHaveBeenCalled();
			setIndexReady(engine, true);
			const ready = await searchOffers(supabase.anon, { locale: 'de' }, { engine });
			expect(ready).toMatchObject({ degraded: false, total: 1 });
		} finally {
			error.mockRestore();
		}
	});

	it('is degraded while the embedded index is still being built', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const result = await searchOffers(
				supabase.anon,
				{ locale: 'de', near: { lat: 47.72, lng: 10.31 } },
				{
					engine: new EmbeddedSearchEngine()
				}
			);
			expect(result.degraded).toBe(true);
			expect(result.total).toBe(2);
			expect(result.hits[0].distance).toBeGreaterThan(500);
		} finally {
			error.mockRestore();
		}
	});
});

describe('createSearchEngine', () => {
	it('is Meilisearch with MEILI_HOST, else the embedded engine', () => {
		const meili = createSearchEngine({
			MEILI_HOST: 'http://127.0.0.1:7700',
			MEILI_SEARCH_KEY: 's',
			MEILI_ADMIN_KEY: 'a',
			MEILI_INDEX: 'angebote'
		});
		expect(meili).toBeInstanceOf(MeilisearchEngine);
		expect((meili as MeilisearchEngine).indexUid).toBe('angebote');
		expect((meili as MeilisearchEngine).searchClient.config.apiKey).toBe('s');
		expect((meili as MeilisearchEngine).client.config.apiKey).toBe('a');
		expect(createSearchEngine({})).toBeInstanceOf(EmbeddedSearchEngine);
	});

	it('still takes the one MEILI_KEY of earlier versions for both keys', () => {
		const meili = createSearchEngine({
			MEILI_HOST: 'http://127.0.0.1:7700',
			MEILI_KEY: 'k'
		}) as MeilisearchEngine;
		expect(meili.searchClient.config.apiKey).toBe('k');
		expect(meili.client.config.apiKey).toBe('k');
		expect(meili.indexUid).toBe('offers');
	});
});
