/**
 * One offer for its staff: what it is, whether it is current (confirmed when, due when older
 * than VERIFY_AFTER_DAYS), "still valid" (confirms it today, in all its languages), the link to
 * its public page when published, the cross-cutting themes it serves, and its history from the
 * audit log; the link to its editor
 * (and, for an offer imported from a calendar, its source and detaching it from the feed)
 * (`edit/`) and publishing, withdrawing to draft and archiving it. 404 for an id that is no
 * uuid, does not exist or is not the person's to edit.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as z from 'zod';
import { env } from '$env/dynamic/private';
import { requireUser } from '$lib/server/auth/guards';
import * as calendarFeeds from '$lib/server/data/calendar-feeds';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as offerThemes from '$lib/server/data/offer-themes';
import * as staffOffer from '$lib/server/data/staff-offer';
import * as staffOffers from '$lib/server/data/staff-offers';
import { deriveOffer, verifyAfterDays } from '$lib/staff/dashboard';
import { Constants } from '$lib/database.types';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.guid();
const stateSchema = z.enum(Constants.public.Enums.publication_state);

function notFound(): never {
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

/** The offer's id from the path, or 404. */
function offerId(params: { id: string }): string {
	const parsed = idSchema.safeParse(params.id);
	if (!parsed.success) notFound();
	return parsed.data;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals, url);
	const id = offerId(params);
	const row = await orHttpError(staffOffer.get(locals.supabase, id));
	if (!row) notFound();
	const days = verifyAfterDays(env.VERIFY_AFTER_DAYS);
	const offer = deriveOffer(row, {
		now: new Date(),
		verifyAfterDays: days,
		onScheduleError: (cause, schedule) =>
			console.error(`[staff] schedule ${schedule.id}: ${String(cause)}`)
	});
	const history = await orHttpError(staffOffer.history(locals.supabase, id));
	return {
		offer,
		themes: await orHttpError(offerThemes.choices(locals.supabase, id)),
		calendarSource: await orHttpError(calendarFeeds.sourceOf(locals.supabase, id)),
		verifyAfterDays: days,
		history,
		historyLimit: staffOffer.HISTORY_LIMIT,
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	/** "Still valid": last_verified_on becomes today, for the offer in all its languages. */
	confirm: async ({ locals, params, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		const confirmed = await orFail(staffOffers.confirmCurrent(locals.supabase, [id]));
		if (isFailure(confirmed)) return confirmed;
		// RLS left it alone: not the person's offer (any longer)
		if (confirmed === 0) return fail(404, { error: 'error.not_found' });
		return { confirmed: true };
	},
	/** Publish, withdraw to draft or archive (the button's `state`). */
	state: async ({ locals, params, request, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		const state = stateSchema.safeParse((await request.formData()).get('state'));
		if (!state.success) return fail(400, { error: 'error.invalid_input' });
		const changed = await orFail(staffOffers.setState(locals.supabase, [id], state.data));
		if (isFailure(changed)) return changed;
		if (changed === 0) return fail(404, { error: 'error.not_found' });
		return { stateChanged: true };
	},
	/** Copies the offer as a draft (duplicate_offers) and opens the copy's editor. */
	duplicate: async ({ locals, params, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		const copies = await orFail(staffOffers.duplicate(locals.supabase, [id]));
		if (isFailure(copies)) return copies;
		if (copies.length === 0) return fail(404, { error: 'error.not_found' });
		redirect(303, `/staff/offers/${copies[0]}/edit`);
	},
	/** Takes an imported offer over: the calendar feed no longer changes it. */
	detach: async ({ locals, params, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		const detached = await orFail(calendarFeeds.detach(locals.supabase, id));
		if (isFailure(detached)) return detached;
		return { detached: true };
	},
	/** The cross-cutting themes of the current concept the offer serves (check boxes). */
	themes: async ({ locals, params, request, url }) => {
		requireUser(locals, url);
		const id = offerId(params);
		const slugs = z
			.array(z.string().max(100))
			.safeParse((await request.formData()).getAll('themes'));
		if (!slugs.success) return fail(400, { error: 'error.invalid_input' });
		const saved = await orFail(offerThemes.set(locals.supabase, id, slugs.data));
		if (isFailure(saved)) return saved;
		return { themesSaved: true };
	}
};
