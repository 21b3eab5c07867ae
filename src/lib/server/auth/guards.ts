/**
 * Guards of the staff and city areas. The session handle (hooks/session.ts) sends every
 * request without a session to the sign-in page, form posts included; the layouts and actions
 * check the role with these. Row level security in the database decides in the end.
 */
import { error, redirect } from '@sveltejs/kit';
import { readsCityPages, type SignedInUser } from '$lib/staff/user';

/** Pages of the areas that need no session: signing in and out, following a one-time link. */
const OPEN_PATHS = new Set(['/staff/sign-in', '/staff/sign-out', '/staff/welcome']);

export function isOpenPath(pathname: string): boolean {
	return OPEN_PATHS.has(pathname.replace(/\/$/, ''));
}

/** The sign-in page that returns to `url` afterwards. */
export function signInPath(url: URL, reason?: 'expired'): string {
	const query = new URLSearchParams({ redirectTo: url.pathname + url.search });
	if (reason) query.set('reason', reason);
	return `/staff/sign-in?${query}`;
}

/** The signed-in user; otherwise off to the sign-in page, and back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SignedInUser {
	if (!locals.user) redirect(303, signInPath(url));
	return locals.user;
}

/** A city admin or observer (reads the city office's pages); others get 403. */
export function requireCityReader(locals: App.Locals, url: URL): SignedInUser {
	const user = requireUser(locals, url);
	if (!readsCityPages(user)) error(403, { message: 'error.not_allowed', key: 'error.not_allowed' });
	return user;
}

/** A city admin (the integration office); others, observers too, get 403. */
export function requireCityAdmin(locals: App.Locals, url: URL): SignedInUser {
	const user = requireUser(locals, url);
	if (!user.cityAdmin) error(403, { message: 'error.not_allowed', key: 'error.not_allowed' });
	return user;
}
