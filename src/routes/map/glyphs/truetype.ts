/**
 * A small reader of TrueType fonts (`glyf` outlines), enough to draw map glyphs: the character
 * map, horizontal metrics and each glyph's outline, composite glyphs (accented letters such as
 * "ü" built from "u" and a diaeresis) included. Hinting, kerning and OpenType layout are left
 * out: map labels are short and placed glyph by glyph.
 *
 * Outlines come back as closed polylines in font units, y up, with the quadratic curves of
 * TrueType flattened into short straight pieces.
 */

/** A point in font units, y up. */
export type Point = readonly [x: number, y: number];

export interface GlyphOutline {
	/** Closed polylines (the last point joins the first). */
	contours: Point[][];
	/** Horizontal advance in font units. */
	advance: number;
}

export interface Font {
	unitsPerEm: number;
	/** Typographic ascender (`hhea`), font units. */
	ascender: number;
	/** Every codepoint the character map covers. */
	codepoints(): number[];
	/** The outline for a codepoint, or null when the font has no glyph for it. */
	glyph(codepoint: number): GlyphOutline | null;
}

/** Straight pieces per quadratic curve: at 24 px a curve spans a few pixels at most. */
const CURVE_STEPS = 6;

/** Composite glyph flags (OpenType `glyf` table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Simple glyph point flags. */
const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

/** Reads a TrueType font; throws when a table it needs is missing. */
export function parseFont(bytes: Uint8Array): Font {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = new Map<string, { offset: number; length: number }>();
	const tableCount = view.getUint16(4);
	for (let i = 0; i < tableCount; i++) {
		const record = 12 + 16 * i;
		const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
		tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
	}
	const table = (tag: string) => {
		const found = tables.get(tag);
		if (!found) throw new Error(`font has no ${tag} table`);
		return found.offset;
	};

	const head = table('head');
	const unitsPerEm = view.getUint16(head + 18);
	const longLoca = view.getInt16(head + 50) === 1;
	const hhea = table('hhea');
	const ascender = view.getInt16(hhea + 4);
	const metricCount = view.getUint16(hhea + 34);
	const glyphCount = view.getUint16(table('maxp') + 4);
	const hmtx = table('hmtx');
	const loca = table('loca');
	const glyf = table('glyf');
	const characterMap = readCharacterMap(view, table('cmap'));

	const advanceOf = (glyphId: number) =>
		view.getUint16(hmtx + 4 * Math.min(glyphId, metricCount - 1));

	const glyphRange = (glyphId: number): [number, number] => {
		if (longLoca)
			return [view.getUint32(loca + 4 * glyphId), view.getUint32(loca + 4 * glyphId + 4)];
		return [view.getUint16(loca + 2 * glyphId) * 2, view.getUint16(loca + 2 * glyphId + 2) * 2];
	};

	/** Outline of a glyph as contours of TrueType points, composites resolved. */
	const contoursOf = (glyphId: number, depth: number): TruePoint[][] => {
		if (glyphId >= glyphCount || depth > 8) return [];
		const [start, end] = glyphRange(glyphId);
		if (end <= start) return [];
		const offset = glyf + start;
		const contourCount = view.getInt16(offset);
		if (contourCount >= 0) return readSimpleGlyph(view, offset, contourCount);

		const contours: TruePoint[][] = [];
		let at = offset + 10;
		let flags: number;
		do {
			flags = view.getUint16(at);
			const component = view.getUint16(at + 2);
			at += 4;
			let dx = 0;
			let dy = 0;
			if (flags & ARG_1_AND_2_ARE_WORDS) {
				dx = view.getInt16(at);
				dy = view.getInt16(at + 2);
				at += 4;
			} else {
				dx = view.getInt8(at);
				dy = view.getInt8(at + 1);
				at += 2;
			}
			// point-matched placement (arguments are point numbers) is rare; place at the origin
			if (!(flags & ARGS_ARE_XY_VALUES)) dx = dy = 0;
			let [a, b, c, d] = [1, 0, 0, 1];
			if (flags & WE_HAVE_A_SCALE) {
				a = d = f2dot14(view, at);
				at += 2;
			} else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) {
				a = f2dot14(view, at);
				d = f2dot14(view, at + 2);
				at += 4;
			} else if (flags & WE_HAVE_A_TWO_BY_TWO) {
				a = f2dot14(view, at);
				b = f2dot14(view, at + 2);
				c = f2dot14(view, at + 4);
				d = f2dot14(view, at + 6);
				at += 8;
			}
			for (const contour of contoursOf(component, depth + 1)) {
				contours.push(
					contour.map(({ x, y, onCurve }) => ({
						x: a * x + c * y + dx,
						y: b * x + d * y + dy,
						onCurve
					}))
				);
			}
		} while (flags & MORE_COMPONENTS);
		return contours;
	};

	return {
		unitsPerEm,
		ascender,
		codepoints: () => [...characterMap.keys()].sort((x, y) => x - y),
		glyph(codepoint) {
			const glyphId = characterMap.get(codepoint);
			if (glyphId === undefined || glyphId === 0) return null;
			return {
				contours: contoursOf(glyphId, 0)
					.map(flattenContour)
					.filter((contour) => contour.length > 2),
				advance: advanceOf(glyphId)
			};
		}
	};
}

interface TruePoint {
	x: number;
	y: number;
	onCurve: boolean;
}

function f2dot14(view: DataView, offset: number): number {
	return view.getInt16(offset) / 16384;
}

