/**
 * The preview of an offer's public page (`?locale=ar`, any of the nine locales; German when
 * none is given), also for a draft: read with the staff member's own session, where row level
 * security shows the drafts of their organisations (get_offer runs with the caller's rights),
 * never with the anonymous reader or its cache. The page renders the public page's own
 * component. 404 for an offer that is not the person's to edit, 400 for an unknown locale.
 */
import { error } from '@sveltejs/kit';
import * as z from 'zod';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import { offerPageDates } from '$lib/schedule/offer-page';
import { requireUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/data/errors';
import * as offers from '$lib/server/data/offers';
import * as staffOffer from '$lib/server/data/staff-offer';
import type { PageServerLoad } from './$types';

const idSchema = z.guid();

function notFound(): never {
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

/** The preview's locale from `?locale=`: German when absent, 400 when unknown. */
function previewLocale(url: URL): Locale {
	const value = url.searchParams.get('locale');
	if (value === null || value === '') return 'de';
	if (!isLocale(value)) error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	return value;
}

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	requireUser(locals, url);
	const parsed = idSchema.safeParse(params.id);
	if (!parsed.success) notFound();
	const id = parsed.data;
	const locale = previewLocale(url);
	// only the person's own offers: a published one of another organisation is no preview
	const [editable, offer] = await Promise.all([
		orHttpError(staffOffer.get(locals.supabase, id)),
		orHttpError(offers.get(locals.supabase, id, locale))
	]);
	if (!editable || !offer) notFound();
	setHeaders({ 'x-robots-tag': 'noindex, nofollow' });
	return {
		offer,
		...offerPageDates(offer, locale),
		preview: { locale, messages: createTranslator(locale).messages }
	};
};
