import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, NO_OFFER_COLOUR } from '$lib/coverage/scale';
import { choropleth } from './choropleth';

const box = (w: number, s: number, e: number, n: number) => [
	[
		[
			[w, s],
			[e, s],
			[e, n],
			[w, n],
			[w, s]
		]
	]
];

describe('choropleth', () => {
	it('projects the outlines into the drawing, north up, coloured by value', () => {
		const map = choropleth(
			[
				{ slug: 'west', name: 'West', coordinates: box(10.3, 47.7, 10.35, 47.8) },
				{ slug: 'ost', name: 'Ost', coordinates: box(10.35, 47.7, 10.4, 47.8) }
			],
			new Map([['west', 10]]),
			208,
			4
		);
		// 0.1° of longitude at 47.75° N is about 0.067° of latitude: the drawing is taller than wide
		expect(map.width).toBe(208);
		expect(map.height).toBeGreaterThan(300);
		const [west, ost] = map.areas;
		expect(west.d.startsWith('M4 ')).toBe(true);
		expect(west.d.endsWith('Z')).toBe(true);
		expect(west.label.x).toBeCloseTo(54, 0);
		expect(ost.label.x).toBeCloseTo(154, 0);
		expect(west.colour).toBe(CLASS_COLOURS.at(-1));
		expect(ost.colour).toBe(NO_OFFER_COLOUR);
		expect(map.classes[0]).toMatchObject({ from: 0, to: 0, colour: NO_OFFER_COLOUR });
	});

	it('draws nothing for no districts', () => {
		expect(choropleth([], new Map()).areas).toEqual([]);
	});
});
