/** The staff start page: the organisations the person works for, and what they may do there. */
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	passwordSaved: url.searchParams.get('saved') === 'password'
});
