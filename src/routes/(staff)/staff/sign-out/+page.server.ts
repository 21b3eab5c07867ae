/**
 * Signing out ends the session on the Auth server (its refresh token is revoked, its access
 * token refused from then on) and removes the cookies. A GET only leads to the staff start.
 */
import { redirect } from '@sveltejs/kit';
import { SESSION_PATHS } from '$lib/staff/session-paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/staff');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		const { error } = await locals.supabase.auth.signOut({ scope: 'local' });
		if (error) {
			// Auth did not answer: the cookies go all the same, this browser is signed out
			console.error('[sign-out] the session was not ended on the Auth server', error.message);
			for (const { name } of cookies.getAll()) {
				if (!name.startsWith('sb-')) continue;
				for (const path of SESSION_PATHS) cookies.delete(name, { path });
			}
		}
		redirect(303, '/staff/sign-in');
	}
};
