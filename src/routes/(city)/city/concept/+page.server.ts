/**
 * A concept's measures for the city office (default: the current one; `?concept=` another of the
 * city's concepts): status light, late flag, offers behind them. City admins make a concept the
 * current one here.
 */
import { error, fail } from '@sveltejs/kit';
import { requireCityAdmin } from '$lib/server/auth/guards';
import * as concepts from '$lib/server/data/concepts';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const choices = await orHttpError(concepts.list(locals.supabase));
	const wanted = url.searchParams.get('concept');
	const concept = wanted
		? choices.find((choice) => choice.slug === wanted)
		: choices.find((choice) => choice.is_current);
	if (wanted && !concept) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const rows = concept ? await orHttpError(concepts.measures(locals.supabase, concept.slug)) : [];
	return { choices, concept: concept ?? null, fields: concepts.byField(rows) };
};

export const actions: Actions = {
	current: async ({ locals, request, url }) => {
		requireCityAdmin(locals, url);
		const slug = String((await request.formData()).get('concept') ?? '');
		if (!slug) return fail(400, { error: 'error.invalid_input' });
		const done = await orFail(concepts.makeCurrent(locals.supabase, slug));
		if (isFailure(done)) return done;
		return { made_current: slug };
	}
};
