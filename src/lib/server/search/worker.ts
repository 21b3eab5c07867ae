/**
 * The search worker: keeps the engine in step with the database through the outbox.
 *
 *   claim → build documents → upsert / remove → complete
 *
 * If the engine fails, the claimed rows are marked failed (the database makes them wait with a
 * growing backoff) and the worker itself waits longer before the next round: nothing is lost,
 * the outbox drains when the engine is back. A rebuild (`rebuildIndex`, also `npm run reindex`)
 * reads every document, swaps in a fresh index and puts the offers changed meanwhile into the
 * outbox again. The embedded engine lives in memory, so the worker rebuilds it at start. A
 * Meilisearch index outlives the process: at start the worker applies the waiting changes, then
 * compares the index with the database (`compareIndex`: the number of documents and the newest
 * change) and rebuilds it only when they differ. Until then lists come from the database
 * (`setIndexReady`). Every engine is rebuilt daily, because the weekdays of the next weeks move
 * on.
 *
 * Uses the service-role client: the outbox functions are for the service role only.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { createServiceSupabase } from '../supabase';
import { partitionRows } from './documents';
import { getSearchEngine, setIndexReady } from './index';
import { fromPostgrestError } from '../data/errors';
import { logScheduleError, rebuildIndex } from './rebuild';
import {
	SearchUnavailableError,
	type DeletedDocument,
	type IndexState,
	type SearchDocumentRow,
	type SearchEngine
} from './types';

export { readAllDocuments, rebuildIndex, type RebuildReport } from './rebuild';

type Supabase = SupabaseClient<Database>;
type Row = SearchDocumentRow | DeletedDocument;

export interface DrainReport {
	/** Offers taken from the outbox. */
	offers: number;
	upserted: number;
	removed: number;
}

/** Thrown when the engine failed; the claimed rows were marked failed. */
export class SearchSyncError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'SearchSyncError';
	}
}

/** Drains the outbox until it is empty (or `maxBatches` rounds ran). */
export async function drainOutbox(
	supabase: Supabase,
	engine: SearchEngine,
	options: { batchSize?: number; maxBatches?: number; now?: Date } = {}
): Promise<DrainReport> {
	const report: DrainReport = { offers: 0, upserted: 0, removed: 0 };
	for (let round = 0; round < (options.maxBatches ?? 50); round++) {
		const claim = await supabase.rpc('claim_search_outbox', { p_limit: options.batchSize ?? 100 });
		if (claim.error) throw fromPostgrestError('claim_search_outbox', claim.error);
		const claimed = claim.data ?? [];
		if (claimed.length === 0) break;
		const outboxIds = claimed.flatMap((row) => row.outbox_ids);
		try {
			const fetched = await supabase.rpc('search_documents', {
				p_ids: claimed.map((row) => row.offer_id),
				p_limit: 1000
			});
			if (fetched.error) throw fromPostgrestError('search_documents', fetched.error);
			const { docs, deleted } = partitionRows((fetched.data ?? []) as unknown as Row[], {
				now: options.now,
				onScheduleError: logScheduleError
			});
			try {
				await engine.upsert(docs);
				await engine.remove(deleted);
			} catch (error) {
				throw new SearchSyncError(`the ${engine.name} engine refused the changes`, {
					cause: error
				});
			}
			report.offers += claimed.length;
			report.upserted += docs.length;
			report.removed += deleted.length;
		} catch (error) {
			const message = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
			const failed = await supabase.rpc('fail_search_outbox', {
				p_outbox_ids: outboxIds,
				p_error: message
			});
			if (failed.error) console.error('[search] fail_search_outbox failed', failed.error);
			throw error;
		}
		const done = await supabase.rpc('complete_search_outbox', { p_outbox_ids: outboxIds });
		if (done.error) throw fromPostgrestError('complete_search_outbox', done.error);
	}
	return report;
}

function causeOf(error: Error): string {
	return error.cause instanceof Error ? `: ${error.cause.message}` : '';
}

export interface IndexComparison {
	/** What a complete index holds (search_index_state()). */
	database: IndexState;
	/** What the engine's index holds; null when it has none yet. */
	index: IndexState | null;
	/** Same number of documents and the same newest change (to the millisecond). */
	same: boolean;
}

const timeOf = (value: string | null) => (value === null ? null : Date.parse(value));

/**
 * Compares the engine's index with the database: the number of documents and the newest
 * change. An index that differs missed changes (or holds documents of an older shape, which
 * Meilisearch does not count: see SCHEMA_VERSION) and needs a rebuild.
 */
export async function compareIndex(
	supabase: Supabase,
	engine: SearchEngine
): Promise<IndexComparison> {
	const { data, error } = await supabase.rpc('search_index_state');
	if (error) throw fromPostgrestError('search_index_state', error);
	const [row] = data ?? [];
	const database: IndexState = {
		documents: Number(row?.documents ?? 0),
		newest: row?.newest ?? null
	};
	let index: IndexState | null;
	try {
		index = await engine.state();
	} catch (error) {
		if (!(error instanceof SearchUnavailableError)) throw error;
		index = null;
	}
	const same =
		index !== null &&
		index.documents === database.documents &&
		timeOf(index.newest) === timeOf(database.newest);
	return { database, index, same };
}

