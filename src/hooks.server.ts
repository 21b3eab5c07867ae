/**
 * Every request: the locale from the first path segment (a page without one is redirected to
 * the visitor's language), the request's Supabase client with the visitor's rights, `<html lang
 * dir>` in the server-rendered page, security headers. The Content Security Policy is set by
 * SvelteKit (kit.csp in svelte.config.js).
 *
 * No cookies: anonymous visitors get none, so there is no session handling yet.
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { LOCALE_INFO, localeOfPath, negotiateLocale } from '$lib/i18n/locales';
import { isDataError } from '$lib/server/data/errors';
import { startSearchWorker } from '$lib/server/search/worker';
import { closeBackend, createSupabase, getBackend } from '$lib/server/supabase';

/** Paths that carry no locale: machine endpoints, SvelteKit's own, and the staff areas. */
const WITHOUT_LOCALE = /^\/(?:api|_app|\.well-known|staff|city)(?:\/|$)/;

/** A last path segment with a file extension: a static asset (served before this hook). */
const ASSET = /\/[^/]+\.[a-z0-9]+$/i;

const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy':
		'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
		'magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=(), browsing-topics=()'
};

function secure(response: Response): Response {
	try {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
		return response;
	} catch {
		// immutable headers (a fetched response passed through): copy it
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) copy.headers.set(name, value);
		return copy;
	}
}

/**
 * The database is started with the server, not by the first visitor; the search worker then
 * builds the embedded index and keeps draining the outbox (lists fall back to the database
 * until the index is ready).
 */
export const init: ServerInit = async () => {
	await getBackend();
	const worker = startSearchWorker();
	// adapter-node's signal on SIGINT/SIGTERM: stop the worker, close the embedded database
	process.once('sveltekit:shutdown', () => {
		void worker.stop().finally(closeBackend);
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	const { pathname, search } = event.url;
	const pathLocale = localeOfPath(pathname);
	const needsLocale = !pathLocale && !WITHOUT_LOCALE.test(pathname) && !ASSET.test(pathname);
	const method = event.request.method;

	if (needsLocale && (method === 'GET' || method === 'HEAD')) {
		const locale = negotiateLocale(event.request.headers.get('accept-language'));
		const location = `/${locale}${pathname === '/' ? '' : pathname}${search}`;
		return secure(
			new Response(null, {
				status: 302,
				headers: {
					location,
					// the answer depends on the visitor's languages; never cache it for others
					vary: 'Accept-Language',
					'cache-control': 'private, no-cache'
				}
			})
		);
	}

	const locale = pathLocale ?? negotiateLocale(event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	event.locals.supabase = await createSupabase();

	const { lang, dir } = LOCALE_INFO[locale];
	let htmlTagDone = false;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => {
			if (htmlTagDone || !html.includes('%lang%')) return html;
			htmlTagDone = true;
			return html.replace('%lang%', lang).replace('%dir%', dir);
		}
	});
	return secure(response);
};

/**
 * Unexpected errors: the raw error goes to the log, the visitor gets a message key that the
 * error page translates. A database message never reaches the page.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDataError(error)) {
		// the data layer has logged the database's error already
		console.error(`[${event.request.method} ${event.url.pathname}] ${error.message}`);
		return { message: error.key, key: error.key };
	}
	if (status === 404) {
		return { message, key: 'error.not_found' };
	}
	console.error(`[${event.request.method} ${event.url.pathname}] ${status} ${message}`, error);
	return { message: 'error.unexpected', key: 'error.unexpected' };
};
