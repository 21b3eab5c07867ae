/**
 * The map's glyphs as MapLibre reads them: drawn from the font file as signed distance fields
 * (inside above the edge value, outside below), accented letters from their composite parts,
 * and packed into the glyphs protocol buffer field by field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeGlyphRange } from './glyph-pbf';
import { GLYPH_BORDER, renderGlyph, type SdfGlyph } from './sdf';
import { parseFont } from './truetype';

const font = parseFont(
	new Uint8Array(readFileSync(new URL('./NotoSans-Regular.ttf', import.meta.url)))
);
const arabic = parseFont(
	new Uint8Array(readFileSync(new URL('./NotoSansArabic-Regular.ttf', import.meta.url)))
);

function draw(char: string): SdfGlyph {
	const codepoint = char.codePointAt(0)!;
	return renderGlyph(codepoint, font.glyph(codepoint)!, font.unitsPerEm, font.ascender);
}

/** The distance value at a pixel of the glyph box (border excluded), from its top left. */
function at(glyph: SdfGlyph, x: number, y: number): number {
	return glyph.bitmap[(y + GLYPH_BORDER) * (glyph.width + 2 * GLYPH_BORDER) + x + GLYPH_BORDER];
}

/** A minimal reader of the glyphs protocol buffer, as MapLibre's parser sees it. */
function readGlyphs(bytes: Uint8Array) {
	let at = 0;
	const varint = () => {
		let value = 0;
		let shift = 0;
		let byte: number;
		do {
			byte = bytes[at++];
			value += (byte & 0x7f) * 2 ** shift;
			shift += 7;
		} while (byte & 0x80);
		return value;
	};
	const message = (end: number, onField: (field: number, type: number) => void) => {
		while (at < end) {
			const tag = varint();
			onField(tag >> 3, tag & 7);
		}
	};
	const stacks: { name: string; range: string; glyphs: Record<string, number>[] }[] = [];
	message(bytes.length, () => {
		const end = varint() + at;
		const stack = { name: '', range: '', glyphs: [] as Record<string, number>[] };
		message(end, (field) => {
			const length = varint();
			if (field === 1 || field === 2) {
				const text = new TextDecoder().decode(bytes.subarray(at, at + length));
				if (field === 1) stack.name = text;
				else stack.range = text;
				at += length;
				return;
			}
			const glyphEnd = at + length;
			const glyph: Record<string, number> = {};
			message(glyphEnd, (glyphField, type) => {
				const names = ['', 'id', 'bitmap', 'width', 'height', 'left', 'top', 'advance'];
				if (type === 2) {
					glyph.bitmap = varint();
					at += glyph.bitmap;
				} else {
					const raw = varint();
					glyph[names[glyphField]] =
						glyphField === 5 || glyphField === 6 ? (raw >>> 1) ^ -(raw & 1) : raw;
				}
			});
			stack.glyphs.push(glyph);
		});
		stacks.push(stack);
	});
	return stacks;
}

describe('glyphs for the map', () => {
	it('reads the font: metrics and a character map for Latin, Latin-1 and Cyrillic', () => {
		expect(font.unitsPerEm).toBe(1000);
		expect(font.ascender).toBeGreaterThan(900);
		for (const char of 'AZaz09ßüöäÄÖÜéçşğățЖж')
			expect(font.glyph(char.codePointAt(0)!), char).not.toBeNull();
		expect(font.glyph(0x0627)).toBeNull();
		// Arabic, presentation forms included (what right-to-left shaping produces)
		expect(arabic.glyph(0x0627)).not.toBeNull();
		expect(arabic.glyph(0xfe8e)).not.toBeNull();
	});

	it('draws a distance field: inside above the edge value (191), outside below', () => {
		const glyph = draw('l');
		// a tall thin stem: its middle column is ink from top to bottom
		expect(glyph.height).toBeGreaterThan(15);
		const middle = Math.floor(glyph.width / 2);
		expect(at(glyph, middle, Math.floor(glyph.height / 2))).toBeGreaterThan(191);
		// the border is outside the outline
		expect(glyph.bitmap[0]).toBeLessThan(191);
		expect(glyph.bitmap.length).toBe((glyph.width + 6) * (glyph.height + 6));
	});

	it('draws accented letters from their parts (ü is u and a diaeresis)', () => {
		const u = draw('u');
		const umlaut = draw('ü');
		expect(umlaut.width).toBe(u.width);
		// the dots make the glyph taller, above the same baseline
		expect(umlaut.height).toBeGreaterThan(u.height + 3);
		expect(umlaut.top).toBeGreaterThan(u.top + 3);
	});

	it('keeps blanks as advances without a bitmap', () => {
		const space = draw(' ');
		expect(space.bitmap.length).toBe(0);
		expect(space.advance).toBeGreaterThan(3);
	});

	it('packs a range in the glyphs protocol buffer', () => {
		const glyphs = [draw('B'), draw(' '), draw('ß')];
		const [stack, ...others] = readGlyphs(encodeGlyphRange('Noto Sans Regular', 0, glyphs));
		expect(others).toEqual([]);
		expect(stack.name).toBe('Noto Sans Regular');
		expect(stack.range).toBe('0-255');
		expect(stack.glyphs).toEqual(
			glyphs.map((glyph) => ({
				id: glyph.id,
				...(glyph.bitmap.length > 0 ? { bitmap: glyph.bitmap.length } : {}),
				width: glyph.width,
				height: glyph.height,
				left: glyph.left,
				top: glyph.top,
				advance: glyph.advance
			}))
		);
		// negative offsets survive the zigzag encoding
		expect(stack.glyphs.some((glyph) => glyph.top < 0)).toBe(true);
	});
});
