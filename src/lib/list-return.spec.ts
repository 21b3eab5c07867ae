import { describe, expect, it } from 'vitest';
import { FROM, cardAnchor, listReturn, offerHref } from './list-return';

describe('listReturn', () => {
	it('returns to the start page, the week and a district with their filters', () => {
		expect(listReturn('/ar?category=language_course&page=2', 'ar')).toBe(
			'/ar?category=language_course&page=2'
		);
		expect(listReturn('/de/week?district=sankt-mang', 'de')).toBe('/de/week?district=sankt-mang');
		expect(listReturn('/de-simple/districts/sankt-mang', 'de-simple')).toBe(
			'/de-simple/districts/sankt-mang'
		);
		expect(listReturn('/', 'fa')).toBe('/fa');
		expect(listReturn('/de/', 'de')).toBe('/de');
	});

	it('keeps near-me coordinates readable', () => {
		expect(listReturn('/de?near=47.727%2C10.314&sort=distance', 'de')).toBe(
			'/de?near=47.727,10.314&sort=distance'
		);
	});

	it('follows the reader into another language', () => {
		expect(listReturn('/ar?q=kurs', 'uk')).toBe('/uk?q=kurs');
		expect(listReturn('/ar/week', 'de-simple')).toBe('/de-simple/week');
	});

	it('drops a nested from', () => {
		expect(listReturn(`/de?q=a&${FROM}=%2Fde`, 'de')).toBe('/de?q=a');
	});

	it.each([
		[null],
		[''],
		['https://evil.example/de'],
		['//evil.example/de'],
		['/\\evil.example/de'],
		['javascript:alert(1)'],
		['de?q=a'],
		['/de/offers/0d7c5cf5-7d7c-4c4f-9ad9-9e8f0b1e7a11'],
		['/staff/offers'],
		['/xx?q=a'],
		['/de/districts/../staff'],
		['/de/districts/Sankt Mang'],
		[`/de?q=${'a'.repeat(2000)}`]
	])('refuses %s', (from) => {
		expect(listReturn(from, 'de')).toBeNull();
	});
});

describe('offerHref', () => {
	it('carries the list, and the list comes back from it', () => {
		const href = offerHref('/ar/offers/1', '/ar?category=language_course&page=2');
		expect(href).toBe('/ar/offers/1?from=%2Far%3Fcategory%3Dlanguage_course%26page%3D2');
		const from = new URL(href, 'http://x').searchParams.get(FROM);
		expect(listReturn(from, 'ar')).toBe('/ar?category=language_course&page=2');
	});

	it('names the card to return to', () => {
		expect(cardAnchor('abc')).toBe('offer-abc');
	});
});
