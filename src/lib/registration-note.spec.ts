import { describe, expect, it } from 'vitest';
import { withoutRepeats } from './registration-note';

describe('the registration note without what the page has said', () => {
	it('leaves out a sentence the page says already, whatever its case and punctuation', () => {
		expect(
			withoutRepeats(
				'Bitte melden Sie sich vorher an. Sagen Sie uns auch, wie viele Kinder mitkommen.',
				['Sie müssen sich vorher anmelden.', 'Bitte melden Sie sich vorher an']
			)
		).toBe('Sagen Sie uns auch, wie viele Kinder mitkommen.');
		expect(
			withoutRepeats('bitte melden sie sich vorher an!', ['Bitte melden Sie sich vorher an.'])
		).toBe(null);
	});

	it('keeps a note that says more, in any script', () => {
		const note = 'يُرجى التسجيل لكم ولأطفالكم مسبقًا حتى تتوفّر أماكن كافية لرعاية الأطفال.';
		expect(withoutRepeats(note, ['التسجيل مطلوب'])).toBe(note);
		expect(withoutRepeats(null, ['x'])).toBe(null);
		expect(
			withoutRepeats('Offene Sprechstunde ohne Termin; für längere Gespräche einen Termin.', [
				'Anmeldung erforderlich'
			])
		).toBe('Offene Sprechstunde ohne Termin; für längere Gespräche einen Termin.');
	});
});
