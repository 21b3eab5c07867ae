/**
 * The worker against the embedded Supabase (PGlite, the real migrations) and the embedded
 * engine: the outbox drains into the index, failures lose nothing, rebuilds swap.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedSearchEngine } from './embedded';
import {
	createOffer,
	createPlace,
	pendingOutbox,
	startTestSupabase,
	type TestSupabase
} from '$test/test-supabase';
import { isIndexReady, searchOffers } from './index';
import type { SearchEngine } from './types';
import {
	compareIndex,
	drainOutbox,
	readAllDocuments,
	rebuildIndex,
	SearchSyncError,
	startSearchWorker
} from './worker';

let supabase: TestSupabase;
let organisationId: string;

beforeAll(async () => {
	supabase = await startTestSupabase();
});
afterAll(async () => {
	await supabase?.close();
});
beforeEach(async () => {
	await supabase.db.query('delete from public.offers');
	await supabase.db.query('delete from public.search_outbox');
	({ organisationId } = await createPlace(supabase.db));
});

const titles = async (engine: SearchEngine, q?: string) =>
	(await engine.search({ locale: 'de', q, limit: 100 })).hits.map((hit) => hit.offer.title).sort();

/** An engine that fails while `down` is true. */
function flaky(engine: SearchEngine) {
	const state = { down: true, calls: 0 };
	const fail = () => {
		state.calls++;
		if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:7700');
	};
	const wrapped: SearchEngine = {
		name: engine.name,
		replaceAll: async (docs) => (fail(), engine.replaceAll(docs)),
		upsert: async (docs) => (fail(), engine.upsert(docs)),
		remove: async (ids) => (fail(), engine.remove(ids)),
		search: (query) => engine.search(query),
		health: () => engine.health(),
		state: () => engine.state()
	};
	return { engine: wrapped, state };
}

describe('drainOutbox', () => {
	it('indexes published offers, follows edits, removals and unpublishing, and empties the outbox', async () => {
		const engine = new EmbeddedSearchEngine();
		await engine.replaceAll([]);
		const kurs = await createOffer(supabase.db, organisationId, { title: 'Deutschkurs am Abend' });
		const cafe = await createOffer(supabase.db, organisationId, {
			title: 'Sprachcafé',
			category: 'cultural_cafe'
		});
		await createOffer(supabase.db, organisationId, { title: 'Entwurf', state: 'draft' });

		const first = await drainOutbox(supabase.service, engine);
		expect(first).toEqual({ offers: 3, upserted: 2, removed: 1 });
		expect(await titles(engine)).toEqual(['Deutschkurs am Abend', 'Sprachcafé']);
		expect(await pendingOutbox(supabase.db)).toEqual([]);
		// the document carries what the database knows
		const [hit] = (await engine.search({ locale: 'de', q: 'Abend' })).hits;
		expect(hit.offer).toMatchObject({ id: kurs, district_slug: 'altstadt', is_free: true });

		await supabase.db.query(
			`update public.offer_translations set title = 'Deutschkurs am Morgen' where offer_id = $1`,
			[kurs]
		);
		await supabase.db.query(`update public.offers set state = 'archived' where id = $1`, [cafe]);
		const second = await drainOutbox(supabase.service, engine);
		expect(second).toEqual({ offers: 2, upserted: 1, removed: 1 });
		expect(await titles(engine)).toEqual(['Deutschkurs am Morgen']);

		await supabase.db.query(`delete from public.offers where id = $1`, [kurs]);
		await drainOutbox(supabase.service, engine);
		expect(await titles(engine)).toEqual([]);
		expect(await drainOutbox(supabase.service, engine)).toEqual({
			offers: 0,
			upserted: 0,
			removed: 0
		});
	});

	it('keeps the rows with the error when the engine fails, and indexes them once it is back', async () => {
		const inner = new EmbeddedSearchEngine();
		await inner.replaceAll([]);
		const { engine, state } = flaky(inner);
		await createOffer(supabase.db, organisationId, { title: 'Integrationskurs' });

		await expect(drainOutbox(supabase.service, engine)).rejects.toBeInstanceOf(SearchSyncError);
		const failed = await pendingOutbox(supabase.db);
		expect(failed.length).toBeGreaterThan(0);
		expect(failed.every((row) => row.attempts === 1)).toBe(true);
		expect(failed[0].last_error).toMatch(/refused the changes: connect ECONNREFUSED/);
		// waiting for the backoff: nothing is claimed now
		expect(await drainOutbox(supabase.service, engine)).toEqual({
			offers: 0,
			upserted: 0,
			removed: 0
		});

		state.down = false;
		await supabase.db.query(
			`update public.search_outbox set retry_at = now() - interval '1 second'`
		);
		expect(await drainOutbox(supabase.service, engine)).toMatchObject({ offers: 1, upserted: 1 });
		expect(await titles(engine)).toEqual(['Integrationskurs']);
		expect(await pendingOutbox(supabase.db)).toEqual([]);
	});
});

