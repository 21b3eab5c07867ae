/**
 * The map itself: MapLibre GL with the districts and the offers as one clustered GeoJSON
 * source. This module is imported only when a visitor opens the map, and with it MapLibre
 * (about 276 KB gzipped), its stylesheet and its worker, so pages without the map stay small.
 *
 * Everything it loads comes from our own origin: the style (/map/style.json), the glyphs
 * (/map/glyphs/…), the data (/api/…), the worker and the right-to-left text plugin (bundled by
 * Vite), and a basemap only when the city configured a PMTiles file of its own.
 */
import * as maplibregl from 'maplibre-gl';
import type {
	GeoJSONSource,
	LngLatBoundsLike,
	MapGeoJSONFeature,
	MapLayerMouseEvent,
	StyleSpecification
} from 'maplibre-gl';
// as a URL, not an import: SvelteKit would link an imported stylesheet from every page
import stylesheetUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import rtlTextPluginUrl from '../../../../node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url';
import type { DistrictFeatureCollection } from '$lib/types';
import type { MapView } from './address';
import {
	offersGeoJsonPath,
	type MapFilters,
	type OfferFeatureCollection,
	type OfferFeatureProperties
} from './geojson';
import { labelPoints } from './label-points';
import { groupByPlace, type OfferPlaces } from './offer-groups';

/** MapLibre's own texts (control titles, the canvas's name, gesture hints), translated. */
export type MapLabels = Record<string, string>;

export interface OfferMapOptions {
	container: HTMLElement;
	/** UI locale: offer titles come in it. */
	locale: string;
	filters: MapFilters;
	/** Slug of the district to highlight and show, or null for the whole city. */
	district: string | null;
	/** Where to look first; null fits the district (or all districts). */
	view: MapView | null;
	labels: MapLabels;
	/** Id of the text that explains the map, for the canvas's description. */
	describedBy?: string;
	/** Called after every move, with where the map now looks. */
	onview(view: MapView): void;
	/**
	 * Called when a marker is tapped: the offers at one place, or those of a cluster (`area`).
	 * A tap beside every marker does nothing: the map never leaves the page on its own.
	 */
	onselect(offers: OfferFeatureProperties[], kind: 'place' | 'area', at: [number, number]): void;
}

export interface OfferMapController {
	/** Shows the offers of other filters or in another locale (no-op when unchanged). */
	setFilters(filters: MapFilters, locale: string): void;
	/** Highlights another district and moves to it (no-op when unchanged). */
	setDistrict(slug: string | null): void;
	view(): MapView;
	/** Moves `at` into `visible` (canvas pixels: the part a sheet leaves free) if it is not. */
	reveal(
		at: [number, number],
		visible: { left: number; top: number; right: number; bottom: number }
	): void;
	destroy(): void;
}

type Bounds = [number, number, number, number];

/** The invisible layer of 44-px circles a tap hits (style.ts). */
const HIT_LAYER = 'offer-hit';

let globalsSet = false;

/** Worker and right-to-left plugin are set once per page, before the first map. */
export function setGlobalsOnce() {
	if (globalsSet) return;
	globalsSet = true;
	maplibregl.setWorkerUrl(workerUrl);
	// loaded only when a label in Arabic or Hebrew script appears (lazy), from our origin
	if (maplibregl.getRTLTextPluginStatus() === 'unavailable') {
		maplibregl.setRTLTextPlugin(absolute(rtlTextPluginUrl), true).catch((error: unknown) => {
			console.error('[map] right-to-left text plugin', error);
		});
	}
}

let pmtilesAdded: Promise<void> | null = null;

/** The `pmtiles://` protocol, loaded only for a style with a PMTiles basemap. */
export function addPmtilesProtocol(): Promise<void> {
	pmtilesAdded ??= import('pmtiles').then(({ Protocol }) => {
		maplibregl.addProtocol('pmtiles', new Protocol().tile);
	});
	return pmtilesAdded;
}

/** A path on our origin as a full URL; kept as written (`{fontstack}` stays a placeholder). */
let stylesheet: Promise<void> | null = null;

