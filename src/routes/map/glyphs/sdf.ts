/**
 * Signed distance field glyphs for MapLibre, drawn straight from the outline: every pixel of
 * the bitmap holds its distance to the nearest edge of the glyph, found geometrically (nearest
 * point on the flattened outline, inside or outside by the non-zero winding rule), so no
 * rasteriser or canvas is needed.
 *
 * The numbers are the ones MapLibre's text shader expects of a glyph range (`{range}.pbf`):
 * glyphs drawn at 24 px, a 3 px border around each bitmap, distances encoded over 8 px with the
 * edge at 0.75 (value 191): `value = 255 − 255 · (distance / 8 + 0.25)`, distance positive outside.
 */
import type { GlyphOutline, Point } from './truetype';

/** Size glyphs are drawn at, in pixels (MapLibre's ONE_EM). */
export const GLYPH_SIZE = 24;
/** Border around each bitmap, in pixels (MapLibre's GLYPH_PBF_BORDER). */
export const GLYPH_BORDER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;

/** One glyph of a range, as the glyphs protocol buffer carries it. */
export interface SdfGlyph {
	id: number;
	/** (width + 6) × (height + 6) distance values, row by row from the top; empty for blanks. */
	bitmap: Uint8Array;
	width: number;
	height: number;
	/** Bitmap's left edge from the pen position. */
	left: number;
	/** Bitmap's top edge, relative to the font's ascender (negative: below it). */
	top: number;
	advance: number;
}

/**
 * The SDF glyph for codepoint `id` with `outline`, in a font of `unitsPerEm` whose ascender is
 * `ascender` (font units).
 */
export function renderGlyph(
	id: number,
	outline: GlyphOutline,
	unitsPerEm: number,
	ascender: number
): SdfGlyph {
	const scale = GLYPH_SIZE / unitsPerEm;
	const advance = Math.round(outline.advance * scale);
	const contours = outline.contours.map((contour) =>
		contour.map(([x, y]): Point => [x * scale, y * scale])
	);
	const points = contours.flat();
	if (points.length === 0) {
		return { id, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance };
	}

	const xs = points.map(([x]) => x);
	const ys = points.map(([, y]) => y);
	const left = Math.floor(Math.min(...xs));
	const right = Math.ceil(Math.max(...xs));
	const bottom = Math.floor(Math.min(...ys));
	const top = Math.ceil(Math.max(...ys));
	const width = Math.max(right - left, 1);
	const height = Math.max(top - bottom, 1);
	const columns = width + 2 * GLYPH_BORDER;
	const rows = height + 2 * GLYPH_BORDER;

	const edges = toEdges(contours);
	const bitmap = new Uint8Array(columns * rows);
	for (let row = 0; row < rows; row++) {
		const y = top + GLYPH_BORDER - row - 0.5;
		for (let column = 0; column < columns; column++) {
			const x = left - GLYPH_BORDER + column + 0.5;
			const distance = Math.sqrt(nearestSquared(edges, x, y));
			const signed = winding(edges, x, y) !== 0 ? -distance : distance;
			const value = 255 - 255 * (signed / RADIUS + CUTOFF);
			bitmap[row * columns + column] = Math.max(0, Math.min(255, Math.round(value)));
		}
	}
	return {
		id,
		bitmap,
		width,
		height,
		left,
		top: top - Math.round(ascender * scale),
		advance
	};
}

/** Edges as flat [x0, y0, x1, y1, …] for speed. */
function toEdges(contours: Point[][]): Float64Array {
	const count = contours.reduce((sum, contour) => sum + contour.length, 0);
	const edges = new Float64Array(count * 4);
	let at = 0;
	for (const contour of contours) {
		for (let i = 0; i < contour.length; i++) {
			const [x0, y0] = contour[i];
			const [x1, y1] = contour[(i + 1) % contour.length];
			edges[at++] = x0;
			edges[at++] = y0;
			edges[at++] = x1;
			edges[at++] = y1;
		}
	}
	return edges;
}

/** Squared distance from (x, y) to the nearest edge. */
function nearestSquared(edges: Float64Array, x: number, y: number): number {
	let best = Infinity;
	for (let i = 0; i < edges.length; i += 4) {
		const ax = edges[i];
		const ay = edges[i + 1];
		const dx = edges[i + 2] - ax;
		const dy = edges[i + 3] - ay;
		const lengthSquared = dx * dx + dy * dy;
		let t = lengthSquared > 0 ? ((x - ax) * dx + (y - ay) * dy) / lengthSquared : 0;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		const px = ax + t * dx - x;
		const py = ay + t * dy - y;
		const squared = px * px + py * py;
		if (squared < best) best = squared;
	}
	return best;
}

/** Winding number of the outline around (x, y): non-zero means inside. */
function winding(edges: Float64Array, x: number, y: number): number {
	let total = 0;
	for (let i = 0; i < edges.length; i += 4) {
		const ax = edges[i];
		const ay = edges[i + 1];
		const bx = edges[i + 2];
		const by = edges[i + 3];
		if (ay <= y) {
			// an upward crossing with the point on its left
			if (by > y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) > 0) total++;
		} else if (by <= y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) < 0) {
			total--;
		}
	}
	return total;
}
