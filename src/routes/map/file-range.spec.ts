import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pmtilesArchive } from '../../../tests/support/pmtiles';
import { parseRange, serveFile } from './file-range';
import { basemapFromEnv, BASEMAP_PATH, buildStyle } from './style';

const TYPE = 'application/vnd.pmtiles';
let dir: string;
let path: string;
const tile = new TextEncoder().encode('tile 14/8722/5740');

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'basemap-'));
	path = join(dir, 'city.pmtiles');
	await writeFile(
		path,
		pmtilesArchive(
			[
				{ z: 0, x: 0, y: 0, data: new TextEncoder().encode('world') },
				{ z: 14, x: 8722, y: 5740, data: tile }
			],
			{ name: 'Kempten' }
		)
	);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function get(range?: string, method = 'GET'): Promise<Response> {
	const headers = range ? { range } : undefined;
	return serveFile(
		path,
		new Request('http://portal.test/map/basemap.pmtiles', { method, headers }),
		TYPE
	);
}

describe('serving the basemap with HTTP ranges', () => {
	it('reads ranges as RFC 9110 writes them', () => {
		expect(parseRange('bytes=0-99', 1000)).toEqual([0, 99]);
		expect(parseRange('bytes=900-', 1000)).toEqual([900, 999]);
		expect(parseRange('bytes=-100', 1000)).toEqual([900, 999]);
		expect(parseRange('bytes=990-2000', 1000)).toEqual([990, 999]);
		expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
		expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
		expect(parseRange(null, 1000)).toBeNull();
	});

	it('answers a range with 206 and exactly its bytes, the whole file with 200', async () => {
		const part = await get('bytes=0-6');
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toMatch(/^bytes 0-6\/\d+$/);
		expect(part.headers.get('accept-ranges')).toBe('bytes');
		expect(part.headers.get('content-type')).toBe(TYPE);
		expect(new TextDecoder().decode(await part.arrayBuffer())).toBe('PMTiles');

		const whole = await get();
		expect(whole.status).toBe(200);
		const size = Number(whole.headers.get('content-length'));
		expect((await whole.arrayBuffer()).byteLength).toBe(size);

		const beyond = await get(`bytes=${size}-`);
		expect(beyond.status).toBe(416);
		expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
		expect((await get('bytes=0-6', 'HEAD')).status).toBe(206);
	});

	it('is a PMTiles archive the pmtiles reader finds its tiles in, range by range', async () => {
		const source: Source = {
			getKey: () => BASEMAP_PATH,
			async getBytes(offset, length) {
				const response = await get(`bytes=${offset}-${offset + length - 1}`);
				expect(response.status).toBe(206);
				return {
					data: await response.arrayBuffer(),
					etag: response.headers.get('etag') ?? undefined
				};
			}
		};
		const archive = new PMTiles(source);
		const header = await archive.getHeader();
		expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 14 });
		expect(await archive.getMetadata()).toEqual({ name: 'Kempten' });
		const found = await archive.getZxy(14, 8722, 5740);
		expect(new TextDecoder().decode(found!.data)).toBe('tile 14/8722/5740');
		expect(await archive.getZxy(14, 8723, 5740)).toBeUndefined();
	});

	it('is 404 when no basemap is configured or the file is missing', async () => {
		const request = new Request('http://portal.test/map/basemap.pmtiles');
		expect((await serveFile(undefined, request, TYPE)).status).toBe(404);
		expect((await serveFile(join(dir, 'none.pmtiles'), request, TYPE)).status).toBe(404);
	});

	it('puts the served file in the style, with streets and place names', () => {
		const basemap = basemapFromEnv({ MAP_BASEMAP_PMTILES: path });
		expect(basemap).toEqual({ url: BASEMAP_PATH, kind: 'vector', attribution: '© OpenStreetMap' });
		const style = buildStyle(basemap);
		expect(style.sources.basemap).toMatchObject({ url: `pmtiles://${BASEMAP_PATH}` });
		const ids = style.layers.map((layer) => layer.id);
		expect(ids).toEqual(
			expect.arrayContaining(['basemap-major-roads', 'basemap-road-names', 'basemap-place-names'])
		);
		// district names over the place names of the basemap: they win where both would stand
		expect(ids.indexOf('district-label')).toBeGreaterThan(ids.indexOf('basemap-place-names'));
	});
});
