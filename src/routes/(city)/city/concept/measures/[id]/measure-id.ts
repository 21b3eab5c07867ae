import { error } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The measure id of the route, or 404 for anything that is not a uuid. */
export function measureId(id: string): string {
	if (!UUID.test(id)) error(404, { message: 'error.not_found', key: 'error.not_found' });
	return id;
}
