/**
 * `<html lang dir>` of the server-rendered page, from the request's locale; on public pages also
 * the offline note, hidden, outside the app (no script renders it): the service worker shows it
 * in a kept copy (src/service-worker.ts).
 */
import type { Handle } from '@sveltejs/kit';
import { LOCALE_INFO } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import { isSessionPath } from '../../staff/session-paths';

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function offlineNote(pathname: string, locale: App.Locals['locale']): string {
	if (isSessionPath(pathname)) return '';
	const text = createTranslator(locale).messages['site.offline_note'] ?? '';
	return `<aside class="offline-note" data-offline-note hidden>${escapeHtml(text)}</aside>`;
}

export const pageLanguage: Handle = ({ event, resolve }) => {
	const { lang, dir } = LOCALE_INFO[event.locals.locale];
	let done = false;
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			if (done || !html.includes('%lang%')) return html;
			done = true;
			return html
				.replace('%lang%', lang)
				.replace('%dir%', dir)
				.replace('%offline_note%', offlineNote(event.url.pathname, event.locals.locale));
		}
	});
};
