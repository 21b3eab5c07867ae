import { toLocale } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import { isDataError } from '$lib/server/data/errors';
import type { PortalInfo } from '$lib/types';
import type { LayoutServerLoad } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

export const load: LayoutServerLoad = async ({ locals, params }) => {
	const locale = toLocale(params.locale ?? locals.locale);
	const { messages } = createTranslator(locale);
	// The frame still renders (and an error page in it) when the database is unreachable.
	let info: PortalInfo | null = null;
	try {
		info = await publicReads.portalInfo();
	} catch (caught) {
		if (!isDataError(caught)) throw caught;
	}
	return { locale, messages, portal: info };
};
