/** The signed-in person as the staff and city pages know them (see $lib/server/auth). */
import type { MembershipRole } from '$lib/types';

export interface StaffMembership {
	organisation_id: string;
	slug: string;
	name: string;
	role: MembershipRole;
}

export interface SignedInUser {
	id: string;
	email: string;
	/** Works for the city's integration office: may administer every organisation. */
	cityAdmin: boolean;
	/** Reads the city office's pages (concept, coverage, reports) and changes nothing. */
	cityObserver: boolean;
	/** The organisations they work for, by name. */
	memberships: StaffMembership[];
}

/** Whether `user` may read the city office's pages: its admins and observers. */
export function readsCityPages(user: SignedInUser): boolean {
	return user.cityAdmin || user.cityObserver;
}

/** Whether `user` may manage the staff of the organisation `organisationId`. */
export function managesStaffOf(user: SignedInUser, organisationId: string): boolean {
	return (
		user.cityAdmin ||
		user.memberships.some(
			(membership) => membership.organisation_id === organisationId && membership.role === 'admin'
		)
	);
}
