/**
 * A small PMTiles v3 archive written from code (the `pmtiles` package reads, it does not
 * write): a 127-byte header, a root directory without compression, a metadata JSON and the
 * tiles, as the specification lays them out (github.com/protomaps/PMTiles, spec/v3). Enough for
 * tests of serving and reading a basemap; its tiles are whatever bytes the test gives.
 *
 *   const bytes = pmtilesArchive([{ z: 0, x: 0, y: 0, data: new Uint8Array() }]);
 */

export interface FixtureTile {
	z: number;
	x: number;
	y: number;
	data: Uint8Array;
}

/** The Hilbert tile id of z/x/y, as PMTiles numbers tiles. */
export function tileId(z: number, x: number, y: number): number {
	let acc = 0;
	for (let t = 0; t < z; t++) acc += 4 ** t;
	const n = 2 ** z;
	let d = 0;
	let tx = x;
	let ty = y;
	for (let s = n / 2; s >= 1; s /= 2) {
		const rx = (tx & s) > 0 ? 1 : 0;
		const ry = (ty & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		if (ry === 0) {
			if (rx === 1) {
				tx = s - 1 - tx;
				ty = s - 1 - ty;
			}
			[tx, ty] = [ty, tx];
		}
	}
	return acc + d;
}

function varint(out: number[], value: number) {
	let v = value;
	while (v >= 0x80) {
		out.push((v & 0x7f) | 0x80);
		v = Math.floor(v / 128);
	}
	out.push(v);
}

/** An archive of vector tiles (MVT, uncompressed) over a box around Kempten. */
export function pmtilesArchive(tiles: FixtureTile[], metadata: object = {}): Uint8Array {
	const sorted = tiles
		.map((tile) => ({ ...tile, id: tileId(tile.z, tile.x, tile.y) }))
		.sort((a, b) => a.id - b.id);
	const dir: number[] = [];
	varint(dir, sorted.length);
	let last = 0;
	for (const tile of sorted) {
		varint(dir, tile.id - last);
		last = tile.id;
	}
	for (let i = 0; i < sorted.length; i++) varint(dir, 1); // run lengths
	for (const tile of sorted) varint(dir, tile.data.length);
	// offsets: 0 means "right after the previous tile", else offset + 1
	sorted.forEach((_, i) => varint(dir, i === 0 ? 1 : 0));
	const meta = new TextEncoder().encode(JSON.stringify(metadata));
	const data = sorted.reduce((sum, tile) => sum + tile.data.length, 0);

	const HEADER = 127;
	const bytes = new Uint8Array(HEADER + dir.length + meta.length + data);
	const view = new DataView(bytes.buffer);
	bytes.set(new TextEncoder().encode('PMTiles'), 0);
	bytes[7] = 3;
	const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
	u64(8, HEADER); // root directory
	u64(16, dir.length);
	u64(24, HEADER + dir.length); // metadata
	u64(32, meta.length);
	u64(40, HEADER + dir.length + meta.length); // no leaf directories
	u64(48, 0);
	u64(56, HEADER + dir.length + meta.length); // tile data
	u64(64, data);
	u64(72, sorted.length); // addressed tiles, tile entries, tile contents
	u64(80, sorted.length);
	u64(88, sorted.length);
	bytes[96] = 1; // clustered
	bytes[97] = 1; // internal compression: none
	bytes[98] = 1; // tile compression: none
	bytes[99] = 1; // tile type: MVT
	bytes[100] = Math.min(...sorted.map((tile) => tile.z));
	bytes[101] = Math.max(...sorted.map((tile) => tile.z));
	const e7 = (at: number, degrees: number) => view.setInt32(at, Math.round(degrees * 1e7), true);
	e7(102, 10.25);
	e7(106, 47.68);
	e7(110, 10.38);
	e7(114, 47.77);
	bytes[118] = bytes[100];
	e7(119, 10.31);
	e7(123, 47.72);
	bytes.set(Uint8Array.from(dir), HEADER);
	bytes.set(meta, HEADER + dir.length);
	let at = HEADER + dir.length + meta.length;
	for (const tile of sorted) {
		bytes.set(tile.data, at);
		at += tile.data.length;
	}
	return bytes;
}
