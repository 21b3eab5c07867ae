/**
 * The deploy check of the search engine. The embedded engine lives in the portal's process and
 * builds its index at every start: nothing to check from outside. Meilisearch is checked as
 * deployed: see meilisearch-checks.ts.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { checkMeilisearch } from './meilisearch-checks';
import type { Finding } from './report';

export async function checkSearch(
	service: SupabaseClient<Database>,
	env: Record<string, string | undefined> = process.env
): Promise<Finding[]> {
	if (!env.MEILI_HOST) {
		return [
			{
				area: 'Search',
				check: 'engine',
				status: 'ok',
				detail:
					'the embedded engine (MEILI_HOST is not set): it runs in the portal process and builds its index from the database at every start'
			}
		];
	}
	return checkMeilisearch(service, env);
}
