/**
 * One lifecycle for the maps of the portal (the offer map, the point picker): made inside an
 * `$effect`, torn down with it, a map that finishes loading after its panel closed removed at
 * once.
 *
 *   $effect(() => {
 *     if (!container) return;
 *     return loadMap(() => createOfferMap({ container, … }), {
 *       ready: (map) => (controller = map),
 *       failed: () => (status = 'failed')
 *     });
 *   });
 */

/** Whatever a map module returns: something that can be removed. */
export interface Removable {
	destroy(): void;
}

export interface LoadCallbacks<T> {
	/** The map is drawn and can be used. */
	ready(map: T): void;
	/** It could not be made (already logged). */
	failed(error: unknown): void;
	/** The effect is torn down (after the map is removed). */
	stopped?(): void;
}

/** Starts `create`; returns the effect's cleanup, which removes the map. */
export function loadMap<T extends Removable>(
	create: () => Promise<T>,
	callbacks: LoadCallbacks<T>,
	tag = '[map]'
): () => void {
	let cancelled = false;
	let created: T | null = null;
	create()
		.then((map) => {
			if (cancelled) return map.destroy();
			created = map;
			callbacks.ready(map);
		})
		.catch((error: unknown) => {
			if (cancelled) return;
			console.error(tag, error);
			callbacks.failed(error);
		});
	return () => {
		cancelled = true;
		created?.destroy();
		callbacks.stopped?.();
	};
}
