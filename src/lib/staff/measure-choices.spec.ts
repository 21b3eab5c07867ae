import { describe, expect, it } from 'vitest';
import { fold, groupByField, matchesMeasure, type MeasureChoice } from './measure-choices';

function measure(code: string, title: string, extra: Partial<MeasureChoice> = {}): MeasureChoice {
	const [field, goal] = code.split('.');
	return {
		id: `id-${code}`,
		code,
		title,
		is_placeholder: false,
		status: null,
		light: null,
		goal_code: `${field}.${goal}`,
		goal_title: `Ziel ${field}.${goal}`,
		goal_is_placeholder: false,
		field_code: field,
		field_title: field === '1' ? 'Sprache und Bildung' : 'Gesellschaftliche Teilhabe',
		is_current: true,
		...extra
	};
}

const measures = [
	measure('1.2.1', 'Vom Bund und Land finanzierte Sprachkursformate ausbauen'),
	measure('1.2.10', 'Maßnahme 1.2.10', { is_placeholder: true }),
	measure('5.1.1', 'Bürgerschaftliches Engagement fördern'),
	measure('11.2.1', 'Elfte Maßnahme'),
	measure('3.1.1', 'Altes Konzept', { is_current: false })
];

const codes = (query: string) => measures.filter(matchesMeasure(query)).map((m) => m.code);

describe('fold', () => {
	it('drops case and diacritics, ß becomes ss', () => {
		expect(fold('Bürgerschaftliches MASSNAHME Maßnahme Öffnung')).toBe(
			'burgerschaftliches massnahme massnahme offnung'
		);
	});
});

describe('matchesMeasure', () => {
	it('finds a measure by its full code, and codes by their beginning', () => {
		expect(codes('1.2.1')).toEqual(['1.2.1']);
		expect(codes('1.2')).toEqual(['1.2.1', '1.2.10']);
		expect(codes('1.2.')).toEqual(['1.2.1', '1.2.10']);
		expect(codes('11')).toEqual(['11.2.1']);
	});

	it('finds words in any case, with or without diacritics, in title, goal and field', () => {
		expect(codes('sprachkurs')).toEqual(['1.2.1']);
		expect(codes('burgerschaftlich')).toEqual(['5.1.1']);
		expect(codes('BÜRGERSCHAFTLICH')).toEqual(['5.1.1']);
		expect(codes('massnahme 1.2')).toEqual(['1.2.10']);
		expect(codes('teilhabe')).toEqual(['5.1.1', '11.2.1', '3.1.1']);
	});

	it('needs every word to fit; an empty query fits all', () => {
		expect(codes('sprache engagement')).toEqual([]);
		expect(codes('  ')).toHaveLength(measures.length);
	});
});

describe('groupByField', () => {
	it('keeps the order, one group per field, earlier concepts in a group of their own', () => {
		const groups = groupByField(measures);
		expect(
			groups.map((g) => [g.code, g.current, g.goals.map((goal) => goal.measures.length)])
		).toEqual([
			['1', true, [2]],
			['5', true, [1]],
			['11', true, [1]],
			['', false, [1]]
		]);
		expect(groups[0].goals[0]).toMatchObject({ code: '1.2', title: 'Ziel 1.2' });
	});
});
