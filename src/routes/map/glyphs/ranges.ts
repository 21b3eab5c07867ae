/**
 * Glyph ranges of the map's one font stack, drawn on first request from the font files beside
 * this module and then kept in memory (a range is 256 codepoints, drawn in about a tenth of a
 * second). Noto Sans draws Latin, Greek and Cyrillic; Noto Sans Arabic fills in Arabic and
 * Persian, including the presentation forms that right-to-left shaping turns words into. Both
 * are under the SIL Open Font License (OFL.txt).
 */
import { read } from '$app/server';
import notoSans from './NotoSans-Regular.ttf?url';
import notoSansArabic from './NotoSansArabic-Regular.ttf?url';
import { FONTSTACK } from './fontstack';
import { encodeGlyphRange } from './glyph-pbf';
import { renderGlyph, type SdfGlyph } from './sdf';
import { parseFont, type Font } from './truetype';

/** Font files in order of preference: a codepoint is drawn from the first that has it. */
const FONT_FILES = [notoSans, notoSansArabic];

let fontsPromise: Promise<Font[]> | null = null;
const ranges = new Map<number, Promise<Uint8Array | null>>();

function fonts(): Promise<Font[]> {
	if (!fontsPromise) {
		fontsPromise = Promise.all(
			FONT_FILES.map(async (file) => parseFont(new Uint8Array(await read(file).arrayBuffer())))
		);
		// a failure is not kept: the next request tries again
		fontsPromise.catch(() => (fontsPromise = null));
	}
	return fontsPromise;
}

async function draw(start: number): Promise<Uint8Array | null> {
	const loaded = await fonts();
	// one baseline for all: every glyph's top is measured from the first font's ascender
	const ascent = loaded[0].ascender / loaded[0].unitsPerEm;
	const glyphs: SdfGlyph[] = [];
	for (let codepoint = start; codepoint < start + 256; codepoint++) {
		for (const font of loaded) {
			const outline = font.glyph(codepoint);
			if (!outline) continue;
			glyphs.push(renderGlyph(codepoint, outline, font.unitsPerEm, ascent * font.unitsPerEm));
			break;
		}
	}
	return glyphs.length > 0 ? encodeGlyphRange(FONTSTACK, start, glyphs) : null;
}

/**
 * The range file starting at `start` (a multiple of 256) for `fontstack`, or null when the
 * stack does not name our font or no font has a glyph in the range. A stack of several fonts
 * ("Noto Sans Regular,Other") is answered with ours.
 */
export function glyphRange(fontstack: string, start: number): Promise<Uint8Array | null> {
	if (!fontstack.split(',').some((name) => name.trim() === FONTSTACK)) {
		return Promise.resolve(null);
	}
	let range = ranges.get(start);
	if (!range) {
		range = draw(start);
		ranges.set(start, range);
		range.catch(() => ranges.delete(start));
	}
	return range;
}
