/** `<html lang dir>` of the server-rendered page, from the request's locale. */
import type { Handle } from '@sveltejs/kit';
import { LOCALE_INFO } from '$lib/i18n/locales';

export const pageLanguage: Handle = ({ event, resolve }) => {
	const { lang, dir } = LOCALE_INFO[event.locals.locale];
	let done = false;
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			if (done || !html.includes('%lang%')) return html;
			done = true;
			return html.replace('%lang%', lang).replace('%dir%', dir);
		}
	});
};
