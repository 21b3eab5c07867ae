import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, NO_OFFER_COLOUR, coverageScale } from './scale';

describe('coverageScale', () => {
	it('gives no offer its own colour and counts whole-number classes up to the largest value', () => {
		const scale = coverageScale([0, 1, 3, 10, null]);
		expect(scale.colourOf(0)).toBe(NO_OFFER_COLOUR);
		expect(scale.colourOf(null)).toBe(NO_OFFER_COLOUR);
		expect(scale.classes[0]).toEqual({ from: 0, to: 0, colour: NO_OFFER_COLOUR });
		expect(scale.classes.slice(1).map(({ from, to }) => [from, to])).toEqual([
			[1, 2],
			[3, 4],
			[5, 6],
			[7, 8],
			[9, 10]
		]);
		expect(scale.colourOf(10)).toBe(CLASS_COLOURS[4]);
		expect(scale.colourOf(1)).toBe(CLASS_COLOURS[0]);
		expect(scale.colourOf(3)).toBe(CLASS_COLOURS[1]);
	});

	it('puts every value into the class whose range holds it', () => {
		for (const values of [[4], [1, 2, 3], [0.4, 2.6, 7.9], [120, 3]]) {
			const integers = values.every(Number.isInteger);
			const scale = coverageScale(values, integers);
			for (const value of values) {
				const colour = scale.colourOf(value);
				const holder = scale.classes.find((c) => value >= c.from - 0.1 && value <= c.to);
				expect(holder?.colour, `${value} in ${JSON.stringify(scale.classes)}`).toBe(colour);
			}
		}
	});

	it('has only the "no offer" class when nothing is covered', () => {
		expect(coverageScale([0, 0]).classes).toHaveLength(1);
	});
});
