/**
 * The colour scale of the coverage maps (the choropleth on /city/coverage and the map of the
 * council report): five classes of a sequential scale that readers with a red-green or
 * blue-yellow colour vision deficiency tell apart by lightness alone (cividis-like: dark blue →
 * grey → yellow, more offers darker), and white for "no offer". Class breaks are equal
 * steps from 0 to the largest value, rounded, so a legend reads "0", "1–2", "3–4" … and the same
 * value always gets the same colour on one map.
 *
 *   const scale = coverageScale(values);
 *   scale.colourOf(7); // one of CLASS_COLOURS
 *   scale.classes;     // [{ from: 0, to: 0, colour: NO_OFFER_COLOUR }, { from: 0.1, to: 2, … }, …]
 */

/** "No offer": white, lighter than every class. */
export const NO_OFFER_COLOUR = '#ffffff';

/** Five steps, fewest offers first: light yellow to dark blue. */
export const CLASS_COLOURS = ['#f5d83a', '#c2b369', '#8b8878', '#575d6d', '#00204c'] as const;

export interface CoverageClass {
	/** Lowest value of the class (inclusive). */
	from: number;
	/** Highest value of the class (inclusive). */
	to: number;
	colour: string;
}

export interface CoverageScale {
	/** The "no offer" class first, then the classes that occur, lowest first. */
	classes: CoverageClass[];
	/** The colour of a value (0, null and NaN: no offer). */
	colourOf(value: number | null): string;
}

/** Rounds a class step to a number a legend can show: 1, 2, 5, 10, 20 … or a tenth of those. */
function niceStep(raw: number): number {
	if (raw <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const candidates = [1, 2, 2.5, 5, 10].map((factor) => factor * power);
	return candidates.find((candidate) => candidate >= raw) ?? 10 * power;
}

/**
 * The scale for `values` (offers, or offers per 1,000 residents). `integers` makes the classes
 * whole numbers (counts); per-1,000 figures keep one decimal.
 */
export function coverageScale(values: readonly (number | null)[], integers = true): CoverageScale {
	const positive = values.filter((value): value is number => value !== null && value > 0);
	const max = positive.length > 0 ? Math.max(...positive) : 0;
	const count = CLASS_COLOURS.length;
	let step = niceStep(max / count);
	if (integers) step = Math.max(1, Math.ceil(step));
	const unit = integers ? 1 : 0.1;
	const classes: CoverageClass[] = [{ from: 0, to: 0, colour: NO_OFFER_COLOUR }];
	for (let index = 0; index < count && index * step < max; index++) {
		const from = index === 0 ? unit : index * step + unit;
		const to = (index + 1) * step;
		classes.push({ from: round(from), to: round(to), colour: CLASS_COLOURS[index] });
	}
	return {
		classes,
		colourOf(value) {
			if (value === null || !(value > 0)) return NO_OFFER_COLOUR;
			const index = Math.min(Math.ceil(value / step) - 1, count - 1);
			return CLASS_COLOURS[Math.max(index, 0)];
		}
	};
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
