/**
 * Every request passes a sequence of small handles (src/lib/server/hooks/), outermost first:
 * security headers, the API's CORS, compression, the locale (a page without one is redirected
 * to the visitor's language), fair use (429 for a client asking too much), the response cache
 * for anonymous readers, the Supabase client with the visitor's rights, the session of the
 * staff and city areas (`locals.user`, from verified claims), `<html lang dir>`. The
 * Content Security Policy is set by SvelteKit (kit.csp in svelte.config.js) with hashes, so that
 * a cached page can carry it.
 *
 * No cookies on public pages: only the staff and city areas have a session cookie, set for
 * their paths.
 */
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { watchDataVersion } from '$lib/server/cache/watcher';
import { checkConfiguredCity } from '$lib/server/city';
import { isDataError } from '$lib/server/data/errors';
import * as portal from '$lib/server/data/portal';
import { cors } from '$lib/server/hooks/cors';
import { compression } from '$lib/server/hooks/compression';
import { fairUse } from '$lib/server/hooks/fair-use';
import { locale } from '$lib/server/hooks/locale';
import { pageLanguage } from '$lib/server/hooks/page-language';
import { responseCache } from '$lib/server/hooks/response-cache';
import { securityHeaders } from '$lib/server/hooks/security-headers';
import { session } from '$lib/server/hooks/session';
import { supabase } from '$lib/server/hooks/supabase';
import { startArchivingPastOffers } from '$lib/server/jobs/archive-past';
import { startCalendarImport } from '$lib/server/jobs/calendar-import';
import { startSearchWorker } from '$lib/server/search/worker';
import { anonymousSupabase, closeBackend, getBackend } from '$lib/server/supabase';

/**
 * The database is started with the server, not by the first visitor; the search worker then
 * builds the embedded index and keeps draining the outbox (lists fall back to the database
 * until the index is ready). The data version is followed so that the caches of public pages
 * are dropped when the data changes, and a change is indexed at once. Events whose dates have
 * all passed are archived now and once a day (a failure is logged, never stops the start).
 * Organisations' calendar feeds that are due are fetched every few minutes.
 */
export const init: ServerInit = async () => {
	await getBackend();
	// CITY names the city this portal serves: its database must hold it (else: how to create it)
	await checkConfiguredCity(async () => (await portal.info(await anonymousSupabase())).city);
	const archiving = startArchivingPastOffers();
	const calendars = startCalendarImport();
	const worker = startSearchWorker();
	const watcher = watchDataVersion(anonymousSupabase(), {
		onChange: () => {
			worker
				.drain()
				// what the worker indexed moved the version again: follow it now
				.then((report) => (report.offers > 0 ? watcher.refresh() : undefined))
				.catch(() => undefined);
		}
	});
	// adapter-node emits this on SIGINT/SIGTERM once its HTTP server has closed, that is after
	// the last request in flight was answered (or SHUTDOWN_TIMEOUT ran out): stop the worker,
	// close the embedded database; then nothing is left to do and the process exits with 0
	process.once('sveltekit:shutdown', () => {
		archiving.stop();
		calendars.stop();
		watcher.stop();
		worker
			.stop()
			.finally(closeBackend)
			.catch((error) => {
				console.error('[shutdown] the database did not close cleanly', error);
				process.exitCode = 1;
			});
	});
};

export const handle = sequence(
	securityHeaders,
	cors,
	compression,
	locale,
	fairUse,
	responseCache,
	supabase,
	session,
	pageLanguage
);

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
