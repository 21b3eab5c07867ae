/**
 * Every column of a measure for the city office: texts, start and planned end, indicators with
 * their targets, themes. Saved whole; a change someone made meanwhile is named, not overwritten.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { measureEditSchema, toMeasureChange, toMeasureEditForm } from '$lib/schemas/measure-edit';
import { requireCityAdmin } from '$lib/server/auth/guards';
import * as concepts from '$lib/server/data/concepts';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import { measureId } from '../measure-id';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(measureEditSchema);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireCityAdmin(locals, url);
	const measure = await orHttpError(concepts.measure(locals.supabase, measureId(params.id)));
	if (!measure) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return {
		measure,
		form: await superValidate(toMeasureEditForm(measure), adapter, { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		requireCityAdmin(locals, url);
		const id = measureId(params.id);
		const form = await superValidate<typeof measureEditSchema._zod.output, { key: string }>(
			request,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const saved = await orFail(
			concepts.update(locals.supabase, id, toMeasureChange(form.data), form.data.expected)
		);
		if (isFailure(saved)) {
			const key =
				saved.data?.error === 'error.conflict'
					? 'city.edit.conflict'
					: (saved.data?.error ?? 'error.unexpected');
			return message(form, { key }, { status: saved.status as 400 });
		}
		redirect(303, `/city/concept/measures/${id}?saved=columns`);
	}
};
