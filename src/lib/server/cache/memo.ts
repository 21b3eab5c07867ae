/**
 * Small in-memory caches of what public pages read from the database (districts, the portal's
 * frame, an offer): one value per key within the cache epoch, at most `max` keys (least
 * recently used go first). Concurrent callers of a missing key share one load; a failed load is
 * not kept.
 *
 *   const districtCache = memo<DistrictSummary[]>({ name: 'districts', max: 1 });
 *   const list = await districtCache.get('all', () => districts.load(supabase));
 */
import { currentEpoch, onEpochChange } from './epoch';

export interface Memo<T> {
	/** The value of `key`, loaded with `load` when this epoch has none. */
	get(key: string, load: () => Promise<T>): Promise<T>;
	/** Whether `key` has a value (or one loading) in this epoch. */
	has(key: string): boolean;
	/** Forgets everything (also done when the epoch moves). */
	clear(): void;
	readonly size: number;
}

export function memo<T>(options: { max: number }): Memo<T> {
	const values = new Map<string, Promise<T>>();
	onEpochChange(() => values.clear());
	return {
		get(key, load) {
			const cached = values.get(key);
			if (cached) {
				// most recently used last
				values.delete(key);
				values.set(key, cached);
				return cached;
			}
			const epoch = currentEpoch();
			const loading = load();
			values.set(key, loading);
			loading.catch(() => {
				if (values.get(key) === loading) values.delete(key);
			});
			// a value loaded while the epoch moved may be stale: used once, not kept
			void loading.then(
				() => {
					if (currentEpoch() !== epoch && values.get(key) === loading) values.delete(key);
				},
				() => undefined
			);
			while (values.size > options.max) values.delete(values.keys().next().value!);
			return loading;
		},
		has: (key) => values.has(key),
		clear: () => values.clear(),
		get size() {
			return values.size;
		}
	};
}
