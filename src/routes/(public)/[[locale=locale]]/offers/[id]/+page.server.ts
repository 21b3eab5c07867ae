import { error } from '@sveltejs/kit';
import { localizePath, toLocale } from '$lib/i18n/locales';
import { FROM, listReturn } from '$lib/list-return';
import { orHttpError } from '$lib/server/data/errors';
import { jsonLdScript, offerEvent } from '$lib/server/json-ld';
import { offerPageDates } from '$lib/schedule/offer-page';
import type { PageServerLoad } from './$types';
import * as publicReads from '$lib/server/data/public-reads';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// an id that is no UUID cannot be an offer: no database round trip, no SQL error
	if (!UUID.test(params.id)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const locale = toLocale(params.locale ?? locals.locale);
	const offer = await orHttpError(publicReads.offer(params.id.toLowerCase(), locale));
	if (!offer) error(404, { message: 'error.not_found', key: 'error.not_found' });

	// the staff's preview (/staff/offers/[id]/preview) shows the same dates
	// "back" returns to the list the reader came from (`?from=`), else to the start page
	const back = listReturn(url.searchParams.get(FROM), locale);
	const dates = offerPageDates(offer, locale);
	// schema.org Event and Place for search engines and other readers (see $lib/server/json-ld)
	const pageUrl = new URL(localizePath(locale, `/offers/${offer.id}`), url.origin).href;
	return {
		offer,
		...dates,
		jsonLd: jsonLdScript(offerEvent(offer, { pageUrl, upcoming: dates.upcoming })),
		back: back ?? localizePath(locale),
		backToList: back !== null
	};
};
