import { describe, expect, it } from 'vitest';
import { outlineOf } from './outline';

describe('outlineOf', () => {
	it('draws each ring as a closed subpath, north at the top', () => {
		const outline = outlineOf({
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[10, 47],
						[10.01, 47],
						[10.01, 47.01],
						[10, 47.01],
						[10, 47]
					]
				]
			]
		});
		expect(outline).not.toBeNull();
		const subpaths = outline!.d.split('Z').filter(Boolean);
		expect(subpaths).toHaveLength(1);
		// the south-west corner is at the bottom left, the north-west one at the top left
		expect(subpaths[0]).toMatch(/^M8 \d+(\.\d)?L/);
		const [, , width, height] = outline!.viewBox.split(' ').map(Number);
		// a square in degrees is narrower than high at 47° north
		expect(width).toBeLessThan(height);
		expect(height).toBe(320);
	});

	it('keeps holes and the parts of a multipolygon', () => {
		const square = (x: number, size: number) => [
			[x, 0],
			[x + size, 0],
			[x + size, size],
			[x, size],
			[x, 0]
		];
		const outline = outlineOf({
			type: 'MultiPolygon',
			coordinates: [[square(0, 1), square(0.25, 0.5)], [square(2, 1)]]
		});
		expect(outline!.d.split('Z').filter(Boolean)).toHaveLength(3);
	});

	it('has nothing to draw for an empty geometry', () => {
		expect(outlineOf({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
		expect(outlineOf(null)).toBeNull();
	});
});
