/**
 * One measure for the city office: every column of the implementation table, its indicators,
 * the offers behind it, its status history (who, when, why), and the form that changes the
 * status with a justification. A change made meanwhile by someone else is shown, not overwritten.
 */
import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { measureStatusSchema } from '$lib/schemas/measure-status';
import { requireCityAdmin } from '$lib/server/auth/guards';
import * as concepts from '$lib/server/data/concepts';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(measureStatusSchema);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function measureId(id: string): string {
	if (!UUID.test(id)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return id;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = measureId(params.id);
	const measure = await orHttpError(concepts.measure(locals.supabase, id));
	if (!measure) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return {
		measure,
		history: await orHttpError(concepts.history(locals.supabase, id)),
		form: await superValidate(
			{ status: measure.status ?? undefined, expected: measure.status ?? '' },
			adapter,
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		requireCityAdmin(locals, url);
		const id = measureId(params.id);
		const form = await superValidate<typeof measureStatusSchema._zod.output, { key: string }>(
			request,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const saved = await orFail(
			concepts.setStatus(locals.supabase, {
				id,
				status: form.data.status,
				note: form.data.note,
				expected: form.data.expected === '' ? null : form.data.expected
			})
		);
		if (isFailure(saved)) {
			const key =
				saved.data?.error === 'error.conflict'
					? 'city.measure.conflict'
					: saved.data?.error === 'error.invalid_input'
						? 'city.measure.unchanged'
						: (saved.data?.error ?? 'error.unexpected');
			return message(form, { key }, { status: saved.status as 400 });
		}
		return message(form, { key: 'city.measure.saved' });
	}
};
