/**
 * QR codes for print, made on the server as inline SVG (the `qrcode` package): black modules on
 * a white square with a quiet zone, error correction M (15 % of the code may be dirty or
 * covered, as on a poster on a door). The SVG has no size of its own: the page sets it. It
 * carries no name; the page wraps it in an element with one (`role="img"`, the offer's title).
 *
 *   const svg = await qrSvg('https://portal.example.org/ar/offers/…');
 */
import QRCode from 'qrcode';

/** Modules of white around the code; the standard asks for 4, print layouts keep 2 to 4. */
export const QR_MARGIN = 2;

/** Codes made lately, by text: a programme prints the same offers again and again. */
const made = new Map<string, Promise<string>>();
const MAX_KEPT = 2_000;

/** The QR code of `text` as an SVG element (`<svg …>…</svg>`, no XML declaration). */
export function qrSvg(text: string): Promise<string> {
	const kept = made.get(text);
	if (kept) return kept;
	const svg = QRCode.toString(text, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: QR_MARGIN,
		color: { dark: '#000000', light: '#ffffff' }
	}).then((markup) => markup.trim().replace('<svg ', '<svg focusable="false" aria-hidden="true" '));
	made.set(text, svg);
	svg.catch(() => made.delete(text));
	if (made.size > MAX_KEPT) made.delete(made.keys().next().value as string);
	return svg;
}