describe('rebuildIndex', () => {
	it('swaps in an index of every published offer and requeues what changed meanwhile', async () => {
		const engine = new EmbeddedSearchEngine();
		await engine.replaceAll([]);
		await createOffer(supabase.db, organisationId, { title: 'Deutschkurs' });
		await createOffer(supabase.db, organisationId, { title: 'Fußball', category: 'sports' });
		await createOffer(supabase.db, organisationId, { title: 'Entwurf', state: 'draft' });
		await drainOutbox(supabase.service, engine);

		const progress: string[] = [];
		const report = await rebuildIndex(supabase.service, engine, {
			onProgress: (m) => progress.push(m)
		});
		expect(report).toMatchObject({ documents: 2 });
		// processed within the last minute: they may have changed while it read, so again
		expect(report.requeued).toBe(3);
		expect(await titles(engine)).toEqual(['Deutschkurs', 'Fußball']);
		expect(progress).toEqual([
			'read 2 documents',
			'building a fresh embedded index of 2 documents',
			'swapped in the fresh index'
		]);
		await drainOutbox(supabase.service, engine);
		expect(await titles(engine)).toEqual(['Deutschkurs', 'Fußball']);
	});
});

describe('startSearchWorker', () => {
	it('builds the embedded index at start, drains on its interval and backs off while the engine is down', async () => {
		await createOffer(supabase.db, organisationId, { title: 'Deutschkurs' });
		const inner = new EmbeddedSearchEngine();
		const { engine, state } = flaky(inner);
		const logs: string[] = [];
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const worker = startSearchWorker({
			supabase: supabase.service,
			engine,
			intervalMs: 10,
			maxBackoffMs: 40,
			rebuildOnStart: true,
			log: (message) => logs.push(message)
		});
		try {
			await new Promise((resolve) => setTimeout(resolve, 150));
			expect(inner.ready).toBe(false);
			const attempts = state.calls;
			// 10, 20, 40, 40 … ms: a handful of attempts, not one every 10 ms
			expect(attempts).toBeGreaterThan(1);
			expect(attempts).toBeLessThan(8);

			state.down = false;
			await worker.ready;
			expect(await titles(inner)).toEqual(['Deutschkurs']);
			await createOffer(supabase.db, organisationId, {
				title: 'Sprachcafé',
				category: 'cultural_cafe'
			});
			await expect
				.poll(() => titles(inner), { timeout: 3_000 })
				.toEqual(['Deutschkurs', 'Sprachcafé']);
			expect(logs[0]).toMatch(/^rebuilt the embedded index: 1 documents/);
			expect(errors.mock.calls[0][0]).toMatch(/worker round failed \(1 in a row\)/);
		} finally {
			await worker.stop();
			errors.mockRestore();
		}
	});
});

