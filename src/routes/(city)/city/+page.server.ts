/**
 * The city office's start: the concept's pages, and every organisation with its staff for the
 * city admins to manage (observers see the concept's pages only).
 */
import { orHttpError } from '$lib/server/data/errors';
import * as staff from '$lib/server/data/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => ({
	organisations: (await parent()).user.cityAdmin
		? await orHttpError(staff.managedOrganisations(locals.supabase))
		: null
});
