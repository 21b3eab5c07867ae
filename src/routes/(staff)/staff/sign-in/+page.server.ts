/**
 * Signing in with e-mail and password (Supabase Auth). Failures are counted per account and per
 * client address (sign-in-limits.ts): past the limit the form answers 429 with the time to
 * wait, before asking Auth at all. Afterwards the person goes back to where they were sent
 * from (`redirectTo`, only paths of the staff and city areas).
 */
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { signInSchema } from '$lib/schemas/staff-account';
import { safeReturnPath } from '$lib/staff/session-paths';
import { signInLimits } from '$lib/server/auth/sign-in-limits';
import type { Actions, PageServerLoad } from './$types';

/** What the form says besides field errors: a message key and its values. */
export interface SignInMessage {
	key: 'staff.sign_in.failed' | 'staff.sign_in.too_many' | 'staff.sign_in.unavailable';
	seconds?: number;
}

const adapter = zod4(signInSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeReturnPath(url.searchParams.get('redirectTo')) ?? '';
	if (locals.user) redirect(303, redirectTo || '/staff');
	const form = await superValidate({ redirectTo }, adapter, { errors: false });
	return { form, expired: url.searchParams.get('reason') === 'expired' };
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress, setHeaders }) => {
		const form = await superValidate<typeof signInSchema._zod.output, SignInMessage>(
			request,
			adapter
		);
		// a password never travels back to the browser
		const password = form.data.password;
		form.data.password = '';
		if (!form.valid) return fail(400, { form });

		const address = getClientAddress();
		const wait = await signInLimits.waitSeconds(form.data.email, address);
		if (wait > 0) {
			setHeaders({ 'retry-after': String(wait) });
			return message(form, { key: 'staff.sign_in.too_many', seconds: wait }, { status: 429 });
		}

		const { error } = await locals.supabase.auth.signInWithPassword({
			email: form.data.email,
			password
		});
		if (error) {
			if (isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500) {
				console.error('[sign-in] Auth did not answer', error.message);
				return message(form, { key: 'staff.sign_in.unavailable' }, { status: 503 });
			}
			await signInLimits.failed(form.data.email, address);
			return message(form, { key: 'staff.sign_in.failed' }, { status: 400 });
		}
		await signInLimits.succeeded(form.data.email);
		redirect(303, safeReturnPath(form.data.redirectTo) ?? '/staff');
	}
};
