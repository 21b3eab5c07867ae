/** Two snapshots of the concept side by side (`?from=…&to=…`, snapshot ids), changes marked. */
import { error } from '@sveltejs/kit';
import { orHttpError } from '$lib/server/data/errors';
import * as reports from '$lib/server/data/reports';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, url }) => {
	const from = url.searchParams.get('from') ?? '';
	const to = url.searchParams.get('to') ?? '';
	if (!UUID.test(from) || !UUID.test(to)) {
		error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	}
	return { comparison: await orHttpError(reports.compare(locals.supabase, from, to)) };
};
