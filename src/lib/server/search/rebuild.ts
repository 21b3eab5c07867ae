/**
 * Rebuilding an index from the database: read every published offer's document (paged),
 * replace the engine's index with them in one swap, and requeue the offers that changed while
 * it read. Used by the worker (at start and daily) and by `npm run reindex`.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { fromPostgrestError } from '../data/errors';
import { partitionRows } from './documents';
import type { DeletedDocument, SearchDocument, SearchDocumentRow, SearchEngine } from './types';

type Supabase = SupabaseClient<Database>;
type Row = SearchDocumentRow | DeletedDocument;

/** Documents per call of search_documents() when reading all (PostgREST's max-rows is 1000). */
const PAGE_SIZE = 500;
/** A rebuild requeues changes from a little before it started reading: transactions that were
 * open then may commit later with an older enqueue time. */
const REQUEUE_MARGIN_MS = 60_000;

/** Every published offer's document, page by page. */
export async function readAllDocuments(
	supabase: Supabase,
	options: { now?: Date; onProgress?: (read: number) => void } = {}
): Promise<SearchDocument[]> {
	const docs: SearchDocument[] = [];
	let after: string | undefined;
	for (;;) {
		const { data, error } = await supabase.rpc('search_documents', {
			p_after: after,
			p_limit: PAGE_SIZE
		});
		if (error) throw fromPostgrestError('search_documents', error);
		const rows = (data ?? []) as unknown as Row[];
		docs.push(...partitionRows(rows, { now: options.now, onScheduleError: logScheduleError }).docs);
		options.onProgress?.(docs.length);
		if (rows.length < PAGE_SIZE) return docs;
		after = rows[rows.length - 1].id;
	}
}

export function logScheduleError(error: unknown, row: SearchDocumentRow): void {
	console.warn(`[search] a schedule of offer ${row.id} cannot be expanded:`, error);
}

export interface RebuildReport {
	documents: number;
	/** Offers changed while the rebuild read, put into the outbox again. */
	requeued: number;
	ms: number;
}

/**
 * Builds a fresh index from the database and swaps it in; then requeues what changed while it
 * read, so that the worker brings those offers up to date in the new index.
 */
export async function rebuildIndex(
	supabase: Supabase,
	engine: SearchEngine,
	options: { onProgress?: (message: string) => void } = {}
): Promise<RebuildReport> {
	const started = performance.now();
	const status = await supabase.rpc('search_outbox_status');
	if (status.error) throw fromPostgrestError('search_outbox_status', status.error);
	const since = new Date(
		new Date((status.data as { now: string }).now).getTime() - REQUEUE_MARGIN_MS
	);

	const docs = await readAllDocuments(supabase, {
		onProgress: (read) => options.onProgress?.(`read ${read} documents`)
	});
	options.onProgress?.(`building a fresh ${engine.name} index of ${docs.length} documents`);
	await engine.replaceAll(docs);
	options.onProgress?.('swapped in the fresh index');

	const requeue = await supabase.rpc('requeue_search_outbox', { p_since: since.toISOString() });
	if (requeue.error) throw fromPostgrestError('requeue_search_outbox', requeue.error);
	return {
		documents: docs.length,
		requeued: requeue.data ?? 0,
		ms: Math.round(performance.now() - started)
	};
}
