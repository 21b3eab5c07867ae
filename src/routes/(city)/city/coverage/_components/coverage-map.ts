/**
 * The coverage choropleth: MapLibre with the portal's own style (/map/style.json, our glyphs,
 * the city's basemap if it configured one), the districts filled by a colour per district from
 * the coverage scale ($lib/coverage/scale.ts) and named at a point inside each; no offers.
 * Imported only when a person opens the map, as the public map and the point picker are, from
 * our origin only (see $lib/components/map/create-map.ts).
 */
import * as maplibregl from 'maplibre-gl';
import type {
	ExpressionSpecification,
	LngLatBoundsLike,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import {
	addPmtilesProtocol,
	boundsOf,
	fetchJson,
	loadStylesheet,
	prepareStyle,
	setGlobalsOnce,
	type MapLabels
} from '$lib/components/map/create-map';
import { NO_OFFER_COLOUR } from '$lib/coverage/scale';
import type { DistrictFeatureCollection } from '$lib/types';

export interface CoverageMapOptions {
	container: HTMLElement;
	/** A fill colour per district slug. */
	colours: Record<string, string>;
	/** The canvas's accessible name (what the map shows). */
	title: string;
	labels: MapLabels;
	/** Id of the text that explains the map. */
	describedBy?: string;
}

export interface CoverageMapController {
	/** Fills the districts anew (another field, category or measure). */
	show(colours: Record<string, string>, title: string): void;
	destroy(): void;
}

/** A fill colour by the district's slug; districts the coverage does not know stay white. */
function fillColour(colours: Record<string, string>): ExpressionSpecification | string {
	const pairs = Object.entries(colours).flat();
	if (pairs.length === 0) return NO_OFFER_COLOUR;
	return [
		'match',
		['get', 'slug'],
		...pairs,
		NO_OFFER_COLOUR
	] as unknown as ExpressionSpecification;
}

/** The style's layers without the offers, the districts' fill by `colours`. */
function coverageLayers(
	layers: LayerSpecification[],
	colours: Record<string, string>
): LayerSpecification[] {
	return layers
		.filter((layer) => !('source' in layer) || layer.source !== 'offers')
		.map((layer) =>
			layer.id === 'district-fill' && layer.type === 'fill'
				? { ...layer, paint: { 'fill-color': fillColour(colours), 'fill-opacity': 0.9 } }
				: layer.id === 'district-outline' && layer.type === 'line'
					? { ...layer, paint: { 'line-color': '#1b1b1b', 'line-width': 1 } }
					: layer
		);
}

export async function createCoverageMap(
	options: CoverageMapOptions
): Promise<CoverageMapController> {
	setGlobalsOnce();
	const [rawStyle, districts] = await Promise.all([
		fetchJson<StyleSpecification>('/map/style.json'),
		fetchJson<DistrictFeatureCollection>('/api/districts.geojson'),
		loadStylesheet()
	]);
	const noOffers: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
	const { style, hasBasemap } = prepareStyle(rawStyle, districts, noOffers, null);
	delete style.sources.offers;
	style.layers = coverageLayers(style.layers, options.colours);
	if (hasBasemap) await addPmtilesProtocol();

	const bounds = boundsOf(districts, null);
	const map = new maplibregl.Map({
		container: options.container,
		style,
		...(bounds ? { bounds: bounds as LngLatBoundsLike } : { center: [10.45, 51.16], zoom: 5 }),
		fitBoundsOptions: { padding: 16 },
		maxZoom: 16,
		minZoom: 8,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		attributionControl: hasBasemap ? { compact: true } : false,
		locale: options.labels
	});
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	const rtl = getComputedStyle(options.container).direction === 'rtl';
	map.addControl(
		new maplibregl.NavigationControl({ showCompass: false }),
		rtl ? 'top-left' : 'top-right'
	);
	const canvas = map.getCanvas();
	canvas.setAttribute('data-testid', 'coverage-map-canvas');
	canvas.setAttribute('aria-label', options.title);
	if (options.describedBy) canvas.setAttribute('aria-describedby', options.describedBy);
	map.on('error', (event) => {
		const error = event.error as Error | undefined;
		if (error?.name === 'AbortError') return;
		console.error('[coverage map]', error?.message ?? event);
	});

	await new Promise<void>((resolve) => map.once('load', () => resolve()));

	return {
		show(colours, title) {
			map.setPaintProperty('district-fill', 'fill-color', fillColour(colours));
			canvas.setAttribute('aria-label', title);
		},
		destroy() {
			map.remove();
		}
	};
}
