/**
 * What every page shares: its locale and that locale's UI messages. The locale is the path's
 * (`params.locale`, so that the load runs again when the language changes) or, on pages without
 * one, the request's (see hooks/locale.ts).
 */
import { toLocale } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, params }) => {
	const locale = toLocale(('locale' in params ? params.locale : undefined) ?? locals.locale);
	return { locale, messages: createTranslator(locale).messages };
};
