/**
 * "Report a mistake" on an offer: what is wrong, optionally a contact. The report goes to the
 * organisation that holds the offer. No account, no cookie, no JavaScript; see
 * $lib/server/suggestions/form for the spam checks and what is kept.
 */
import { error } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n/locales';
import { orHttpError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import { freshForm, submitSuggestion } from '$lib/server/suggestions/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The published offer of the path, or 404. */
async function offerOf({ params, locals }: Pick<RequestEvent, 'params' | 'locals'>) {
	if (!UUID.test(params.id)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const locale = toLocale(params.locale ?? locals.locale);
	const offer = await orHttpError(publicReads.offer(params.id.toLowerCase(), locale));
	if (!offer) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return offer;
}

export const load: PageServerLoad = async (event) => {
	const offer = await offerOf(event);
	return {
		offer: { id: offer.id, title: offer.title, text_locale: offer.text_locale },
		...freshForm(event.setHeaders)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const offer = await offerOf(event);
		return submitSuggestion(event, 'mistake', offer.id);
	}
};
