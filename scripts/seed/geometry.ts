// Demo geometry: a Voronoi tessellation of the city's outline from one site per district.
//
// Cells are computed in a local metric plane (metres east and north of the city centre), so the
// borders are true perpendicular bisectors, and turned back into WGS 84. Shared vertices are
// snapped to one canonical coordinate, so neighbouring districts meet exactly: no gaps, no
// overlaps. Nothing here is official: the result only puts each district in the right direction.

import type { Rng } from './prng';

/** [longitude, latitude] in WGS 84. */
export type LonLat = readonly [number, number];
type XY = readonly [number, number];

const METRES_PER_DEGREE_LAT = 111_132;

export class LocalPlane {
	private readonly metresPerDegreeLon: number;

	constructor(readonly origin: LonLat) {
		this.metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((origin[1] * Math.PI) / 180);
	}

	toXY([lon, lat]: LonLat): XY {
		return [
			(lon - this.origin[0]) * this.metresPerDegreeLon,
			(lat - this.origin[1]) * METRES_PER_DEGREE_LAT
		];
	}

	toLonLat([x, y]: XY): LonLat {
		return [
			this.origin[0] + x / this.metresPerDegreeLon,
			this.origin[1] + y / METRES_PER_DEGREE_LAT
		];
	}
}

const cross = (o: XY, a: XY, b: XY) =>
	(a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Signed area (positive when counter-clockwise). */
function signedArea(ring: readonly XY[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x1, y1] = ring[i];
		const [x2, y2] = ring[(i + 1) % ring.length];
		sum += x1 * y2 - x2 * y1;
	}
	return sum / 2;
}

export function isConvexCounterClockwise(ring: readonly XY[]): boolean {
	for (let i = 0; i < ring.length; i++) {
		if (cross(ring[i], ring[(i + 1) % ring.length], ring[(i + 2) % ring.length]) <= 0) return false;
	}
	return true;
}

/** The part of a convex polygon that is at least as close to `site` as to `other`. */
function clipToSite(poly: readonly XY[], site: XY, other: XY): XY[] {
	const nx = other[0] - site[0];
	const ny = other[1] - site[1];
	const mx = (site[0] + other[0]) / 2;
	const my = (site[1] + other[1]) / 2;
	const side = (p: XY) => (p[0] - mx) * nx + (p[1] - my) * ny; // <= 0: on the site's side
	const out: XY[] = [];
	for (let i = 0; i < poly.length; i++) {
		const a = poly[i];
		const b = poly[(i + 1) % poly.length];
		const sa = side(a);
		const sb = side(b);
		if (sa <= 0) out.push(a);
		if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
			const t = sa / (sa - sb);
			out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
		}
	}
	return out;
}

/**
 * Voronoi cells of `sites` inside the convex `outline`, as rings of [lon, lat] rounded to
 * 6 decimals (about 0.1 m), counter-clockwise, not closed.
 */
export function voronoiCells(outline: readonly LonLat[], sites: readonly LonLat[]): LonLat[][] {
	const plane = new LocalPlane(sites[0]);
	const outlineXY = outline.map((p) => plane.toXY(p));
	if (!isConvexCounterClockwise(outlineXY))
		throw new Error('the outline must be convex and counter-clockwise');
	const siteXY = sites.map((p) => plane.toXY(p));

	const cells = siteXY.map((site, i) => {
		let cell: XY[] = outlineXY;
		siteXY.forEach((other, j) => {
			if (j !== i) cell = clipToSite(cell, site, other);
		});
		if (cell.length < 3) throw new Error(`site ${i} has an empty cell`);
		return cell;
	});

	// Snap: one canonical coordinate for every vertex that several cells share.
	const canonical: LonLat[] = [];
	const snap = (p: XY): LonLat => {
		const [lon, lat] = plane.toLonLat(p);
		const rounded: LonLat = [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
		const found = canonical.find(
			(c) => Math.abs(c[0] - rounded[0]) <= 2e-6 && Math.abs(c[1] - rounded[1]) <= 2e-6
		);
		if (found) return found;
		canonical.push(rounded);
		return rounded;
	};

	return cells.map((cell) => {
		const ring: LonLat[] = [];
		for (const p of cell) {
			const q = snap(p);
			const last = ring[ring.length - 1];
			if (!last || last[0] !== q[0] || last[1] !== q[1]) ring.push(q);
		}
		while (ring.length > 1 && ring[0] === ring[ring.length - 1]) ring.pop();
		if (ring.length < 3) throw new Error('a cell collapsed when snapped');
		return ring;
	});
}

/** Ray casting: is the point strictly inside the ring? */
export function pointInRing(point: LonLat, ring: readonly LonLat[]): boolean {
	const [x, y] = point;
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Distance in metres from a point to the nearest edge of the ring. */
export function distanceToRing(point: LonLat, ring: readonly LonLat[]): number {
	const plane = new LocalPlane(point);
	const p = plane.toXY(point);
	let best = Infinity;
	for (let i = 0; i < ring.length; i++) {
		const a = plane.toXY(ring[i]);
		const b = plane.toXY(ring[(i + 1) % ring.length]);
		const dx = b[0] - a[0];
		const dy = b[1] - a[1];
		const t = Math.max(
			0,
			Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))
		);
		best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
	}
	return best;
}

/** Area of a ring in square kilometres. */
export function areaKm2(ring: readonly LonLat[]): number {
	const plane = new LocalPlane(ring[0]);
	return Math.abs(signedArea(ring.map((p) => plane.toXY(p)))) / 1e6;
}

/**
 * A point inside the ring, at least `margin` metres from its border, preferably within
 * `radius` metres of `near` (the district's centre of life), with 5 decimals (about 1 m).
 */
export function pointInside(
	ring: readonly LonLat[],
	near: LonLat,
	rng: Rng,
	radius = 1200,
	margin = 120
): LonLat {
	const plane = new LocalPlane(near);
	for (let attempt = 0; attempt < 2000; attempt++) {
		const r = radius * Math.sqrt(rng.next()) * (attempt < 1000 ? 1 : 3);
		const angle = rng.next() * 2 * Math.PI;
		const [lon, lat] = plane.toLonLat([r * Math.cos(angle), r * Math.sin(angle)]);
		const candidate: LonLat = [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
		if (pointInRing(candidate, ring) && distanceToRing(candidate, ring) >= margin) return candidate;
	}
	throw new Error(`no point found inside the ring near ${near.join(', ')}`);
}

/** WKT of a ring as a closed polygon. */
export function polygonWkt(ring: readonly LonLat[]): string {
	const closed = [...ring, ring[0]];
	return `POLYGON((${closed.map(([lon, lat]) => `${lon} ${lat}`).join(', ')}))`;
}
