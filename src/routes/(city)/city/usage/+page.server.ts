/**
 * The city office's usage counts (city admins and observers, guarded by the area's layout): a
 * month (`?month=YYYY-MM`, default this month) by locale and route kind, with totals.
 */
import { error } from '@sveltejs/kit';
import { orHttpError } from '$lib/server/data/errors';
import * as usage from '$lib/server/data/usage';
import { monthParameter, usageTable } from './usage-table';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const month = monthParameter(url.searchParams.get('month'));
	if (month === undefined)
		error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	const answer = await orHttpError(usage.month(locals.supabase, month ?? undefined));
	return {
		month: answer.month.slice(0, 7),
		months: answer.months.map((first) => first.slice(0, 7)),
		table: usageTable(answer.counts)
	};
};
