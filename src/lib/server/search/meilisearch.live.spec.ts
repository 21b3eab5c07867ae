/**
 * The engine contract against a real Meilisearch: runs only when MEILI_HOST is set, with the
 * keys the server needs (MEILI_SEARCH_KEY and MEILI_ADMIN_KEY as meilisearch-keys.ts describes
 * them, or one MEILI_KEY for both, e.g. the master key):
 *
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_KEY=masterKey npx vitest run src/lib/server/search/meilisearch.live.spec.ts
 *
 * Each test works in its own index `offers_test_<random>` (covered by `offers*`) and deletes it
 * afterwards.
 */
import { afterAll, describe, it } from 'vitest';
import { engineContract } from '$test/search-contract';
import { MeilisearchEngine } from './meilisearch';
import { meiliKeysFromEnv } from './meilisearch-keys';

const host = process.env.MEILI_HOST;

if (!host) {
	describe('Meilisearch (live)', () => {
		it.skip('skipped: set MEILI_HOST (and its keys) to run the engine contract against a real Meilisearch', () => {});
	});
} else {
	const created: MeilisearchEngine[] = [];
	const cleanUp = async () => {
		for (const engine of created.splice(0)) {
			await engine.client
				.deleteIndex(engine.indexUid)
				.waitTask()
				.catch(() => undefined);
		}
	};
	engineContract('meilisearch (live)', async () => {
		await cleanUp();
		const engine = new MeilisearchEngine({
			host,
			...meiliKeysFromEnv(process.env),
			index: `offers_test_${Math.random().toString(36).slice(2, 10)}`
		});
		created.push(engine);
		return engine;
	});
	afterAll(cleanUp);
}
