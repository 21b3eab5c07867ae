/**
 * The map's style (MapLibre style spec v8). It needs no tiles: a background, the districts and
 * the offers come as GeoJSON from our own API, labels from our own glyphs. A city can add a
 * basemap of its area as a PMTiles file on our origin (`MAP_PMTILES_URL`); then the style gets a
 * `pmtiles://` source under the districts, vector (the Protomaps basemap layers) or raster.
 *
 * URLs here are paths on our origin; the browser makes them absolute before it hands the style
 * to MapLibre.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	SourceSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { FONTSTACK } from './glyphs/fontstack';

/** Colours of the portal (src/app.css). */
const ACCENT = '#1d4e89';
const ACCENT_DARK = '#123560';
const OFFER = '#a8410e'; // white text on it: 5.6:1
const LAND = '#eef1f4';

export interface BasemapOptions {
	/** Path of the PMTiles file on our origin, e.g. `/map/city.pmtiles`. */
	url: string;
	/** Vector tiles in the Protomaps basemap schema, or raster images. */
	kind: 'vector' | 'raster';
	/** Attribution the tiles' licence asks for, e.g. "© OpenStreetMap". */
	attribution?: string;
}

const isHighlighted: ExpressionSpecification = [
	'==',
	['get', 'slug'],
	['global-state', 'district']
];

function basemapSource(basemap: BasemapOptions): SourceSpecification {
	const url = `pmtiles://${basemap.url}`;
	const attribution = basemap.attribution || undefined;
	return basemap.kind === 'raster'
		? { type: 'raster', url, tileSize: 256, attribution }
		: { type: 'vector', url, attribution };
}

/** Quiet basemap layers, no labels: the districts and offers stay what the eye finds first. */
function basemapLayers(basemap: BasemapOptions): LayerSpecification[] {
	if (basemap.kind === 'raster') {
		return [
			{
				id: 'basemap',
				type: 'raster',
				source: 'basemap',
				paint: { 'raster-saturation': -0.6, 'raster-opacity': 0.8 }
			}
		];
	}
	const road = (id: string, kinds: string[], width: number): LayerSpecification => ({
		id,
		type: 'line',
		source: 'basemap',
		'source-layer': 'roads',
		filter: ['in', ['get', 'kind'], ['literal', kinds]],
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		paint: {
			'line-color': '#ffffff',
			'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 10, width / 4, 16, width * 3]
		}
	});
	return [
		{
			id: 'basemap-earth',
			type: 'fill',
			source: 'basemap',
			'source-layer': 'earth',
			paint: { 'fill-color': '#f6f5f1' }
		},
		{
			id: 'basemap-green',
			type: 'fill',
			source: 'basemap',
			'source-layer': 'landcover',
			paint: { 'fill-color': '#e3eddc' }
		},
		{
			id: 'basemap-water',
			type: 'fill',
			source: 'basemap',
			'source-layer': 'water',
			paint: { 'fill-color': '#c9dcee' }
		},
		road('basemap-minor-roads', ['minor_road', 'other', 'path'], 1),
		road('basemap-major-roads', ['major_road', 'highway'], 2),
		{
			id: 'basemap-buildings',
			type: 'fill',
			source: 'basemap',
			'source-layer': 'buildings',
			minzoom: 14,
			paint: { 'fill-color': '#e4e2dc' }
		}
	];
}

/** The style, with a basemap when one is configured. */
export function buildStyle(basemap: BasemapOptions | null): StyleSpecification {
	const sources: Record<string, SourceSpecification> = {
		districts: { type: 'geojson', data: '/api/districts.geojson', promoteId: 'slug' },
		offers: {
			type: 'geojson',
			data: '/api/offers.geojson',
			cluster: true,
			clusterRadius: 40,
			clusterMaxZoom: 15
		}
	};
	if (basemap) sources.basemap = basemapSource(basemap);

	return {
		version: 8,
		name: 'Stadtteil-Portal',
		glyphs: '/map/glyphs/{fontstack}/{range}.pbf',
		// the district the page is about (slug), drawn stronger
		state: { district: { default: '' } },
		sources,
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': LAND } },
			...(basemap ? basemapLayers(basemap) : []),
			{
				id: 'district-fill',
				type: 'fill',
				source: 'districts',
				paint: {
					'fill-color': ACCENT,
					'fill-opacity': ['case', isHighlighted, 0.28, 0.1]
				}
			},
			{
				id: 'district-outline',
				type: 'line',
				source: 'districts',
				layout: { 'line-join': 'round' },
				paint: {
					'line-color': ['case', isHighlighted, ACCENT_DARK, ACCENT],
					'line-width': ['case', isHighlighted, 3.5, 1.25]
				}
			},
			{
				id: 'district-label',
				type: 'symbol',
				source: 'districts',
				layout: {
					'text-field': ['get', 'name'],
					'text-font': [FONTSTACK],
					'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 15],
					'text-max-width': 8,
					'text-padding': 4,
					// step aside for a cluster rather than hide under it
					'text-variable-anchor': ['center', 'top', 'bottom'],
					'text-radial-offset': 1.5
				},
				paint: {
					'text-color': ACCENT_DARK,
					'text-halo-color': '#ffffff',
					'text-halo-width': 1.5
				}
			},
			{
				id: 'offer-clusters',
				type: 'circle',
				source: 'offers',
				filter: ['has', 'point_count'],
				paint: {
					'circle-color': OFFER,
					'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 2
				}
			},
			{
				id: 'offer-cluster-count',
				type: 'symbol',
				source: 'offers',
				filter: ['has', 'point_count'],
				layout: {
					'text-field': ['get', 'point_count_abbreviated'],
					'text-font': [FONTSTACK],
					'text-size': 14,
					'text-allow-overlap': true,
					// the count's box, padded to the circle, keeps district names off the cluster
					'text-padding': 12
				},
				paint: { 'text-color': '#ffffff' }
			},
			{
				id: 'offer-points',
				type: 'circle',
				source: 'offers',
				filter: ['!', ['has', 'point_count']],
				paint: {
					'circle-color': OFFER,
					'circle-radius': 8,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 2
				}
			}
		]
	};
}

/**
 * The basemap from the environment: `MAP_PMTILES_URL` (a path on our origin, never another
 * host), `MAP_PMTILES_KIND` (`vector`, the default, or `raster`), `MAP_PMTILES_ATTRIBUTION`.
 * Null when none is set or the URL is not a path of ours.
 */
export function basemapFromEnv(env: Record<string, string | undefined>): BasemapOptions | null {
	const url = env.MAP_PMTILES_URL?.trim();
	if (!url) return null;
	if (!/^\/(?!\/)[^\s?#]*\.pmtiles$/.test(url)) {
		console.error(
			`[map] MAP_PMTILES_URL must be a path on this portal ending in .pmtiles, e.g. /map/city.pmtiles; ignored: ${url}`
		);
		return null;
	}
	return {
		url,
		kind: env.MAP_PMTILES_KIND?.trim() === 'raster' ? 'raster' : 'vector',
		attribution: env.MAP_PMTILES_ATTRIBUTION?.trim() || undefined
	};
}
