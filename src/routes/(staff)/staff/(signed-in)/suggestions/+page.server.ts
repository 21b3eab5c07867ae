/**
 * The moderation queue: what visitors suggested or reported, for the responsible staff (their
 * organisations' reports) and city admins (everything; new offers are the city's queue). Each
 * entry is accepted (a new offer becomes a draft that is not public; a report leads to the
 * offer's editor), answered (the answer is kept; the staff reply to the contact themselves) or
 * rejected. The state filter is in the query string; everything works without JavaScript.
 */
import { error, fail } from '@sveltejs/kit';
import * as z from 'zod';
import { acceptSchema, answerSchema, rejectSchema } from '$lib/schemas/suggestion';
import { SUGGESTION_STATES } from '$lib/suggestion-fields';
import { requireUser } from '$lib/server/auth/guards';
import { isFailure, orFail, orHttpError, type DataFailure } from '$lib/server/data/errors';
import * as staff from '$lib/server/data/staff';
import * as suggestions from '$lib/server/data/suggestions';
import { CATEGORIES } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const stateSchema = z.enum(SUGGESTION_STATES).nullable();

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const parsed = stateSchema.safeParse(url.searchParams.get('state') || null);
	if (!parsed.success) error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	const [rows, organisations] = await Promise.all([
		orHttpError(suggestions.queue(locals.supabase, parsed.data)),
		// whom a draft may belong to: city admins choose among all organisations
		user.cityAdmin
			? orHttpError(staff.managedOrganisations(locals.supabase)).then((all) =>
					all.map(({ id, name }) => ({ id, name }))
				)
			: Promise.resolve(
					user.memberships.map(({ organisation_id, name }) => ({ id: organisation_id, name }))
				)
	]);
	return {
		state: parsed.data,
		suggestions: rows,
		organisations,
		categories: CATEGORIES,
		cityAdmin: user.cityAdmin
	};
};

/** The page's answer to an action: what was done to which entry, or what went wrong. */
export type HandledResult =
	| { id: string; done: 'accepted' | 'draft' | 'answered' | 'rejected'; offerId?: string | null }
	| { id?: string; error: string };

function failed(id: string, failure: DataFailure) {
	const key = failure.status === 409 ? 'staff.suggestions.error.handled' : failure.data.error;
	return fail(failure.status, { id, error: key } satisfies HandledResult);
}

async function formOf(request: Request) {
	return Object.fromEntries(await request.formData());
}

export const actions: Actions = {
	accept: async ({ locals, request, url }) => {
		requireUser(locals, url);
		const parsed = acceptSchema.safeParse(await formOf(request));
		if (!parsed.success) return fail(400, { error: 'error.invalid_input' } satisfies HandledResult);
		const { id, organisation, category } = parsed.data;
		const accepted = await orFail(
			suggestions.accept(locals.supabase, id, {
				organisationId: organisation || undefined,
				category
			})
		);
		if (isFailure(accepted)) {
			if (accepted.status === 400 && !organisation) {
				return fail(400, {
					id,
					error: 'staff.suggestions.error.organisation'
				} satisfies HandledResult);
			}
			return failed(id, accepted);
		}
		return {
			id,
			done: accepted.draft ? 'draft' : 'accepted',
			offerId: accepted.offer_id
		} satisfies HandledResult;
	},

	answer: async ({ locals, request, url }) => {
		requireUser(locals, url);
		const form = await formOf(request);
		const parsed = answerSchema.safeParse(form);
		if (!parsed.success) {
			const id = typeof form.id === 'string' ? form.id : undefined;
			return fail(400, { id, error: 'staff.suggestions.error.answer' } satisfies HandledResult);
		}
		const answered = await orFail(
			suggestions.answer(locals.supabase, parsed.data.id, parsed.data.answer)
		);
		if (isFailure(answered)) return failed(parsed.data.id, answered);
		return { id: parsed.data.id, done: 'answered' } satisfies HandledResult;
	},

	reject: async ({ locals, request, url }) => {
		requireUser(locals, url);
		const form = await formOf(request);
		const parsed = rejectSchema.safeParse(form);
		if (!parsed.success) {
			const id = typeof form.id === 'string' ? form.id : undefined;
			return fail(400, { id, error: 'staff.suggestions.error.note' } satisfies HandledResult);
		}
		const rejected = await orFail(
			suggestions.reject(locals.supabase, parsed.data.id, parsed.data.note)
		);
		if (isFailure(rejected)) return failed(parsed.data.id, rejected);
		return { id: parsed.data.id, done: 'rejected' } satisfies HandledResult;
	}
};