/** MapLibre's stylesheet (controls, canvas), linked once, when the first map is made. */
export function loadStylesheet(): Promise<void> {
	stylesheet ??= new Promise<void>((resolve, reject) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = stylesheetUrl;
		link.onload = () => resolve();
		link.onerror = () => {
			stylesheet = null;
			link.remove();
			reject(new Error(`stylesheet ${stylesheetUrl} did not load`));
		};
		document.head.append(link);
	});
	return stylesheet;
}

export function absolute(path: string): string {
	return path.startsWith('/') && !path.startsWith('//') ? location.origin + path : path;
}

export async function fetchJson<T>(path: string): Promise<T> {
	const response = await fetch(path, { headers: { accept: 'application/json' } });
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

export function boundsOf(
	collection: DistrictFeatureCollection,
	slug: string | null
): Bounds | null {
	const features = slug
		? collection.features.filter((feature) => feature.properties.slug === slug)
		: collection.features;
	const points = features.flatMap((feature) => feature.geometry.coordinates.flat(2));
	if (points.length === 0) return null;
	const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of points) {
		bounds[0] = Math.min(bounds[0], lon);
		bounds[1] = Math.min(bounds[1], lat);
		bounds[2] = Math.max(bounds[2], lon);
		bounds[3] = Math.max(bounds[3], lat);
	}
	return bounds;
}

/** The offers of `path`, one point per place. */
async function fetchPlaces(path: string): Promise<OfferPlaces> {
	return groupByPlace(await fetchJson<OfferFeatureCollection>(path));
}

/**
 * The style with our data in it and our paths made absolute (the worker resolves URLs against
 * its own). `offers` fills the offers source (the point picker gives an empty collection).
 */
export function prepareStyle(
	style: StyleSpecification,
	districts: DistrictFeatureCollection,
	offers: GeoJSON.FeatureCollection,
	district: string | null
): { style: StyleSpecification; hasBasemap: boolean } {
	let hasBasemap = false;
	for (const [id, source] of Object.entries(style.sources)) {
		if (id === 'districts' && source.type === 'geojson') {
			source.data = districts as GeoJSON.FeatureCollection;
		} else if (id === 'district-labels' && source.type === 'geojson') {
			source.data = labelPoints(districts) as GeoJSON.FeatureCollection;
		} else if (id === 'offers' && source.type === 'geojson') {
			source.data = offers;
		} else if ('url' in source && source.url?.startsWith('pmtiles:///')) {
			source.url = `pmtiles://${absolute(source.url.slice('pmtiles://'.length))}`;
			hasBasemap = true;
		}
	}
	if (style.glyphs) style.glyphs = absolute(style.glyphs);
	style.state = { ...style.state, district: { default: district ?? '' } };
	return { style, hasBasemap };
}

