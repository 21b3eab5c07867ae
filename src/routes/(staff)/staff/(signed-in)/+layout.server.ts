/**
 * The signed-in part of the staff area. The session handle has sent anyone without a session to
 * the sign-in page already; this layout guards its pages a second time, so that a page moved
 * here can never be open by mistake.
 */
import { requireUser } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({ user: requireUser(locals, url) });
