/**
 * A one-time link (an invitation or a password link): the page asks for one click before the
 * link is used, so that a mail scanner opening the address does not spend it. The click signs
 * the person in (`verifyOtp`) and leads to setting a password.
 */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const KINDS = new Set(['invite', 'recovery']);
const TOKEN_HASH = /^[A-Za-z0-9_-]{16,200}$/;

function linkOf(source: URLSearchParams | FormData) {
	const tokenHash = String(source.get('token_hash') ?? '');
	const type = String(source.get('type') ?? '');
	return TOKEN_HASH.test(tokenHash) && KINDS.has(type)
		? { tokenHash, type: type as 'invite' | 'recovery' }
		: null;
}

export const load: PageServerLoad = ({ url }) => {
	const link = linkOf(url.searchParams);
	return { link };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const link = linkOf(await request.formData());
		if (!link) return fail(400, { expired: true });
		const { error } = await locals.supabase.auth.verifyOtp({
			type: link.type,
			token_hash: link.tokenHash
		});
		if (error) {
			console.warn('[welcome] a one-time link was refused', error.code ?? error.message);
			return fail(400, { expired: true });
		}
		redirect(303, `/staff/password?welcome=${link.type}`);
	}
};
