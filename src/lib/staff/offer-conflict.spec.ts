import { describe, expect, it } from 'vitest';
import { offerConflicts } from './offer-conflict';

const stored = {
	id: 'a',
	version: 3,
	organisation_id: 'o',
	title: 'Sprachcafé',
	summary: 'Jeden Dienstag',
	languages: ['de', 'ar'],
	childcare: false,
	schedules: [{ starts_at: '2026-12-01T17:00:00Z', rrule: 'FREQ=WEEKLY;BYDAY=TU' }]
};

describe('offerConflicts', () => {
	it('names each field whose stored value differs, with both values, in the form’s order', () => {
		const mine = {
			...stored,
			version: 2,
			title: 'Sprachcafé Sankt Mang',
			childcare: true,
			schedules: [{ starts_at: '2026-12-01T18:00:00Z', rrule: 'FREQ=WEEKLY;BYDAY=TU' }]
		};
		expect(offerConflicts(mine, stored)).toEqual([
			{ field: 'title', mine: 'Sprachcafé Sankt Mang', theirs: 'Sprachcafé' },
			{ field: 'childcare', mine: true, theirs: false },
			{ field: 'schedules', mine: mine.schedules, theirs: stored.schedules }
		]);
	});

	it('ignores the version and ids, blanks around text, line endings and the order of lists', () => {
		const mine = {
			...stored,
			id: 'b',
			version: 1,
			organisation_id: 'p',
			summary: ' Jeden Dienstag\r\n',
			languages: ['ar', 'de', 'ar']
		};
		expect(offerConflicts({ ...mine, summary: 'Jeden Dienstag' }, stored)).toEqual([]);
		expect(offerConflicts(mine, { ...stored, summary: 'Jeden Dienstag\n' })).toEqual([]);
	});

	it('leaves out fields the stored offer does not have', () => {
		const withExtra: Record<string, unknown> = { ...stored, preview_locale: 'ar' };
		expect(offerConflicts(withExtra, stored)).toEqual([]);
	});
});
