/**
 * The offer's own registration note without the sentences the page has just said: a note that
 * begins "Bitte melden Sie sich vorher an." under "Sie müssen sich vorher anmelden." says it
 * twice. Sentences equal to one of `said` (ignoring case, spaces and punctuation) are left out;
 * the rest stays as the provider wrote it.
 *
 *   withoutRepeats('Bitte melden Sie sich vorher an. Sagen Sie, wie viele Kinder mitkommen.',
 *     ['Bitte melden Sie sich vorher an.']) → 'Sagen Sie, wie viele Kinder mitkommen.'
 */
const fold = (text: string) =>
	text
		.normalize('NFKC')
		.toLocaleLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** Sentences with their closing punctuation and the space after it (., !, ?, ؟, ۔, ;, and the like). */
const SENTENCE = /[^.!?؟۔;。]+(?:[.!?؟۔;。]+|$)\s*/gu;

export function withoutRepeats(note: string | null, said: readonly string[]): string | null {
	if (!note) return note;
	const known = new Set(said.map(fold).filter(Boolean));
	const kept = (note.match(SENTENCE) ?? [note]).filter((sentence) => !known.has(fold(sentence)));
	const text = kept.join('').trim();
	return text === '' ? null : text;
}
