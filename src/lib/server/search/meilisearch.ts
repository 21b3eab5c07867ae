/**
 * The search engine on Meilisearch, through the official client, when MEILI_HOST is set. One
 * index (default `offers`) with documents by primary key `id`: upserts replace a document
 * whole and are idempotent; `replaceAll` fills a new index `offers_<timestamp>`, swaps it with
 * `offers` in one atomic task and deletes the old one. Every write waits for its task and fails
 * when the task does.
 *
 * Two keys (meilisearch-keys.ts): searches go with the search key, everything else with the
 * admin key. Documents and queries are folded by text.ts before Meilisearch sees them
 * (meilisearch-schema.ts).
 */
import {
	Meilisearch,
	type EnqueuedTaskPromise,
	type IndexSwap,
	type MultiSearchQuery,
	type MultiSearchResult,
	type RecordAny,
	type Task
} from 'meilisearch';
import {
	FILTER_ATTRIBUTES,
	filterExpression,
	languageSort,
	meiliSettings,
	queryLocales,
	RETRIEVED_ATTRIBUTES,
	SCHEMA_VERSION,
	summaryFromHit,
	toMeiliDocument,
	fieldLocale
} from './meilisearch-schema';
import { nearOf, pageOf, selectedValues } from './shared';
import { foldedQuery } from './text';
import {
	FACETS,
	type EngineHealth,
	type FacetCounts,
	type FacetName,
	type IndexState,
	type SearchDocument,
	type SearchEngine,
	type SearchQuery,
	type SearchResult
} from './types';

export {
	MEILI_KEY_REQUIREMENTS,
	meiliKeyRequirements,
	meiliKeysFromEnv,
	missingPermissions,
	type MeiliKeyRequirement
} from './meilisearch-keys';

export interface MeilisearchEngineOptions {
	host: string;
	/** Key of searches: the `search` action on `offers*` (MEILI_SEARCH_KEY). */
	searchKey?: string;
	/** Key of everything else: writes, swaps, settings, tasks, stats (MEILI_ADMIN_KEY). */
	adminKey?: string;
	/** @deprecated One key for both, for either that is not given (MEILI_KEY). */
	apiKey?: string;
	/** Name of the live index (default `offers`). */
	index?: string;
	/** Documents per request of a rebuild (default 1000). */
	batchSize?: number;
	/** How long to wait for a write task (default 60 s) and how often to ask (default 50 ms). */
	taskTimeoutMs?: number;
	taskIntervalMs?: number;
	/** Timeout of each HTTP request (default 10 s). */
	requestTimeoutMs?: number;
	/** Clock of the rebuild's index name (for tests). */
	now?: () => Date;
}

/** Settings whose lists are ordered; Meilisearch may list the others in its own order. */
const ORDERED_SETTINGS = new Set(['searchableAttributes', 'rankingRules']);

/** JSON with object keys sorted, to compare values regardless of key order. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * Whether `current` (as GET settings returns them) has every value of `wanted`: objects key by
 * key (Meilisearch adds defaults of its own), lists in any order except the ordered ones.
 */
export function hasSettings(current: unknown, wanted: unknown, ordered = false): boolean {
	if (Array.isArray(wanted)) {
		if (!Array.isArray(current) || current.length !== wanted.length) return false;
		if (ordered) return wanted.every((value, i) => hasSettings(current[i], value, true));
		const have = current.map(canonical).sort();
		return wanted
			.map(canonical)
			.sort()
			.every((value, i) => value === have[i]);
	}
	if (wanted && typeof wanted === 'object') {
		if (!current || typeof current !== 'object') return false;
		return Object.entries(wanted).every(([key, value]) =>
			hasSettings(
				(current as Record<string, unknown>)[key],
				value,
				ordered || ORDERED_SETTINGS.has(key)
			)
		);
	}
	return current === wanted;
}

export class MeilisearchEngine implements SearchEngine {
	readonly name = 'meilisearch';
	/** With the admin key: writes, swaps, settings, tasks, stats. */
	readonly client: Meilisearch;
	/** With the search key: searches only. */
	readonly searchClient: Meilisearch;
	readonly indexUid: string;
	readonly #batchSize: number;
	readonly #wait: { timeout: number; interval: number };
	readonly #now: () => Date;
	/** Settles once the live index exists with our settings (checked once per process). */
	#prepared: Promise<void> | null = null;

