import { generateDocuments, searchDocument } from '$test/factories';
import { engineContract } from '$test/search-contract';
import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from './embedded';
import { facetValues } from './shared';
import { FACETS, SearchUnavailableError, type SearchFilters } from './types';

engineContract('embedded', async () => new EmbeddedSearchEngine());

describe('the embedded engine', () => {
	it('refuses to search before its index is built, and says so in its health', async () => {
		const engine = new EmbeddedSearchEngine();
		expect(await engine.health()).toMatchObject({ ok: false, engine: 'embedded' });
		await expect(engine.search({ locale: 'de' })).rejects.toBeInstanceOf(SearchUnavailableError);
		await engine.replaceAll([]);
		expect(await engine.health()).toEqual({ ok: true, engine: 'embedded', documents: 0 });
	});

	it('answers from the old index while a new one is built, then swaps', async () => {
		const engine = new EmbeddedSearchEngine({ chunkSize: 10 });
		const old = searchDocument({ title: 'Altes Nähcafé' });
		await engine.replaceAll([old]);

		const fresh = Array.from({ length: 100 }, (_, i) =>
			searchDocument({ title: `Neues Angebot ${i}` })
		);
		const rebuild = engine.replaceAll(fresh);
		const seen: number[] = [];
		// the rebuild yields every 10 documents: searches run in between
		for (let i = 0; i < 5; i++) {
			await new Promise((resolve) => setImmediate(resolve));
			const result = await engine.search({ locale: 'de' });
			seen.push(result.total);
			expect(result.hits.map((hit) => hit.id)).toEqual([old.id]);
		}
		await rebuild;
		expect(seen).toEqual([1, 1, 1, 1, 1]);
		expect((await engine.search({ locale: 'de' })).total).toBe(100);
		expect((await engine.search({ locale: 'de', q: 'Nähcafé' })).total).toBe(0);
	});

	it('keeps changes made during a rebuild', async () => {
		const engine = new EmbeddedSearchEngine({ chunkSize: 5 });
		const docs = Array.from({ length: 50 }, (_, i) => searchDocument({ title: `Angebot ${i}` }));
		await engine.replaceAll([]);
		const rebuild = engine.replaceAll(docs);
		await new Promise((resolve) => setImmediate(resolve));
		const added = searchDocument({ title: 'Neu während des Aufbaus' });
		await engine.upsert([added]);
		await engine.remove([docs[0].id]);
		// the old index sees them at once
		expect((await engine.search({ locale: 'de', q: 'Aufbaus' })).total).toBe(1);
		await rebuild;
		const ids = (await engine.search({ locale: 'de', limit: 200 })).hits.map((hit) => hit.id);
		expect(ids).toContain(added.id);
		expect(ids).not.toContain(docs[0].id);
		expect(ids).toHaveLength(50);
	});

	it('compacts itself after many replacements without losing documents', async () => {
		const engine = new EmbeddedSearchEngine();
		const docs = Array.from({ length: 20 }, (_, i) => searchDocument({ title: `Kurs ${i}` }));
		await engine.replaceAll(docs);
		for (let round = 0; round < 30; round++) {
			await engine.upsert(docs.map((doc) => ({ ...doc, updated_at: `2026-11-${10 + round}` })));
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
		const result = await engine.search({ locale: 'de', q: 'Kurs', limit: 50 });
		expect(result.total).toBe(20);
		expect(await engine.health()).toMatchObject({ ok: true, documents: 20 });
	});

	it('counts facets as a brute-force count over the documents does', async () => {
		const docs = generateDocuments(600, 3);
		const engine = new EmbeddedSearchEngine();
		await engine.replaceAll(docs);
		const filters: SearchFilters = {
			category: ['language_course', 'family'],
			district: ['altstadt', 'buehl', 'thingers'],
			weekday: ['TU', 'SA'],
			free: true
		};
		const matches = (doc: (typeof docs)[number], except?: string) =>
			FACETS.every((facet) => {
				if (facet === except) return true;
				const selected =
					facet === 'free'
						? ['true']
						: ((filters as Record<string, string[] | undefined>)[facet] ?? []);
				return selected.length === 0 || facetValues(doc, facet).some((v) => selected.includes(v));
			});
		const result = await engine.search({ locale: 'de', filters, limit: 200 });
		expect(result.total).toBe(docs.filter((doc) => matches(doc)).length);
		expect(result.total).toBeGreaterThan(0);
		for (const facet of FACETS) {
			const expected: Record<string, number> = {};
			for (const doc of docs.filter((d) => matches(d, facet))) {
				for (const value of facetValues(doc, facet)) expected[value] = (expected[value] ?? 0) + 1;
			}
			expect(result.facets[facet], facet).toEqual(expected);
		}
	});

	it('ranks a title match above a match through the category’s keywords', async () => {
		const engine = new EmbeddedSearchEngine();
		const keywordOnly = searchDocument({
			title: 'Treffpunkt Sprache',
			category: 'language_course'
		});
		const inTitle = searchDocument({ title: 'Integrationskurs', category: 'language_course' });
		await engine.replaceAll([keywordOnly, inTitle]);
		const result = await engine.search({ locale: 'de', q: 'Integrationskurs' });
		expect(result.hits.map((hit) => hit.id)).toEqual([inTitle.id, keywordOnly.id]);
		expect(result.hits[0].score).toBeGreaterThan(result.hits[1].score);
	});

	it('ignores a point that is not one', async () => {
		const engine = new EmbeddedSearchEngine();
		const docs = [searchDocument({ title: 'B' }), searchDocument({ title: 'A' })];
		await engine.replaceAll(docs);
		const result = await engine.search({ locale: 'de', near: { lat: Number.NaN, lng: 10 } });
		expect(result.hits.map((hit) => [hit.offer.title, hit.distance])).toEqual([
			['A', null],
			['B', null]
		]);
	});

	it('keeps the offers with the most words when none has all of them', async () => {
		const engine = new EmbeddedSearchEngine();
		const cafe = searchDocument({ title: 'Sprachcafé Altstadt' });
		const other = searchDocument({ title: 'Nähstube', category: 'family' });
		await engine.replaceAll([cafe, other]);
		const result = await engine.search({ locale: 'de', q: 'Sprachcafé Marsmond' });
		expect(result.hits.map((hit) => hit.id)).toEqual([cafe.id]);
	});
});
