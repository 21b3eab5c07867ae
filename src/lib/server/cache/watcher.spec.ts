/**
 * The data version watcher's timing: it reads at its interval, at once after a write of this
 * process, and once more after a read that may have begun before the write committed. The
 * database is stood in for by its one call, `rpc('data_version')`, answering a counter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Supabase } from '../data/client';
import { currentEpoch } from './epoch';
import { afterWrite, watchDataVersion, type DataVersionWatcher } from './watcher';

function database(start: number) {
	const state = { version: start, reads: 0, delayMs: 0 };
	const supabase = {
		rpc: async (name: string) => {
			expect(name).toBe('data_version');
			state.reads++;
			// the version as the statement sees it when it starts
			const seen = state.version;
			await new Promise((resolve) => setTimeout(resolve, state.delayMs));
			return { data: seen, error: null };
		}
	} as unknown as Supabase;
	return { state, supabase };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let watcher: DataVersionWatcher | undefined;
afterEach(() => watcher?.stop());

describe('watchDataVersion', () => {
	it('reads at once after a write of this process, not at its next tick', async () => {
		const { state, supabase } = database(currentEpoch() + 10);
		const changes: number[] = [];
		watcher = watchDataVersion(supabase, {
			intervalMs: 60_000,
			onChange: (version) => changes.push(version)
		});
		await sleep(20);
		expect(state.reads).toBe(1);
		state.version++;
		afterWrite();
		await sleep(20);
		expect(state.reads).toBe(2);
		expect(currentEpoch()).toBe(state.version);
		expect(changes.at(-1)).toBe(state.version);
	});

	it('reads once more when a read began before the write committed', async () => {
		const { state, supabase } = database(currentEpoch() + 10);
		watcher = watchDataVersion(supabase, { intervalMs: 60_000 });
		await sleep(20);
		state.delayMs = 50;
		const early = watcher.refresh(); // began before the write
		await sleep(10);
		state.version++;
		afterWrite();
		expect(await early).toBe(state.version - 1);
		await sleep(120);
		expect(currentEpoch()).toBe(state.version);
	});

	it('asks nothing of a stopped watcher', async () => {
		const { state, supabase } = database(currentEpoch() + 10);
		watcher = watchDataVersion(supabase, { intervalMs: 60_000 });
		await sleep(20);
		watcher.stop();
		afterWrite();
		await sleep(20);
		expect(state.reads).toBe(1);
	});
});
