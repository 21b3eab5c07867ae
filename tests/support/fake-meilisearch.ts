/**
 * A stand-in for a Meilisearch server on 127.0.0.1, for testing the adapter at the HTTP
 * boundary: it records every request the real `meilisearch` client makes and answers, and
 * refuses, as Meilisearch v1 does:
 *
 * - keys: started with a master key (or keys), a request without `Authorization` gets 401
 *   `missing_authorization_header`, an unknown key, a key without the route's action or whose
 *   index patterns do not cover the index 403 `invalid_api_key`; GET /keys lists the keys;
 * - writes answer 202 with a summarised task; a task goes `enqueued` → `processing` →
 *   `succeeded`/`failed`, one step per GET /tasks/:uid, and takes effect only when it is done
 *   (tasks run in order), so a client that does not wait sees nothing yet;
 * - settings with an unknown key are refused (400 `bad_request`), lists of attributes must be
 *   lists (400 `invalid_settings_*`); updating settings or adding documents creates a missing
 *   index, as Meilisearch does;
 * - any access to a missing index is `index_not_found` (404; inside a multi-search 400, like
 *   every refused query there, with "Inside `.queries[i]`:"); a filter or facet on an attribute
 *   that is not filterable, a sort on one that is not sortable are 400 `invalid_search_filter`,
 *   `invalid_search_facets`, `invalid_search_sort`, and unknown search parameters 400
 *   `bad_request`.
 *
 * Searches are answered from the documents unless a test scripts `searchResponder`. The fake
 * matches words literally (lowercased, split at anything but letters and digits; every word, the
 * last also as a prefix, in a searchable attribute), without typos, synonyms or stop words, and
 * without folding: it finds "Strasse" in "Straße" only when the adapter folded both. It
 * evaluates filters of the form `a = v`, `a != v`, `a IN [v, …]` (an array is their AND), sorts
 * by attributes and `_geoPoint`, counts facets, and pages: `page`/`hitsPerPage` count every hit
 * (`totalHits`), `offset`/`limit` only estimate (`estimatedTotalHits`: the hits up to the end of
 * the page, plus one when more follow), as the name warns. Only imported by specs.
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

export interface FakeIndex {
	primaryKey: string | null;
	documents: Map<string, Record<string, unknown>>;
	settings: Record<string, unknown>;
	createdAt: string;
}

/** An API key as GET /keys lists it. */
export interface FakeKey {
	uid: string;
	key: string;
	name: string | null;
	description: string | null;
	actions: string[];
	indexes: string[];
	expiresAt: null;
	createdAt: string;
	updatedAt: string;
}

export interface FakeMeilisearchOptions {
	/** Requests need a key: this one may do everything. */
	masterKey?: string;
	/** API keys (requests need a key also when only these are given). */
	keys?: (Pick<FakeKey, 'key' | 'actions' | 'indexes'> & Partial<FakeKey>)[];
}

type TaskType =
	| 'indexCreation'
	| 'indexDeletion'
	| 'indexSwap'
	| 'settingsUpdate'
	| 'documentAdditionOrUpdate'
	| 'documentDeletion';

type TaskStatus = 'enqueued' | 'processing' | 'succeeded' | 'failed';

export interface ApiError {
	message: string;
	code: string;
	type: string;
	link: string;
}

interface FakeTask {
	uid: number;
	type: TaskType;
	indexUid: string | null;
	/** Indexes the task touches (both of a swap). */
	touches: string[];
	status: TaskStatus;
	details: Record<string, unknown>;
	error: ApiError | null;
	apply: () => ApiError | null;
	enqueuedAt: string;
	startedAt: string | null;
	finishedAt: string | null;
}

type Reply = readonly [number, unknown];

const TIME = '2026-11-21T10:00:00.000000Z';

const apiError = (code: string, message: string, type = 'invalid_request'): ApiError => ({
	message,
	code,
	type,
	link: `https://docs.meilisearch.com/errors#${code}`
});

const MISSING_AUTHORIZATION = apiError(
	'missing_authorization_header',
	'The Authorization header is missing. It must use the bearer authorization method.',
	'auth'
);
const INVALID_KEY = apiError('invalid_api_key', 'The provided API key is invalid.', 'auth');

