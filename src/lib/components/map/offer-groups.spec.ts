import { describe, expect, it } from 'vitest';
import type { OfferFeatureCollection, OfferFeatureProperties } from './geojson';
import { groupByPlace, placeKey } from './offer-groups';
import { labelPoints, pointInside } from './label-points';

function offer(id: string, coordinates: [number, number]) {
	return {
		type: 'Feature' as const,
		id,
		geometry: { type: 'Point' as const, coordinates },
		properties: {
			id,
			title: `Angebot ${id}`,
			text_locale: 'de',
			category: 'counselling',
			district: null,
			district_name: null,
			when: null,
			street: null
		} as unknown as OfferFeatureProperties
	};
}

describe('offers at one address', () => {
	it('are one place with their count; the offers come back in the list’s order', () => {
		const here: [number, number] = [10.31, 47.72];
		const collection: OfferFeatureCollection = {
			type: 'FeatureCollection',
			features: [offer('a', here), offer('b', [10.3, 47.7]), offer('c', here), offer('d', here)]
		};
		const { places, offersAt } = groupByPlace(collection);
		expect(places.features.map((feature) => feature.properties)).toEqual([
			{ place: placeKey(here), count: 3 },
			{ place: '10.3,47.7', count: 1 }
		]);
		expect(offersAt(['10.3,47.7', placeKey(here)]).map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(offersAt([placeKey(here), placeKey(here)]).map((o) => o.id)).toEqual(['a', 'c', 'd']);
		expect(offersAt(['0,0'])).toEqual([]);
	});
});

describe('a point for each district’s name', () => {
	it('lies inside a bent district, where its bounding box’s centre does not', () => {
		// a U: the centre of its box (5, 5) is in the gap
		const u = [
			[
				[0, 0],
				[10, 0],
				[10, 10],
				[7, 10],
				[7, 3],
				[3, 3],
				[3, 10],
				[0, 10],
				[0, 0]
			]
		];
		const [x, y] = pointInside(u);
		const inArm = (x > 0 && x < 3) || (x > 7 && x < 10);
		expect(inArm || y < 3).toBe(true);
	});

	it('is one per district, on its largest part', () => {
		const square = (x: number, size: number) => [
			[
				[x, 0],
				[x + size, 0],
				[x + size, size],
				[x, size],
				[x, 0]
			]
		];
		const points = labelPoints({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					id: '1',
					properties: { slug: 'a', name: 'A', population: null, geometry_is_demo: true },
					geometry: { type: 'MultiPolygon', coordinates: [square(0, 1), square(10, 4)] }
				}
			]
		});
		expect(points.features).toHaveLength(1);
		const [x] = points.features[0].geometry.coordinates;
		expect(x).toBeGreaterThan(10);
		expect(x).toBeLessThan(14);
		expect(points.features[0].properties).toEqual({ name: 'A', slug: 'a' });
	});
});
