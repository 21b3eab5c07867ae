/**
 * The printable report for the council (`?concept=`, default the current one): every field of
 * action with its measures' lights and their counts, and the coverage map (offers per district)
 * drawn on the server as SVG, so that it prints without JavaScript or tiles.
 */
import { error } from '@sveltejs/kit';
import * as concepts from '$lib/server/data/concepts';
import * as districts from '$lib/server/data/districts';
import { orHttpError } from '$lib/server/data/errors';
import * as reports from '$lib/server/data/reports';
import { choropleth } from '$lib/reports/choropleth';
import type { LightName as Light } from '../_components/lights';
import type { PageServerLoad } from './$types';

const SLUG = /^[a-z0-9-]{1,80}$/;

export const load: PageServerLoad = async ({ locals, url }) => {
	const concept = url.searchParams.get('concept') || null;
	if (concept !== null && !SLUG.test(concept)) {
		error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	}
	const [rows, coverage, shapes] = await Promise.all([
		orHttpError(concepts.measures(locals.supabase, concept ?? undefined)),
		orHttpError(reports.coverage(locals.supabase, concept)),
		orHttpError(districts.geojson(locals.supabase))
	]);
	const fields = concepts.byField(rows).map((field) => {
		const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0, none: 0 };
		for (const row of field.measures) counts[(row.light as Light | null) ?? 'none']++;
		return { ...field, counts };
	});
	const offers = new Map(coverage.districts.map((d) => [d.slug, d.offers]));
	const map = choropleth(
		shapes.features.map((f) => ({
			slug: f.properties.slug,
			name: f.properties.name,
			coordinates: f.geometry.coordinates
		})),
		offers
	);
	return {
		concept: coverage.concept,
		offers: coverage.offers,
		fields,
		map,
		districts: coverage.districts.map((d) => ({ name: d.name, offers: d.offers })),
		generatedOn: new Date().toISOString()
	};
};
