/**
 * What every page shares: its locale and that locale's UI messages. The locale is the path's
 * (`params.locale`, so that the load runs again when the language changes) or, on pages without
 * one, the request's (see hooks/locale.ts). The staff and city areas speak German or English and
 * get their own messages too.
 */
import { STAFF_LOCALES, toLocale, type StaffLocale } from '$lib/i18n/locales';
import { createTranslator, staffMessages } from '$lib/i18n/translator';
import type { LayoutServerLoad } from './$types';

const STAFF_ROUTES = /^\/\((?:staff|city)\)/;

function isStaffLocale(locale: string): locale is StaffLocale {
	return (STAFF_LOCALES as readonly string[]).includes(locale);
}

export const load: LayoutServerLoad = ({ locals, params, route }) => {
	const locale = toLocale(('locale' in params ? params.locale : undefined) ?? locals.locale);
	if (route.id && STAFF_ROUTES.test(route.id)) {
		const staffLocale = isStaffLocale(locale) ? locale : 'de';
		return { locale: staffLocale, messages: staffMessages(staffLocale) };
	}
	return { locale, messages: createTranslator(locale).messages };
};
