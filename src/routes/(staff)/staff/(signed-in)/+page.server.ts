/**
 * The staff dashboard: the offers the person may edit (a city admin: every organisation's, one
 * organisation's when chosen) with what needs doing, filters in the query string, and bulk
 * actions on a selection (confirm as current, publish, archive, copy as draft). Below, the
 * organisations the person works for and the link to their password.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { requireUser } from '$lib/server/auth/guards';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as staff from '$lib/server/data/staff';
import * as staffOffers from '$lib/server/data/staff-offers';
import * as suggestions from '$lib/server/data/suggestions';
import {
	MAX_SELECTION,
	deriveOffers,
	filterOffers,
	parseFilter,
	parseSelection,
	todos,
	verifyAfterDays,
	type OrganisationChoice
} from '$lib/staff/dashboard';
import type { SignedInUser } from '$lib/staff/user';
import type { Supabase } from '$lib/server/data/client';
import type { Actions, PageServerLoad } from './$types';

/** City admins choose among all organisations, others among their own. */
async function organisationChoices(
	supabase: Supabase,
	user: SignedInUser
): Promise<OrganisationChoice[]> {
	if (!user.cityAdmin) {
		return user.memberships.map(({ organisation_id, name }) => ({ id: organisation_id, name }));
	}
	const all = await orHttpError(staff.managedOrganisations(supabase));
	return all.map(({ id, name }) => ({ id, name }));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// an observer of the concept (a council member) has no offers: their start is the city's pages
	if (user.cityObserver && !user.cityAdmin && user.memberships.length === 0) redirect(303, '/city');
	const filter = parseFilter(url.searchParams);
	if (!filter) error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	const organisations = await organisationChoices(locals.supabase, user);
	if (filter.organisation && !organisations.some(({ id }) => id === filter.organisation)) {
		error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	}

	const days = verifyAfterDays(env.VERIFY_AFTER_DAYS);
	const [rows, newSuggestions] = await Promise.all([
		orHttpError(staffOffers.list(locals.supabase, filter.organisation)),
		// the moderation queue's new entries, counted for its link
		orHttpError(suggestions.queue(locals.supabase, 'new')).then((queue) => queue.length)
	]);
	const offers = deriveOffers(rows, {
		now: new Date(),
		verifyAfterDays: days,
		onScheduleError: (cause, schedule) =>
			console.error(`[staff] schedule ${schedule.id}: ${String(cause)}`)
	});
	return {
		filter,
		// the select only helps someone with more than one organisation to choose from
		organisations: organisations.length > 1 ? organisations : [],
		offers: filterOffers(offers, filter),
		total: offers.length,
		todos: todos(offers, filter.organisation),
		verifyAfterDays: days,
		newSuggestions,
		passwordSaved: url.searchParams.get('saved') === 'password'
	};
};

/** What a bulk action tells the page: which one, how many offers it changed of how many. */
export interface BulkResult {
	done: 'confirm' | 'publish' | 'archive' | 'duplicate';
	count: number;
	selected: number;
}

/** Reads the selection, runs `work` on it and says how many offers it changed. */
async function bulk(
	{ request, locals }: RequestEvent,
	done: BulkResult['done'],
	work: (supabase: Supabase, ids: string[]) => Promise<number>
) {
	const selection = parseSelection(await request.formData());
	if (!selection.ok) return fail(400, { error: selection.error, max: MAX_SELECTION });
	const count = await orFail(work(locals.supabase, selection.ids));
	if (isFailure(count)) return count;
	return { done, count, selected: selection.ids.length } satisfies BulkResult;
}

export const actions: Actions = {
	confirm: (event) => bulk(event, 'confirm', staffOffers.confirmCurrent),
	publish: (event) =>
		bulk(event, 'publish', (supabase, ids) => staffOffers.setState(supabase, ids, 'published')),
	archive: (event) =>
		bulk(event, 'archive', (supabase, ids) => staffOffers.setState(supabase, ids, 'archived')),
	duplicate: (event) =>
		bulk(
			event,
			'duplicate',
			async (supabase, ids) => (await staffOffers.duplicate(supabase, ids)).length
		)
};
