/**
 * A new password for the signed-in person: after an invitation or a password link, or
 * whenever they like. Auth refuses the same password again.
 */
import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { newPasswordSchema } from '$lib/schemas/staff-account';
import type { Actions, PageServerLoad } from './$types';

const adapter = zod4(newPasswordSchema);

export const load: PageServerLoad = async ({ url }) => ({
	form: await superValidate(adapter),
	welcome: url.searchParams.get('welcome')
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate<typeof newPasswordSchema._zod.output, string>(
			request,
			adapter
		);
		const password = form.data.password;
		form.data.password = '';
		form.data.confirm = '';
		if (!form.valid) return fail(400, { form });
		const { error } = await locals.supabase.auth.updateUser({ password });
		if (error) {
			if (error.code === 'same_password') {
				return message(form, 'staff.password.same', { status: 400 });
			}
			if (error.code === 'weak_password') {
				return message(form, 'staff.field.password_short', { status: 400 });
			}
			console.error('[password] Auth refused the new password', error.code, error.message);
			return message(form, 'staff.sign_in.unavailable', { status: 503 });
		}
		redirect(303, '/staff?saved=password');
	}
};
