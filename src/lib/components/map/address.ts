/**
 * The map's state in the address: `?map=zoom/latitude/longitude` beside the list's filters
 * (`district`, `category`, `page`), or `?map=1` for "open, showing the whole city". Written with
 * SvelteKit's `replaceState`, so moving the map adds no history entry and loads nothing.
 */
import { replaceState } from '$app/navigation';
import { page } from '$app/state';

/** The query parameter holding the map's state. */
export const MAP_PARAM = 'map';

/** Where the map looks. */
export interface MapView {
	zoom: number;
	latitude: number;
	longitude: number;
}

const VIEW = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/;

/**
 * The view in a `map` parameter (`13.25/47.72610/10.31520`), or null for `1`, an empty value or
 * anything malformed: then the map shows the city (or the district) as a whole.
 */
export function parseMapView(value: string | null): MapView | null {
	const match = value ? VIEW.exec(value) : null;
	if (!match) return null;
	const [zoom, latitude, longitude] = match.slice(1).map(Number);
	if (zoom > 22 || Math.abs(latitude) > 85 || Math.abs(longitude) > 180) return null;
	return { zoom, latitude, longitude };
}

/** The `map` parameter for a view: two decimals of zoom, five of degrees (about a metre). */
export function formatMapView(view: MapView): string {
	return `${view.zoom.toFixed(2)}/${view.latitude.toFixed(5)}/${view.longitude.toFixed(5)}`;
}

/** `search` (a query string, `?` or not) with the map parameter set to `value`, or removed. */
export function withMapParam(search: string, value: string | null): string {
	const entries = [...new URLSearchParams(search)].filter(([name]) => name !== MAP_PARAM);
	if (value !== null) entries.push([MAP_PARAM, value]);
	// a slash needs no escaping in a query: `map=13.25/47.72610/10.31520` stays readable
	const query = new URLSearchParams(entries).toString().replaceAll('%2F', '/');
	return query ? `?${query}` : '';
}

/** Sets (or, with null, removes) the map parameter in the current address, without a visit. */
export function writeMapParam(value: string | null) {
	const search = withMapParam(location.search, value);
	if (search === location.search) return;
	// the browser's own path, base path included: resolving it again would double the base
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	replaceState(location.pathname + search + location.hash, page.state);
}
