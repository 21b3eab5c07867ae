/**
 * The request's locale: from the first path segment; a page without one is redirected to the
 * visitor's language (from Accept-Language). Machine endpoints and the staff areas carry none.
 */
import type { Handle } from '@sveltejs/kit';
import {
	DEFAULT_LOCALE,
	isLocale,
	localeOfPath,
	negotiateLocale,
	negotiateStaffLocale,
	type Locale
} from '$lib/i18n/locales';
import { portalInfo } from '../data/public-reads';
import { isSessionPath } from '../../staff/session-paths';

/** Paths that carry no locale: machine endpoints, SvelteKit's own, and the staff areas. */
const WITHOUT_LOCALE = /^\/(?:api|hsds|_app|\.well-known|staff|city)(?:\/|$)/;

/** A last path segment with a file extension: a static asset (served before the hooks). */
const ASSET = /\/[^/]+\.[a-z0-9]+$/i;

/** The city's default locale (city:create --locale; cached with the frame), else German. */
async function cityLocale(): Promise<Locale> {
	const info = await portalInfo().catch(() => null);
	const configured = info?.city?.default_locale;
	return isLocale(configured) ? configured : DEFAULT_LOCALE;
}

export const locale: Handle = async ({ event, resolve }) => {
	const { pathname, search } = event.url;
	const pathLocale = localeOfPath(pathname);
	const method = event.request.method;
	const needsLocale = !pathLocale && !WITHOUT_LOCALE.test(pathname) && !ASSET.test(pathname);

	if (needsLocale && (method === 'GET' || method === 'HEAD')) {
		const negotiated = negotiateLocale(
			event.request.headers.get('accept-language'),
			await cityLocale()
		);
		return new Response(null, {
			status: 302,
			headers: {
				location: `/${negotiated}${pathname === '/' ? '' : pathname}${search}`,
				// the answer depends on the visitor's languages; never cache it for others
				vary: 'Accept-Language',
				'cache-control': 'private, no-cache'
			}
		});
	}
	const acceptLanguage = event.request.headers.get('accept-language');
	// the staff and city areas speak German, or English to those who prefer it
	event.locals.locale =
		pathLocale ??
		(isSessionPath(pathname)
			? negotiateStaffLocale(acceptLanguage)
			: negotiateLocale(acceptLanguage));
	return resolve(event);
};
