/**
 * Follows the database's data version (`data_version()`, counted up by every statement that
 * changes what the public sees, and when the search worker finished indexing): read at most
 * once a second, and at once when asked (after this process drained the outbox or saved
 * something). When it moved, the cache epoch moves and every public cache of this process is
 * dropped. Each portal process runs one, so that all of them learn of a change.
 */
import type { Supabase } from '../data/client';
import { advanceEpoch, currentEpoch } from './epoch';

export interface DataVersionWatcher {
	/** Reads the version now (coalesced with a read in flight) and moves the epoch. */
	refresh(): Promise<number>;
	/** Reads it once more after a read in flight, which may have begun before a write. */
	refreshAfterWrite(): Promise<number>;
	stop(): void;
}

/** The watchers of this process (one, normally). */
const running = new Set<DataVersionWatcher>();

/**
 * A write of this process has committed (a staff save): every watcher reads the version at
 * once instead of at its next tick, so the caches and the search index follow within
 * milliseconds here, and within a second in the other processes.
 */
export function afterWrite(): void {
	for (const watcher of running) void watcher.refreshAfterWrite();
}

export interface WatchOptions {
	/** Pause between reads (default 1 s). */
	intervalMs?: number;
	/** Called after the version moved (e.g. to let the search worker drain the outbox now). */
	onChange?: (version: number) => void;
	log?: (message: string) => void;
}

export function watchDataVersion(
	supabase: Supabase | Promise<Supabase>,
	options: WatchOptions = {}
): DataVersionWatcher {
	const interval = options.intervalMs ?? 1_000;
	const log = options.log ?? ((message: string) => console.error(`[cache] ${message}`));
	let reading: Promise<number> | null = null;
	let failing = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	const read = async (): Promise<number> => {
		const { data, error } = await (await supabase).rpc('data_version');
		if (error) throw new Error(`data_version() failed: ${error.message}`);
		return Number(data);
	};

	const refresh = (): Promise<number> => {
		reading ??= read()
			.then((version) => {
				if (failing) log('data version readable again');
				failing = false;
				const before = currentEpoch();
				advanceEpoch(version);
				if (version !== before) options.onChange?.(version);
				return version;
			})
			.catch((error: unknown) => {
				// caches stay as they are; the next read tries again
				if (!failing) log(`cannot read the data version: ${(error as Error).message}`);
				failing = true;
				return currentEpoch();
			})
			.finally(() => {
				reading = null;
			});
		return reading;
	};

	const tick = async () => {
		await refresh();
		if (stopped) return;
		timer = setTimeout(tick, interval);
		timer.unref?.();
	};
	void tick();

	const watcher: DataVersionWatcher = {
		refresh,
		refreshAfterWrite: () => (reading ?? Promise.resolve()).then(refresh),
		stop() {
			stopped = true;
			running.delete(watcher);
			if (timer) clearTimeout(timer);
		}
	};
	running.add(watcher);
	return watcher;
}
