/**
 * Which district a point lies in, from the districts' GeoJSON the map loads anyway: the editor's
 * map picker names it at once, before the database assigns the district on saving (which it
 * does with PostGIS from the same outlines; a point on a border may come out either way).
 *
 *   const district = districtAt(collection, 10.3139, 47.7262); // { slug, name, … } or null
 */
import type { DistrictFeatureCollection } from '$lib/types';

type Ring = number[][];

/** Ray casting: whether [x, y] lies inside the closed ring. */
function inRing(x: number, y: number, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Inside the outer ring and outside every hole. */
function inPolygon(x: number, y: number, rings: Ring[]): boolean {
	const [outer, ...holes] = rings;
	return !!outer && inRing(x, y, outer) && !holes.some((hole) => inRing(x, y, hole));
}

/** The properties of the first district containing the point, or null. */
export function districtAt(
	collection: DistrictFeatureCollection,
	longitude: number,
	latitude: number
): DistrictFeatureCollection['features'][number]['properties'] | null {
	for (const feature of collection.features) {
		const polygons: Ring[][] = feature.geometry.coordinates;
		if (polygons.some((rings) => inPolygon(longitude, latitude, rings))) return feature.properties;
	}
	return null;
}

/** A coordinate rounded to 6 decimals (about 10 cm), as the form shows it. */
export function roundCoordinate(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}
