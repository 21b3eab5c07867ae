/**
 * The deploy check of Meilisearch, from the outside, with the keys the portal uses: the server
 * answers, each key can do what it is for and the search key nothing more, the live index has
 * this portal's settings and as many documents, as new, as the database says it should.
 *
 * The admin key's rights to create, fill, swap and delete indexes are tried on two throwaway
 * indexes `<index>_check_<time>_a/_b`, deleted again; the live index is only read.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { compareIndex } from '../search/worker';
import { hasSettings, MeilisearchEngine } from '../search/meilisearch';
import {
	meiliKeyRequirements,
	meiliKeysFromEnv,
	missingPermissions
} from '../search/meilisearch-keys';
import { meiliSettings } from '../search/meilisearch-schema';
import type { Finding } from './report';

const AREA = 'Meilisearch';
const REINDEX =
	'npm run reindex with the portal’s environment (the portal also compares and rebuilds at start)';

interface Answer {
	status: number;
	body: unknown;
}

/** A request to Meilisearch; status 0 when it cannot be reached. */
async function call(
	host: string,
	key: string | undefined,
	method: string,
	path: string,
	body?: unknown
): Promise<Answer> {
	try {
		const response = await fetch(new URL(path, host.endsWith('/') ? host : `${host}/`), {
			method,
			headers: {
				...(key ? { authorization: `Bearer ${key}` } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(10_000)
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: kept as text
		}
		return { status: response.status, body: parsed };
	} catch (error) {
		return { status: 0, body: (error as Error).message };
	}
}

const reason = (answer: Answer) =>
	answer.status === 0
		? String(answer.body)
		: `${answer.status} ${(answer.body as { code?: string })?.code ?? ''}`.trim();

/** Waits until a task is done; its final status. */
async function waitTask(host: string, key: string | undefined, answer: Answer): Promise<string> {
	const uid = (answer.body as { taskUid?: number })?.taskUid;
	if (uid === undefined) return `not enqueued (${reason(answer)})`;
	for (let i = 0; i < 200; i++) {
		const task = await call(host, key, 'GET', `tasks/${uid}`);
		const status = (task.body as { status?: string })?.status;
		if (status === 'succeeded' || status === 'failed' || status === 'canceled') return status;
		if (task.status !== 200) return `unknown (${reason(task)})`;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return 'still running after 10 s';
}

/** Creates, fills, swaps and deletes two throwaway indexes with the admin key. */
async function tryAdminWrites(host: string, key: string | undefined, index: string) {
	const stamp = Date.now();
	const [a, b] = [`${index}_check_${stamp}_a`, `${index}_check_${stamp}_b`];
	const failed: string[] = [];
	const step = async (what: string, method: string, path: string, body?: unknown) => {
		const status = await waitTask(host, key, await call(host, key, method, path, body));
		if (status !== 'succeeded') failed.push(`${what}: ${status}`);
	};
	try {
		await step('indexes.create', 'POST', 'indexes', { uid: a, primaryKey: 'id' });
		await step('indexes.create', 'POST', 'indexes', { uid: b, primaryKey: 'id' });
		await step('documents.add', 'POST', `indexes/${a}/documents`, [{ id: 'check' }]);
		await step('documents.delete', 'POST', `indexes/${a}/documents/delete-batch`, ['check']);
		await step('settings.update', 'PATCH', `indexes/${a}/settings`, { stopWords: ['und'] });
		await step('indexes.swap', 'POST', 'swap-indexes', [{ indexes: [a, b] }]);
	} finally {
		for (const uid of [a, b]) await step('indexes.delete', 'DELETE', `indexes/${uid}`);
	}
	return [...new Set(failed)];
}

/** Everything the check asks Meilisearch, in report order. */
export async function checkMeilisearch(
	service: SupabaseClient<Database>,
	env: Record<string, string | undefined>
): Promise<Finding[]> {
	const host = env.MEILI_HOST!;
	const index = env.MEILI_INDEX || 'offers';
	const { searchKey, adminKey } = meiliKeysFromEnv(env);
	const requirements = meiliKeyRequirements(index);
	const findings: Finding[] = [];

	const health = await call(host, undefined, 'GET', 'health');
	if (health.status !== 200) {
		return [
			{
				area: AREA,
				check: 'reachable',
				status: 'fail',
				detail: `${host} does not answer: ${reason(health)}`,
				fix: 'check MEILI_HOST and that Meilisearch runs and is reachable from the portal'
			}
		];
	}
	findings.push({ area: AREA, check: 'reachable', status: 'ok', detail: `${host} answers` });

	// the keys: two of them, each with its rights
	if (!env.MEILI_SEARCH_KEY || !env.MEILI_ADMIN_KEY) {
		findings.push({
			area: AREA,
			check: 'keys',
			status: 'warn',
			detail: searchKey
				? 'one key (MEILI_KEY) serves both visitors’ searches and the index’s writes'
				: 'no key is set: anyone who reaches Meilisearch can change the index',
			fix: `create two keys (POST /keys with the master key): MEILI_SEARCH_KEY with ${requirements.search.actions.join(', ')} and MEILI_ADMIN_KEY with ${requirements.admin.actions.join(', ')}, both on ${requirements.admin.indexes.join(', ')}`
		});
	}
	// as the portal searches: a multi-search
	const search = await call(host, searchKey, 'POST', 'multi-search', {
		queries: [{ indexUid: index, q: '', limit: 0 }]
	});
	const tooMuch = await call(host, searchKey, 'GET', `indexes/${index}/settings`);
	findings.push(
		search.status !== 200
			? {
					area: AREA,
					check: 'search key',
					status: 'fail',
					detail: `cannot search ${index}: ${reason(search)}`,
					fix: `MEILI_SEARCH_KEY needs the action search on ${requirements.search.indexes.join(', ')} (and the index must exist: ${REINDEX})`
				}
			: tooMuch.status === 200 && env.MEILI_SEARCH_KEY
				? {
						area: AREA,
						check: 'search key',
						status: 'warn',
						detail:
							'it searches, and can also read the index’s settings: it has more rights than visitors’ searches need',
						fix: 'give MEILI_SEARCH_KEY only the action search'
					}
				: { area: AREA, check: 'search key', status: 'ok', detail: `searches ${index}` }
	);

	const listed = await call(host, adminKey, 'GET', 'keys?limit=1000');
	const adminKeyObject = (
		listed.body as { results?: { key: string; actions: string[]; indexes: string[] }[] }
	)?.results?.find((key) => key.key === adminKey);
	const missing = adminKeyObject
		? missingPermissions(adminKeyObject, requirements.admin)
		: await tryAdminWrites(host, adminKey, index);
	findings.push(
		missing.length > 0
			? {
					area: AREA,
					check: 'admin key',
					status: 'fail',
					detail: `it lacks ${missing.join('; ')}`,
					fix: `MEILI_ADMIN_KEY needs ${requirements.admin.actions.join(', ')} on ${requirements.admin.indexes.join(', ')}: a swap of ${index}_<time> with ${index} needs the pattern ${index}*`
				}
			: {
					area: AREA,
					check: 'admin key',
					status: 'ok',
					detail: adminKeyObject
						? `has every action the worker and reindex use, on ${requirements.admin.indexes.join(', ')}`
						: 'created, filled, swapped and deleted two throwaway indexes'
				}
	);

	// the live index
	const settings = await call(host, adminKey, 'GET', `indexes/${index}/settings`);
	if (settings.status === 404) {
		findings.push({
			area: AREA,
			check: 'index',
			status: 'fail',
			detail: `there is no index ${index}`,
			fix: REINDEX
		});
		return findings;
	}
	if (settings.status !== 200 || !hasSettings(settings.body, meiliSettings())) {
		findings.push({
			area: AREA,
			check: 'index settings',
			status: 'warn',
			detail:
				settings.status === 200
					? `the settings of ${index} are not those this portal sets`
					: `cannot read them: ${reason(settings)}`,
			fix: REINDEX
		});
		return findings;
	}
	findings.push({
		area: AREA,
		check: 'index settings',
		status: 'ok',
		detail: `${index} has this portal’s settings`
	});
	const engine = new MeilisearchEngine({ host, searchKey, adminKey, index });
	try {
		const { database, index: state, same } = await compareIndex(service, engine);
		findings.push(
			same
				? {
						area: AREA,
						check: 'index documents',
						status: 'ok',
						detail: `${database.documents} documents, as many and as new as the database’s published offers`
					}
				: {
						area: AREA,
						check: 'index documents',
						status: 'warn',
						detail: `the index holds ${state?.documents ?? 0} documents (newest ${state?.newest ?? '—'}), the database ${database.documents} (newest ${database.newest ?? '—'})`,
						fix: REINDEX
					}
		);
	} catch (error) {
		findings.push({
			area: AREA,
			check: 'index documents',
			status: 'fail',
			detail: `cannot compare: ${(error as Error).message}`,
			fix: REINDEX
		});
	}
	return findings;
}
