/**
 * npm run reindex — builds a fresh search index from the database and swaps it in atomically.
 *
 * With MEILI_HOST (and MEILI_KEY, MEILI_INDEX) set: fills a new Meilisearch index
 * `offers_<timestamp>`, swaps it with the live one in one task and deletes the old one;
 * searches see the old index until the swap. Offers changed while it ran go into the outbox
 * again, and the server's search worker brings them up to date.
 *
 * Without MEILI_HOST the search engine is the embedded one, which lives in the server's memory:
 * the server builds it at start and daily. Then this command builds one here only to check that
 * every document can be built, and says so.
 */
import { parseArgs } from 'node:util';
import { createSearchEngine } from '../src/lib/server/search/index';
import { rebuildIndex } from '../src/lib/server/search/worker';
import { closeBackend, createServiceSupabase } from '../src/lib/server/supabase';

const usage = `Usage: npm run reindex

Builds a fresh search index from the database (SUPABASE_URL, or the embedded database in
DATA_DIR) and swaps it in atomically. The engine is Meilisearch when MEILI_HOST is set
(MEILI_KEY: its API key, MEILI_INDEX: the live index, default offers), else the embedded engine.`;

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) {
	console.log(usage);
	process.exit(0);
}

const began = performance.now();
const elapsed = () => `${((performance.now() - began) / 1000).toFixed(1)} s`;
const engine = createSearchEngine();
if (engine.name === 'embedded') {
	console.log(
		'reindex: MEILI_HOST is not set, so search runs in the server process (the embedded engine),\n' +
			'which builds its index at start and daily. Building one here to check the documents.'
	);
}

let exitCode = 0;
try {
	const supabase = await createServiceSupabase();
	const report = await rebuildIndex(supabase, engine, {
		onProgress: (message) => console.log(`reindex: ${message} (${elapsed()})`)
	});
	console.log(
		`reindex: done — ${report.documents} documents in the ${engine.name} index, ` +
			`${report.requeued} changed offers queued again for the worker (${elapsed()})`
	);
	const health = await engine.health();
	if (!health.ok) {
		console.error(`reindex: the engine reports a problem: ${health.detail ?? 'unknown'}`);
		exitCode = 1;
	}
} catch (error) {
	console.error('reindex: failed; the live index is unchanged.');
	console.error(error instanceof Error ? error.message : error);
	exitCode = 1;
} finally {
	await closeBackend();
}
process.exit(exitCode);