	constructor(options: MeilisearchEngineOptions) {
		const client = (apiKey: string | undefined) =>
			new Meilisearch({
				host: options.host,
				apiKey,
				timeout: options.requestTimeoutMs ?? 10_000
			});
		this.client = client(options.adminKey ?? options.apiKey);
		this.searchClient = client(options.searchKey ?? options.apiKey);
		this.indexUid = options.index ?? 'offers';
		this.#batchSize = Math.max(1, options.batchSize ?? 1000);
		this.#wait = {
			timeout: options.taskTimeoutMs ?? 60_000,
			interval: options.taskIntervalMs ?? 50
		};
		this.#now = options.now ?? (() => new Date());
	}

	/** Waits for a task and throws unless it succeeded. */
	async #task(what: string, enqueued: EnqueuedTaskPromise): Promise<Task> {
		const task = await enqueued.waitTask(this.#wait);
		if (task.status !== 'succeeded') {
			const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
			throw new Error(`Meilisearch ${what} (task ${task.uid}) ${task.status}: ${reason}`);
		}
		return task;
	}

	async #exists(uid: string): Promise<boolean> {
		try {
			await this.client.getRawIndex(uid);
			return true;
		} catch (error) {
			if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
			throw error;
		}
	}

	/** Creates an index with our primary key and settings. */
	async #create(uid: string): Promise<void> {
		await this.#task(`creating ${uid}`, this.client.createIndex(uid, { primaryKey: 'id' }));
		await this.#task(`settings of ${uid}`, this.client.index(uid).updateSettings(meiliSettings()));
	}

	/** The live index exists and has our settings (updated only when they differ). */
	#prepare(): Promise<void> {
		this.#prepared ??= (async () => {
			if (!(await this.#exists(this.indexUid))) {
				await this.#create(this.indexUid);
				return;
			}
			const index = this.client.index(this.indexUid);
			const wanted = meiliSettings();
			if (hasSettings(await index.getSettings(), wanted)) return;
			await this.#task(`settings of ${this.indexUid}`, index.updateSettings(wanted));
		})().catch((error: unknown) => {
			this.#prepared = null;
			throw error;
		});
		return this.#prepared;
	}

	async replaceAll(docs: readonly SearchDocument[]): Promise<void> {
		const fresh = `${this.indexUid}_${this.#now().getTime()}`;
		try {
			await this.#create(fresh);
			const index = this.client.index(fresh);
			for (let i = 0; i < docs.length; i += this.#batchSize) {
				const batch = docs.slice(i, i + this.#batchSize).map(toMeiliDocument);
				await this.#task(
					`adding documents to ${fresh}`,
					index.addDocuments(batch, { primaryKey: 'id' })
				);
			}
			if (!(await this.#exists(this.indexUid))) {
				await this.#task(
					`creating ${this.indexUid}`,
					this.client.createIndex(this.indexUid, { primaryKey: 'id' })
				);
			}
			// Sent without `rename` (which servers before 1.18 do not know): a plain swap.
			const swap = { indexes: [this.indexUid, fresh] } as IndexSwap;
			await this.#task(`swapping ${fresh} in`, this.client.swapIndexes([swap]));
		} catch (error) {
			// the live index is untouched; leave no half-built index behind
			await this.client
				.deleteIndex(fresh)
				.waitTask(this.#wait)
				.catch(() => undefined);
			throw error;
		}
		// after the swap, `fresh` holds the old documents
		await this.#task(`deleting the old index`, this.client.deleteIndex(fresh));
		this.#prepared = Promise.resolve();
	}

	async upsert(docs: readonly SearchDocument[]): Promise<void> {
		if (docs.length === 0) return;
		await this.#prepare();
		await this.#task(
			'adding documents',
			this.client.index(this.indexUid).addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' })
		);
	}

	async remove(ids: readonly string[]): Promise<void> {
		if (ids.length === 0) return;
		await this.#prepare();
		await this.#task(
			'deleting documents',
			this.client.index(this.indexUid).deleteDocuments([...ids])
		);
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		// folded as documents are, so that Meilisearch's own normaliser meets the same words
		const q = foldedQuery(query.q);
		const first = await this.#search(query, q, 'all');
		// like the embedded engine: when no offer has every word, those with the most words
		if (first.total === 0 && q.split(' ').length > 1) {
			return this.#search(query, q, 'last');
		}
		return first;
	}

	async #search(
		query: SearchQuery,
		q: string,
		matchingStrategy: 'all' | 'last'
	): Promise<SearchResult> {
		const { limit, offset } = pageOf(query);
		const base: Omit<MultiSearchQuery, 'indexUid'> = {
			q,
			matchingStrategy,
			locales: queryLocales(q)
		};
		// page/hitsPerPage make Meilisearch count every match (totalHits); offset/limit only
		// estimate (estimatedTotalHits). An offset between pages is asked with offset/limit,
		// and counted by one more query of no hits.
		const exact = offset % limit === 0;
		const paging = exact ? { page: offset / limit + 1, hitsPerPage: limit } : { offset, limit };
		const near = nearOf(query);
		// the reader's language first, then distance, title or (by the ranking rules) relevance
		const sort = [
			languageSort(query.locale, query.filters),
			...(near
				? [`_geoPoint(${near.lat}, ${near.lng}):asc`]
				: q === ''
					? [`sort_title_${fieldLocale(query.locale)}:asc`]
					: [])
		];
		// disjunctive facet counts: a facet that filters is counted without its own filter
		const filtering = FACETS.filter((facet) => selectedValues(query.filters, facet).length > 0);
		const queries: MultiSearchQuery[] = [
			{
				indexUid: this.indexUid,
				...base,
				...paging,
				filter: filterExpression(query.filters),
				facets: FACETS.filter((f) => !filtering.includes(f)).map((f) => FILTER_ATTRIBUTES[f]),
				sort,
				showRankingScore: true,
				attributesToRetrieve: RETRIEVED_ATTRIBUTES
			},
			...filtering.map((facet) => ({
				indexUid: this.indexUid,
				...base,
				limit: 0,
				filter: filterExpression(query.filters, facet),
				facets: [FILTER_ATTRIBUTES[facet]]
			}))
		];
		if (!exact) {
			queries.push({
				indexUid: this.indexUid,
				...base,
				hitsPerPage: 0,
				filter: filterExpression(query.filters)
			});
		}
		const { results } = await this.searchClient.multiSearch({ queries });
		const [main] = results;

		const facets = {} as FacetCounts;
		for (const facet of FACETS) {
			const source = filtering.includes(facet) ? results[1 + filtering.indexOf(facet)] : main;
			const counts: Record<string, number> = {
				...source.facetDistribution?.[FILTER_ATTRIBUTES[facet]]
			};
			for (const value of selectedValues(query.filters, facet)) counts[value] ??= 0;
			facets[facet as FacetName] = counts;
		}
		const total = totalHits(exact ? main : results[results.length - 1]);
		return {
			hits: main.hits.map((hit) => ({
				id: String(hit.id),
				score: hit._rankingScore ?? 0,
				distance: typeof hit._geoDistance === 'number' ? Math.round(hit._geoDistance) : null,
				offer: summaryFromHit(hit, query.locale)
			})),
			total,
			facets
		};
	}

	/**
	 * The live index's documents of this version of the document shape (SCHEMA_VERSION) and the
	 * newest change among them, in one search with the search key. Prepares the index first, so
	 * that a missing index is created (and empty) and `schema` and `updated_ms` can be asked.
	 */
	async state(): Promise<IndexState> {
		await this.#prepare();
		const { results } = await this.searchClient.multiSearch({
			queries: [
				{
					indexUid: this.indexUid,
					q: '',
					filter: [`schema = ${SCHEMA_VERSION}`],
					sort: ['updated_ms:desc'],
					page: 1,
					hitsPerPage: 1,
					attributesToRetrieve: ['updated_at']
				}
			]
		});
		const [result] = results;
		const newest = result.hits[0]?.updated_at;
		return {
			documents: totalHits(result),
			newest: typeof newest === 'string' ? newest : null
		};
	}

	async health(): Promise<EngineHealth> {
		try {
			await this.client.health();
			const stats = await this.client.index(this.indexUid).getStats();
			return { ok: true, engine: 'meilisearch', documents: stats.numberOfDocuments };
		} catch (error) {
			return {
				ok: false,
				engine: 'meilisearch',
				detail: error instanceof Error ? error.message : String(error)
			};
		}
	}
}

/** The count of a result: exact (totalHits) when it was asked by page. */
function totalHits(result: MultiSearchResult<RecordAny>): number {
	if ('totalHits' in result) return Number(result.totalHits);
	throw new Error('Meilisearch answered without totalHits: the query was not asked by page');
}
