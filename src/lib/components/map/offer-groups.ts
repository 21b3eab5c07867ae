/**
 * Offers at one address are one marker: the offers GeoJSON grouped by identical coordinates
 * into one point per place, with `count` (how many offers) and `place` (the key to look them up
 * again). The map clusters these places and sums their counts, so every number on the map counts
 * offers, and a tap on a marker or cluster lists exactly the offers under it.
 *
 *   const { places, offersAt } = groupByPlace(collection);
 *   offersAt(['13.1,47.7']) // the offers at that place
 */
import type { OfferFeatureCollection, OfferFeatureProperties } from './geojson';

/** Properties of one place on the map. */
export interface PlaceProperties {
	/** The place's key: its coordinates as written in the GeoJSON. */
	place: string;
	/** How many offers are there. */
	count: number;
}

export interface PlaceFeatureCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		geometry: { type: 'Point'; coordinates: [number, number] };
		properties: PlaceProperties;
	}[];
}

export interface OfferPlaces {
	/** One point per place, in the order the offers came (the list's order). */
	places: PlaceFeatureCollection;
	/** The offers at these places, in the list's order, each once. */
	offersAt(keys: Iterable<string>): OfferFeatureProperties[];
}

export function placeKey([longitude, latitude]: [number, number]): string {
	return `${longitude},${latitude}`;
}

export function groupByPlace(collection: OfferFeatureCollection): OfferPlaces {
	const byPlace = new Map<string, OfferFeatureProperties[]>();
	const places: PlaceFeatureCollection = { type: 'FeatureCollection', features: [] };
	const order = new Map<string, number>();
	collection.features.forEach((feature, index) => {
		const key = placeKey(feature.geometry.coordinates);
		order.set(feature.properties.id, index);
		const offers = byPlace.get(key);
		if (offers) {
			offers.push(feature.properties);
			return;
		}
		byPlace.set(key, [feature.properties]);
		places.features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: feature.geometry.coordinates },
			properties: { place: key, count: 0 }
		});
	});
	for (const feature of places.features) {
		feature.properties.count = byPlace.get(feature.properties.place)?.length ?? 0;
	}
	return {
		places,
		offersAt(keys) {
			const offers = [...new Set(keys)].flatMap((key) => byPlace.get(key) ?? []);
			return offers.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
		}
	};
}
