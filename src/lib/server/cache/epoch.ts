/**
 * The cache epoch of this process: the database's data version (`data_version()`) as last
 * read. Everything cached for public readers belongs to one epoch and is dropped when the epoch
 * moves (see watcher.ts, which moves it).
 *
 *   const epoch = currentEpoch();
 *   onEpochChange(() => responses.clear());
 */

let epoch = 0;
const listeners = new Set<(epoch: number) => void>();

export function currentEpoch(): number {
	return epoch;
}

/** Moves the epoch (when the data version changed); listeners drop what they cached. */
export function advanceEpoch(version: number): void {
	if (version === epoch) return;
	epoch = version;
	for (const listener of listeners) listener(epoch);
}

/** Calls `listener` whenever the epoch moves; returns a function that stops it. */
export function onEpochChange(listener: (epoch: number) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
