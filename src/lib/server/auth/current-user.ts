/**
 * The signed-in person of a request, from verified claims: `auth.getClaims()` checks the access
 * token (with the Auth server, for the HS256 tokens of the embedded Supabase and of projects
 * on the legacy secret; locally against the JWKS for asymmetric keys) and refreshes an expired
 * one from the refresh token. Then `my_access()` says what they may do.
 */
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import type { Supabase } from '../data/client';
import { DataError } from '../data/errors';
import * as staff from '../data/staff';
import type { SignedInUser } from '$lib/staff/user';

/** The user of the session in `supabase`'s cookies, or null when there is none (any more). */
export async function currentUser(supabase: Supabase): Promise<SignedInUser | null> {
	const { data, error } = await supabase.auth.getClaims();
	if (error && isAuthRetryableFetchError(error)) {
		// the Auth server cannot be reached: not the same as signed out
		console.error('[auth] the session could not be checked', error.message);
		throw new DataError('error.data_unavailable', 503, null, 'getClaims');
	}
	const claims = data?.claims;
	if (!claims?.sub) return null;
	const access = await staff.myAccess(supabase);
	return {
		id: claims.sub,
		email: typeof claims.email === 'string' ? claims.email : '',
		cityAdmin: access.city_admin,
		cityObserver: access.city_observer,
		memberships: access.memberships
	};
}
