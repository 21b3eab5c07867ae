import { describe, expect, it } from 'vitest';
import { languageGroup, spokenLanguages, textFallbacks } from './language-first';
import { languageFirstWeek } from './week-language';
import type { Week } from './week';

describe('textFallbacks', () => {
	it('falls back from Einfache Sprache to German before English', () => {
		expect(textFallbacks('de-simple', 'tr')).toEqual(['de-simple', 'de', 'en', 'tr']);
		expect(textFallbacks('de-simple', 'de')).toEqual(['de-simple', 'de', 'en']);
	});

	it('falls back from any other locale to English, German, the original', () => {
		expect(textFallbacks('ar', 'uk')).toEqual(['ar', 'en', 'de', 'uk']);
		expect(textFallbacks('en', null)).toEqual(['en', 'de']);
		expect(textFallbacks('de')).toEqual(['de', 'en']);
	});
});

describe('languageGroup', () => {
	it('is 0 with a text in the locale, 1 held in the language, 2 otherwise', () => {
		expect(languageGroup({ text_locale: 'ar', languages: ['de'] }, 'ar')).toBe(0);
		expect(languageGroup({ text_locale: 'de', languages: ['de', 'ar'] }, 'ar')).toBe(1);
		expect(languageGroup({ text_locale: 'en', languages: ['de'] }, 'ar')).toBe(2);
	});

	it('counts a chosen language like the reader’s own, and Dari as Persian', () => {
		expect(languageGroup({ text_locale: 'de', languages: ['tr'] }, 'ar', ['tr'])).toBe(1);
		expect(languageGroup({ text_locale: 'de', languages: ['prs'] }, 'fa')).toBe(1);
		expect(spokenLanguages('de-simple')).toEqual(['de']);
		// Einfache Sprache: a German text is a fallback, but the offer is held in German
		expect(languageGroup({ text_locale: 'de', languages: ['de'] }, 'de-simple')).toBe(1);
	});
});

describe('languageFirstWeek', () => {
	const entry = (offer_id: string, hour: number) => ({
		key: `${offer_id}/${hour}`,
		starts_at: `2026-12-01T${String(hour).padStart(2, '0')}:00:00Z`,
		ends_at: `2026-12-01T${String(hour + 1).padStart(2, '0')}:00:00Z`,
		timezone: 'Europe/Berlin',
		offer_id
	});
	const offer = (id: string, text_locale: string, languages: string[]) => ({
		id,
		title: id,
		text_locale,
		category: 'event',
		district_name: null,
		languages
	});

	it('puts the reader’s language first within each day, by time within each group', () => {
		const week: Week = {
			days: [
				{
					day: '2026-12-01',
					date: '2026-11-30T23:00:00.000Z',
					entries: [entry('de1', 8), entry('ar1', 9), entry('held', 10), entry('ar2', 11)]
				}
			],
			offers: {
				de1: offer('de1', 'de', ['de']),
				ar1: offer('ar1', 'ar', ['de']),
				held: offer('held', 'de', ['ar']),
				ar2: offer('ar2', 'ar', ['ar'])
			},
			timeZone: 'Europe/Berlin',
			degraded: false
		};
		const ordered = languageFirstWeek(week, 'ar');
		expect(ordered.days[0].entries.map((e) => e.offer_id)).toEqual(['ar1', 'ar2', 'held', 'de1']);
		// German readers: German texts by time, then those held in German, then the rest
		expect(languageFirstWeek(week, 'de').days[0].entries.map((e) => e.offer_id)).toEqual([
			'de1',
			'held',
			'ar1',
			'ar2'
		]);
		expect(week.days[0].entries[0].offer_id).toBe('de1');
	});
});
