/**
 * The session, in the staff and city areas only: their requests get a Supabase client with the
 * person's session from its cookies and `locals.user` from verified claims. Everywhere else
 * the visitor stays anonymous (`locals.user` null, the shared anon client): no cookie is read
 * or written there. Answers of these areas are private and never stored.
 *
 * The guard: without a session, every page and form post of these areas (but signing in and
 * out and the one-time links) leads to the sign-in page, which returns here afterwards. A post
 * comes back as a GET of its page: what a stale tab had typed is kept by the page's own form
 * (see the editor), not by the guard.
 */
import type { Handle } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { currentUser } from '../auth/current-user';
import { afterWrite } from '../cache/watcher';
import { isOpenPath, signInPath } from '../auth/guards';
import { isSessionPath } from '../../staff/session-paths';
import { createSessionSupabase } from '../supabase';

export const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	if (!isSessionPath(event.url.pathname)) return resolve(event);

	event.locals.supabase = await createSessionSupabase(event.cookies, {
		secure: event.url.protocol === 'https:'
	});
	event.locals.user = await currentUser(event.locals.supabase);
	if (!event.locals.user && !isOpenPath(event.url.pathname)) {
		const hadSession = event.cookies.getAll().some(({ name }) => name.startsWith('sb-'));
		redirect(303, signInPath(event.url, hadSession ? 'expired' : undefined));
	}
	const response = await resolve(event);
	response.headers.set('cache-control', 'private, no-store');
	// a save: the public pages and search follow it now, not at the next second's check
	if (event.request.method === 'POST') afterWrite();
	return response;
};
