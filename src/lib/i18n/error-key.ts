/** The message key an error page shows for a status and the key the error carried. */

/** Keys the error pages can explain; anything else is an unexpected error. */
const KNOWN = new Set([
	'error.not_found',
	'error.invalid_filter',
	'error.invalid_input',
	'error.not_allowed',
	'error.conflict',
	'error.data_unavailable'
]);

export function errorKey(status: number, given: string | undefined): string {
	if (status === 404) return 'error.not_found';
	return given && KNOWN.has(given) ? given : 'error.unexpected';
}
