import { describe, expect, it } from 'vitest';
import type { DistrictFeatureCollection } from '$lib/types';
import { districtAt, roundCoordinate } from './district-at';

const square = (x0: number, y0: number, x1: number, y1: number) => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];

function district(slug: string, polygons: number[][][][]) {
	return {
		type: 'Feature' as const,
		id: slug,
		properties: { slug, name: slug.toUpperCase(), population: null, geometry_is_demo: true },
		geometry: { type: 'MultiPolygon' as const, coordinates: polygons }
	};
}

const collection = {
	type: 'FeatureCollection',
	features: [
		// a square with a hole in its middle
		district('ring', [[square(10, 47, 11, 48), square(10.4, 47.4, 10.6, 47.6)]]),
		// two parts, one of them in the hole of the first
		district('islands', [[square(10.45, 47.45, 10.55, 47.55)], [square(12, 47, 12.5, 47.5)]])
	]
} as unknown as DistrictFeatureCollection;

describe('districtAt', () => {
	it('finds the district whose outline contains the point', () => {
		expect(districtAt(collection, 10.1, 47.1)?.slug).toBe('ring');
		expect(districtAt(collection, 12.2, 47.2)?.slug).toBe('islands');
	});

	it('leaves out holes: a point in a hole belongs to what fills it, or to none', () => {
		expect(districtAt(collection, 10.5, 47.5)?.slug).toBe('islands');
		expect(districtAt(collection, 10.42, 47.42)).toBeNull();
	});

	it('is null outside every district', () => {
		expect(districtAt(collection, 9, 47.5)).toBeNull();
		expect(districtAt({ type: 'FeatureCollection', features: [] }, 10.1, 47.1)).toBeNull();
	});
});

describe('roundCoordinate', () => {
	it('keeps 6 decimals', () => {
		expect(roundCoordinate(47.726212345)).toBe(47.726212);
		expect(roundCoordinate(-10.3139996)).toBe(-10.314);
	});
});
