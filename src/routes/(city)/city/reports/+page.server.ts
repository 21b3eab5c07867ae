/**
 * The city office's reports: the current concept's snapshots (Stichtage), the form that takes
 * one (city admins), the choice of two snapshots to compare, the exports and the council report.
 */
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { fail } from '@sveltejs/kit';
import { snapshotSchema } from '$lib/schemas/snapshot';
import { requireCityAdmin } from '$lib/server/auth/guards';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as reports from '$lib/server/data/reports';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(snapshotSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const snapshots = await orHttpError(reports.snapshots(locals.supabase));
	return {
		snapshots,
		form: await superValidate(
			{ reference_date: new Date().toISOString().slice(0, 10), note: '' },
			adapter,
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		requireCityAdmin(locals, url);
		const form = await superValidate<typeof snapshotSchema._zod.output, { key: string }>(
			request,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const taken = await orFail(
			reports.takeSnapshot(locals.supabase, {
				referenceDate: form.data.reference_date,
				note: form.data.note || null
			})
		);
		if (isFailure(taken)) {
			const reason = taken.data?.error;
			const key =
				reason === 'error.conflict'
					? 'city.reports.date_taken'
					: reason === 'error.invalid_input'
						? 'city.reports.date_future'
						: reason === 'error.not_found'
							? 'city.reports.no_concept'
							: (reason ?? 'error.unexpected');
			return message(form, { key }, { status: taken.status as 400 });
		}
		return message(form, { key: 'city.reports.taken' });
	}
};
