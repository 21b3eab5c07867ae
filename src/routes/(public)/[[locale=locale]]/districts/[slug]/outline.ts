/**
 * A district's outline as an SVG path, drawn on the server from its GeoJSON multipolygon, so the
 * page shows its shape with no map library and no tiles. Longitude is scaled by the cosine of
 * the latitude (an equirectangular projection), which is true enough for a city's district.
 */
import type { MultiPolygonGeometry } from '$lib/types';

export interface Outline {
	/** SVG viewBox: `0 0 width height`. */
	viewBox: string;
	/** Path data, one closed subpath per ring; holes are drawn with fill-rule evenodd. */
	d: string;
}

/** Width of the drawing; the height follows the district's proportions. */
const WIDTH = 320;
const PADDING = 8;

function round(value: number): string {
	return (Math.round(value * 10) / 10).toString();
}

/** The outline of `geometry`, or null when it has no points. */
export function outlineOf(geometry: MultiPolygonGeometry | null | undefined): Outline | null {
	const rings = geometry?.coordinates.flat() ?? [];
	const points = rings.flat();
	if (points.length === 0) return null;

	const lons = points.map(([lon]) => lon);
	const lats = points.map(([, lat]) => lat);
	const west = Math.min(...lons);
	const east = Math.max(...lons);
	const south = Math.min(...lats);
	const north = Math.max(...lats);
	const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180);

	const spanX = Math.max((east - west) * xScale, 1e-9);
	const spanY = Math.max(north - south, 1e-9);
	const scale = (WIDTH - 2 * PADDING) / Math.max(spanX, spanY);
	const width = spanX * scale + 2 * PADDING;
	const height = spanY * scale + 2 * PADDING;

	const d = rings
		.filter((ring) => ring.length > 0)
		.map((ring) => {
			const commands = ring.map(([lon, lat], index) => {
				const x = PADDING + (lon - west) * xScale * scale;
				const y = PADDING + (north - lat) * scale;
				return `${index === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
			});
			return `${commands.join('')}Z`;
		})
		.join('');

	return { viewBox: `0 0 ${round(width)} ${round(height)}`, d };
}
