/**
 * One field of action of the current concept: its goals, their measures with status light, late
 * flag and last change, and the published offers implementing each (titles in the path's
 * locale, else the offer lists' fallback). 404 for a code no field has.
 */
import { error } from '@sveltejs/kit';
import { FIELD_CODE } from '$lib/concept-status';
import { toLocale } from '$lib/i18n/locales';
import { orHttpError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!FIELD_CODE.test(params.field)) {
		error(404, { message: 'error.not_found', key: 'error.not_found' });
	}
	const locale = toLocale(params.locale ?? locals.locale);
	const status = await orHttpError(publicReads.conceptField(params.field, locale));
	if (!status) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return { status };
};