export function prefersReducedMotion(): boolean {
	return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Creates the map in `options.container`; resolves when the style is loaded. */
export async function createOfferMap(options: OfferMapOptions): Promise<OfferMapController> {
	setGlobalsOnce();
	let offersPath = offersGeoJsonPath(options.filters, options.locale);
	let district = options.district;
	const [rawStyle, districts, initialPlaces] = await Promise.all([
		fetchJson<StyleSpecification>('/map/style.json'),
		fetchJson<DistrictFeatureCollection>('/api/districts.geojson'),
		fetchPlaces(offersPath),
		loadStylesheet()
	]);
	let places = initialPlaces;
	const { style, hasBasemap } = prepareStyle(
		rawStyle,
		districts,
		places.places as GeoJSON.FeatureCollection,
		district
	);
	if (hasBasemap) await addPmtilesProtocol();

	const cityBounds = boundsOf(districts, null);
	const startBounds = boundsOf(districts, district) ?? cityBounds;
	const rtl = getComputedStyle(options.container).direction === 'rtl';
	const map = new maplibregl.Map({
		container: options.container,
		style,
		...(options.view
			? {
					center: [options.view.longitude, options.view.latitude],
					zoom: options.view.zoom
				}
			: startBounds
				? { bounds: startBounds as LngLatBoundsLike }
				: { center: [10.45, 51.16], zoom: 5 }),
		fitBoundsOptions: { padding: 24 },
		maxZoom: 18,
		minZoom: 8,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		cooperativeGestures: true,
		attributionControl: hasBasemap ? { compact: true } : false,
		locale: options.labels
	});
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	const corner = rtl ? 'top-left' : 'top-right';
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }), corner);
	// "show my position": the browser's geolocation, drawn here; the position leaves no device
	map.addControl(
		new maplibregl.GeolocateControl({
			positionOptions: { enableHighAccuracy: true, timeout: 15_000 },
			fitBoundsOptions: { maxZoom: 15 },
			trackUserLocation: false,
			showAccuracyCircle: true
		}),
		corner
	);
	const canvas = map.getCanvas();
	canvas.setAttribute('data-testid', 'offer-map-canvas');
	// for browser tests and debugging: what is drawn (queryRenderedFeatures)
	Object.defineProperty(options.container, 'maplibreMap', { value: map, configurable: true });
	if (options.describedBy) canvas.setAttribute('aria-describedby', options.describedBy);

	map.on('error', (event) => {
		const error = event.error as Error | undefined;
		// a request overtaken by a newer one (panning, new filters) is normal
		if (error?.name === 'AbortError') return;
		console.error('[map]', error?.message ?? event);
	});

	const view = (): MapView => {
		const center = map.getCenter();
		return { zoom: map.getZoom(), latitude: center.lat, longitude: center.lng };
	};
	map.on('moveend', () => options.onview(view()));

	// a tap opens what is under it: the offers at a place, or those a cluster stands for
	map.on('click', HIT_LAYER, (event: MapLayerMouseEvent) => {
		const feature = nearest(event.features ?? [], event.point);
		if (!feature) return;
		const properties = feature.properties;
		const at = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
		if (!('cluster_id' in properties)) {
			options.onselect(places.offersAt([String(properties.place)]), 'place', at);
			return;
		}
		const current = places;
		map
			.getSource<GeoJSONSource>('offers')
			?.getClusterLeaves(Number(properties.cluster_id), Infinity, 0)
			.then((leaves) => {
				if (current !== places) return;
				const keys = leaves.map((leaf) => String(leaf.properties?.place));
				options.onselect(places.offersAt(keys), 'area', at);
			})
			.catch((error: unknown) => console.error('[map] cluster', error));
	});

	/** Of the markers a tap hit, the one drawn nearest to it. */
	function nearest(features: MapGeoJSONFeature[], point: maplibregl.Point) {
		let best: MapGeoJSONFeature | null = null;
		let bestDistance = Infinity;
		for (const feature of features) {
			if (feature.geometry.type !== 'Point') continue;
			const at = map.project(feature.geometry.coordinates as [number, number]);
			const distance = at.dist(point);
			if (distance < bestDistance) {
				best = feature;
				bestDistance = distance;
			}
		}
		return best;
	}

	map.on('mouseenter', HIT_LAYER, () => (canvas.style.cursor = 'pointer'));
	map.on('mouseleave', HIT_LAYER, () => (canvas.style.cursor = ''));

	// the style is an object already: only WebGL failing stops 'load', and that throws above
	await new Promise<void>((resolve) => map.once('load', () => resolve()));
	// the address says where the map looks from the start, so that the link can be shared
	options.onview(view());

	return {
		setFilters(filters, locale) {
			const path = offersGeoJsonPath(filters, locale);
			if (path === offersPath) return;
			offersPath = path;
			fetchPlaces(path)
				.then((next) => {
					// a newer list's offers are on their way
					if (path !== offersPath) return;
					places = next;
					return map
						.getSource<GeoJSONSource>('offers')
						?.setData(next.places as GeoJSON.FeatureCollection);
				})
				.catch((error: unknown) => console.error('[map] offers', error));
		},
		setDistrict(slug) {
			if (slug === district) return;
			district = slug;
			map.setGlobalStateProperty('district', slug ?? '');
			const bounds = boundsOf(districts, slug) ?? cityBounds;
			if (bounds) {
				map.fitBounds(bounds, { padding: 24, animate: !prefersReducedMotion() });
			}
		},
		view,
		reveal(at, visible) {
			const point = map.project(at);
			const margin = 30;
			if (
				point.x >= visible.left + margin &&
				point.x <= visible.right - margin &&
				point.y >= visible.top + margin &&
				point.y <= visible.bottom - margin
			) {
				return;
			}
			const centre = [(visible.left + visible.right) / 2, (visible.top + visible.bottom) / 2];
			map.panBy([point.x - centre[0], point.y - centre[1]], {
				animate: !prefersReducedMotion()
			});
		},
		destroy() {
			map.remove();
		}
	};
}
