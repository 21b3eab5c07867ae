import { describe, expect, it } from 'vitest';
import { answerSchema, mistakeSchema, newOfferSchema, rejectSchema } from './suggestion';

const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
	result.error?.issues[0]?.message;

describe('the suggestion forms', () => {
	it('clean what a visitor typed and keep it whole', () => {
		const parsed = newOfferSchema.parse({
			what: '  Nähcafé\u202e für Frauen\r\nmit Kinderbetreuung ',
			place: ' Pfarrsaal\nSt. Ulrich ',
			leave_empty: '',
			started: '1.x'
		});
		expect(parsed).toEqual({
			what: 'Nähcafé für Frauen\nmit Kinderbetreuung',
			place: 'Pfarrsaal St. Ulrich',
			time: '',
			audience: '',
			contact: '',
			leave_empty: '',
			started: '1.x'
		});
	});

	it('answer with message keys the public pages translate', () => {
		expect(firstError(mistakeSchema.safeParse({ what: ' ab ' }))).toBe('suggest.error_what_short');
		expect(firstError(mistakeSchema.safeParse({ what: 'x'.repeat(2001) }))).toBe(
			'suggest.error_what_long'
		);
		expect(firstError(newOfferSchema.safeParse({ what: 'Kurs', place: 'x'.repeat(301) }))).toBe(
			'suggest.error_line_long'
		);
		expect(firstError(mistakeSchema.safeParse({ what: 'Falsch', contact: 'x'.repeat(201) }))).toBe(
			'suggest.error_contact_long'
		);
	});

	it('check the staff’s answer and note', () => {
		const id = '00000000-0000-4000-8000-000000000001';
		expect(firstError(answerSchema.safeParse({ id, answer: '  ' }))).toBe(
			'staff.suggestions.error.answer'
		);
		expect(answerSchema.parse({ id, answer: ' Danke ' }).answer).toBe('Danke');
		expect(rejectSchema.parse({ id }).note).toBe('');
		expect(answerSchema.safeParse({ id: 'x', answer: 'Danke' }).success).toBe(false);
	});
});
