/** The one font the map's labels use, as the style's `text-font` names it. */
export const FONTSTACK = 'Noto Sans Regular';
