import { describe, expect, it } from 'vitest';
import { buildSearchDocument, partitionRows, scheduleFacts } from './documents';
import type { SearchDocumentRow } from './types';

const row: SearchDocumentRow = {
	id: 'a1b2c3d4-0000-4000-8000-000000000001',
	texts: { de: { title: 'Deutschkurs', summary: null, description: null } },
	original_locale: 'de',
	category: 'language_course',
	categories: ['language_course'],
	organisation_name: 'Stadtteilbüro',
	organisation_slug: 'stadtteilbuero',
	district_slug: 'altstadt',
	district_name: 'Altstadt',
	street: null,
	postal_code: null,
	locality: null,
	languages: ['de'],
	target_groups: ['women'],
	is_free: true,
	childcare: false,
	women_only: false,
	wheelchair_accessible: null,
	german_level: null,
	location: null,
	schedules: [],
	measures: [],
	is_demo: false,
	updated_at: '2026-11-01T10:00:00+00:00'
};

// Monday 16 November 2026, 09:00 in Berlin
const now = new Date('2026-11-16T08:00:00Z');

describe('scheduleFacts', () => {
	it('takes the weekdays of the coming weeks in the schedule’s wall clock, and the next start', () => {
		const facts = scheduleFacts(
			{
				schedules: [
					// Tuesdays and Thursdays at 23:30 in Berlin: 22:30 UTC, still the same day locally
					{
						starts_at: '2026-11-03T22:30:00Z',
						duration_minutes: 60,
						rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
						exdates: [],
						timezone: 'Europe/Berlin'
					},
					// one Saturday next week
					{
						starts_at: '2026-11-21T13:00:00Z',
						duration_minutes: 120,
						rrule: null,
						exdates: [],
						timezone: 'Europe/Berlin'
					},
					// long past
					{
						starts_at: '2025-01-01T10:00:00Z',
						duration_minutes: 60,
						rrule: null,
						exdates: [],
						timezone: 'Europe/Berlin'
					}
				]
			},
			now
		);
		expect(facts.weekdays).toEqual(['TU', 'TH', 'SA']);
		expect(facts.next_start).toBe('2026-11-17T22:30:00.000Z');
	});

	it('has no weekdays and no next start without dates ahead, and skips unreadable rules', () => {
		const errors: unknown[] = [];
		const facts = scheduleFacts(
			{
				schedules: [
					{
						starts_at: '2026-01-05T10:00:00Z',
						duration_minutes: 60,
						rrule: 'FREQ=WEEKLY;UNTIL=20260301',
						exdates: [],
						timezone: 'Europe/Berlin'
					},
					{
						starts_at: '2026-01-05T10:00:00Z',
						duration_minutes: 60,
						rrule: 'FREQ=SOMETIMES',
						exdates: [],
						timezone: 'Europe/Berlin'
					}
				]
			},
			now,
			(error) => errors.push(error)
		);
		expect(facts).toEqual({ weekdays: [], next_start: null });
		expect(errors).toHaveLength(1);
	});
});

describe('buildSearchDocument', () => {
	it('adds the category’s and target groups’ words in every locale', () => {
		const doc = buildSearchDocument(row, { now });
		expect(Object.keys(doc.keywords)).toEqual([
			'de',
			'de-simple',
			'en',
			'ar',
			'fa',
			'tr',
			'uk',
			'ru',
			'ro'
		]);
		expect(doc.keywords.de).toEqual(
			expect.arrayContaining(['Sprachkurs', 'Deutschkurs', 'Frauen'])
		);
		expect(doc.keywords.ar).toEqual(expect.arrayContaining(['دورة لغة', 'نساء']));
		expect(doc.keywords.uk).toEqual(expect.arrayContaining(['курс німецької мови', 'жінки']));
		expect(doc.weekdays).toEqual([]);
	});

	it('takes every category of the offer, the main one first, with the words of each', () => {
		const doc = buildSearchDocument(
			{ ...row, category: 'work', categories: ['counselling', 'work', 'counselling'] },
			{ now }
		);
		expect(doc.category).toBe('work');
		expect(doc.categories).toEqual(['work', 'counselling']);
		expect(doc.keywords.de).toEqual(expect.arrayContaining(['Arbeit', 'Beratung']));
		expect(doc.keywords.uk).toEqual(expect.arrayContaining(['Робота', 'Консультація']));
		// a row from before offers.categories has its main category
		const { categories: _, ...old } = row;
		expect(buildSearchDocument(old as SearchDocumentRow, { now }).categories).toEqual([
			'language_course'
		]);
	});

	it('splits rows into documents and removals', () => {
		const { docs, deleted } = partitionRows([row, { id: 'gone', deleted: true }], { now });
		expect(docs.map((doc) => doc.id)).toEqual([row.id]);
		expect(deleted).toEqual(['gone']);
	});
});
