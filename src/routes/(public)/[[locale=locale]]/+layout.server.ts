/**
 * The public pages' frame: the city, its current concept and counts (the locale and its
 * messages come from the root layout).
 */
import { isDataError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import type { PortalInfo } from '$lib/types';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	// The frame still renders (and an error page in it) when the database is unreachable.
	let info: PortalInfo | null = null;
	try {
		info = await publicReads.portalInfo();
	} catch (caught) {
		if (!isDataError(caught)) throw caught;
	}
	return { portal: info };
};
