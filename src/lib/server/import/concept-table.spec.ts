import { describe, expect, it } from 'vitest';
import {
	columnOf,
	conceptRows,
	isConceptHeader,
	readDate,
	readIndicators,
	readStatus,
	splitCode
} from './concept-table';

/** The headings of Kempten's implementation table, as the council paper prints them. */
const KIK_HEADINGS = [
	'Handlungsfeld',
	'Ziel',
	'Indikator (zu entwickeln)',
	'Maßnahme',
	'Beschreibung der Maßnahme',
	'Zielgruppe',
	'verantwortlich (für die Umsetzung)',
	'Akteur*innen für die Umsetzung',
	'Was wird für die Umsetzung benötigt?',
	'Beginn der Umsetzung (Termin Monat/Jahr)',
	'Umsetzung bis wann?',
	'Indikatoren (an denen sich der Erfolg festmachen lässt)',
	'Status'
];

describe('the headings', () => {
	it('knows every column of the KIK table, whatever its additions', () => {
		expect(KIK_HEADINGS.map(columnOf)).toEqual([
			'field',
			'goal',
			'goal_indicator',
			'measure',
			'description',
			'target_group',
			'responsible',
			'actors',
			'resources_needed',
			'starts_on',
			'ends_on',
			'indicators',
			'status'
		]);
		expect(isConceptHeader(KIK_HEADINGS)).toBe(true);
	});

	it('knows a concept’s own level names and leaves other headings alone', () => {
		expect(
			['Themenfeld', 'Strategisches Ziel', 'Handlungsempfehlung', 'Querschnittsthemen'].map(
				columnOf
			)
		).toEqual(['field', 'goal', 'measure', 'themes']);
		expect(columnOf('Bemerkung')).toBeUndefined();
		expect(isConceptHeader(['KIK – Umsetzungsstand', '', ''])).toBe(false);
	});
});

describe('cells', () => {
	it('reads Kempten’s status labels and the lights, and hands on what it cannot read', () => {
		expect(
			[
				'umgesetzt / wird laufend umgesetzt / Maßnahmenlauf nach Plan',
				'in Umsetzung (Anfang)',
				'in Umsetzung (Mitte)',
				'In Umsetzung (Ende)',
				'Umsetzung nicht möglich/ gefährdet/ bisher nicht umgesetzt',
				'zukünftiger Termin',
				'Green',
				'Rot',
				'grau',
				'in_progress_end'
			].map(readStatus)
		).toEqual([
			'implemented',
			'in_progress_start',
			'in_progress_middle',
			'in_progress_end',
			'at_risk',
			'scheduled',
			'implemented',
			'at_risk',
			'scheduled',
			'in_progress_end'
		]);
		// yellow does not say which stage: the database refuses it with the row
		expect(readStatus('Gelb')).toBe('Gelb');
	});

	it('reads starts and ends as the first and last day of what they name', () => {
		expect(readDate('03/2022', false)).toBe('2022-03-01');
		expect(readDate('2/2024', true)).toBe('2024-02-29');
		expect(readDate('März 2023', true)).toBe('2023-03-31');
		expect(readDate('2025', false)).toBe('2025-01-01');
		expect(readDate('2025', true)).toBe('2025-12-31');
		expect(readDate('15.03.2022', false)).toBe('2022-03-15');
		expect(readDate('2022-03-15', true)).toBe('2022-03-15');
		expect(readDate(new Date(Date.UTC(2023, 8, 1)), false)).toBe('2023-09-01');
		expect(readDate('laufend', true)).toBeNull();
		expect(readDate('nach Bedarf', true)).toBe('nach Bedarf');
	});

	it('splits success indicators at lines with their targets', () => {
		expect(
			readIndicators('10 Neuzugewanderte pro Treffen\n- 2,5 Stunden je Woche; Zufriedenheit')
		).toEqual([
			{
				description: '10 Neuzugewanderte pro Treffen',
				target_value: 10,
				target_unit: 'Neuzugewanderte pro Treffen'
			},
			{ description: '2,5 Stunden je Woche', target_value: 2.5, target_unit: 'Stunden je Woche' },
			{ description: 'Zufriedenheit', target_value: null, target_unit: null }
		]);
	});

	it('takes a leading code from a cell', () => {
		expect(splitCode('2.1.3 Maßnahme C')).toEqual({ code: '2.1.3', title: 'Maßnahme C' });
		expect(splitCode('Handlungsfeld 2: Arbeit und Ausbildung')).toEqual({
			code: '2',
			title: 'Arbeit und Ausbildung'
		});
		expect(splitCode('1. Sprache und Bildung')).toEqual({
			code: '1',
			title: 'Sprache und Bildung'
		});
		expect(splitCode('E-Learning für Eltern')).toEqual({
			code: null,
			title: 'E-Learning für Eltern'
		});
	});
});

describe('conceptRows', () => {
	const row = (n: number, cells: Record<string, string>) => ({ row: n, cells });

	it('fills fields and goals down, numbers what has no code, and keeps the level names', () => {
		const header = ['Themenfeld', 'Ziel', 'Handlungsempfehlung', 'Status', 'Querschnittsthema'];
		const table = conceptRows(header, [
			row(2, {
				Themenfeld: 'Bildung',
				Ziel: 'Kita für alle',
				Handlungsempfehlung: 'Elterncafés',
				Status: 'Grün',
				Querschnittsthema: 'Frauen, Ehrenamt'
			}),
			row(3, { Handlungsempfehlung: 'Kita-Lotsen' }),
			row(4, { Themenfeld: 'Arbeit' }),
			row(5, { Ziel: '2.4 Ausbildung', Handlungsempfehlung: '2.4.7 Praktikumsbörse' })
		]);
		expect(table.levelNames).toEqual({
			field: 'Themenfeld',
			goal: 'Ziel',
			measure: 'Handlungsempfehlung'
		});
		expect(table.rows).toEqual([
			{
				row: 2,
				field_code: '1',
				field_title: 'Bildung',
				goal_code: '1.1',
				goal_title: 'Kita für alle',
				measure_code: '1.1.1',
				measure_title: 'Elterncafés',
				status: 'implemented',
				themes: ['Frauen', 'Ehrenamt']
			},
			expect.objectContaining({
				row: 3,
				goal_code: '1.1',
				measure_code: '1.1.2',
				status: null,
				themes: []
			}),
			expect.objectContaining({
				row: 5,
				field_code: '2',
				field_title: 'Arbeit',
				goal_code: '2.4',
				measure_code: '2.4.7',
				measure_title: 'Praktikumsbörse'
			})
		]);
	});

	it('leaves out the columns the file does not have, so the import keeps them', () => {
		const table = conceptRows(
			['Handlungsfeld', 'Ziel', 'Maßnahme'],
			[row(2, { Handlungsfeld: '1 Sprache', Ziel: '1.1 Deutsch', Maßnahme: '1.1.1 Kurse' })]
		);
		expect(Object.keys(table.rows[0]).sort()).toEqual(
			[
				'field_code',
				'field_title',
				'goal_code',
				'goal_title',
				'measure_code',
				'measure_title',
				'row'
			].sort()
		);
	});
});
