/**
 * An offer's translations: the status in every locale but the original's (missing, outdated,
 * reviewed, machine, human), which fields are missing or changed in the original, links to the
 * editor per locale and, when a provider is configured, machine translation of the missing and
 * outdated fields of the chosen locales. 404 for an offer that is not the person's to edit.
 */
import { requireUser } from '$lib/server/auth/guards';
import type { Actions, PageServerLoad } from './$types';
import { loadTexts, machineAction, machineInfo, offerId } from './shared.server';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals, url);
	const texts = await loadTexts(locals.supabase, offerId(params));
	return { texts, ...machineInfo(texts), saved: url.searchParams.get('saved') };
};

export const actions: Actions = {
	machine: async ({ locals, params, request, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const locales = form.getAll('locale').map(String);
		return machineAction(locals.supabase, offerId(params), locales);
	}
};
