/**
 * The city office's area: city admins only (others get 403; without a session the sign-in page,
 * see hooks/session.ts).
 */
import { requireCityAdmin } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: requireCityAdmin(locals, url)
});
