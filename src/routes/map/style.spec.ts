import { describe, expect, it, vi } from 'vitest';
import { basemapFromEnv, buildStyle } from './style';

describe('the map style', () => {
	it('needs no tiles: districts and offers are GeoJSON from our API, glyphs from our origin', () => {
		const style = buildStyle(null);
		expect(Object.values(style.sources).map((source) => source.type)).toEqual([
			'geojson',
			'geojson',
			'geojson'
		]);
		expect(style.sources.offers).toMatchObject({ cluster: true, data: '/api/offers.geojson' });
		expect(style.sources.districts).toMatchObject({ data: '/api/districts.geojson' });
		expect(style.glyphs).toBe('/map/glyphs/{fontstack}/{range}.pbf');
		expect(JSON.stringify(style)).not.toMatch(/https?:/);
		const ids = style.layers.map((layer) => layer.id);
		expect(ids).toEqual(
			expect.arrayContaining(['district-fill', 'district-label', 'offer-markers', 'offer-hit'])
		);
		// offers at one address are one place; a cluster counts the offers of its places
		expect(style.sources.offers).toMatchObject({
			clusterProperties: { offers: ['+', ['get', 'count']] }
		});
		const hit = style.layers.find((layer) => layer.id === 'offer-hit');
		expect(hit).toMatchObject({ paint: { 'circle-radius': 22 } });
	});

	it('adds a PMTiles basemap of our own origin under the districts', () => {
		const basemap = basemapFromEnv({
			MAP_PMTILES_URL: '/map/city.pmtiles',
			MAP_PMTILES_ATTRIBUTION: '© OpenStreetMap'
		});
		expect(basemap).toEqual({
			url: '/map/city.pmtiles',
			kind: 'vector',
			attribution: '© OpenStreetMap'
		});
		const style = buildStyle(basemap);
		expect(style.sources.basemap).toMatchObject({
			type: 'vector',
			url: 'pmtiles:///map/city.pmtiles'
		});
		const ids = style.layers.map((layer) => layer.id);
		expect(ids.indexOf('basemap-earth')).toBeLessThan(ids.indexOf('district-fill'));

		const raster = buildStyle(
			basemapFromEnv({ MAP_PMTILES_URL: '/tiles/city.pmtiles', MAP_PMTILES_KIND: 'raster' })
		);
		expect(raster.sources.basemap).toMatchObject({ type: 'raster' });
	});

	it('refuses a basemap on another host, and has none when none is configured', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(basemapFromEnv({})).toBeNull();
		expect(
			basemapFromEnv({ MAP_PMTILES_URL: 'https://tiles.example.com/city.pmtiles' })
		).toBeNull();
		expect(basemapFromEnv({ MAP_PMTILES_URL: '//tiles.example.com/city.pmtiles' })).toBeNull();
		expect(log).toHaveBeenCalledTimes(2);
		log.mockRestore();
	});
});
