/**
 * The read API's shape of the implementation status (/api/concept, /api/concept/fields/{code}):
 * the data as SQL gives it, with the addresses of pages and JSON to follow.
 */
import { describe, expect, it } from 'vitest';
import {
	levelLabel,
	lightCounts,
	type ConceptOverview,
	type FieldStatus
} from '$lib/concept-status';
import { fieldJson, overviewJson } from './concept-api';

const concept = {
	slug: 'kik',
	title: 'Kommunales Integrationskonzept Kempten (KIK)',
	adopted_on: '2021-11-18',
	level_names: { field: 'Handlungsfeld', goal: 'Ziel', measure: 'Maßnahme' },
	is_demo: false
};
const origin = 'https://angebote.example.org';
const OFFER = '6f0c3c1e-2a59-4c59-9d3e-6a8b9f3f1a11';

describe('overviewJson', () => {
	it('adds each field’s page in the locale and its JSON, keeping the counts', () => {
		const overview: ConceptOverview = {
			concept,
			fields: [
				{
					code: '1',
					title: 'Sprache und Bildung',
					goals: 2,
					measures: 3,
					lights: { green: 1, yellow: 1, red: 0, grey: 0, none: 1 },
					late: 1,
					offers: 4,
					last_changed_at: '2026-11-30T10:00:00+00:00'
				},
				{
					code: 'HF 2',
					title: 'Arbeit',
					goals: 0,
					measures: 0,
					lights: { green: 0, yellow: 0, red: 0, grey: 0, none: 0 },
					late: 0,
					offers: 0,
					last_changed_at: null
				}
			]
		};
		const json = overviewJson(overview, { origin, locale: 'ar' });
		expect(json.url).toBe(`${origin}/ar/concept`);
		expect(json.concept).toEqual(concept);
		expect(json.fields[0]).toEqual({
			...overview.fields[0],
			url: `${origin}/ar/concept/1`,
			api_url: `${origin}/api/concept/fields/1`
		});
		expect(json.fields[1].url).toBe(`${origin}/ar/concept/HF%202`);
		expect(overviewJson(overview, { origin, locale: 'de' }).fields[0].url).toBe(
			`${origin}/de/concept/1`
		);
	});
});

describe('fieldJson', () => {
	it('links every offer to its page in the locale', () => {
		const status: FieldStatus = {
			concept,
			field: { code: '1', title: 'Sprache und Bildung', vision: null },
			last_changed_at: '2026-11-30T10:00:00+00:00',
			goals: [
				{
					code: '1.1',
					title: 'Deutsch lernen',
					is_placeholder: false,
					measures: [
						{
							code: '1.1.1',
							title: 'Sprachkurse',
							is_placeholder: false,
							status: 'in_progress_middle',
							light: 'yellow',
							is_late: true,
							ends_on: '2025-12-31',
							last_changed_at: '2026-11-30T10:00:00+00:00',
							offers: [{ id: OFFER, title: 'Deutschkurs', text_locale: 'de' }]
						}
					]
				}
			]
		};
		const json = fieldJson(status, { origin, locale: 'uk' });
		expect(json.url).toBe(`${origin}/uk/concept/1`);
		expect(json.goals[0].measures[0]).toMatchObject({
			status: 'in_progress_middle',
			light: 'yellow',
			is_late: true,
			offers: [
				{ id: OFFER, title: 'Deutschkurs', text_locale: 'de', url: `${origin}/uk/offers/${OFFER}` }
			]
		});
	});
});

describe('lightCounts', () => {
	it('counts measures per light, no status as none', () => {
		expect(
			lightCounts([{ light: 'green' }, { light: null }, { light: 'yellow' }, { light: 'yellow' }])
		).toEqual({ green: 1, yellow: 2, red: 0, grey: 0, none: 1 });
		expect(lightCounts([])).toEqual({ green: 0, yellow: 0, red: 0, grey: 0, none: 0 });
	});
});

describe('levelLabel', () => {
	const t = (key: string, options?: { code?: unknown }) => `${key}:${String(options?.code)}`;
	const themen = {
		...concept,
		level_names: { field: 'Themenfeld', goal: 'Ziel', measure: 'Maßnahme' }
	};

	it('says the concept’s own level name in German, the translated one elsewhere', () => {
		expect(levelLabel({ locale: 'de', t }, themen, 'field', '3')).toBe('Themenfeld 3');
		expect(levelLabel({ locale: 'de', t }, concept, 'goal', '3.1')).toBe('Ziel 3.1');
		expect(levelLabel({ locale: 'ar', t }, themen, 'field', '3')).toBe('concept.field_label:3');
		expect(levelLabel({ locale: 'de-simple', t }, themen, 'field', '3')).toBe(
			'concept.field_label:3'
		);
	});
});
