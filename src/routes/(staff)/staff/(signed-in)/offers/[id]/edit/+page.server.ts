/**
 * Editing an offer: every field and its original text, saved with the version the form was read
 * at. Someone else's save in between is a conflict (409): the form stays with everything typed
 * and says to reload for their version. 404 for an id that is no uuid, does not exist or is not
 * the person's to edit.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as z from 'zod';
import { fromOfferForEdit, offerFormSchema, toSaveOffer } from '$lib/schemas/offer-form';
import { requireUser } from '$lib/server/auth/guards';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as measureData from '$lib/server/data/measures';
import * as offerEditor from '$lib/server/data/offer-editor';
import { scheduleState, withSchedules } from '../../schedule-part.server';
import { offerConflicts } from '$lib/staff/offer-conflict';
import type { OfferFormMessage } from '../../_components/offer-form-message';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(offerFormSchema);
const idSchema = z.guid();

function notFound(): never {
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

/** The offer's id from the path, or 404. */
function offerId(params: { id: string }): string {
	const parsed = idSchema.safeParse(params.id);
	if (!parsed.success) notFound();
	return parsed.data;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals, url);
	const id = offerId(params);
	const [offer, measures] = await Promise.all([
		orHttpError(offerEditor.get(locals.supabase, id)),
		orHttpError(measureData.choices(locals.supabase, id))
	]);
	if (!offer) notFound();
	const form = await superValidate(fromOfferForEdit(offer), adapter, { errors: false });
	return {
		form,
		organisationName: String(offer.organisation_name ?? ''),
		districtName: (offer.district_name ?? null) as string | null,
		schedule: scheduleState(offer),
		measures
	};
};

export const actions: Actions = {
	default: withSchedules(adapter, async ({ locals, params, url }, schedules, formData) => {
		requireUser(locals, url);
		const id = offerId(params);
		const form = await superValidate<typeof offerFormSchema._zod.output, OfferFormMessage>(
			formData,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const saved = await orFail(
			offerEditor.save(locals.supabase, { ...toSaveOffer({ ...form.data, id }), ...schedules })
		);
		if (isFailure(saved)) {
			if (saved.status !== 409) {
				return message(form, { key: saved.data.error }, { status: saved.status as 400 });
			}
			// someone saved meanwhile: keep this input, show theirs next to it, save against theirs
			const current = await orFail(offerEditor.stored(locals.supabase, id));
			if (isFailure(current) || !current) {
				return message(form, { key: saved.data.error }, { status: 409 });
			}
			const theirs = fromOfferForEdit(current.offer);
			form.data.version = theirs.version;
			const conflict = {
				changes: offerConflicts(form.data, theirs),
				by: current.by,
				at: current.at
			};
			return message(form, { key: saved.data.error, conflict }, { status: 409 });
		}
		redirect(303, `/staff/offers/${saved.id}?saved=1`);
	})
};
