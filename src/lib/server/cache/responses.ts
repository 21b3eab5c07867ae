/**
 * Rendered answers kept for anonymous readers: the body once, its brotli and gzip copies as
 * they are first asked for, the headers, an ETag. Dropped when the cache epoch moves (the data
 * changed) and after a short time (next dates move with the clock). Least recently used
 * answers go first beyond the size limits.
 */
import { createHash } from 'node:crypto';
import { compress, type Encoding } from './encoding';
import { currentEpoch, onEpochChange } from './epoch';

export interface CachedResponse {
	key: string;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	etag: string;
	/** When it stops being served (ms since the epoch of the clock). */
	expires: number;
	/** Compressed copies, made on first request of each encoding. */
	encoded: Map<Encoding, Promise<Uint8Array>>;
	bytes: number;
}

export interface ResponseCacheOptions {
	/** How long an answer is served (default 60 s). */
	ttlMs?: number;
	/** Most bytes kept, copies included (default 64 MB). */
	maxBytes?: number;
	/** Largest answer kept (default 4 MB). */
	maxEntryBytes?: number;
	now?: () => number;
}

export class ResponseCache {
	readonly #entries = new Map<string, CachedResponse>();
	readonly #ttl: number;
	readonly #maxBytes: number;
	readonly #maxEntryBytes: number;
	readonly #now: () => number;
	#bytes = 0;

	constructor(options: ResponseCacheOptions = {}) {
		this.#ttl = options.ttlMs ?? 60_000;
		this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
		this.#maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
		this.#now = options.now ?? Date.now;
		onEpochChange(() => this.clear());
	}

	get size(): number {
		return this.#entries.size;
	}

	get bytes(): number {
		return this.#bytes;
	}

	/** The live answer under `key`, or undefined. */
	get(key: string): CachedResponse | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.expires <= this.#now()) {
			this.#delete(key, entry);
			return undefined;
		}
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		return entry;
	}

	/**
	 * Keeps `response` (already read into `body`) under `key`, unless the epoch moved since
	 * `epoch` (the answer may show old data) or it is too large. Returns the entry to serve.
	 */
	put(key: string, epoch: number, response: Response, body: Uint8Array): CachedResponse {
		const entry: CachedResponse = {
			key,
			status: response.status,
			headers: [...response.headers].filter(([name]) => name !== 'content-length'),
			body,
			etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
			expires: this.#now() + this.#ttl,
			encoded: new Map(),
			bytes: body.byteLength
		};
		if (epoch === currentEpoch() && body.byteLength <= this.#maxEntryBytes) {
			const old = this.#entries.get(key);
			if (old) this.#delete(key, old);
			this.#entries.set(key, entry);
			this.#bytes += entry.bytes;
			this.#evict();
		}
		return entry;
	}

	/** The body in `encoding`, compressed once per entry. */
	encoded(entry: CachedResponse, encoding: Encoding): Promise<Uint8Array> {
		let copy = entry.encoded.get(encoding);
		if (!copy) {
			copy = compress(entry.body, encoding);
			entry.encoded.set(encoding, copy);
			void copy.then((bytes) => {
				entry.bytes += bytes.byteLength;
				if (this.#entries.get(entry.key) === entry) {
					this.#bytes += bytes.byteLength;
					this.#evict();
				}
			});
		}
		return copy;
	}

	clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}

	#delete(key: string, entry: CachedResponse): void {
		this.#entries.delete(key);
		this.#bytes -= entry.bytes;
	}

	#evict(): void {
		for (const [key, entry] of this.#entries) {
			if (this.#bytes <= this.#maxBytes) break;
			this.#delete(key, entry);
		}
	}
}