const describeState = (state: IndexState | null) =>
	state === null
		? 'not built'
		: `${state.documents} documents, newest change ${state.newest ?? 'none'}`;

export interface SearchWorkerOptions {
	/** Service-role client (default: createServiceSupabase()). */
	supabase?: Supabase;
	engine?: SearchEngine;
	/** Pause between rounds when all went well (default 2 s). */
	intervalMs?: number;
	/** Longest pause after failures (default 60 s); pauses double from intervalMs. */
	maxBackoffMs?: number;
	batchSize?: number;
	/**
	 * At start, rebuild always (true; the default for the embedded engine, whose index lives in
	 * memory), or only when the index differs from the database (false; the default otherwise).
	 */
	rebuildOnStart?: boolean;
	/** Rebuild this often (default daily; 0: never). */
	rebuildEveryMs?: number;
	/** Processed outbox rows are purged after this many days (default 7). */
	purgeAfterDays?: number;
	log?: (message: string) => void;
}

export interface SearchWorker {
	/** Settles once the index has been compared with the database or rebuilt at start. */
	readonly ready: Promise<void>;
	/** Runs one round now (between scheduled ones) and reports it. */
	drain(): Promise<DrainReport>;
	/** Stops after the current round. */
	stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;

/** Starts draining the outbox on an interval; call once per server process. */
export function startSearchWorker(options: SearchWorkerOptions = {}): SearchWorker {
	const engine = options.engine ?? getSearchEngine();
	const interval = options.intervalMs ?? 2_000;
	const maxBackoff = options.maxBackoffMs ?? 60_000;
	const rebuildEvery = options.rebuildEveryMs ?? 24 * HOUR_MS;
	const log = options.log ?? ((message: string) => console.log(`[search] ${message}`));
	const supabase = options.supabase ? Promise.resolve(options.supabase) : createServiceSupabase();

	let stopped = false;
	let failures = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const rebuildOnStart = options.rebuildOnStart ?? engine.name === 'embedded';
	/** Whether the index has been compared with the database (or rebuilt) since start. */
	let checked = false;
	let lastRebuild = 0;
	let lastPurge = 0;
	let running: Promise<unknown> = Promise.resolve();
	let resolveReady!: () => void;
	const ready = new Promise<void>((resolve) => (resolveReady = resolve));
	// lists come from the database until the index is known to be complete
	setIndexReady(engine, false);

	const rebuild = async (client: Supabase) => {
		const report = await rebuildIndex(client, engine);
		lastRebuild = Date.now();
		log(`rebuilt the ${engine.name} index: ${report.documents} documents in ${report.ms} ms`);
	};

	const check = async (client: Supabase) => {
		if (rebuildOnStart) {
			await rebuild(client);
		} else {
			// changes waiting in the outbox are no reason to rebuild: apply them first
			await drainOutbox(client, engine, { batchSize: options.batchSize });
			const { database, index, same } = await compareIndex(client, engine);
			if (same) {
				lastRebuild = Date.now();
				log(`the ${engine.name} index matches the database: ${describeState(index)}`);
			} else {
				log(
					`the ${engine.name} index differs from the database (index: ${describeState(index)}; ` +
						`database: ${describeState(database)}): rebuilding it`
				);
				await rebuild(client);
			}
		}
		checked = true;
		setIndexReady(engine, true);
		resolveReady();
	};

	const round = async (): Promise<DrainReport> => {
		const client = await supabase;
		if (!checked) await check(client);
		else if (rebuildEvery > 0 && Date.now() - lastRebuild >= rebuildEvery) await rebuild(client);
		const report = await drainOutbox(client, engine, { batchSize: options.batchSize });
		if (report.offers > 0) {
			log(
				`indexed ${report.upserted} and removed ${report.removed} of ${report.offers} changed offers`
			);
		}
		if (Date.now() - lastPurge >= HOUR_MS) {
			const purged = await client.rpc('purge_search_outbox', {
				p_days: options.purgeAfterDays ?? 7
			});
			if (purged.error) throw fromPostgrestError('purge_search_outbox', purged.error);
			lastPurge = Date.now();
		}
		return report;
	};

	const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
		const result = running.then(work);
		running = result.catch(() => undefined);
		return result;
	};

	const tick = async () => {
		timer = undefined;
		try {
			await exclusive(round);
			failures = 0;
		} catch (error) {
			failures++;
			console.error(`[search] worker round failed (${failures} in a row); retrying later`, error);
		}
		if (stopped) return;
		const pause = failures === 0 ? interval : Math.min(maxBackoff, interval * 2 ** failures);
		timer = setTimeout(tick, pause);
		timer.unref?.();
	};

	timer = setTimeout(tick, 0);
	timer.unref?.();

	return {
		ready,
		drain: () => exclusive(round),
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			await running;
		}
	};
}
