/**
 * The public implementation status of the city's current integration concept: its fields of
 * action with the lights of their measures (public_concept_fields(), cached until the data
 * changes). Without a current concept the page says so.
 */
import { orHttpError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	overview: await orHttpError(publicReads.concept())
});
