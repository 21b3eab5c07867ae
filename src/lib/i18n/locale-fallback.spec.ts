import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locales';

describe('negotiateLocale with the city’s default locale', () => {
	it('sends a visitor whose languages the portal does not speak to the city’s locale', () => {
		expect(negotiateLocale(null, 'en')).toBe('en');
		expect(negotiateLocale('fr, it;q=0.5', 'en')).toBe('en');
		expect(negotiateLocale('*', 'tr')).toBe('tr');
		// a language the portal speaks still wins
		expect(negotiateLocale('ar, en;q=0.5', 'en')).toBe('ar');
		expect(negotiateLocale('fr')).toBe('de');
	});
});
