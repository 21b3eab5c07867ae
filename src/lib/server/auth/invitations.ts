/**
 * Inviting staff and resetting passwords with one-time links.
 *
 * Against the embedded Supabase no mail can be sent: the admin gets the link to pass on
 * (`auth.admin.generateLink`). Against a Supabase project the invitation goes by mail
 * (`auth.admin.inviteUserByEmail`; its mail template must link to
 * `{{ .SiteURL }}/staff/welcome?token_hash={{ .TokenHash }}&type=invite`, see the README), and a
 * password link is still handed to the admin, as Supabase's reset mail goes only to the person
 * asking.
 *
 * The caller's rights are checked first, with their own client (organisation_staff refuses
 * anyone but the organisation's admins and city admins), so that no account is made for a
 * request that would be refused; the membership is written with their client too, where row
 * level security checks it again.
 */
import { DataError } from '../data/errors';
import type { Supabase } from '../data/client';
import * as staff from '../data/staff';
import { createServiceSupabase, getBackend } from '../supabase';
import type { MembershipRole } from '$lib/types';

/** The page that takes a one-time link (welcome/+page.server.ts). */
export const WELCOME_PATH = '/staff/welcome';

export type LinkKind = 'invite' | 'recovery';

/** The address of a one-time link of `kind` on this portal. */
export function welcomeLink(origin: string, tokenHash: string, kind: LinkKind): string {
	const query = new URLSearchParams({ token_hash: tokenHash, type: kind });
	return `${origin}${WELCOME_PATH}?${query}`;
}

export interface Invitation {
	/** The link to pass on; null when it went by mail or the person has an account already. */
	link: string | null;
	/** The person had an account already (they sign in with their password). */
	existing: boolean;
}

/** Adds `email` to the organisation's staff with `role`, inviting them if they are new. */
export async function inviteStaff(
	supabase: Supabase,
	options: { organisationId: string; email: string; role: MembershipRole; origin: string }
): Promise<Invitation> {
	const { organisationId, email, role, origin } = options;
	await staff.members(supabase, organisationId);

	const service = await createServiceSupabase();
	const existingId = await staff.userIdByEmail(service, email);
	if (existingId) {
		await staff.add(supabase, organisationId, existingId, role);
		return { link: null, existing: true };
	}

	const backend = await getBackend();
	if (!backend.embedded) {
		const { data, error } = await service.auth.admin.inviteUserByEmail(email, {
			redirectTo: `${origin}${WELCOME_PATH}`
		});
		if (error || !data.user) throw authFailure('inviteUserByEmail', error);
		await staff.add(supabase, organisationId, data.user.id, role);
		return { link: null, existing: false };
	}
	const { data, error } = await service.auth.admin.generateLink({ type: 'invite', email });
	if (error || !data.user) throw authFailure('generateLink invite', error);
	await staff.add(supabase, organisationId, data.user.id, role);
	return {
		link: welcomeLink(origin, data.properties.hashed_token, 'invite'),
		existing: false
	};
}

/**
 * A one-time link with which the member `userId` of the organisation sets a new password.
 * Only the organisation's admins and city admins get one (the member list checks).
 */
export async function passwordLink(
	supabase: Supabase,
	options: { organisationId: string; userId: string; origin: string }
): Promise<string> {
	const members = await staff.members(supabase, options.organisationId);
	const member = members.find((candidate) => candidate.user_id === options.userId);
	if (!member) throw new DataError('error.not_found', 404, null, 'passwordLink');
	const service = await createServiceSupabase();
	const { data, error } = await service.auth.admin.generateLink({
		type: 'recovery',
		email: member.email
	});
	if (error) throw authFailure('generateLink recovery', error);
	return welcomeLink(options.origin, data.properties.hashed_token, 'recovery');
}

function authFailure(operation: string, error: { message?: string } | null): DataError {
	console.error(`[auth] ${operation} failed`, error?.message ?? 'no user in the answer');
	return new DataError('error.data_unavailable', 503, null, operation);
}
