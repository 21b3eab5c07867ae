/**
 * One measure for the city office: every column of the implementation table, its indicators,
 * the offers behind it, its status history (who, when, why), and the form that changes the
 * status with a justification. A change made meanwhile by someone else is shown, not overwritten.
 */
import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { deleteValueSchema, indicatorValueSchema } from '$lib/schemas/indicator-value';
import { parseTarget } from '$lib/schemas/measure-edit';
import { measureStatusSchema } from '$lib/schemas/measure-status';
import { requireCityAdmin } from '$lib/server/auth/guards';
import * as concepts from '$lib/server/data/concepts';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import { measureId } from './measure-id';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(measureStatusSchema);
const valueAdapter = zod4(indicatorValueSchema);

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	const { user } = await parent();
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
		),
		record: user.cityAdmin
			? await superValidate({ position: measure.indicators[0]?.position ?? 1 }, valueAdapter, {
					id: 'record',
					errors: false
				})
			: null
	};
};

export const actions: Actions = {
	status: async ({ locals, params, request, url }) => {
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
	},
	record: async ({ locals, params, request, url }) => {
		requireCityAdmin(locals, url);
		const id = measureId(params.id);
		const form = await superValidate<typeof indicatorValueSchema._zod.output, { key: string }>(
			request,
			valueAdapter,
			{ id: 'record' }
		);
		if (!form.valid) return fail(400, { record: form });
		const saved = await orFail(
			concepts.recordValue(locals.supabase, {
				measureId: id,
				position: form.data.position,
				measuredOn: form.data.measured_on,
				value: parseTarget(form.data.value) ?? 0,
				source: form.data.source
			})
		);
		if (isFailure(saved)) {
			return message(
				form,
				{ key: saved.data?.error ?? 'error.unexpected' },
				{ status: saved.status as 400 }
			);
		}
		return message(form, { key: 'city.values.saved' });
	},
	delete: async ({ locals, params, request, url }) => {
		requireCityAdmin(locals, url);
		measureId(params.id);
		const parsed = deleteValueSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { deleted: false });
		const deleted = await orFail(concepts.deleteValue(locals.supabase, parsed.data.id));
		if (isFailure(deleted)) return deleted;
		return { deleted: true };
	}
};