/** Settings an index has (v1.x); any other key is refused. */
const SETTINGS_DEFAULTS: Record<string, unknown> = {
	displayedAttributes: ['*'],
	searchableAttributes: ['*'],
	filterableAttributes: [],
	sortableAttributes: [],
	rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
	stopWords: [],
	nonSeparatorTokens: [],
	separatorTokens: [],
	dictionary: [],
	synonyms: {},
	distinctAttribute: null,
	proximityPrecision: 'byWord',
	typoTolerance: {
		enabled: true,
		minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
		disableOnWords: [],
		disableOnAttributes: [],
		disableOnNumbers: false
	},
	faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
	pagination: { maxTotalHits: 1000 },
	embedders: {},
	searchCutoffMs: null,
	localizedAttributes: null,
	facetSearch: true,
	prefixSearch: 'indexingTime'
};
/** Settings that hold a list (or null). */
const LIST_SETTINGS = [
	'displayedAttributes',
	'searchableAttributes',
	'filterableAttributes',
	'sortableAttributes',
	'rankingRules',
	'stopWords',
	'nonSeparatorTokens',
	'separatorTokens',
	'dictionary',
	'localizedAttributes'
];
/** Lists Meilisearch keeps as sets and returns sorted. */
const SORTED_SETTINGS = ['filterableAttributes', 'sortableAttributes', 'stopWords'];

const SEARCH_PARAMETERS = new Set([
	'indexUid',
	'q',
	'vector',
	'offset',
	'limit',
	'page',
	'hitsPerPage',
	'attributesToRetrieve',
	'retrieveVectors',
	'attributesToCrop',
	'cropLength',
	'cropMarker',
	'attributesToHighlight',
	'highlightPreTag',
	'highlightPostTag',
	'showMatchesPosition',
	'showRankingScore',
	'showRankingScoreDetails',
	'filter',
	'sort',
	'distinct',
	'facets',
	'matchingStrategy',
	'attributesToSearchOn',
	'hybrid',
	'rankingScoreThreshold',
	'locales',
	'federationOptions'
]);

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const words = (text: string) =>
	text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

/** Whether a key's index patterns cover an index (`*`, a name, or a prefix ending in `*`). */
function covers(patterns: readonly string[], uid: string): boolean {
	return patterns.some(
		(p) => p === '*' || p === uid || (p.endsWith('*') && uid.startsWith(p.slice(0, -1)))
	);
}

/** Whether a key's actions include `action` (`*` and `group.*` included). */
function allows(actions: readonly string[], action: string): boolean {
	const group = action.split('.')[0];
	return actions.some((a) => a === '*' || a === action || a === `${group}.*`);
}

/** Values of a document at a (dotted) attribute, as a flat list. */
function valuesAt(doc: Record<string, unknown>, attribute: string): unknown[] {
	let value: unknown = doc;
	for (const part of attribute.split('.')) {
		value =
			value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
	}
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value.flat(Infinity) : [value];
}

