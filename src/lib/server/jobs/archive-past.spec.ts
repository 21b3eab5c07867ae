import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, startArchivingPastOffers } from './archive-past';

const quiet = () => ({ info: vi.fn(), error: vi.fn() });

describe('startArchivingPastOffers', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs at start and then once a day until stopped', async () => {
		const run = vi.fn().mockResolvedValue(0);
		const job = startArchivingPastOffers({ run, log: quiet() });
		expect(await job.first).toBe(0);
		expect(run).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(DAY_MS - 1);
		expect(run).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(run).toHaveBeenCalledTimes(2);
		job.stop();
		await vi.advanceTimersByTimeAsync(3 * DAY_MS);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('logs a failed run and tries again the next day', async () => {
		const log = quiet();
		const run = vi.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValue(3);
		const job = startArchivingPastOffers({ run, log });
		expect(await job.first).toBeNull();
		expect(log.error).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(DAY_MS);
		expect(run).toHaveBeenCalledTimes(2);
		expect(log.info).toHaveBeenCalledWith(
			'[archive] archived 3 offers whose dates have all passed'
		);
		job.stop();
	});

	it('does not start a second run while one is going', async () => {
		let finish: (count: number) => void = () => undefined;
		const run = vi.fn(() => new Promise<number>((resolve) => (finish = resolve)));
		const job = startArchivingPastOffers({ run, log: quiet() });
		const again = job.runNow();
		expect(run).toHaveBeenCalledTimes(1);
		finish(2);
		expect(await again).toBe(2);
		expect(await job.first).toBe(2);
		job.stop();
	});

	it('does not keep the process alive', () => {
		const spy = vi.spyOn(globalThis, 'setInterval');
		const job = startArchivingPastOffers({ run: async () => 0, log: quiet() });
		const timer = spy.mock.results[0].value as { hasRef?: () => boolean };
		// with fake timers a timer reports its ref state like a real one
		expect(timer.hasRef?.()).toBe(false);
		job.stop();
		spy.mockRestore();
	});
});
