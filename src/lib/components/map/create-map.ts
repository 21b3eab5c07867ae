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
import { offersGeoJsonPath, type MapFilters, type OfferFeatureProperties } from './geojson';

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
	/** Called when offers are clicked (several when they share a place). */
	onselect(offers: OfferFeatureProperties[]): void;
	/** Called when a district is clicked away from any offer. */
	ondistrict(slug: string): void;
}

export interface OfferMapController {
	/** Shows the offers of other filters or in another locale (no-op when unchanged). */
	setFilters(filters: MapFilters, locale: string): void;
	/** Highlights another district and moves to it (no-op when unchanged). */
	setDistrict(slug: string | null): void;
	view(): MapView;
	destroy(): void;
}

type Bounds = [number, number, number, number];

const INTERACTIVE = ['offer-clusters', 'offer-points', 'district-fill'];

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

/** The style with our paths made absolute (the worker resolves URLs against its own). */
export function prepareStyle(
	style: StyleSpecification,
	districts: DistrictFeatureCollection,
	offersUrl: string,
	district: string | null
): { style: StyleSpecification; hasBasemap: boolean } {
	let hasBasemap = false;
	for (const [id, source] of Object.entries(style.sources)) {
		if (id === 'districts' && source.type === 'geojson') {
			source.data = districts as GeoJSON.FeatureCollection;
		} else if (id === 'offers' && source.type === 'geojson') {
			source.data = offersUrl;
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
	const [rawStyle, districts] = await Promise.all([
		fetchJson<StyleSpecification>('/map/style.json'),
		fetchJson<DistrictFeatureCollection>('/api/districts.geojson'),
		loadStylesheet()
	]);
	const { style, hasBasemap } = prepareStyle(rawStyle, districts, absolute(offersPath), district);
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
	map.addControl(
		new maplibregl.NavigationControl({ showCompass: false }),
		rtl ? 'top-left' : 'top-right'
	);
	const canvas = map.getCanvas();
	canvas.setAttribute('data-testid', 'offer-map-canvas');
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

	map.on('click', 'offer-clusters', (event: MapLayerMouseEvent) => {
		const feature = event.features?.[0];
		if (!feature || feature.geometry.type !== 'Point') return;
		const center = feature.geometry.coordinates as [number, number];
		const source = map.getSource<GeoJSONSource>('offers');
		source
			?.getClusterExpansionZoom(Number(feature.properties.cluster_id))
			// at least one step closer, even where the cluster would split a hair further in
			.then((zoom) =>
				map.easeTo({
					center,
					zoom: Math.max(zoom, map.getZoom() + 1),
					animate: !prefersReducedMotion()
				})
			)
			.catch((error: unknown) => console.error('[map] cluster', error));
	});

	map.on('click', 'offer-points', (event: MapLayerMouseEvent) => {
		const seen = new Set<string>();
		const offers = (event.features ?? [])
			.map((feature: MapGeoJSONFeature) => feature.properties as OfferFeatureProperties)
			.filter((offer) => !seen.has(offer.id) && seen.add(offer.id));
		if (offers.length > 0) options.onselect(offers);
	});

	map.on('click', 'district-fill', (event: MapLayerMouseEvent) => {
		const onOffer = map.queryRenderedFeatures(event.point, {
			layers: ['offer-clusters', 'offer-points']
		});
		const slug = event.features?.[0]?.properties.slug;
		if (onOffer.length === 0 && typeof slug === 'string' && slug !== district) {
			options.ondistrict(slug);
		}
	});

	for (const layer of INTERACTIVE) {
		map.on('mouseenter', layer, () => (canvas.style.cursor = 'pointer'));
		map.on('mouseleave', layer, () => (canvas.style.cursor = ''));
	}

	// the style is an object already: only WebGL failing stops 'load', and that throws above
	await new Promise<void>((resolve) => map.once('load', () => resolve()));
	// the address says where the map looks from the start, so that the link can be shared
	options.onview(view());

	return {
		setFilters(filters, locale) {
			const path = offersGeoJsonPath(filters, locale);
			if (path === offersPath) return;
			offersPath = path;
			map
				.getSource<GeoJSONSource>('offers')
				?.setData(absolute(path))
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
		destroy() {
			map.remove();
		}
	};
}