const EARTH_RADIUS_M = 6_371_008.8;
function distance(lat1: number, lng1: number, lat2: number, lng2: number): number {
	const rad = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A condition of a filter: `attribute op value(s)`. */
interface Condition {
	attribute: string;
	op: '=' | '!=' | 'IN';
	values: string[];
}

const CONDITION = /^\s*([A-Za-z0-9_.]+)\s*(=|!=|IN)\s*(.+?)\s*$/;

/** The attribute a filter expression starts with, for the filterable check. */
function filterAttribute(expression: string): string | null {
	const geo = /^\s*(_geoRadius|_geoBoundingBox|_geoPolygon)\s*\(/.exec(expression);
	if (geo) return '_geo';
	return /^\s*([A-Za-z0-9_.]+)/.exec(expression)?.[1] ?? null;
}

function parseCondition(expression: string): Condition | null {
	const match = CONDITION.exec(expression);
	if (!match) return null;
	const [, attribute, op, rest] = match;
	const scalar = (text: string) => {
		const trimmed = text.trim();
		return /^(["']).*\1$/.test(trimmed) ? trimmed.slice(1, -1).replace(/\\"/g, '"') : trimmed;
	};
	if (op === 'IN') {
		const list = /^\[(.*)\]$/.exec(rest);
		if (!list) return null;
		const values = list[1].trim() === '' ? [] : (list[1].match(/"(?:[^"\\]|\\.)*"|[^,\s]+/g) ?? []);
		return { attribute, op, values: values.map(scalar) };
	}
	return { attribute, op: op as Condition['op'], values: [scalar(rest)] };
}

function matchesCondition(doc: Record<string, unknown>, condition: Condition): boolean {
	const values = valuesAt(doc, condition.attribute).map(String);
	const hit = values.some((value) => condition.values.includes(value));
	return condition.op === '!=' ? !hit : hit;
}

export class FakeMeilisearch {
	readonly requests: RecordedRequest[] = [];
	readonly indexes = new Map<string, FakeIndex>();
	readonly keys: FakeKey[];
	readonly masterKey: string | undefined;
	/**
	 * Answers the queries of POST /multi-search after they passed the checks; by default (null)
	 * they are answered from the documents.
	 */
	searchResponder: ((queries: Record<string, unknown>[]) => Record<string, unknown>[]) | null =
		null;
	readonly #tasks: FakeTask[] = [];
	readonly #failNext = new Map<TaskType, ApiError>();
	#server: Server | undefined;
	url = '';

	constructor(options: FakeMeilisearchOptions = {}) {
		this.masterKey =
			options.masterKey ?? (options.keys?.length ? 'fake-master-key-not-given' : undefined);
		this.keys = (options.keys ?? []).map((key, i) => ({
			uid: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			name: null,
			description: null,
			expiresAt: null,
			createdAt: TIME,
			updatedAt: TIME,
			...key
		}));
	}

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

	/** An index with these settings and documents, at once (no task). */
	createIndex(
		uid: string,
		options: { settings?: Record<string, unknown>; documents?: Record<string, unknown>[] } = {}
	): FakeIndex {
		const index: FakeIndex = {
			primaryKey: 'id',
			documents: new Map((options.documents ?? []).map((doc) => [String(doc.id), doc])),
			settings: structuredClone(options.settings ?? {}),
			createdAt: TIME
		};
		this.indexes.set(uid, index);
		return index;
	}

	/** Runs every task that is not done yet, in order. */
	settle(): void {
		for (const task of this.#tasks) this.#finish(task);
	}

	/** Statuses of the tasks, by uid. */
	taskStatuses(): TaskStatus[] {
		return this.#tasks.map((task) => task.status);
	}

	/**
	 * Requests as `METHOD path`, for asserting the sequence; with `polls: 'once'` consecutive
	 * polls of the same task are one line.
	 */
	lines(options: { polls?: 'all' | 'once' } = {}): string[] {
		const lines = this.requests.map((r) => `${r.method} ${r.path}`);
		if (options.polls !== 'once') return lines;
		return lines.filter((line, i) => !(line.startsWith('GET /tasks/') && lines[i - 1] === line));
	}

	// ---------------------------------------------------------------------------------------
	// tasks

	#enqueue(
		type: TaskType,
		indexUid: string | null,
		apply: () => ApiError | null,
		details: Record<string, unknown> = {},
		touches: string[] = indexUid === null ? [] : [indexUid]
	): Reply {
		const uid = this.#tasks.length;
		this.#tasks.push({
			uid,
			type,
			indexUid,
			touches,
			status: 'enqueued',
			details,
			error: null,
			apply,
			enqueuedAt: TIME,
			startedAt: null,
			finishedAt: null
		});
		return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: TIME }];
	}

	/** Runs a task to its end (earlier ones first). */
	#finish(task: FakeTask): void {
		if (task.status === 'succeeded' || task.status === 'failed') return;
		for (const earlier of this.#tasks.slice(0, task.uid)) this.#finish(earlier);
		task.startedAt ??= TIME;
		const error = this.#failNext.get(task.type) ?? task.apply();
		this.#failNext.delete(task.type);
		task.error = error;
		task.status = error ? 'failed' : 'succeeded';
		task.finishedAt = TIME;
	}

	/** One step of a task's life, on each poll: enqueued → processing → done. */
	#advance(task: FakeTask): void {
		if (task.status === 'enqueued') {
			for (const earlier of this.#tasks.slice(0, task.uid)) this.#finish(earlier);
			task.status = 'processing';
			task.startedAt = TIME;
		} else if (task.status === 'processing') {
			this.#finish(task);
		}
	}

	#taskView(task: FakeTask) {
		const done = task.status === 'succeeded' || task.status === 'failed';
		return {
			uid: task.uid,
			batchUid: task.status === 'enqueued' ? null : task.uid,
			indexUid: task.indexUid,
			status: task.status,
			type: task.type,
			canceledBy: null,
			details: task.details,
			error: task.error,
			duration: done ? 'PT0.001S' : null,
			enqueuedAt: task.enqueuedAt,
			startedAt: task.startedAt,
			finishedAt: task.finishedAt
		};
	}

	// ---------------------------------------------------------------------------------------
	// keys

	/** The key of a request, or the error refusing it; null: no keys are needed. */
	#keyOf(authorization: string | undefined): FakeKey | 'master' | null | Reply {
		if (this.masterKey === undefined) return null;
		if (!authorization) return [401, MISSING_AUTHORIZATION];
		const token = /^Bearer\s+(.+)$/.exec(authorization)?.[1];
		if (token === this.masterKey) return 'master';
		const key = this.keys.find((k) => k.key === token);
		return key ?? [403, INVALID_KEY];
	}

	// ---------------------------------------------------------------------------------------
	// routes

	#route(method: string, url: URL, body: unknown, authorization: string | undefined): Reply {
		const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
		if (method === 'GET' && url.pathname === '/health') return [200, { status: 'available' }];

		const key = this.#keyOf(authorization);
		if (Array.isArray(key)) return key as unknown as Reply;
		/** Whether the request's key may do `action` on each of `uids`. */
		const may = (action: string, ...uids: string[]) =>
			key === null ||
			key === 'master' ||
			(allows((key as FakeKey).actions, action) &&
				uids.every((uid) => covers((key as FakeKey).indexes, uid)));
		const forbidden: Reply = [403, INVALID_KEY];
		const notFound = (uid: string) => apiError('index_not_found', `Index \`${uid}\` not found.`);

		if (method === 'GET' && url.pathname === '/keys') {
			if (!may('keys.get')) return forbidden;
			return [200, { results: this.keys, offset: 0, limit: 20, total: this.keys.length }];
		}
		if (method === 'GET' && parts[0] === 'tasks' && parts.length === 2) {
			if (!may('tasks.get')) return forbidden;
			const task = this.#tasks[Number(parts[1])];
			// a task of an index the key does not cover is not shown
			if (!task || !may('tasks.get', ...task.touches)) {
				return [404, apiError('task_not_found', `Task \`${parts[1]}\` not found.`)];
			}
			const view = this.#taskView(task);
			this.#advance(task);
			return [200, view];
		}
		if (method === 'POST' && url.pathname === '/indexes') {
			const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
			if (!may('indexes.create', uid)) return forbidden;
			if (!/^[A-Za-z0-9_-]{1,400}$/.test(uid)) {
				return [400, apiError('invalid_index_uid', `\`${uid}\` is not a valid index uid.`)];
			}
			return this.#enqueue('indexCreation', uid, () => {
				if (this.indexes.has(uid))
					return apiError('index_already_exists', `Index \`${uid}\` already exists.`);
				this.createIndex(uid).primaryKey = primaryKey ?? null;
				return null;
			});
		}
		if (method === 'POST' && url.pathname === '/swap-indexes') {
			const swaps = body as { indexes: [string, string] }[];
			if (!may('indexes.swap')) return forbidden;
			for (const { indexes } of swaps) {
				if (!may('indexes.swap', ...indexes)) return forbidden;
			}
			return this.#enqueue(
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
				{ swaps },
				swaps.flatMap((swap) => swap.indexes)
			);
		}
		if (method === 'POST' && url.pathname === '/multi-search') {
			return this.#multiSearch(body as { queries: Record<string, unknown>[] }, may);
		}
		if (parts[0] === 'indexes' && parts.length >= 2) {
			return this.#indexRoute(method, url, parts[1], parts.slice(2).join('/'), body, may);
		}
		return [404, apiError('not_found', `the fake does not serve ${method} ${url.pathname}`)];
	}

	#indexRoute(
		method: string,
		url: URL,
		uid: string,
		rest: string,
		body: unknown,
		may: (action: string, ...uids: string[]) => boolean
	): Reply {
		const index = this.indexes.get(uid);
		const forbidden: Reply = [403, INVALID_KEY];
		const notFound = () => apiError('index_not_found', `Index \`${uid}\` not found.`);
		/** Adding documents or settings creates a missing index, as in Meilisearch. */
		const ensure = () => this.indexes.get(uid) ?? this.createIndex(uid);

		if (method === 'GET' && rest === '') {
			if (!may('indexes.get', uid)) return forbidden;
			return index
				? [200, { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: TIME }]
				: [404, notFound()];
		}
		if (method === 'DELETE' && rest === '') {
			if (!may('indexes.delete', uid)) return forbidden;
			return this.#enqueue('indexDeletion', uid, () =>
				this.indexes.delete(uid) ? null : notFound()
			);
		}
		if (method === 'GET' && rest === 'stats') {
			if (!may('stats.get', uid)) return forbidden;
			if (!index) return [404, notFound()];
			const fields: Record<string, number> = {};
			for (const doc of index.documents.values())
				for (const field of Object.keys(doc)) fields[field] = (fields[field] ?? 0) + 1;
			return [
				200,
				{ numberOfDocuments: index.documents.size, isIndexing: false, fieldDistribution: fields }
			];
		}
		if (method === 'GET' && rest === 'settings') {
			if (!may('settings.get', uid)) return forbidden;
			if (!index) return [404, notFound()];
			const settings = {
				...structuredClone(SETTINGS_DEFAULTS),
				...structuredClone(index.settings)
			};
			for (const name of SORTED_SETTINGS) {
				const list = settings[name];
				if (Array.isArray(list)) settings[name] = [...list].sort();
			}
			return [200, settings];
		}
		if (method === 'PATCH' && rest === 'settings') {
			if (!may('settings.update', uid)) return forbidden;
			const refused = this.#checkSettings(body);
			if (refused) return [400, refused];
			return this.#enqueue('settingsUpdate', uid, () => {
				Object.assign(ensure().settings, structuredClone(body));
				return null;
			});
		}
		if (method === 'POST' && rest === 'documents') {
			if (!may('documents.add', uid)) return forbidden;
			const docs = body as Record<string, unknown>[];
			return this.#enqueue(
				'documentAdditionOrUpdate',
				uid,
				() => {
					const target = ensure();
					target.primaryKey ??= url.searchParams.get('primaryKey');
					const primaryKey = target.primaryKey ?? 'id';
					const missing = docs.find((doc) => doc[primaryKey] === undefined);
					if (missing) {
						return apiError(
							'missing_document_id',
							`Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(missing)}\`.`
						);
					}
					for (const doc of docs) target.documents.set(String(doc[primaryKey]), doc);
					return null;
				},
				{ receivedDocuments: docs.length, indexedDocuments: docs.length }
			);
		}
		if (method === 'POST' && rest === 'documents/delete-batch') {
			if (!may('documents.delete', uid)) return forbidden;
			const ids = body as string[];
			return this.#enqueue(
				'documentDeletion',
				uid,
				() => {
					const target = this.indexes.get(uid);
					if (!target) return notFound();
					for (const id of ids) target.documents.delete(String(id));
					return null;
				},
				{ providedIds: ids.length }
			);
		}
		return [
			404,
			apiError('not_found', `the fake does not serve ${method} /indexes/${uid}/${rest}`)
		];
	}

	/** The error refusing a settings body, or null. */
	#checkSettings(body: unknown): ApiError | null {
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			return apiError('bad_request', 'Invalid value type: expected an object.');
		}
		const known = Object.keys(SETTINGS_DEFAULTS);
		for (const [name, value] of Object.entries(body)) {
			if (!known.includes(name)) {
				return apiError(
					'bad_request',
					`Unknown field \`${name}\`: expected one of ${known.map((k) => `\`${k}\``).join(', ')}`
				);
			}
			if (LIST_SETTINGS.includes(name) && value !== null && !Array.isArray(value)) {
				return apiError(
					`invalid_settings_${snake(name)}`,
					`Invalid value type at \`.${name}\`: expected an array, but found ${typeof value}: \`${JSON.stringify(value)}\``
				);
			}
		}
		return null;
	}

	// ---------------------------------------------------------------------------------------
	// search

	#multiSearch(
		body: { queries: Record<string, unknown>[] },
		may: (action: string, ...uids: string[]) => boolean
	): Reply {
		const queries = body?.queries ?? [];
		for (const [i, query] of queries.entries()) {
			const inside = (error: ApiError): ApiError => ({
				...error,
				message: `Inside \`.queries[${i}]\`: ${error.message}`
			});
			const uid = String(query.indexUid);
			if (!may('search', uid)) return [403, inside(INVALID_KEY)];
			const unknown = Object.keys(query).find((name) => !SEARCH_PARAMETERS.has(name));
			if (unknown) {
				return [
					400,
					inside(
						apiError(
							'bad_request',
							`Unknown field \`${unknown}\`: expected one of the search parameters`
						)
					)
				];
			}
			const index = this.indexes.get(uid);
			if (!index) return [400, inside(apiError('index_not_found', `Index \`${uid}\` not found.`))];
			const refused = this.#checkSearch(uid, index, query);
			if (refused) return [400, inside(refused)];
		}
		const results = this.searchResponder
			? this.searchResponder(queries)
			: queries.map((query) => this.#search(this.indexes.get(String(query.indexUid))!, query));
		return [200, { results }];
	}

	/** The error refusing a query's filter, facets or sort, or null. */
	#checkSearch(uid: string, index: FakeIndex, query: Record<string, unknown>): ApiError | null {
		const filterable = ((index.settings.filterableAttributes as string[] | undefined) ?? []).filter(
			(a) => typeof a === 'string'
		);
		const sortable = (index.settings.sortableAttributes as string[] | undefined) ?? [];
		const list = (names: string[]) => names.map((name) => `\`${name}\``).join(', ');
		for (const expression of [query.filter].flat(Infinity).filter((f) => typeof f === 'string')) {
			for (const part of (expression as string).split(/\s+(?:AND|OR)\s+/)) {
				const attribute = filterAttribute(part.replace(/^\s*(?:NOT\s+)?\(*/, ''));
				if (attribute && !filterable.includes(attribute)) {
					return apiError(
						'invalid_search_filter',
						`Index \`${uid}\`: Attribute \`${attribute}\` is not filterable. Available filterable attributes are: ${list(filterable)}.\n1:${attribute.length + 1} ${expression}`
					);
				}
			}
		}
		for (const facet of (query.facets as string[] | undefined) ?? []) {
			if (facet !== '*' && !filterable.includes(facet)) {
				return apiError(
					'invalid_search_facets',
					`Index \`${uid}\`: Invalid facet distribution: Attribute \`${facet}\` is not filterable. The available filterable attributes are: ${list(filterable)}.`
				);
			}
		}
		for (const sort of (query.sort as string[] | undefined) ?? []) {
			const attribute = sort.startsWith('_geoPoint(') ? '_geo' : sort.split(':')[0];
			if (!sortable.includes(attribute)) {
				return apiError(
					'invalid_search_sort',
					`Index \`${uid}\`: Attribute \`${attribute}\` is not sortable. Available sortable attributes are: \`${sortable.join(', ')}\`.`
				);
			}
		}
		return null;
	}

	/** A query answered from the documents (see the module comment for what it knows). */
	#search(index: FakeIndex, query: Record<string, unknown>): Record<string, unknown> {
		const docs = [...index.documents.values()];
		const searchable = (index.settings.searchableAttributes as string[] | undefined) ?? ['*'];
		const textOf = (doc: Record<string, unknown>) =>
			(searchable.includes('*') ? Object.keys(doc) : searchable)
				.flatMap((attribute) => valuesAt(doc, attribute))
				.filter((value) => typeof value === 'string')
				.flatMap((value) => words(value as string));
		const q = words(String(query.q ?? ''));
		const matchesWords = (doc: Record<string, unknown>, wanted: string[]) => {
			const have = textOf(doc);
			return wanted.every((word, i) =>
				have.some((w) => w === word || (i === wanted.length - 1 && w.startsWith(word)))
			);
		};
		let matched = docs.filter((doc) => matchesWords(doc, q));
		// `last`: leave out words from the end until some document has the others
		for (
			let n = q.length - 1;
			matched.length === 0 && query.matchingStrategy === 'last' && n > 0;
			n--
		) {
			matched = docs.filter((doc) => matchesWords(doc, q.slice(0, n)));
		}

		for (const expression of [query.filter].flat(Infinity).filter((f) => typeof f === 'string')) {
			const condition = parseCondition(expression as string);
			if (!condition) throw new Error(`the fake cannot evaluate the filter ${String(expression)}`);
			matched = matched.filter((doc) => matchesCondition(doc, condition));
		}

		const facetDistribution: Record<string, Record<string, number>> = {};
		for (const facet of (query.facets as string[] | undefined) ?? []) {
			const counts: Record<string, number> = {};
			for (const doc of matched)
				for (const value of new Set(valuesAt(doc, facet).map(String)))
					counts[value] = (counts[value] ?? 0) + 1;
			facetDistribution[facet] = Object.fromEntries(Object.entries(counts).sort());
		}

		const geoDistances = new Map<Record<string, unknown>, number>();
		const sorts = (query.sort as string[] | undefined) ?? [];
		const keyed = matched.map((doc) =>
			sorts.map((sort) => {
				const geo = /^_geoPoint\(\s*([-\d.]+)\s*,\s*([-\d.]+)\s*\):(asc|desc)$/.exec(sort);
				if (geo) {
					const place = doc._geo as { lat: number; lng: number } | undefined;
					if (!place) return undefined;
					const metres = distance(
						Number(geo[1]),
						Number(geo[2]),
						Number(place.lat),
						Number(place.lng)
					);
					geoDistances.set(doc, metres);
					return metres;
				}
				return valuesAt(doc, sort.split(':')[0])[0];
			})
		);
		const order = matched.map((doc, i) => ({ doc, key: keyed[i] }));
		order.sort((a, b) => {
			for (const [i, sort] of sorts.entries()) {
				const [x, y] = [a.key[i], b.key[i]];
				if (x === y) continue;
				// documents without the value come last, whatever the direction
				if (x === undefined) return 1;
				if (y === undefined) return -1;
				const sign = sort.endsWith(':desc') ? -1 : 1;
				return (x as number | string) < (y as number | string) ? -sign : sign;
			}
			return 0;
		});

		const byPage = query.page !== undefined || query.hitsPerPage !== undefined;
		const hitsPerPage = Number(query.hitsPerPage ?? 20);
		const page = Number(query.page ?? 1);
		const limit = byPage ? hitsPerPage : Number(query.limit ?? 20);
		const offset = byPage ? (page - 1) * hitsPerPage : Number(query.offset ?? 0);
		const retrieve = query.attributesToRetrieve as string[] | undefined;
		const hits = order.slice(offset, offset + limit).map(({ doc }) => {
			const hit: Record<string, unknown> = retrieve
				? Object.fromEntries(
						Object.entries(doc).filter(([k]) => retrieve.includes(k) || retrieve.includes('*'))
					)
				: { ...doc };
			if (geoDistances.has(doc)) hit._geoDistance = Math.round(geoDistances.get(doc)!);
			if (query.showRankingScore) hit._rankingScore = 1;
			return hit;
		});
		return {
			indexUid: query.indexUid,
			hits,
			query: String(query.q ?? ''),
			processingTimeMs: 1,
			...(query.facets ? { facetDistribution } : {}),
			...(byPage
				? {
						hitsPerPage,
						page,
						totalPages: hitsPerPage === 0 ? 0 : Math.ceil(order.length / hitsPerPage),
						totalHits: order.length
					}
				: {
						limit,
						offset,
						estimatedTotalHits: Math.min(order.length, offset + limit + 1)
					})
		};
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
		let status: number;
		let payload: unknown;
		try {
			[status, payload] = this.#route(
				request.method ?? 'GET',
				url,
				body,
				request.headers.authorization
			);
		} catch (error) {
			[status, payload] = [500, apiError('internal', String(error), 'internal')];
		}
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify(payload));
	}
}