describe('compareIndex', () => {
	it('finds an index that missed a change, by count or by the newest change', async () => {
		const engine = new EmbeddedSearchEngine();
		await engine.replaceAll([]);
		const kurs = await createOffer(supabase.db, organisationId, { title: 'Deutschkurs' });
		await createOffer(supabase.db, organisationId, { title: 'Sprachcafé' });
		await createOffer(supabase.db, organisationId, { title: 'Entwurf', state: 'draft' });
		await drainOutbox(supabase.service, engine);

		const same = await compareIndex(supabase.service, engine);
		expect(same).toMatchObject({ same: true, database: { documents: 2 }, index: { documents: 2 } });
		expect(Date.parse(same.index!.newest!)).toBe(Date.parse(same.database.newest!));

		// an edit the index did not get: same count, newer change in the database
		await supabase.db.query(
			`update public.offer_translations set title = 'Deutschkurs am Morgen' where offer_id = $1`,
			[kurs]
		);
		expect((await compareIndex(supabase.service, engine)).same).toBe(false);
		await drainOutbox(supabase.service, engine);
		expect((await compareIndex(supabase.service, engine)).same).toBe(true);

		// an offer the index does not have
		await engine.remove([kurs]);
		expect(await compareIndex(supabase.service, engine)).toMatchObject({
			same: false,
			index: { documents: 1 },
			database: { documents: 2 }
		});
		// an embedded index not built yet has no state: it differs
		expect(await compareIndex(supabase.service, new EmbeddedSearchEngine())).toMatchObject({
			same: false,
			index: null
		});
	});
});

describe('the start of a worker whose index outlives it', () => {
	/** An index built earlier, as a Meilisearch index is there when the server starts. */
	async function persistentIndex() {
		const engine = new EmbeddedSearchEngine();
		await engine.replaceAll(await readAllDocuments(supabase.service));
		await supabase.db.query(`update public.search_outbox set processed_at = now()`);
		return engine;
	}

	it('keeps an index that matches the database, after applying the waiting changes', async () => {
		await createOffer(supabase.db, organisationId, { title: 'Deutschkurs' });
		const engine = await persistentIndex();
		// a change waiting in the outbox is no reason to rebuild
		await createOffer(supabase.db, organisationId, { title: 'Sprachcafé' });
		const replaceAll = vi.spyOn(engine, 'replaceAll');
		const logs: string[] = [];
		const worker = startSearchWorker({
			supabase: supabase.service,
			engine,
			intervalMs: 10_000,
			rebuildOnStart: false,
			log: (message) => logs.push(message)
		});
		try {
			expect(isIndexReady(engine)).toBe(false);
			await worker.ready;
			expect(isIndexReady(engine)).toBe(true);
			expect(replaceAll).not.toHaveBeenCalled();
			expect(await titles(engine)).toEqual(['Deutschkurs', 'Sprachcafé']);
			expect(logs).toEqual([
				expect.stringMatching(/^the embedded index matches the database: 2 documents, newest/)
			]);
		} finally {
			await worker.stop();
		}
	});

	it('rebuilds an index that missed changes, and lists come from the database until then', async () => {
		await createOffer(supabase.db, organisationId, { title: 'Deutschkurs' });
		const engine = await persistentIndex();
		// changed while no worker ran, and the outbox row purged: the index cannot know
		await createOffer(supabase.db, organisationId, { title: 'Sprachcafé' });
		await supabase.db.query(`delete from public.search_outbox`);
		const logs: string[] = [];
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const worker = startSearchWorker({
			supabase: supabase.service,
			engine,
			intervalMs: 10_000,
			rebuildOnStart: false,
			log: (message) => logs.push(message)
		});
		try {
			const before = await searchOffers(supabase.anon, { locale: 'de' }, { engine });
			expect(before).toMatchObject({ degraded: true, total: 2 });
			await worker.ready;
			expect(logs[0]).toMatch(
				/^the embedded index differs from the database \(index: 1 documents, .*; database: 2 documents, .*\): rebuilding it$/
			);
			expect(logs[1]).toMatch(/^rebuilt the embedded index: 2 documents/);
			const after = await searchOffers(supabase.anon, { locale: 'de' }, { engine });
			expect(after).toMatchObject({ degraded: false, total: 2 });
			expect(errors).not.toHaveBeenCalled();
		} finally {
			await worker.stop();
			errors.mockRestore();
		}
	});
});
