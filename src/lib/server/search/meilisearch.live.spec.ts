/**
 * The engine contract against a real Meilisearch: runs only when MEILI_HOST (and MEILI_KEY, if
 * the server needs one) is set, e.g.
 *
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_KEY=masterKey npx vitest run src/lib/server/search/meilisearch.live.spec.ts
 *
 * Each test works in its own index `offers_test_<random>` and deletes it afterwards.
 */
import { afterAll, describe, it } from 'vitest';
import { engineContract } from './contract';
import { MeilisearchEngine } from './meilisearch';

const host = process.env.MEILI_HOST;

if (!host) {
	describe('Meilisearch (live)', () => {
		it.skip('skipped: set MEILI_HOST (and MEILI_KEY) to run the engine contract against a real Meilisearch', () => {});
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
			apiKey: process.env.MEILI_KEY || undefined,
			index: `offers_test_${Math.random().toString(36).slice(2, 10)}`
		});
		created.push(engine);
		return engine;
	});
	afterAll(cleanUp);
}
