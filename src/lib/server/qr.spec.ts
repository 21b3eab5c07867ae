import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_MARGIN, qrSvg } from './qr';

/**
 * The SVG drawn as pixels, as a printer would: every dark module of the path (`M x y`,
 * `m dx dy`, `h n`: runs of n modules on the row y - 0.5) a square of `scale` pixels.
 */
function rasterise(svg: string, scale = 4) {
	const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
	if (!box) throw new Error('no viewBox');
	const size = Number(box[1]);
	const dark = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg);
	if (!dark) throw new Error('no dark path');
	const width = size * scale;
	const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
	let x = 0;
	let y = 0;
	for (const [, command, a, b] of dark[1].matchAll(/([MmHh])\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?/g)) {
		const first = Number(a);
		if (command === 'M') [x, y] = [first, Number(b)];
		else if (command === 'm') [x, y] = [x + first, y + Number(b)];
		else {
			const to = command === 'H' ? first : x + first;
			const row = Math.floor(y);
			for (let column = x; column < to; column++) {
				for (let dy = 0; dy < scale; dy++) {
					for (let dx = 0; dx < scale; dx++) {
						const at = ((row * scale + dy) * width + column * scale + dx) * 4;
						pixels.set([0, 0, 0, 255], at);
					}
				}
			}
			x = to;
		}
	}
	return { pixels, width, size };
}

describe('qrSvg', () => {
	const urls = [
		'http://127.0.0.1:4313/ar/offers/4dd8c3c9-b595-581a-bde8-c84f7009509c',
		'https://stadtteile.kempten.example/de-simple/offers/0f88dc26-11a1-5832-b71a-a19c8f7ffc1b',
		'https://portal.example.org/fa/offers/8540fb71-d590-5c04-85cb-c3862cc43f58?from=%2Ffa%2Fweek'
	];

	it.each(urls)('scans back to exactly %s', async (url) => {
		const svg = await qrSvg(url);
		const { pixels, width } = rasterise(svg);
		const decoded = jsQR(pixels, width, width);
		expect(decoded?.data).toBe(url);
	});

	it('is an inline SVG without size, hidden from screen readers, with a quiet zone', async () => {
		const svg = await qrSvg(urls[0]);
		expect(svg.startsWith('<svg ')).toBe(true);
		expect(svg).toContain('aria-hidden="true"');
		expect(svg).not.toMatch(/\s(width|height)=/);
		expect(svg).not.toContain('<?xml');
		// the first dark module sits inside the margin
		expect(svg).toMatch(new RegExp(`d="M${QR_MARGIN} ${QR_MARGIN}\\.5h7`));
		// the same text gives the same code (and is made once)
		expect(await qrSvg(urls[0])).toBe(svg);
	});

	it('a different address gives a different code', async () => {
		expect(await qrSvg(`${urls[0]}x`)).not.toBe(await qrSvg(urls[0]));
	});
});
