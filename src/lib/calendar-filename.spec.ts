import { describe, expect, it } from 'vitest';
import { asciiFilename, contentDisposition, unicodeFilename } from './calendar-filename';

describe('calendar file names', () => {
	it('names the file after the offer in ASCII', () => {
		expect(asciiFilename('Deutschkurs für Frauen – mit Kinderbetreuung')).toBe(
			'deutschkurs-fuer-frauen-mit-kinderbetreuung.ics'
		);
		expect(asciiFilename('Café Élan: Straße 5')).toBe('cafe-elan-strasse-5.ics');
		expect(asciiFilename('دورة لغة ألمانية')).toBe('angebot.ics');
		expect(asciiFilename('  ')).toBe('angebot.ics');
		expect(asciiFilename('a'.repeat(200))).toBe(`${'a'.repeat(80)}.ics`);
	});

	it('keeps the title as written for browsers that read filename*', () => {
		expect(unicodeFilename('Курс німецької мови')).toBe('Курс німецької мови.ics');
		expect(unicodeFilename('Beratung: Anerkennung / Abschlüsse?')).toBe(
			'Beratung Anerkennung Abschlüsse.ics'
		);
		expect(unicodeFilename('..\u0000')).toBe('angebot.ics');
	});

	it('gives a header with both names, quoted and encoded', () => {
		const header = contentDisposition('دورة "لغة" (نساء)');
		expect(header).toMatch(/^attachment; filename="angebot\.ics"; filename\*=UTF-8''/);
		const encoded = header.split("UTF-8''")[1]!;
		expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
		expect(decodeURIComponent(encoded)).toBe('دورة لغة (نساء).ics');
		// only ASCII in the header: Node refuses anything else
		expect(/^[\x20-\x7e]+$/.test(header)).toBe(true);
	});
});
