/**
 * A stand-in for a Meilisearch server on 127.0.0.1, for testing the adapter at the HTTP
 * boundary: it records every request the real `meilisearch` client makes and answers as the
 * Meilisearch API reference documents it (summarised tasks with 202 on writes, task objects on
 * GET /tasks/:uid, index objects, `index_not_found` errors, swaps). Writes take effect at once
 * and their tasks report `succeeded`, unless a test makes the next task of a kind fail.
 * Searches answer what the test scripts. Only imported by specs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path with the query string, e.g. /indexes/offers/documents?primaryKey=id */
	path: string;
	body: unknown;
	authorization: string | undefined;
}

interface FakeIndex {
	primaryKey: string | null;
	documents: Map<string, Record<string, unknown>>;
	settings: Record<string, unknown>;
	createdAt: string;
}

type TaskType =
	| 'indexCreation'
	| 'indexDeletion'
	| 'indexSwap'
	| 'settingsUpdate'
	| 'documentAdditionOrUpdate'
	| 'documentDeletion';

interface TaskError {
	message: string;
	code: string;
	type: string;
	link: string;
}

const TIME = '2026-11-21T10:00:00.000000Z';

const apiError = (code: string, message: string): TaskError => ({
	message,
	code,
	type: 'invalid_request',
	link: `https://docs.meilisearch.com/errors#${code}`
});

export class FakeMeilisearch {
	readonly requests: RecordedRequest[] = [];
	readonly indexes = new Map<string, FakeIndex>();
	/** Answers POST /multi-search: one result per query. */
	searchResponder: (queries: Record<string, unknown>[]) => Record<string, unknown>[] = (queries) =>
		queries.map((query) => ({
			indexUid: query.indexUid,
			hits: [],
			query: query.q ?? '',
			processingTimeMs: 1,
			limit: query.limit ?? 20,
			offset: query.offset ?? 0,
			estimatedTotalHits: 0,
			facetDistribution: {}
		}));
	readonly #tasks: Record<string, unknown>[] = [];
	readonly #failNext = new Map<TaskType, TaskError>();
	#server: Server | undefined;
	url = '';

	async start(): Promise<this> {
		this.#server = createServer((request, response) => void this.#handle(request, response));
		await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
	}

	/** The next task of this type fails with this error. */
	failNext(type: TaskType, code: string, message: string): void {
		this.#failNext.set(type, apiError(code, message));
	}

	/** Requests as `METHOD path`, for asserting the sequence. */
	lines(): string[] {
		return this.requests.map((r) => `${r.method} ${r.path}`);
	}

	#task(type: TaskType, indexUid: string | null, apply: () => TaskError | null, details = {}) {
		const uid = this.#tasks.length;
		const error = this.#failNext.get(type) ?? apply();
		this.#failNext.delete(type);
		this.#tasks.push({
			uid,
			batchUid: uid,
			indexUid,
			status: error ? 'failed' : 'succeeded',
			type,
			canceledBy: null,
			details,
			error,
			duration: 'PT0.001S',
			enqueuedAt: TIME,
			startedAt: TIME,
			finishedAt: TIME
		});
		return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: TIME }] as const;
	}

	#route(method: string, url: URL, body: unknown): readonly [number, unknown] {
		const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
		const notFound = (uid: string) => apiError('index_not_found', `Index \`${uid}\` not found.`);
		if (method === 'GET' && url.pathname === '/health') return [200, { status: 'available' }];
		if (method === 'GET' && parts[0] === 'tasks' && parts.length === 2) {
			const task = this.#tasks[Number(parts[1])];
			return task
				? [200, task]
				: [404, apiError('task_not_found', `Task \`${parts[1]}\` not found.`)];
		}
		if (method === 'POST' && url.pathname === '/indexes') {
			const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
			return this.#task('indexCreation', uid, () => {
				if (this.indexes.has(uid))
					return apiError('index_already_exists', `Index \`${uid}\` already exists.`);
				this.indexes.set(uid, {
					primaryKey: primaryKey ?? null,
					documents: new Map(),
					settings: {},
					createdAt: TIME
				});
				return null;
			});
		}
		if (method === 'POST' && url.pathname === '/swap-indexes') {
			const swaps = body as { indexes: [string, string] }[];
			return this.#task(
				'indexSwap',
				null,
				() => {
					for (const { indexes } of swaps) {
						const missing = indexes.find((uid) => !this.indexes.has(uid));
						if (missing) return notFound(missing);
					}
					for (const {
						indexes: [a, b]
					} of swaps) {
						const first = this.indexes.get(a)!;
						this.indexes.set(a, this.indexes.get(b)!);
						this.indexes.set(b, first);
					}
					return null;
				},
				{ swaps }
			);
		}
		if (method === 'POST' && url.pathname === '/multi-search') {
			const { queries } = body as { queries: Record<string, unknown>[] };
			return [200, { results: this.searchResponder(queries) }];
		}
		if (parts[0] === 'indexes' && parts.length >= 2) {
			const uid = parts[1];
			const index = this.indexes.get(uid);
			const rest = parts.slice(2).join('/');
			if (method === 'GET' && rest === '') {
				return index
					? [
							200,
							{ uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: TIME }
						]
					: [404, notFound(uid)];
			}
			if (method === 'GET' && rest === 'stats') {
				return index
					? [
							200,
							{ numberOfDocuments: index.documents.size, isIndexing: false, fieldDistribution: {} }
						]
					: [404, notFound(uid)];
			}
			if (method === 'DELETE' && rest === '') {
				return this.#task('indexDeletion', uid, () =>
					this.indexes.delete(uid) ? null : notFound(uid)
				);
			}
			if (method === 'PATCH' && rest === 'settings') {
				return this.#task('settingsUpdate', uid, () => {
					if (!index) return notFound(uid);
					Object.assign(index.settings, body);
					return null;
				});
			}
			if (method === 'POST' && rest === 'documents') {
				const docs = body as Record<string, unknown>[];
				return this.#task(
					'documentAdditionOrUpdate',
					uid,
					() => {
						// like Meilisearch, adding documents creates a missing index
						const target = index ?? {
							primaryKey: null,
							documents: new Map(),
							settings: {},
							createdAt: TIME
						};
						this.indexes.set(uid, target);
						target.primaryKey ??= url.searchParams.get('primaryKey');
						for (const doc of docs)
							target.documents.set(String(doc[target.primaryKey ?? 'id']), doc);
						return null;
					},
					{ receivedDocuments: docs.length, indexedDocuments: docs.length }
				);
			}
			if (method === 'POST' && rest === 'documents/delete-batch') {
				const ids = body as string[];
				return this.#task(
					'documentDeletion',
					uid,
					() => {
						if (!index) return notFound(uid);
						for (const id of ids) index.documents.delete(String(id));
						return null;
					},
					{ providedIds: ids.length }
				);
			}
		}
		return [404, apiError('not_found', `the fake does not serve ${method} ${url.pathname}`)];
	}

	async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const body = text === '' ? undefined : JSON.parse(text);
		const url = new URL(request.url ?? '/', 'http://fake');
		this.requests.push({
			method: request.method ?? 'GET',
			path: url.pathname + url.search,
			body,
			authorization: request.headers.authorization
		});
		const [status, payload] = this.#route(request.method ?? 'GET', url, body);
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify(payload));
	}
}
