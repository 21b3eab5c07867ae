import { describe, expect, it } from 'vitest';
import { GENERAL_AIM, planInPlainWords } from './plan-in-plain-words';

describe('what the city plans, in plain words', () => {
	it('says the aim of the demo concept’s fields of action in one short sentence', () => {
		for (const [field, aim] of [
			['Sprache und Bildung', 'Mehr Menschen lernen gut Deutsch.'],
			['Arbeit und Ausbildung', 'Mehr Menschen finden Arbeit oder eine Ausbildung.'],
			['Gesundheit und Pflege', 'Alle Menschen bekommen gute Hilfe, wenn sie krank sind.'],
			['Bürgerschaftliches Engagement', 'Mehr Menschen helfen freiwillig mit.'],
			['Gesellschaftliche Teilhabe', 'Alle Menschen können in der Stadt mitmachen.'],
			['Interkulturelle Öffnung', 'Ämter, Vereine und Dienste sind für alle Menschen offen.']
		]) {
			expect(planInPlainWords({ field }), field).toBe(aim);
		}
	});

	it('reads the goal when the field’s title says nothing it knows, else gives the general aim', () => {
		expect(planInPlainWords({ field: 'Handlungsfeld 7', goal: 'Wohnraum für alle schaffen' })).toBe(
			'Alle Menschen finden eine gute Wohnung.'
		);
		expect(planInPlainWords({ field: 'Querschnitt', goal: null })).toBe(GENERAL_AIM);
	});

	it('has no official words in its sentences', () => {
		const said = [
			'Sprache und Bildung',
			'Arbeit und Ausbildung',
			'Gesundheit und Pflege',
			'Bürgerschaftliches Engagement',
			'Gesellschaftliche Teilhabe',
			'Interkulturelle Öffnung',
			'Querschnitt'
		].map((field) => planInPlainWords({ field }));
		for (const sentence of said) {
			expect(sentence).not.toMatch(/Maßnahme|Handlungsfeld|Teilhabe|niederschwellig|Regelangebot/);
			expect(sentence.split(' ').length).toBeLessThanOrEqual(9);
		}
	});
});
