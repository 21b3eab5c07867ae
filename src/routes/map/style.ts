/**
 * The map's style (MapLibre style spec v8). It needs no tiles: a background, the districts and
 * the offers come as GeoJSON from our own API, labels from our own glyphs; every district's name
 * stands at a point inside it (computed in the browser, `label-points.ts`). A city can add a
 * basemap of its area as a PMTiles file: `MAP_BASEMAP_PMTILES` (a file the portal serves itself
 * at /map/basemap.pmtiles, with HTTP ranges) or `MAP_PMTILES_URL` (a path on our origin served
 * otherwise); then the style gets a `pmtiles://` source under the districts, vector (the
 * Protomaps basemap layers, with streets and place names) or raster.
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
/** Half the tap target: 44 px across, as WCAG 2.5.5 and the platforms ask. */
export const HIT_RADIUS = 22;

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

/** Quiet basemap layers: the districts and offers stay what the eye finds first. */
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
		{
			id: 'basemap-buildings',
			type: 'fill',
			source: 'basemap',
			'source-layer': 'buildings',
			minzoom: 14,
			paint: { 'fill-color': '#e4e2dc' }
		},
		road('basemap-minor-roads', ['minor_road', 'other', 'path'], 1),
		road('basemap-major-roads', ['major_road', 'highway'], 2)
	];
}

/** Street and place names of a vector basemap, under the district names (which win). */
function basemapLabels(basemap: BasemapOptions): LayerSpecification[] {
	if (basemap.kind === 'raster') return [];
	const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 };
	return [
		{
			id: 'basemap-road-names',
			type: 'symbol',
			source: 'basemap',
			'source-layer': 'roads',
			minzoom: 14,
			filter: ['has', 'name'],
			layout: {
				'symbol-placement': 'line',
				'text-field': ['get', 'name'],
				'text-font': [FONTSTACK],
				'text-size': 12
			},
			paint: { 'text-color': '#4a4f55', ...halo }
		},
		{
			id: 'basemap-place-names',
			type: 'symbol',
			source: 'basemap',
			'source-layer': 'places',
			filter: ['in', ['get', 'kind'], ['literal', ['locality', 'neighbourhood', 'macrohood']]],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONTSTACK],
				'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 16, 14],
				'text-max-width': 8
			},
			paint: { 'text-color': '#3b4148', ...halo }
		}
	];
}

/** How many offers a marker stands for: a place's count, a cluster's sum of them. */
const OFFER_COUNT: ExpressionSpecification = [
	'case',
	['has', 'point_count'],
	['get', 'offers'],
	['get', 'count']
];

/** The style, with a basemap when one is configured. */
export function buildStyle(basemap: BasemapOptions | null): StyleSpecification {
	const sources: Record<string, SourceSpecification> = {
		districts: { type: 'geojson', data: '/api/districts.geojson', promoteId: 'slug' },
		// a point inside each district for its name; the browser computes them from the outlines
		'district-labels': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
		// one point per place (offers at one address grouped, `count`); the browser groups them
		offers: {
			type: 'geojson',
			data: '/api/offers.geojson',
			cluster: true,
			clusterRadius: 44,
			clusterMaxZoom: 15,
			clusterProperties: { offers: ['+', ['get', 'count']] }
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
					'fill-opacity': ['case', isHighlighted, 0.28, basemap ? 0.06 : 0.1]
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
			...(basemap ? basemapLabels(basemap) : []),
			{
				id: 'offer-markers',
				type: 'circle',
				source: 'offers',
				paint: {
					'circle-color': OFFER,
					// one offer a dot; more, a circle growing with the number in it
					'circle-radius': ['step', OFFER_COUNT, 10, 2, 13, 10, 16, 50, 20],
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 2
				}
			},
			{
				// over the markers: a name stays readable where a circle sits on it
				id: 'district-label',
				type: 'symbol',
				source: 'district-labels',
				layout: {
					'text-field': ['get', 'name'],
					'text-font': [FONTSTACK],
					// small at the first zoom, where the whole city is in view
					'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 15],
					'text-max-width': 7,
					'text-line-height': 1.1,
					'text-padding': 1,
					// a name that would touch a number or another name moves beside its point, still
					// inside; where no side is free it is drawn anyway: every name shows
					'text-overlap': 'cooperative',
					'text-variable-anchor': [
						'center',
						'top',
						'bottom',
						'left',
						'right',
						'top-left',
						'top-right',
						'bottom-left',
						'bottom-right'
					],
					'text-radial-offset': 0.4,
					'text-justify': 'auto'
				},
				paint: {
					'text-color': ACCENT_DARK,
					'text-halo-color': '#ffffff',
					'text-halo-width': 1.5
				}
			},
			{
				id: 'offer-count',
				type: 'symbol',
				source: 'offers',
				filter: ['>', OFFER_COUNT, 1],
				layout: {
					'text-field': ['to-string', OFFER_COUNT],
					'text-font': [FONTSTACK],
					'text-size': 13,
					// numbers never hide each other; a district's name steps aside for them
					// (padded to the circle's size), to another side of its point
					'text-overlap': 'always',
					'text-padding': 8
				},
				paint: { 'text-color': '#ffffff' }
			},
			{
				// what a tap hits: 44 px across around every marker, drawn invisible
				id: 'offer-hit',
				type: 'circle',
				source: 'offers',
				paint: {
					'circle-radius': HIT_RADIUS,
					'circle-opacity': 0,
					'circle-stroke-opacity': 0
				}
			}
		]
	};
}

/** Where the portal serves a basemap file of its own (`MAP_BASEMAP_PMTILES`). */
export const BASEMAP_PATH = '/map/basemap.pmtiles';

/** What a basemap made from OpenStreetMap must say. */
const OSM_ATTRIBUTION = '© OpenStreetMap';

/**
 * The basemap from the environment: `MAP_BASEMAP_PMTILES` (a file on the server, which the
 * portal serves at /map/basemap.pmtiles) or `MAP_PMTILES_URL` (a path on our origin, never
 * another host), `MAP_PMTILES_KIND` (`vector`, the default, or `raster`),
 * `MAP_PMTILES_ATTRIBUTION` (for a file of ours "© OpenStreetMap" unless given).
 * Null when none is set or the URL is not a path of ours.
 */
export function basemapFromEnv(env: Record<string, string | undefined>): BasemapOptions | null {
	const kind = env.MAP_PMTILES_KIND?.trim() === 'raster' ? 'raster' : 'vector';
	const attribution = env.MAP_PMTILES_ATTRIBUTION?.trim() || undefined;
	if (env.MAP_BASEMAP_PMTILES?.trim()) {
		return { url: BASEMAP_PATH, kind, attribution: attribution ?? OSM_ATTRIBUTION };
	}
	const url = env.MAP_PMTILES_URL?.trim();
	if (!url) return null;
	if (!/^\/(?!\/)[^\s?#]*\.pmtiles$/.test(url)) {
		console.error(
			`[map] MAP_PMTILES_URL must be a path on this portal ending in .pmtiles, e.g. /map/city.pmtiles; ignored: ${url}`
		);
		return null;
	}
	return { url, kind, attribution };
}
