/**
 * A new offer: the editor's form, empty but for the organisation (chosen among the person's
 * own; a city admin chooses any). Saved as a draft with its text in the original locale, then
 * on to the offer's staff page. Invalid input comes back with errors next to the fields and
 * everything typed kept.
 */
import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { offerFormSchema, toSaveOffer } from '$lib/schemas/offer-form';
import { requireUser } from '$lib/server/auth/guards';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as measureData from '$lib/server/data/measures';
import * as offerEditor from '$lib/server/data/offer-editor';
import { scheduleState, withSchedules } from '../schedule-part.server';
import * as staff from '$lib/server/data/staff';
import type { Supabase } from '$lib/server/data/client';
import type { OrganisationChoice } from '$lib/staff/dashboard';
import type { SignedInUser } from '$lib/staff/user';
import type { OfferFormMessage } from '../_components/offer-form-message';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(offerFormSchema);

/** City admins choose among all organisations, others among their own. */
async function organisationChoices(
	supabase: Supabase,
	user: SignedInUser
): Promise<OrganisationChoice[]> {
	if (!user.cityAdmin) {
		return user.memberships.map(({ organisation_id, name }) => ({ id: organisation_id, name }));
	}
	const all = await orHttpError(staff.managedOrganisations(supabase));
	return all.map(({ id, name }) => ({ id, name }));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const organisations = await organisationChoices(locals.supabase, user);
	const chosen = url.searchParams.get('organisation');
	const organisationId = organisations.some(({ id }) => id === chosen)
		? chosen!
		: (organisations[0]?.id ?? '');
	const form = await superValidate({ organisation_id: organisationId }, adapter, {
		errors: false
	});
	const measures = organisations.length
		? await orHttpError(measureData.choices(locals.supabase))
		: [];
	return { form, organisations, measures, schedule: scheduleState() };
};

export const actions: Actions = {
	default: withSchedules(adapter, async ({ locals, url }, schedules, formData) => {
		requireUser(locals, url);
		const form = await superValidate<typeof offerFormSchema._zod.output, OfferFormMessage>(
			formData,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const saved = await orFail(
			offerEditor.save(locals.supabase, { ...toSaveOffer({ ...form.data, id: '' }), ...schedules })
		);
		if (isFailure(saved)) {
			return message(form, { key: saved.data.error }, { status: saved.status as 400 });
		}
		redirect(303, `/staff/offers/${saved.id}?saved=1`);
	})
};