function readSimpleGlyph(view: DataView, offset: number, contourCount: number): TruePoint[][] {
	let at = offset + 10;
	const ends: number[] = [];
	for (let i = 0; i < contourCount; i++, at += 2) ends.push(view.getUint16(at));
	const pointCount = contourCount > 0 ? ends[contourCount - 1] + 1 : 0;
	at += 2 + view.getUint16(at); // instructions

	const flags: number[] = [];
	while (flags.length < pointCount) {
		const flag = view.getUint8(at++);
		flags.push(flag);
		if (flag & REPEAT) {
			let repeat = view.getUint8(at++);
			while (repeat-- > 0) flags.push(flag);
		}
	}
	const readCoordinates = (short: number, sameOrPositive: number): number[] => {
		const values: number[] = [];
		let value = 0;
		for (const flag of flags.slice(0, pointCount)) {
			if (flag & short) {
				const delta = view.getUint8(at++);
				value += flag & sameOrPositive ? delta : -delta;
			} else if (!(flag & sameOrPositive)) {
				value += view.getInt16(at);
				at += 2;
			}
			values.push(value);
		}
		return values;
	};
	const xs = readCoordinates(X_SHORT, X_SAME_OR_POSITIVE);
	const ys = readCoordinates(Y_SHORT, Y_SAME_OR_POSITIVE);

	const contours: TruePoint[][] = [];
	let first = 0;
	for (const last of ends) {
		const contour: TruePoint[] = [];
		for (let i = first; i <= last; i++) {
			contour.push({ x: xs[i], y: ys[i], onCurve: (flags[i] & ON_CURVE) !== 0 });
		}
		contours.push(contour);
		first = last + 1;
	}
	return contours;
}

/**
 * A TrueType contour as a polyline: between two off-curve points lies an implied on-curve point
 * halfway; each off-curve point is the control point of a quadratic curve.
 */
function flattenContour(points: TruePoint[]): Point[] {
	if (points.length === 0) return [];
	const count = points.length;
	let startIndex = points.findIndex((point) => point.onCurve);
	let start: Point;
	if (startIndex === -1) {
		// all off-curve: start halfway between the first two
		start = [(points[0].x + points[1 % count].x) / 2, (points[0].y + points[1 % count].y) / 2];
		startIndex = 0;
	} else {
		start = [points[startIndex].x, points[startIndex].y];
		startIndex += 1;
	}
	const line: Point[] = [start];
	let current = start;
	let control: Point | null = null;
	for (let step = 0; step < count; step++) {
		const point = points[(startIndex + step) % count];
		const here: Point = [point.x, point.y];
		if (point.onCurve) {
			if (control) addCurve(line, current, control, here);
			else line.push(here);
			current = here;
			control = null;
		} else if (control) {
			const middle: Point = [(control[0] + here[0]) / 2, (control[1] + here[1]) / 2];
			addCurve(line, current, control, middle);
			current = middle;
			control = here;
		} else {
			control = here;
		}
	}
	if (control) addCurve(line, current, control, start);
	// the polyline is closed implicitly: drop a repeated start point
	const last = line[line.length - 1];
	if (line.length > 1 && last[0] === start[0] && last[1] === start[1]) line.pop();
	return line;
}

function addCurve(line: Point[], from: Point, control: Point, to: Point) {
	for (let i = 1; i <= CURVE_STEPS; i++) {
		const t = i / CURVE_STEPS;
		const u = 1 - t;
		line.push([
			u * u * from[0] + 2 * u * t * control[0] + t * t * to[0],
			u * u * from[1] + 2 * u * t * control[1] + t * t * to[1]
		]);
	}
}

/** Codepoint → glyph id from the Unicode subtable of `cmap` (format 12, else format 4). */
function readCharacterMap(view: DataView, cmap: number): Map<number, number> {
	const subtableCount = view.getUint16(cmap + 2);
	let format4: number | null = null;
	let format12: number | null = null;
	for (let i = 0; i < subtableCount; i++) {
		const record = cmap + 4 + 8 * i;
		const platform = view.getUint16(record);
		const encoding = view.getUint16(record + 2);
		const offset = cmap + view.getUint32(record + 4);
		const format = view.getUint16(offset);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!unicode) continue;
		if (format === 12) format12 = offset;
		if (format === 4) format4 = offset;
	}
	const map = new Map<number, number>();
	if (format12 !== null) {
		const groups = view.getUint32(format12 + 12);
		for (let g = 0; g < groups; g++) {
			const record = format12 + 16 + 12 * g;
			const first = view.getUint32(record);
			const last = view.getUint32(record + 4);
			const glyph = view.getUint32(record + 8);
			for (let code = first; code <= last; code++) map.set(code, glyph + code - first);
		}
		return map;
	}
	if (format4 === null) throw new Error('font has no Unicode character map');
	const segments = view.getUint16(format4 + 6) / 2;
	const ends = format4 + 14;
	const starts = ends + 2 * segments + 2;
	const deltas = starts + 2 * segments;
	const rangeOffsets = deltas + 2 * segments;
	for (let s = 0; s < segments; s++) {
		const first = view.getUint16(starts + 2 * s);
		const last = view.getUint16(ends + 2 * s);
		const delta = view.getInt16(deltas + 2 * s);
		const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
		for (let code = first; code <= last && code !== 0xffff; code++) {
			let glyph: number;
			if (rangeOffset === 0) {
				glyph = (code + delta) & 0xffff;
			} else {
				const at = rangeOffsets + 2 * s + rangeOffset + 2 * (code - first);
				glyph = view.getUint16(at);
				if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
			}
			if (glyph !== 0) map.set(code, glyph);
		}
	}
	return map;
}
