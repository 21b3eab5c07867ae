/**
 * A Stadtteilbüro's public facts, for its staff (editors and admins) and city admins: opening
 * hours, a note on them, the languages spoken, directions, the door's position. The district
 * page shows them first. Saved whole against the version read; someone else's save in between
 * is a conflict (409): the form keeps what was typed and saves over it next time.
 */
import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { officeFactsSchema, toFactsInput, toFormValues } from '$lib/schemas/office-facts';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as offices from '$lib/server/data/offices';
import * as staff from '$lib/server/data/staff';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const adapter = zod4(officeFactsSchema);

/** What the save tells the page besides field errors. */
export interface OfficeMessage {
	key: string;
}

/** The organisation's id: the person's own, or any for a city admin; 404 otherwise. */
async function organisationIdOf({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const own = locals.user?.memberships.find((membership) => membership.slug === params.slug);
	if (own) return own.organisation_id;
	if (locals.user?.cityAdmin) {
		const all = await orHttpError(staff.managedOrganisations(locals.supabase));
		const organisation = all.find((candidate) => candidate.slug === params.slug);
		if (organisation) return organisation.id;
	}
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

async function officeOf(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const office = await orHttpError(
		offices.forEdit(event.locals.supabase, await organisationIdOf(event))
	);
	if (!office) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return office;
}

export const load: PageServerLoad = async (event) => {
	const office = await officeOf(event);
	return {
		office,
		form: await superValidate(toFormValues(office), adapter, { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate<typeof officeFactsSchema._zod.output, OfficeMessage>(
			event.request,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const office = await officeOf(event);
		const saved = await orFail(
			offices.save(
				event.locals.supabase,
				office.id,
				toFactsInput(form.data, office),
				form.data.version
			)
		);
		if (isFailure(saved)) {
			if (saved.status === 409) {
				// saved over next time, with what was typed
				form.data.version = office.version;
				return message(form, { key: 'staff.office.conflict' }, { status: 409 });
			}
			return message(form, { key: saved.data.error }, { status: saved.status as 400 });
		}
		form.data.version = saved;
		return message(form, { key: 'staff.office.saved' });
	}
};
