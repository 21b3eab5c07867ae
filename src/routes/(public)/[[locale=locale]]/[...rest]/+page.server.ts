import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Any other path under a locale: a 404 in the visitor's language, inside the portal's frame.
export const load: PageServerLoad = () => {
	error(404, { message: 'error.not_found', key: 'error.not_found' });
};
