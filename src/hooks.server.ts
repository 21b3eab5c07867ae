/**
 * Every request passes a sequence of small handles (src/lib/server/hooks/), outermost first:
 * security headers on every answer, the API's CORS, the locale (a page without one is
 * redirected to the visitor's language), the Supabase client with the visitor's rights,
 * `<html lang dir>`. The Content Security Policy is set by SvelteKit (kit.csp in
 * svelte.config.js).
 *
 * No cookies: anonymous visitors get none.
 */
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { isDataError } from '$lib/server/data/errors';
import { cors } from '$lib/server/hooks/cors';
import { locale } from '$lib/server/hooks/locale';
import { pageLanguage } from '$lib/server/hooks/page-language';
import { securityHeaders } from '$lib/server/hooks/security-headers';
import { supabase } from '$lib/server/hooks/supabase';
import { startSearchWorker } from '$lib/server/search/worker';
import { closeBackend, getBackend } from '$lib/server/supabase';

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

export const handle = sequence(securityHeaders, cors, locale, supabase, pageLanguage);

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
	if (status < 500) {
		// a client's mistake (no such page, a method or body the route does not take): one line
		const path = event.url.pathname.slice(0, 200);
		console.warn(`[${event.request.method} ${path}] ${status} ${message}`);
		return { message, key: status === 404 ? 'error.not_found' : 'error.invalid_input' };
	}
	console.error(`[${event.request.method} ${event.url.pathname}] ${status} ${message}`, error);
	return { message: 'error.unexpected', key: 'error.unexpected' };
};
