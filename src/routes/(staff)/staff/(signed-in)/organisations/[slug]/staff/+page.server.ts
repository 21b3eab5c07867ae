/**
 * The staff of an organisation, for its admins and city admins: who works there with which
 * role and whether they have signed in yet; invite someone (a one-time link to pass on, or a
 * mail from a Supabase project), change a role, remove someone, hand out a password link.
 * An organisation keeps at least one admin (the database refuses otherwise).
 */
import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { inviteSchema, memberSchema } from '$lib/schemas/staff-account';
import { inviteStaff, passwordLink } from '$lib/server/auth/invitations';
import { isFailure, orFail, orHttpError, type DataFailure } from '$lib/server/data/errors';
import * as staff from '$lib/server/data/staff';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const inviteAdapter = zod4(inviteSchema);

/** What an action tells the page besides field errors. */
export interface StaffMessage {
	key: string;
	email?: string;
	link?: string;
}

async function organisationOf({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const managed = await orHttpError(staff.managedOrganisations(locals.supabase));
	const organisation = managed.find((candidate) => candidate.slug === params.slug);
	if (organisation) return organisation;
	const member = locals.user?.memberships.some((membership) => membership.slug === params.slug);
	if (member) error(403, { message: 'error.not_allowed', key: 'error.not_allowed' });
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

export const load: PageServerLoad = async (event) => {
	const organisation = await organisationOf(event);
	const members = await orHttpError(staff.members(event.locals.supabase, organisation.id));
	return {
		organisation,
		members,
		invite: await superValidate(inviteAdapter, { id: 'invite' })
	};
};

/** The database's only refusal of valid input here: the organisation's last admin. */
function lastAdminOr(failure: DataFailure) {
	return failure.status === 400 ? fail(400, { error: 'staff.members.last_admin' }) : failure;
}

async function memberForm(request: Request) {
	const parsed = memberSchema.safeParse(Object.fromEntries(await request.formData()));
	return parsed.success ? parsed.data : null;
}

export const actions: Actions = {
	invite: async (event) => {
		const form = await superValidate<typeof inviteSchema._zod.output, StaffMessage>(
			event.request,
			inviteAdapter,
			{ id: 'invite' }
		);
		if (!form.valid) return fail(400, { invite: form });
		const organisation = await organisationOf(event);
		const invited = await orFail(
			inviteStaff(event.locals.supabase, {
				organisationId: organisation.id,
				email: form.data.email,
				role: form.data.role,
				origin: event.url.origin
			})
		);
		if (isFailure(invited)) {
			return message(
				form,
				{ key: invited.data?.error ?? 'error.unexpected' },
				{ status: invited.status as 400 }
			);
		}
		const key = invited.existing
			? 'staff.members.added_existing'
			: invited.link
				? 'staff.members.invited_link'
				: 'staff.members.invited_mail';
		const email = form.data.email;
		form.data.email = '';
		return message(form, { key, email, link: invited.link ?? undefined });
	},

	role: async (event) => {
		const member = await memberForm(event.request);
		if (!member?.role) return fail(400, { error: 'error.invalid_input' });
		const organisation = await organisationOf(event);
		const changed = await orFail(
			staff.setRole(event.locals.supabase, organisation.id, member.user_id, member.role)
		);
		if (isFailure(changed)) return lastAdminOr(changed);
		return { done: 'staff.members.role_changed' };
	},

	remove: async (event) => {
		const member = await memberForm(event.request);
		if (!member) return fail(400, { error: 'error.invalid_input' });
		const organisation = await organisationOf(event);
		const removed = await orFail(
			staff.remove(event.locals.supabase, organisation.id, member.user_id)
		);
		if (isFailure(removed)) return lastAdminOr(removed);
		return { done: 'staff.members.removed' };
	},

	link: async (event) => {
		const member = await memberForm(event.request);
		if (!member) return fail(400, { error: 'error.invalid_input' });
		const organisation = await organisationOf(event);
		const link = await orFail(
			passwordLink(event.locals.supabase, {
				organisationId: organisation.id,
				userId: member.user_id,
				origin: event.url.origin
			})
		);
		if (isFailure(link)) return link;
		return { done: 'staff.members.password_link', link, user_id: member.user_id };
	}
};
