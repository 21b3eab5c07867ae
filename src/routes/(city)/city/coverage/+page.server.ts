/**
 * The coverage of the districts for the city office (admins and observers read it): a GET form
 * (concept, target group, columns, measure), the matrix districts × fields of action or
 * categories, and the gap lists. city_coverage counts, coverage-view.ts lays it out.
 */
import { error } from '@sveltejs/kit';
import * as concepts from '$lib/server/data/concepts';
import * as coverage from '$lib/server/data/coverage';
import { orHttpError } from '$lib/server/data/errors';
import { buildMatrix, parseChoice } from './coverage-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const choice = parseChoice(url.searchParams);
	if (!choice) error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	const conceptList = await orHttpError(concepts.list(locals.supabase));
	if (choice.concept && !conceptList.some((concept) => concept.slug === choice.concept)) {
		error(404, { message: 'error.not_found', key: 'error.not_found' });
	}
	// no current concept: the newest one; none at all: the page says so
	const concept = choice.concept ?? conceptList[0]?.slug ?? null;
	if (!concept) return { choice, concepts: conceptList, coverage: null, matrix: null };
	// the links name a concept that is not the current one
	if (!conceptList[0].is_current) choice.concept = concept;
	const result = await orHttpError(
		coverage.get(locals.supabase, { concept, targetGroup: choice.targetGroup })
	);
	return {
		choice,
		concepts: conceptList,
		coverage: result,
		matrix: buildMatrix(result, choice)
	};
};
