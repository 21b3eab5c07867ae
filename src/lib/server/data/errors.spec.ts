import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromPostgrestError, orFail, orHttpError } from './errors';

afterEach(() => vi.restoreAllMocks());

const failing = (code: string) =>
	Promise.reject(fromPostgrestError('save_offer', { code, message: 'secret database words' }));

describe('one path from an RPC error to the page', () => {
	it('maps PostgREST and PostgreSQL codes to a message key and status, and logs the raw error once', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const cases: [string, number, string][] = [
			['PGRST116', 404, 'error.not_found'],
			['42501', 403, 'error.not_allowed'],
			['PT409', 409, 'error.conflict'],
			['23514', 400, 'error.invalid_input'],
			['08006', 503, 'error.data_unavailable']
		];
		for (const [code, status, key] of cases) {
			const error = fromPostgrestError('save_offer', { code, message: 'secret database words' });
			expect({ status: error.status, key: error.key }).toEqual({ status, key });
			expect(error.message).not.toContain('secret');
		}
		expect(log).toHaveBeenCalledTimes(cases.length);
	});

	it('makes a load fail with error() and an action with fail(), keeping the key', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const thrown = await orHttpError(failing('PT409')).catch((caught: unknown) => caught);
		expect(isHttpError(thrown) && [thrown.status, thrown.body.key]).toEqual([
			409,
			'error.conflict'
		]);
		const failed: unknown = await orFail(failing('PT409'));
		expect(isActionFailure(failed)).toBe(true);
		expect(failed).toMatchObject({ status: 409, data: { error: 'error.conflict' } });
		expect(await orFail(Promise.resolve('saved'))).toBe('saved');
		await expect(orFail(Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
	});
});
