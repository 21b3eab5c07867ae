import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALENDAR_ROUND_MS, startCalendarImport } from './calendar-import';

const quiet = () => ({ info: vi.fn(), error: vi.fn() });

describe('startCalendarImport', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs a round every interval, logs a failed one and goes on, until stopped', async () => {
		const log = quiet();
		const round = vi.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValue(2);
		const job = startCalendarImport({ round, log });
		expect(round).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(CALENDAR_ROUND_MS);
		expect(log.error).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(CALENDAR_ROUND_MS);
		expect(log.info).toHaveBeenCalledWith('[calendar] fetched 2 calendar feeds');
		expect(await job.runNow()).toBe(2);
		job.stop();
		await vi.advanceTimersByTimeAsync(10 * CALENDAR_ROUND_MS);
		expect(round).toHaveBeenCalledTimes(3);
	});
});
