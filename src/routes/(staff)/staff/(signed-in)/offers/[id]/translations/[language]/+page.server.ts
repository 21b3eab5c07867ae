/**
 * The translation editor for one locale (the parameter is `language`: the root layout reads a
 * `locale` parameter as the UI's language): the original left (read only), the translation right,
 * saved as a person's translation, reviewed or not (superforms, one zod schema, errors next to
 * the fields, nothing typed lost). Where a provider is configured, the missing and outdated
 * fields can be translated by machine (saved as machine-translated and unreviewed). 404 for the
 * original's locale, an unknown locale, or an offer that is not the person's to edit. When the
 * original changed while the person translated, the save is refused (409), the new original
 * shown and the input kept.
 */
import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requireUser } from '$lib/server/auth/guards';
import { isFailure, orFail } from '$lib/server/data/errors';
import * as offerTranslations from '$lib/server/data/offer-translations';
import { fromTexts, toTexts, translationFormSchema } from '$lib/schemas/offer-translation';
import type { OfferTranslations } from '$lib/staff/translations';
import type { OfferFormMessage } from '../../../_components/offer-form-message';
import type { Actions, PageServerLoad } from './$types';
import { loadTexts, machineAction, machineInfo, notFound, offerId } from '../shared.server';

const adapter = zod4(translationFormSchema);

/** The locale's entry, or 404 (also for the original's locale, which is not listed). */
function entryOf(texts: OfferTranslations, locale: string) {
	const entry = texts.locales.find((candidate) => candidate.locale === locale);
	if (!entry) notFound();
	return entry;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals, url);
	const texts = await loadTexts(locals.supabase, offerId(params));
	const entry = entryOf(texts, params.language);
	const form = await superValidate(
		fromTexts(entry.texts, entry.reviewed, texts.original.updated_at),
		adapter,
		{ errors: false }
	);
	const { provider, machineLocales } = machineInfo(texts);
	return {
		form,
		texts,
		entry,
		provider,
		canMachine: machineLocales.includes(entry.locale),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	/** Saves the texts as a person's translation, reviewed when ticked. */
	save: async ({ locals, params, request, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		const form = await superValidate<typeof translationFormSchema._zod.output, OfferFormMessage>(
			request,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		const saved = await orFail(
			offerTranslations.save(locals.supabase, {
				offerId: id,
				locale: params.language,
				texts: toTexts(form.data),
				provenance: 'human',
				reviewed: form.data.reviewed,
				originalUpdatedAt: form.data.original_updated_at || undefined
			})
		);
		if (isFailure(saved) && saved.data.error === 'error.conflict') {
			// the original changed while the person translated: show the new one, keep the input,
			// and let the next save count against it
			const fresh = await loadTexts(locals.supabase, id);
			form.data.original_updated_at = fresh.original.updated_at;
			form.message = { key: 'staff.translation.original_changed' };
			return fail(409, { form, original: fresh.original });
		}
		if (isFailure(saved)) {
			return message(form, { key: saved.data.error }, { status: saved.status as 400 });
		}
		redirect(303, `/staff/offers/${id}/translations?saved=${encodeURIComponent(params.language)}`);
	},
	/** Translates this locale's missing and outdated fields by machine. */
	machine: async ({ locals, params, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		entryOf(await loadTexts(locals.supabase, id), params.language);
		return machineAction(locals.supabase, id, [params.language]);
	}
};
