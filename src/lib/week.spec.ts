import { describe, expect, it } from 'vitest';
import { firstDates, type Week } from './week';

function weekOf(perDay: number[]): Week {
	const offers: Week['offers'] = {};
	const days = perDay.map((count, index) => ({
		day: `2026-12-0${index + 1}`,
		date: `2026-12-0${index + 1}T12:00:00.000Z`,
		entries: Array.from({ length: count }, (_, entry) => {
			const id = `offer-${index}-${entry}`;
			offers[id] = { id, title: id, text_locale: 'de', category: 'sport', district_name: null };
			return {
				key: `${id}/${index}`,
				starts_at: `2026-12-0${index + 1}T10:00:00.000Z`,
				ends_at: `2026-12-0${index + 1}T11:00:00.000Z`,
				timezone: 'Europe/Berlin',
				offer_id: id
			};
		})
	}));
	return { days, offers, timeZone: 'Europe/Berlin', degraded: false };
}

describe('firstDates', () => {
	it('keeps the first dates in order, every day, and only the offers they name', () => {
		const first = firstDates(weekOf([0, 3, 4, 2]), 5);
		expect(first.days.map((day) => day.entries.length)).toEqual([0, 3, 2, 0]);
		expect(Object.keys(first.offers).sort()).toEqual(
			['offer-1-0', 'offer-1-1', 'offer-1-2', 'offer-2-0', 'offer-2-1'].sort()
		);
	});

	it('changes nothing when the week has fewer dates', () => {
		const week = weekOf([1, 2]);
		expect(firstDates(week, 12)).toEqual(week);
	});
});
