/**
 * The city office's area: city admins and observers (others get 403; without a session the
 * sign-in page, see hooks/session.ts). Observers read; every page that writes checks
 * `requireCityAdmin` in its actions and shows its forms to admins only.
 */
import { requireCityReader } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: requireCityReader(locals, url)
});
