/**
 * The offers as the map loads them from `/api/offers.geojson`, with the list's filters: the
 * shape the endpoint writes and the map reads.
 */
import type { CardWhen } from '$lib/schedule/card-when';
import type { Category } from '$lib/types';

/** Properties of one offer on the map. */
export interface OfferFeatureProperties {
	id: string;
	/** Title in the requested locale, or the fallback (see `text_locale`). */
	title: string;
	/** Locale the title is written in. */
	text_locale: string;
	/** The main category (the marker's icon). */
	category: Category;
	/** Every category of the offer, the main one first. */
	categories: Category[];
	/** District slug, null when the offer lies outside every district. */
	district: string | null;
	district_name: string | null;
	/** The next date and its rule in the requested locale, as the list's cards show it. */
	when: CardWhen | null;
	/** The street it takes place in, when known. */
	street: string | null;
}

export interface OfferFeatureCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		id: string;
		geometry: { type: 'Point'; coordinates: [number, number] };
		properties: OfferFeatureProperties;
	}[];
}

/**
 * The list's filters as its query string without `?` (`q=…&category=…&free=true`): the map
 * shows the same offers as the list.
 */
export type MapFilters = string;

/** The offers GeoJSON's path for `filters`, titles in `locale`. */
export function offersGeoJsonPath(filters: MapFilters, locale: string): string {
	const params = new URLSearchParams(filters);
	params.set('locale', locale);
	return `/api/offers.geojson?${params}`;
}
