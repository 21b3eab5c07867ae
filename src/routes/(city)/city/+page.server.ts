/** The city office's start: every organisation, with its staff, for the city admins to manage. */
import { orHttpError } from '$lib/server/data/errors';
import * as staff from '$lib/server/data/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	organisations: await orHttpError(staff.managedOrganisations(locals.supabase))
});
