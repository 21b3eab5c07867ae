/**
 * A point inside each district for its name, so that every name stands in its own district
 * however the outline bends (a bounding box's centre can lie outside a crescent). On the
 * district's largest polygon, horizontal lines are laid across it; the middle of the longest
 * stretch inside it is taken, lines near the middle of the district preferred.
 *
 *   labelPoints(districts) // points with `name` and `slug`, one per district
 */
import type { DistrictFeatureCollection } from '$lib/types';

type Ring = number[][];
type Polygon = Ring[];

export interface LabelPointCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		geometry: { type: 'Point'; coordinates: [number, number] };
		properties: { name: string; slug: string };
	}[];
}

/** How many lines are laid across a polygon. */
const LINES = 24;

function ringArea(ring: Ring): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	}
	return Math.abs(sum / 2);
}

function polygonArea(polygon: Polygon): number {
	return polygon.reduce((area, ring, index) => area + (index === 0 ? 1 : -1) * ringArea(ring), 0);
}

/** Where the line at `latitude` crosses the polygon's rings, sorted west to east. */
function crossings(polygon: Polygon, latitude: number): number[] {
	const xs: number[] = [];
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [x1, y1] = ring[j];
			const [x2, y2] = ring[i];
			if (y1 > latitude !== y2 > latitude) {
				xs.push(x1 + ((latitude - y1) / (y2 - y1)) * (x2 - x1));
			}
		}
	}
	return xs.sort((a, b) => a - b);
}

/** A point inside `polygon`, away from its edges where the shape allows. */
export function pointInside(polygon: Polygon): [number, number] {
	const outer = polygon[0];
	let south = Infinity;
	let north = -Infinity;
	for (const [, y] of outer) {
		south = Math.min(south, y);
		north = Math.max(north, y);
	}
	let best: { score: number; point: [number, number] } | null = null;
	for (let line = 1; line < LINES; line++) {
		const latitude = south + ((north - south) * line) / LINES;
		const xs = crossings(polygon, latitude);
		// a stretch's length, less a little for lines far from the middle
		const centrality = 1 - Math.abs(line / LINES - 0.5);
		for (let k = 0; k + 1 < xs.length; k += 2) {
			const score = (xs[k + 1] - xs[k]) * centrality;
			if (!best || score > best.score) {
				best = { score, point: [(xs[k] + xs[k + 1]) / 2, latitude] };
			}
		}
	}
	return best?.point ?? [outer[0][0], outer[0][1]];
}

export function labelPoints(districts: DistrictFeatureCollection): LabelPointCollection {
	const collection: LabelPointCollection = { type: 'FeatureCollection', features: [] };
	for (const feature of districts.features) {
		const polygons = feature.geometry.coordinates as Polygon[];
		if (polygons.length === 0) continue;
		const largest = polygons.reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
		collection.features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: pointInside(largest) },
			properties: { name: feature.properties.name, slug: feature.properties.slug }
		});
	}
	return collection;
}
