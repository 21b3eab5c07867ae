/**
 * The lights as the printed report shows them: a symbol of its own shape for each, next to the
 * colour and the written status, so that a black-and-white print and colour-blind readers tell
 * them apart.
 */
export const LIGHT_SYMBOLS = {
	green: '●',
	yellow: '◐',
	red: '▲',
	grey: '○',
	none: '–'
} as const;

export type LightName = keyof typeof LIGHT_SYMBOLS;
export const LIGHT_NAMES = Object.keys(LIGHT_SYMBOLS) as LightName[];
