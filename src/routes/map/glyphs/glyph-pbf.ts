/**
 * The glyph range file MapLibre loads from a style's `glyphs` URL, a protocol buffer:
 *
 *   message glyph     { uint32 id = 1; bytes bitmap = 2; uint32 width = 3; uint32 height = 4;
 *                       sint32 left = 5; sint32 top = 6; uint32 advance = 7; }
 *   message fontstack { string name = 1; string range = 2; repeated glyph glyphs = 3; }
 *   message glyphs    { repeated fontstack stacks = 1; }
 *
 * Written by hand: three messages do not need a protobuf library.
 */
import type { SdfGlyph } from './sdf';

const VARINT = 0;
const LENGTH_DELIMITED = 2;

class Writer {
	private bytes: number[] = [];

	varint(value: number) {
		let rest = value >>> 0;
		while (rest > 0x7f) {
			this.bytes.push((rest & 0x7f) | 0x80);
			rest >>>= 7;
		}
		this.bytes.push(rest);
	}

	tag(field: number, wireType: number) {
		this.varint((field << 3) | wireType);
	}

	uint(field: number, value: number) {
		this.tag(field, VARINT);
		this.varint(value);
	}

	/** sint32: zigzag, so that small negative numbers stay short. */
	sint(field: number, value: number) {
		this.tag(field, VARINT);
		this.varint((value << 1) ^ (value >> 31));
	}

	bytesField(field: number, value: Uint8Array) {
		this.tag(field, LENGTH_DELIMITED);
		this.varint(value.length);
		for (const byte of value) this.bytes.push(byte);
	}

	string(field: number, value: string) {
		this.bytesField(field, new TextEncoder().encode(value));
	}

	finish(): Uint8Array {
		return Uint8Array.from(this.bytes);
	}
}

function encodeGlyph(glyph: SdfGlyph): Uint8Array {
	const writer = new Writer();
	writer.uint(1, glyph.id);
	if (glyph.bitmap.length > 0) writer.bytesField(2, glyph.bitmap);
	writer.uint(3, glyph.width);
	writer.uint(4, glyph.height);
	writer.sint(5, glyph.left);
	writer.sint(6, glyph.top);
	writer.uint(7, glyph.advance);
	return writer.finish();
}

/** The range file `start`–`start + 255` of `fontstack` with `glyphs`. */
export function encodeGlyphRange(fontstack: string, start: number, glyphs: SdfGlyph[]): Uint8Array {
	const stack = new Writer();
	stack.string(1, fontstack);
	stack.string(2, `${start}-${start + 255}`);
	for (const glyph of glyphs) stack.bytesField(3, encodeGlyph(glyph));
	const file = new Writer();
	file.bytesField(1, stack.finish());
	return file.finish();
}
