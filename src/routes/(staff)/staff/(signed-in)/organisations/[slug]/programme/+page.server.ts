/**
 * "Wochenprogramm drucken" from the dashboard: the printed programme of the districts the
 * organisation serves (`organisation_districts`, as its office facts name them), in the staff
 * member's language. An organisation serving no district chooses a district or the whole city.
 */
import { error, redirect } from '@sveltejs/kit';
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
	if (office.districts.length > 0) {
		const slugs = office.districts.map((district) => district.slug).join(',');
		redirect(303, `${print}?district=${encodeURIComponent(slugs)}`);
	}
	const districts = await orHttpError(publicReads.districts());
	return {
		name: office.name,
		print,
		districts: districts.map(({ slug, name }) => ({ slug, name }))
	};
};
