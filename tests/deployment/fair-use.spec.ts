/**
 * Fair use on the production build, with clients told apart by X-Forwarded-For as behind a
 * proxy (ADDRESS_HEADER): one client hammering a district page does not hold up another
 * client's offer pages, and a client past a feed's budget gets 429 with Retry-After while
 * another still gets its feed. Needs `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_MINUTE } from '$lib/server/fair-use';
import { killServer, noBuild, seededDataDir, startServer, type Server } from '../support/server';

let root: string;
let server: Server;
let offerIds: string[];

const as = (address: string) => ({ headers: { 'x-forwarded-for': address } });

/** Milliseconds until the whole answer to `path` has arrived. */
async function timed(pathname: string, address: string): Promise<number> {
	const started = performance.now();
	const response = await fetch(server.base + pathname, as(address));
	await response.arrayBuffer();
	expect(response.status, pathname).toBe(200);
	return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

describe.skipIf(!!noBuild)(`fair use${noBuild ? ` (skipped: ${noBuild})` : ''}`, () => {
	beforeAll(async () => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'fair-use-'));
		server = await startServer({
			dataDir: await seededDataDir(root, 'data'),
			env: { FAIR_USE: 'on', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
		});
		const list = await server.json<{ offers: { id: string }[] }>('/api/offers?limit=60');
		offerIds = list.offers.map((offer) => offer.id);
		// the index is built and the district page rendered once
		await timed('/de/districts/sankt-mang', '192.0.2.1');
	}, 600_000);

	afterAll(async () => {
		if (server) await killServer(server);
		if (root) fs.rmSync(root, { recursive: true, force: true });
	});

	it('keeps another client’s offer pages fast while one client hammers a district page', async () => {
		const quiet: number[] = [];
		for (const id of offerIds.slice(0, 20))
			quiet.push(await timed(`/de/offers/${id}`, '192.0.2.2'));

		let stop = false;
		const refused: number[] = [];
		const hammer = async (loop: number) => {
			for (let i = 0; !stop; i++) {
				const page = (loop + i) % 3 === 0 ? `?page=${1 + (i % 2)}` : '';
				const response = await fetch(
					`${server.base}/de/districts/sankt-mang${page}`,
					as('192.0.2.66')
				);
				await response.arrayBuffer();
				if (response.status === 429) refused.push(i);
			}
		};
		const hammering = Array.from({ length: 24 }, (_, loop) => hammer(loop));
		await new Promise((resolve) => setTimeout(resolve, 500));
		const busy: number[] = [];
		for (const id of offerIds.slice(20, 40))
			busy.push(await timed(`/de/offers/${id}`, '192.0.2.2'));
		stop = true;
		await Promise.all(hammering);

		console.log(
			`offer pages of another client: median ${median(quiet).toFixed(1)} ms alone, ` +
				`${median(busy).toFixed(1)} ms while one client sent 24 requests at a time to a district page ` +
				`(${refused.length} of them answered 429)`
		);
		// the hammering client was held to its share
		expect(refused.length).toBeGreaterThan(0);
		expect(median(busy) - median(quiet)).toBeLessThan(50);
	}, 120_000);

	it('answers 429 with Retry-After past a feed’s budget, to that client only', async () => {
		const feed = '/api/offers.ics?district=altstadt';
		for (let i = 0; i < PER_MINUTE.feed; i++) {
			const response = await fetch(server.base + feed, as('198.51.100.9'));
			await response.arrayBuffer();
			expect(response.status).toBe(200);
		}
		const refused = await fetch(server.base + feed, as('198.51.100.9'));
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(refused.headers.get('access-control-allow-origin')).toBe('*');
		expect(await refused.json()).toEqual({
			error: { message: expect.stringContaining('too many') }
		});
		expect((await fetch(server.base + feed, as('198.51.100.10'))).status).toBe(200);
	}, 120_000);
});
