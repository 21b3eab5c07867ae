/**
 * The warm-up every browser test depends on (the `setup` project in playwright.config.ts), run
 * once before the desktop and phone projects. Playwright's webServer only waits for the port;
 * the production server's first answers wait for its in-memory database (migrated and seeded on
 * start), and the list answers from the database until the search index is built. This waits
 * until the start page answers and the search engine answers (`degraded: false`), so no spec
 * meets a half-started server.
 */
import { expect, test as setup } from '@playwright/test';

/** A fresh database and index on a loaded machine take a while: wait generously. */
const WARM_UP_MS = 300_000;

setup('the server answers and the search index is ready', async ({ request }) => {
	setup.setTimeout(WARM_UP_MS + 10_000);
	const deadline = Date.now() + WARM_UP_MS;
	const left = () => Math.max(deadline - Date.now(), 1_000);

	await expect
		.poll(async () => (await request.get('/de', { timeout: left() })).status(), {
			timeout: left()
		})
		.toBe(200);

	// the list answers from the database until the engine's index is built
	await expect
		.poll(
			async () => {
				const response = await request.get('/api/offers?q=Deutschkur&limit=1', {
					timeout: left()
				});
				return response.ok() ? ((await response.json()) as { degraded: boolean }).degraded : null;
			},
			{ timeout: left() }
		)
		.toBe(false);
});
