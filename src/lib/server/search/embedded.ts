/**
 * The embedded search engine: an in-memory index in this process, the default when
 * MEILI_HOST is not set. Its own index rather than @orama/orama's, because it measured better
 * here (2 cores, 10,000 generated offers, the same Unicode tokenizer and keywords): Orama built
 * its index in 5.9 s and answered a typo query in 8–13 ms (p50), 22–25 ms (p95), and facet
 * counts that are disjunctive within a facet would cost it one more search per filtering facet;
 * this index builds in 0.8 s and answers the benchmark's mix in about 0.6 ms (p50), 2 ms (p95),
 * disjunctive facet counts included (bit sets: one AND and popcount per facet value). It counts
 * a swap of neighbouring letters as one typo ("Sprachkrus"), as Meilisearch does.
 *
 * The index lives in memory: the worker builds it from the database at start (replaceAll) and
 * keeps it current from the outbox.
 */
import { CATEGORY_KEYWORDS, TARGET_GROUP_NAMES, TOPIC_KEYWORDS } from './keywords';
import { IN_TITLE } from './topic-keywords';
import { IndexStore, type KeywordDictionary } from './memory/store';
import { searchStore } from './memory/search';
import { suggestSpellings } from './memory/suggest';
import { facetValues } from './shared';
import {
	SearchUnavailableError,
	type EngineHealth,
	type IndexState,
	type SearchDocument,
	type SearchEngine,
	type SearchFilters,
	type SearchQuery,
	type SearchResult
} from './types';

export type { KeywordDictionary } from './memory/store';

/**
 * Category words count more than target-group names, and less than a title word; a topic's
 * words as much as a category's, or as a title word when the topic is in the offer's title.
 */
const CATEGORY_WEIGHT = 3;
const TARGET_GROUP_WEIGHT = 2;
const TOPIC_WEIGHT = 3;
/** A topic found in the offer's title: as much as a title word. */
const TOPIC_IN_TITLE_WEIGHT = 5;

/**
 * The keyword dictionary of keywords.ts: category names and keywords, target-group names,
 * topics' words.
 */
export function defaultKeywordDictionary(): KeywordDictionary {
	const entries: KeywordDictionary['entries'] = [];
	for (const [value, locales] of Object.entries(CATEGORY_KEYWORDS)) {
		const phrases = Object.values(locales).flatMap((words) => [words.name, ...words.keywords]);
		entries.push({ facet: 'category', value, weight: CATEGORY_WEIGHT, phrases });
	}
	for (const [value, locales] of Object.entries(TARGET_GROUP_NAMES)) {
		entries.push({
			facet: 'target_group',
			value,
			weight: TARGET_GROUP_WEIGHT,
			phrases: Object.values(locales).flat()
		});
	}
	for (const [value, topic] of Object.entries(TOPIC_KEYWORDS)) {
		const phrases = Object.values(topic.words).flat();
		entries.push({ facet: 'topic', value, weight: TOPIC_WEIGHT, phrases });
		entries.push({
			facet: 'topic',
			value: value + IN_TITLE,
			weight: TOPIC_IN_TITLE_WEIGHT,
			phrases
		});
	}
	return { entries };
}

export interface EmbeddedEngineOptions {
	/** Words that reach documents through their facet values (default: keywords.ts). */
	keywords?: KeywordDictionary;
	/** A rebuild lets the event loop run after this many documents (default 500). */
	chunkSize?: number;
}

type Change = { kind: 'upsert'; doc: SearchDocument } | { kind: 'remove'; id: string };

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class EmbeddedSearchEngine implements SearchEngine {
	readonly name = 'embedded';
	readonly #keywords: KeywordDictionary;
	readonly #chunkSize: number;
	#store: IndexStore;
	#ready = false;
	/** Changes made while a rebuild runs, replayed onto the new index before the swap. */
	#journal: Change[] | null = null;
	#rebuilding: Promise<void> = Promise.resolve();
	#compacting = false;

	constructor(options: EmbeddedEngineOptions = {}) {
		this.#keywords = options.keywords ?? defaultKeywordDictionary();
		this.#chunkSize = Math.max(1, options.chunkSize ?? 500);
		this.#store = new IndexStore(this.#keywords);
	}

	/** Whether an index has been built (replaceAll) since start. */
	get ready(): boolean {
		return this.#ready;
	}

	replaceAll(docs: readonly SearchDocument[]): Promise<void> {
		// one rebuild at a time, in the order asked
		const run = this.#rebuilding.then(() => this.#rebuild(docs));
		this.#rebuilding = run.catch(() => undefined);
		return run;
	}

	async #rebuild(docs: readonly SearchDocument[]): Promise<void> {
		const journal: Change[] = [];
		this.#journal = journal;
		try {
			const next = new IndexStore(this.#keywords, Math.ceil(docs.length * 1.25) + 32);
			for (let i = 0; i < docs.length; i++) {
				next.put(docs[i], facetValues);
				if ((i + 1) % this.#chunkSize === 0) await nextTick();
			}
			for (const change of journal) {
				if (change.kind === 'upsert') next.put(change.doc, facetValues);
				else next.delete(change.id);
			}
			this.#store = next;
			this.#ready = true;
		} finally {
			this.#journal = null;
		}
	}

	async upsert(docs: readonly SearchDocument[]): Promise<void> {
		for (const doc of docs) {
			this.#store.put(doc, facetValues);
			this.#journal?.push({ kind: 'upsert', doc });
		}
		this.#compactIfNeeded();
	}

	async remove(ids: readonly string[]): Promise<void> {
		for (const id of ids) {
			this.#store.delete(id);
			this.#journal?.push({ kind: 'remove', id });
		}
		this.#compactIfNeeded();
	}

	/** Replaced and removed documents leave dead slots; past a quarter, rebuild from the live ones. */
	#compactIfNeeded(): void {
		const store = this.#store;
		if (this.#compacting || this.#journal || store.dead < Math.max(256, store.live / 4)) return;
		this.#compacting = true;
		this.replaceAll(store.liveDocuments())
			.catch((error: unknown) =>
				console.error('[search] compacting the embedded index failed', error)
			)
			.finally(() => (this.#compacting = false));
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		if (!this.#ready) throw new SearchUnavailableError('the embedded index is still being built');
		return searchStore(this.#store, query);
	}

	async suggest(q: string, filters: SearchFilters = {}): Promise<string[]> {
		if (!this.#ready) throw new SearchUnavailableError('the embedded index is still being built');
		return suggestSpellings(this.#store, q, filters);
	}

	/** Refuses, like search, before the first build: an index not built yet has no state. */
	async state(): Promise<IndexState> {
		if (!this.#ready) throw new SearchUnavailableError('the embedded index is still being built');
		let newest: string | null = null;
		let newestMs = Number.NEGATIVE_INFINITY;
		for (const doc of this.#store.docs) {
			const ms = doc ? Date.parse(doc.updated_at) : Number.NaN;
			if (ms > newestMs) {
				newestMs = ms;
				newest = doc!.updated_at;
			}
		}
		return { documents: this.#store.live, newest };
	}

	async health(): Promise<EngineHealth> {
		return this.#ready
			? { ok: true, engine: 'embedded', documents: this.#store.live }
			: { ok: false, engine: 'embedded', documents: 0, detail: 'the index is being built' };
	}
}
