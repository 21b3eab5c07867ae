/**
 * The staff area: who is signed in (null on the sign-in page and the one-time links; every
 * other page of the area has a user, see hooks/session.ts).
 */
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user });
