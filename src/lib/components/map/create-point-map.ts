/**
 * The offer editor's map picker: MapLibre with the portal's own style (the districts, the
 * basemap a city configured) and one marker for the offer's place. A click or tap sets the
 * marker; it can be dragged, and moved with the arrow keys when it has the focus (Shift: bigger
 * steps). Imported only when a person opens the picker, with MapLibre, the same way and from the
 * same origin as the public map (see create-map.ts).
 */
import * as maplibregl from 'maplibre-gl';
import type { LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import type { DistrictFeatureCollection } from '$lib/types';
import {
	addPmtilesProtocol,
	boundsOf,
	fetchJson,
	loadStylesheet,
	prefersReducedMotion,
	prepareStyle,
	setGlobalsOnce,
	type MapLabels
} from './create-map';
import { districtAt, roundCoordinate } from './district-at';

/** A point as the form holds it, rounded to 6 decimals. */
export interface PickedPoint {
	latitude: number;
	longitude: number;
	/** The district the point lies in by the map's outlines, or null. */
	district: string | null;
}

export interface PointMapOptions {
	container: HTMLElement;
	/** Where the marker starts; null: no marker until the first click. */
	point: { latitude: number; longitude: number } | null;
	labels: MapLabels;
	/** The marker's accessible name for a point. */
	markerLabel(latitude: number, longitude: number): string;
	/** Id of the text that explains the map, for the canvas's description. */
	describedBy?: string;
	/** Called when the person sets or moves the marker. */
	onpick(point: PickedPoint): void;
}

export interface PointMapController {
	/** Puts the marker where the typed fields say, without telling `onpick`. */
	show(latitude: number, longitude: number): void;
	/** Sets the marker in the middle of the map and gives it the focus (the keyboard's way). */
	pickCenter(): void;
	destroy(): void;
}

/** Pixels an arrow key moves the marker, and with Shift. */
const STEP = 4;
const BIG_STEP = 40;

const ARROWS: Record<string, [number, number]> = {
	ArrowUp: [0, -1],
	ArrowDown: [0, 1],
	ArrowLeft: [-1, 0],
	ArrowRight: [1, 0]
};

export async function createPointMap(options: PointMapOptions): Promise<PointMapController> {
	setGlobalsOnce();
	const [rawStyle, districts] = await Promise.all([
		fetchJson<StyleSpecification>('/map/style.json'),
		fetchJson<DistrictFeatureCollection>('/api/districts.geojson'),
		loadStylesheet()
	]);
	// the picker shows the districts, not the published offers
	const noOffers: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
	const { style, hasBasemap } = prepareStyle(rawStyle, districts, noOffers, null);
	if (hasBasemap) await addPmtilesProtocol();

	const cityBounds = boundsOf(districts, null);
	const start = options.point;
	const map = new maplibregl.Map({
		container: options.container,
		style,
		...(start
			? { center: [start.longitude, start.latitude], zoom: 15 }
			: cityBounds
				? { bounds: cityBounds as LngLatBoundsLike }
				: { center: [10.45, 51.16], zoom: 5 }),
		fitBoundsOptions: { padding: 24 },
		maxZoom: 19,
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
	canvas.setAttribute('data-testid', 'point-map-canvas');
	canvas.style.cursor = 'crosshair';
	if (options.describedBy) canvas.setAttribute('aria-describedby', options.describedBy);
	map.on('error', (event) => {
		const error = event.error as Error | undefined;
		if (error?.name === 'AbortError') return;
		console.error('[point map]', error?.message ?? event);
	});

	const marker = new maplibregl.Marker({ draggable: true, color: '#a8410e' });
	// MapLibre makes a draggable marker a focusable button
	const element = marker.getElement();
	let placed = false;

	function place(longitude: number, latitude: number) {
		marker.setLngLat([longitude, latitude]);
		element.setAttribute('aria-label', options.markerLabel(latitude, longitude));
		if (!placed) {
			marker.addTo(map);
			placed = true;
		}
	}

	function pick(longitude: number, latitude: number) {
		const lng = roundCoordinate(longitude);
		const lat = roundCoordinate(latitude);
		place(lng, lat);
		options.onpick({
			latitude: lat,
			longitude: lng,
			district: districtAt(districts, lng, lat)?.name ?? null
		});
	}

	map.on('click', (event) => pick(event.lngLat.lng, event.lngLat.lat));
	marker.on('dragend', () => {
		const { lng, lat } = marker.getLngLat();
		pick(lng, lat);
	});
	element.addEventListener('keydown', (event) => {
		const arrow = ARROWS[event.key];
		if (!arrow || !placed) return;
		// the arrows move the marker, not the map underneath; in steps a person can see (MapLibre's
		// own keyboard dragging moves 1 pixel)
		event.preventDefault();
		event.stopImmediatePropagation();
		const step = event.shiftKey ? BIG_STEP : STEP;
		const at = map.project(marker.getLngLat());
		const to = map.unproject([at.x + arrow[0] * step, at.y + arrow[1] * step]);
		pick(to.lng, to.lat);
		if (!map.getBounds().contains(to)) map.panTo(to, { animate: !prefersReducedMotion() });
	});

	if (start) place(start.longitude, start.latitude);

	await new Promise<void>((resolve) => map.once('load', () => resolve()));

	return {
		show(latitude, longitude) {
			const current = placed ? marker.getLngLat() : null;
			if (current && current.lat === latitude && current.lng === longitude) return;
			place(longitude, latitude);
			if (!map.getBounds().contains([longitude, latitude])) {
				map.jumpTo({ center: [longitude, latitude] });
			}
		},
		pickCenter() {
			const center = map.getCenter();
			pick(center.lng, center.lat);
			element.focus();
		},
		destroy() {
			marker.remove();
			map.remove();
		}
	};
}
