/**
 * The two Meilisearch API keys of the portal and what each must be allowed to do:
 *
 * - MEILI_SEARCH_KEY answers visitors' searches: only the `search` action;
 * - MEILI_ADMIN_KEY is for the search worker and `npm run reindex`: writing documents,
 *   creating, swapping and deleting indexes, settings, tasks and stats.
 *
 * Both on the index pattern `offers*` (`<MEILI_INDEX>*`): a rebuild fills `offers_<timestamp>`
 * and swaps it with `offers`, and a key allows a swap only when it covers both indexes.
 * MEILI_KEY, the one key of earlier versions, is still read for either that is not set
 * (deprecated).
 *
 * A deploy check can compare the keys Meilisearch lists (GET /keys with the master key) with
 * MEILI_KEY_REQUIREMENTS, e.g. with `missingPermissions(key, MEILI_KEY_REQUIREMENTS.admin)`.
 */

/** What one key must be allowed to do, and where the portal reads it. */
export interface MeiliKeyRequirement {
	/** The environment variable holding the key. */
	env: 'MEILI_SEARCH_KEY' | 'MEILI_ADMIN_KEY';
	/** Read when `env` is not set (deprecated). */
	fallbackEnv: 'MEILI_KEY';
	/** Meilisearch API key actions it needs (their names as in POST /keys). */
	actions: readonly string[];
	/** Index patterns it needs, as in POST /keys. */
	indexes: readonly string[];
	/** Who uses it. */
	usedBy: string;
}

export type MeiliKeyRole = 'search' | 'admin';

/** Actions of the admin key: each is used by MeilisearchEngine (meilisearch.ts). */
const ADMIN_ACTIONS = [
	'documents.add', // upserts, rebuilds
	'documents.delete', // removals
	'indexes.create', // the live index on first use, offers_<timestamp> for a rebuild
	'indexes.get', // whether the live index exists
	'indexes.delete', // the old index after a swap, a half-built one after a failure
	'indexes.swap', // a rebuild's atomic swap
	'settings.get', // compared before they are updated
	'settings.update', // searchable, filterable, sortable attributes, synonyms, …
	'tasks.get', // every write waits for its task
	'stats.get' // health and the start-up comparison with the database
] as const;

/** What each key needs, for a live index named `index` (MEILI_INDEX, default `offers`). */
export function meiliKeyRequirements(index = 'offers'): Record<MeiliKeyRole, MeiliKeyRequirement> {
	const indexes = [`${index}*`];
	return {
		search: {
			env: 'MEILI_SEARCH_KEY',
			fallbackEnv: 'MEILI_KEY',
			actions: ['search'],
			indexes,
			usedBy: 'visitors’ searches (the server)'
		},
		admin: {
			env: 'MEILI_ADMIN_KEY',
			fallbackEnv: 'MEILI_KEY',
			actions: ADMIN_ACTIONS,
			indexes,
			usedBy: 'the search worker (the server) and npm run reindex'
		}
	};
}

/** The requirements for the default index `offers`. */
export const MEILI_KEY_REQUIREMENTS = meiliKeyRequirements();

/** The keys from the environment: each its own variable, else MEILI_KEY. */
export function meiliKeysFromEnv(env: Record<string, string | undefined>): {
	searchKey: string | undefined;
	adminKey: string | undefined;
} {
	return {
		searchKey: env.MEILI_SEARCH_KEY || env.MEILI_KEY || undefined,
		adminKey: env.MEILI_ADMIN_KEY || env.MEILI_KEY || undefined
	};
}

/** Whether a key's action list allows `action` (`*` and `documents.*` style wildcards). */
export function allowsAction(actions: readonly string[], action: string): boolean {
	const group = action.split('.')[0];
	return actions.some((a) => a === '*' || a === action || a === `${group}.*`);
}

/** Whether a key's index patterns cover every index that `pattern` names. */
export function coversIndexes(patterns: readonly string[], pattern: string): boolean {
	const wanted = pattern.endsWith('*') ? pattern.slice(0, -1) : null;
	return patterns.some((p) => {
		if (p === '*') return true;
		if (!p.endsWith('*')) return wanted === null && p === pattern;
		return (wanted ?? pattern).startsWith(p.slice(0, -1));
	});
}

/**
 * What a key (as GET /keys lists it) lacks for a role: `action <name>` and `index <pattern>`
 * entries; empty when it has everything.
 */
export function missingPermissions(
	key: { actions: readonly string[]; indexes: readonly string[] },
	requirement: Pick<MeiliKeyRequirement, 'actions' | 'indexes'>
): string[] {
	return [
		...requirement.actions
			.filter((action) => !allowsAction(key.actions, action))
			.map((action) => `action ${action}`),
		...requirement.indexes
			.filter((pattern) => !coversIndexes(key.indexes, pattern))
			.map((pattern) => `index ${pattern}`)
	];
}
