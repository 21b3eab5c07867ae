import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { usageCounter, usageCounts } from './usage';

async function answer(path: string, status: number, init: RequestInit = {}) {
	const url = new URL(path, 'https://portal.example');
	const event = { url, request: new Request(url, init) } as unknown as RequestEvent;
	await usageCounts({ event, resolve: async () => new Response(null, { status }) });
}

describe('the usage handle', () => {
	it('counts successful GET answers of public pages and the API, nothing else', async () => {
		await usageCounter.flush(async () => undefined);
		await answer('/ar/week', 200);
		await answer('/ar/week', 304);
		await answer('/api/offers', 200);
		await answer('/ar/week', 404);
		await answer('/ar/week', 302);
		await answer('/ar/week', 429);
		await answer('/ar/week', 200, { method: 'HEAD' });
		await answer('/ar/week', 200, { method: 'POST', body: 'x' });
		await answer('/city/usage', 200);
		await answer('/staff', 200);
		// the service worker's copy of a page opened by a client-side navigation
		await answer('/ar/offers/0b8c3c8e-2f1a-4d6e-9a51-7d1f0e2c3b4a', 200, {
			headers: { 'x-offline-copy': '1' }
		});
		expect(
			usageCounter.rows().map(({ route_kind, locale, count }) => ({ route_kind, locale, count }))
		).toEqual([
			{ route_kind: 'week', locale: 'ar', count: 2 },
			{ route_kind: 'api', locale: 'none', count: 1 }
		]);
	});
});
