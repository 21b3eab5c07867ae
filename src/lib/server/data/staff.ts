/**
 * Who a signed-in person is in the portal, and the staff of an organisation, through the
 * functions of 20261201100000_staff_access.sql. Row level security decides what the caller may
 * do; a refusal comes back as a DataError (403 not allowed, 404 no such member).
 *
 *   import * as staff from '$lib/server/data/staff';
 *   const access = await staff.myAccess(locals.supabase);
 */
import type { StaffMembership } from '$lib/staff/user';
import type { MembershipRole } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

/** What the signed-in caller may do. */
export interface Access {
	user_id: string;
	city_admin: boolean;
	city_observer: boolean;
	memberships: StaffMembership[];
}

/** A member of an organisation's staff, as its admins see them. */
export interface StaffMember {
	user_id: string;
	email: string;
	role: MembershipRole;
	member_since: string;
	/** null until they first signed in (an open invitation). */
	last_sign_in_at: string | null;
}

export async function myAccess(supabase: Supabase): Promise<Access> {
	const { data, error } = await supabase.rpc('my_access');
	if (error) throw fromPostgrestError('my_access', error);
	return data as unknown as Access;
}

/** An organisation whose staff the caller manages. */
export interface ManagedOrganisation {
	id: string;
	slug: string;
	name: string;
	kind: string;
	staff_count: number;
}

/** The organisations whose staff the caller manages (city admins: all). */
export async function managedOrganisations(supabase: Supabase): Promise<ManagedOrganisation[]> {
	const { data, error } = await supabase.rpc('managed_organisations');
	if (error) throw fromPostgrestError('managed_organisations', error);
	return data;
}

export async function members(supabase: Supabase, organisationId: string): Promise<StaffMember[]> {
	const { data, error } = await supabase.rpc('organisation_staff', {
		p_organisation_id: organisationId
	});
	if (error) throw fromPostgrestError('organisation_staff', error);
	return data as StaffMember[];
}

export async function add(
	supabase: Supabase,
	organisationId: string,
	userId: string,
	role: MembershipRole
): Promise<void> {
	const { error } = await supabase.rpc('add_staff_member', {
		p_organisation_id: organisationId,
		p_user_id: userId,
		p_role: role
	});
	if (error) throw fromPostgrestError('add_staff_member', error);
}

export async function setRole(
	supabase: Supabase,
	organisationId: string,
	userId: string,
	role: MembershipRole
): Promise<void> {
	const { error } = await supabase.rpc('set_staff_role', {
		p_organisation_id: organisationId,
		p_user_id: userId,
		p_role: role
	});
	if (error) throw fromPostgrestError('set_staff_role', error);
}

export async function remove(
	supabase: Supabase,
	organisationId: string,
	userId: string
): Promise<void> {
	const { error } = await supabase.rpc('remove_staff_member', {
		p_organisation_id: organisationId,
		p_user_id: userId
	});
	if (error) throw fromPostgrestError('remove_staff_member', error);
}

/** The account of an address, or null. Needs the service role client. */
export async function userIdByEmail(service: Supabase, email: string): Promise<string | null> {
	const { data, error } = await service.rpc('user_id_by_email', { p_email: email });
	if (error) throw fromPostgrestError('user_id_by_email', error);
	return data;
}
