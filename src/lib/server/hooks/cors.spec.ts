import { error, type RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../data/errors';
import { cors } from './cors';

function eventFor(method: string, path: string): RequestEvent {
	const url = new URL(path, 'https://portal.example');
	return { url, request: new Request(url, { method }) } as unknown as RequestEvent;
}

/** The handle's answer to `method path` when the rest of the sequence does `resolve`. */
async function answer(method: string, path: string, resolve: () => Response | Promise<Response>) {
	return cors({ event: eventFor(method, path), resolve: async () => resolve() });
}

describe('cors', () => {
	afterEach(() => vi.restoreAllMocks());

	it('answers a preflight to any /api path itself', async () => {
		const resolve = vi.fn(() => new Response('not here'));
		for (const path of ['/api', '/api/offers', '/api/offers/x', '/api/nothing']) {
			const response = await answer('OPTIONS', path, resolve);
			expect(response.status).toBe(204);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
			expect(response.headers.get('access-control-allow-headers')).toContain('if-none-match');
			expect(response.headers.get('access-control-max-age')).toBe('86400');
		}
		expect(resolve).not.toHaveBeenCalled();
	});

	it('adds the header to every /api answer, also to one with immutable headers', async () => {
		const ok = await answer('GET', '/api/offers', () => new Response('{}'));
		expect(ok.headers.get('access-control-allow-origin')).toBe('*');
		const redirect = await answer('GET', '/api/offers', () => Response.redirect('https://x/', 302));
		expect(redirect.status).toBe(302);
		expect(redirect.headers.get('access-control-allow-origin')).toBe('*');
		const missing = await answer('POST', '/api/offers', () => new Response('no', { status: 405 }));
		expect(missing.status).toBe(405);
		expect(missing.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('leaves pages and their OPTIONS alone', async () => {
		const page = await answer('GET', '/de', () => new Response('<html>'));
		expect(page.headers.get('access-control-allow-origin')).toBeNull();
		const options = await answer('OPTIONS', '/apis', () => new Response(null, { status: 405 }));
		expect(options.status).toBe(405);
		expect(options.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('answers a failure of a later handle as the API does, readable from any origin', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const crash = await answer('GET', '/api/offers', () => {
			throw new TypeError('boom');
		});
		expect(crash.status).toBe(500);
		expect(crash.headers.get('access-control-allow-origin')).toBe('*');
		expect(await crash.json()).toEqual({
			error: { message: 'the request could not be answered' }
		});
		expect(logged).toHaveBeenCalledTimes(1);

		const down = await answer('GET', '/api/offers', () => {
			throw new DataError('error.data_unavailable', 503, null, 'list_districts');
		});
		expect(down.status).toBe(503);
		expect(down.headers.get('access-control-allow-origin')).toBe('*');

		const refused = await answer('GET', '/api/offers', () => error(429, 'slow down'));
		expect(refused.status).toBe(429);
		expect(await refused.json()).toEqual({ error: { message: 'slow down' } });
		expect(refused.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('lets a failure on a page pass on to SvelteKit', async () => {
		await expect(
			answer('GET', '/de', () => {
				throw new TypeError('boom');
			})
		).rejects.toThrow('boom');
	});
});
