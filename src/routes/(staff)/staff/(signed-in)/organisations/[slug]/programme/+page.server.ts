/**
 * "Wochenprogramm drucken" from the dashboard: which programme to print, in the staff member's
 * language. The organisation's own offers (`/de/print?organisation=<slug>`), a district with
 * the offers of every provider (the districts it serves, as its office facts name them, first)
 * or the whole city.
 */
import { error } from '@sveltejs/kit';
import { orHttpError } from '$lib/server/data/errors';
import * as offices from '$lib/server/data/offices';
import * as publicReads from '$lib/server/data/public-reads';
import * as staff from '$lib/server/data/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	let organisationId = locals.user?.memberships.find(
		(membership) => membership.slug === params.slug
	)?.organisation_id;
	if (!organisationId && locals.user?.cityAdmin) {
		const all = await orHttpError(staff.managedOrganisations(locals.supabase));
		organisationId = all.find((candidate) => candidate.slug === params.slug)?.id;
	}
	if (!organisationId) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const office = await orHttpError(offices.forEdit(locals.supabase, organisationId));
	if (!office) error(404, { message: 'error.not_found', key: 'error.not_found' });

	const print = `/${locals.locale === 'en' ? 'en' : 'de'}/print`;
	const served = new Set(office.districts.map((district) => district.slug));
	const districts = await orHttpError(publicReads.districts());
	return {
		name: office.name,
		print,
		own: `${print}?organisation=${encodeURIComponent(params.slug)}`,
		// the districts it serves first, then the others, each by name
		districts: [
			...districts.filter(({ slug }) => served.has(slug)),
			...districts.filter(({ slug }) => !served.has(slug))
		].map(({ slug, name }) => ({ slug, name, served: served.has(slug) }))
	};
};
