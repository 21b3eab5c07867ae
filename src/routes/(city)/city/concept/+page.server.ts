/** The current concept's measures for the city office: status light, late flag, offers behind them. */
import * as concepts from '$lib/server/data/concepts';
import { orHttpError } from '$lib/server/data/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const rows = await orHttpError(concepts.measures(locals.supabase));
	const fields: Array<{ code: string; title: string; measures: typeof rows }> = [];
	for (const row of rows) {
		const last = fields.at(-1);
		if (last?.code === row.field_code) last.measures.push(row);
		else fields.push({ code: row.field_code, title: row.field_title, measures: [row] });
	}
	return { fields };
};
