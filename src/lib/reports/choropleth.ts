/**
 * The council report's map: the districts' WGS84 outlines projected onto a flat drawing (plate
 * carrée with the longitude scaled by the cosine of the middle latitude: true enough for the
 * few kilometres of a city), as SVG path data, each filled by coverageScale's colour for its
 * value, with a label point (the middle of its largest ring's bounding box) for its name.
 * Server-rendered: the printed report needs no JavaScript and no map tiles.
 *
 *   const map = choropleth(features, new Map([['st-mang', 12]]), 600);
 *   // <svg viewBox="0 0 {map.width} {map.height}"><path d={area.d} fill={area.colour} /> …
 */
import { coverageScale, type CoverageClass } from '$lib/coverage/scale';

type Ring = ReadonlyArray<readonly number[]>;

export interface DistrictShape {
	slug: string;
	name: string;
	/** MultiPolygon coordinates: polygons → rings → [lon, lat]. */
	coordinates: ReadonlyArray<ReadonlyArray<Ring>>;
}

export interface MapArea {
	slug: string;
	name: string;
	/** SVG path data (even-odd rings). */
	d: string;
	colour: string;
	value: number;
	/** Where the name goes. */
	label: { x: number; y: number };
}

export interface ChoroplethMap {
	width: number;
	height: number;
	areas: MapArea[];
	/** The legend: "no offer" first, then the classes that occur. */
	classes: CoverageClass[];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function choropleth(
	districts: readonly DistrictShape[],
	values: ReadonlyMap<string, number>,
	width = 600,
	margin = 8
): ChoroplethMap {
	const points = districts.flatMap((d) => d.coordinates.flat(2));
	const scale = coverageScale(districts.map((d) => values.get(d.slug) ?? 0));
	if (points.length === 0) return { width, height: 0, areas: [], classes: scale.classes };
	const lons = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	const [west, east] = [Math.min(...lons), Math.max(...lons)];
	const [south, north] = [Math.min(...lats), Math.max(...lats)];
	const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = Math.max((east - west) * kx, 1e-9);
	const spanY = Math.max(north - south, 1e-9);
	const k = (width - 2 * margin) / spanX;
	const height = Math.ceil(spanY * k + 2 * margin);
	const x = (lon: number) => round(margin + (lon - west) * kx * k);
	const y = (lat: number) => round(margin + (north - lat) * k);

	const areas = districts.map((district) => {
		const rings = district.coordinates.flat();
		const d = rings
			.filter((ring) => ring.length > 2)
			.map((ring) => 'M' + ring.map((p) => `${x(p[0])} ${y(p[1])}`).join('L') + 'Z')
			.join('');
		const outer = district.coordinates
			.map((polygon) => polygon[0] ?? [])
			.reduce((best, ring) => (extent(ring) > extent(best) ? ring : best), [] as Ring);
		const [minX, maxX] = range(outer.map((p) => p[0]));
		const [minY, maxY] = range(outer.map((p) => p[1]));
		const value = values.get(district.slug) ?? 0;
		return {
			slug: district.slug,
			name: district.name,
			d,
			colour: scale.colourOf(value),
			value,
			label: { x: x((minX + maxX) / 2), y: y((minY + maxY) / 2) }
		};
	});
	return { width, height, areas, classes: scale.classes };
}

function range(values: number[]): [number, number] {
	return values.length === 0 ? [0, 0] : [Math.min(...values), Math.max(...values)];
}

function extent(ring: Ring): number {
	const [minX, maxX] = range(ring.map((p) => p[0]));
	const [minY, maxY] = range(ring.map((p) => p[1]));
	return (maxX - minX) * (maxY - minY);
}
