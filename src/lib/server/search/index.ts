/**
 * Search for the portal: one engine per process, chosen by the environment, and a search that
 * falls back to the database when the engine fails.
 *
 *   import { searchOffers } from '$lib/server/search';
 *   const result = await searchOffers(locals.supabase, { q: 'Deutschkurs', locale: 'ar' });
 *   if (result.degraded) … // say that search works in a simpler way right now
 *
 * MEILI_HOST selects Meilisearch, with MEILI_SEARCH_KEY for searches, MEILI_ADMIN_KEY for
 * the worker's writes (MEILI_KEY for either that is not set, deprecated; see
 * meilisearch-keys.ts) and MEILI_INDEX; without MEILI_HOST the embedded engine runs in this
 * process (the worker fills it: see worker.ts).
 *
 * Until the worker has compared the engine's index with the database at start (and rebuilt it
 * when they differ), lists come from the database and say `degraded`: see `setIndexReady`.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { searchDatabase } from './database';
import { EmbeddedSearchEngine } from './embedded';
import { MeilisearchEngine } from './meilisearch';
import { meiliKeysFromEnv } from './meilisearch-keys';
import type { SearchEngine, SearchFilters, SearchHit, SearchQuery, SearchResult } from './types';

export * from './types';
export * from './shared';
export { EmbeddedSearchEngine } from './embedded';
export { MeilisearchEngine } from './meilisearch';

/**
 * A search result; `degraded` when it came from the database, because the engine failed or
 * its index is not known to be complete yet.
 */
export interface OfferSearchResult extends SearchResult {
	degraded: boolean;
}

/** The engine the environment asks for. */
export function createSearchEngine(
	env: Record<string, string | undefined> = process.env
): SearchEngine {
	if (env.MEILI_HOST) {
		return new MeilisearchEngine({
			host: env.MEILI_HOST,
			...meiliKeysFromEnv(env),
			index: env.MEILI_INDEX || undefined
		});
	}
	return new EmbeddedSearchEngine();
}

// Kept on globalThis so that a module reloaded by Vite in development keeps its index.
const SLOT = Symbol.for('stadtteil-portal.search-engine');
type Slot = { [SLOT]?: SearchEngine };

/** The process's engine, created on first use. */
export function getSearchEngine(): SearchEngine {
	const slot = globalThis as Slot;
	slot[SLOT] ??= createSearchEngine();
	return slot[SLOT];
}

// Kept on globalThis like the engine: a reloaded module must not forget a pending index.
const PENDING = Symbol.for('stadtteil-portal.search-index-pending');
type PendingSlot = { [PENDING]?: WeakSet<SearchEngine> };
const pending = ((globalThis as PendingSlot)[PENDING] ??= new WeakSet());

/**
 * Whether searches may use the engine's index. The worker marks it not ready at start and
 * ready once it has compared the index with the database (and rebuilt it if they differed);
 * meanwhile searchOffers answers from the database, `degraded`. An engine no worker marked
 * is ready.
 */
export function setIndexReady(engine: SearchEngine, ready: boolean): void {
	if (ready) pending.delete(engine);
	else pending.add(engine);
}

export function isIndexReady(engine: SearchEngine): boolean {
	return !pending.has(engine);
}

/** After an engine failure, searches go straight to the database for this long. */
const COOL_DOWN_MS = 5_000;
const failedAt = new WeakMap<SearchEngine, number>();

export interface SearchOffersOptions {
	/** The engine to ask (default: getSearchEngine()). */
	engine?: SearchEngine;
	/** Clock (for tests). */
	now?: () => number;
}

/**
 * Searches with the engine; when it throws (unreachable, index not built yet), failed in the
 * last seconds, or its index is not ready (setIndexReady), the database answers with plain
 * filters and the result says `degraded`. Throws only when the database fails too.
 */
export async function searchOffers(
	supabase: SupabaseClient<Database>,
	query: SearchQuery,
	options: SearchOffersOptions = {}
): Promise<OfferSearchResult> {
	const engine = options.engine ?? getSearchEngine();
	const now = options.now ?? Date.now;
	const failed = failedAt.get(engine);
	if (isIndexReady(engine) && (failed === undefined || now() - failed >= COOL_DOWN_MS)) {
		try {
			const result = await engine.search(query);
			failedAt.delete(engine);
			return { ...result, degraded: false };
		} catch (error) {
			failedAt.set(engine, now());
			console.error(
				`[search] the ${engine.name} engine failed; answering from the database`,
				error
			);
		}
	}
	return { ...(await searchDatabase(supabase, query)), degraded: true };
}

/**
 * Spelling suggestions for a query that found nothing, from the engine's index (the embedded
 * engine's vocabulary); none when the engine has no such thing, is not ready or fails.
 */
export async function suggestSpellings(
	q: string,
	filters: SearchFilters = {},
	options: { engine?: SearchEngine } = {}
): Promise<string[]> {
	const engine = options.engine ?? getSearchEngine();
	if (!engine.suggest || !isIndexReady(engine)) return [];
	try {
		return await engine.suggest(q, filters);
	} catch {
		return [];
	}
}

/** Offers per search call while collecting every page (the API's largest page). */
const COLLECT_PAGE = 100;

/**
 * Every offer a search finds, in its order, page after page up to `max` (`query.limit` and
 * `query.offset` are ignored): for the map and for views of dates across many offers.
 */
export async function searchAllOffers(
	supabase: SupabaseClient<Database>,
	query: SearchQuery,
	max: number
): Promise<{ offers: SearchHit['offer'][]; total: number; degraded: boolean }> {
	const offers: SearchHit['offer'][] = [];
	let total = 0;
	let degraded = false;
	while (offers.length < max) {
		const result = await searchOffers(supabase, {
			...query,
			limit: Math.min(COLLECT_PAGE, max - offers.length),
			offset: offers.length
		});
		total = result.total;
		degraded ||= result.degraded;
		offers.push(...result.hits.map((hit) => hit.offer));
		if (result.hits.length === 0 || offers.length >= total) break;
	}
	return { offers, total, degraded };
}
