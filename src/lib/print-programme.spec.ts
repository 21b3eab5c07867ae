import { describe, expect, it } from 'vitest';
import { dateLines, formatPeriod, formatShortDay, programmeEntries } from './print-programme';
import type { Week, WeekEntry, WeekOffer } from './week';

const offer = (id: string, title: string, text_locale = 'de'): WeekOffer => ({
	id,
	title,
	text_locale,
	category: 'cultural_cafe',
	district_name: 'Sankt Mang'
});

const date = (offer_id: string, starts_at: string, status?: WeekEntry['status']): WeekEntry => ({
	key: `${offer_id}/${starts_at}`,
	starts_at,
	ends_at: starts_at.replace('T10', 'T12'),
	timezone: 'Europe/Berlin',
	offer_id,
	status
});

function week(offers: WeekOffer[], days: WeekEntry[][]): Pick<Week, 'days' | 'offers'> {
	return {
		offers: Object.fromEntries(offers.map((o) => [o.id, o])),
		days: days.map((entries, index) => ({
			day: `2026-12-0${index + 1}`,
			date: `2026-12-0${index + 1}T11:00:00Z`,
			entries
		}))
	};
}

describe('programmeEntries', () => {
	const days = [
		[date('cafe', '2026-12-01T10:00:00Z'), date('kurs', '2026-12-01T09:00:00Z', 'cancelled')],
		[date('cafe', '2026-12-02T10:00:00Z')],
		[date('kurs', '2026-12-03T09:00:00Z')]
	];
	const german = week([offer('cafe', 'Sprachcafé'), offer('kurs', 'Deutschkurs')], days);
	const arabic = week([offer('cafe', 'مقهى اللغة', 'ar'), offer('kurs', 'Deutschkurs')], days);

	it('lists each offer once, in order of its first date, with all its dates of the week', () => {
		const entries = programmeEntries([german], ['de']);
		expect(entries.map((entry) => entry.id)).toEqual(['kurs', 'cafe']);
		expect(entries[0].dates.map((d) => [d.starts_at, d.status])).toEqual([
			['2026-12-01T09:00:00Z', 'cancelled'],
			['2026-12-03T09:00:00Z', undefined]
		]);
		expect(entries[1].dates).toHaveLength(2);
		expect(entries[1].texts).toEqual([{ locale: 'de', title: 'Sprachcafé', text_locale: 'de' }]);
	});

	it('gives each offer its text in every locale of the programme, side by side', () => {
		const [kurs, cafe] = programmeEntries([german, arabic], ['de', 'ar']);
		expect(cafe.texts).toEqual([
			{ locale: 'de', title: 'Sprachcafé', text_locale: 'de' },
			{ locale: 'ar', title: 'مقهى اللغة', text_locale: 'ar' }
		]);
		// no Arabic text: the fallback the week gave, marked with its own locale
		expect(kurs.texts[1]).toEqual({ locale: 'ar', title: 'Deutschkurs', text_locale: 'de' });
	});

	it('keeps the first text where the second read misses an offer, and is empty without dates', () => {
		const partial = week([offer('cafe', 'مقهى اللغة', 'ar')], days);
		const [kurs] = programmeEntries([german, partial], ['de', 'ar']);
		expect(kurs.texts[1]).toEqual({ locale: 'ar', title: 'Deutschkurs', text_locale: 'de' });
		expect(programmeEntries([week([offer('cafe', 'x')], [[]])], ['de'])).toEqual([]);
		expect(programmeEntries([], ['de'])).toEqual([]);
	});
});

describe('formatting', () => {
	it('writes a short day and the period in the reader’s locale and the city’s zone', () => {
		expect(formatShortDay('de', '2026-12-01T23:30:00Z', 'Europe/Berlin')).toBe('Mi., 2.12.');
		expect(
			formatPeriod('de', '2026-12-01T11:00:00Z', '2026-12-07T11:00:00Z', 'Europe/Berlin')
		).toBe('1.–7. Dezember 2026');
		expect(formatShortDay('ar', '2026-12-01T11:00:00Z', 'Europe/Berlin')).toMatch(/الثلاثاء/);
	});
});

describe('dateLines', () => {
	it('groups regular dates by their time of day and keeps each exception on its own line', () => {
		const dates = [
			date('a', '2026-12-01T10:00:00Z', 'cancelled'),
			date('a', '2026-12-02T10:00:00Z'),
			date('a', '2026-12-03T15:00:00Z'),
			date('a', '2026-12-04T10:00:00Z'),
			date('a', '2026-12-05T10:00:00Z', 'moved')
		];
		const lines = dateLines(dates, (entry) => entry.starts_at.slice(11, 16));
		expect(
			lines.map((line) => [line.status, line.dates.map((d) => d.starts_at.slice(8, 10))])
		).toEqual([
			['cancelled', ['01']],
			['regular', ['02', '04']],
			['regular', ['03']],
			['moved', ['05']]
		]);
	});
});
