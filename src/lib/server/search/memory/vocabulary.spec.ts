import { describe, expect, it } from 'vitest';
import { random } from '$test/factories';
import { Vocabulary } from './vocabulary';

/** Optimal string alignment distance, the plain way. */
function osa(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			d[i][j] = Math.min(
				d[i - 1][j] + 1,
				d[i][j - 1] + 1,
				d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[a.length][b.length];
}

const vocabularyOf = (terms: string[]) => {
	const vocabulary = new Vocabulary();
	for (const term of terms) vocabulary.add(term);
	return vocabulary;
};

describe('Vocabulary', () => {
	it('counts a swap of neighbouring letters as one typo', () => {
		const vocabulary = vocabularyOf(['sprachkurs', 'sprachcafe', 'kurs', 'deutschkurs']);
		const found = vocabulary.fuzzy('sprachkrus', 1, false);
		expect(found.map((m) => vocabulary.terms[m.index])).toEqual(['sprachkurs']);
		expect(found[0]).toMatchObject({ distance: 1, prefix: false });
	});

	it('matches the beginning of a term within the budget when asked', () => {
		const vocabulary = vocabularyOf(['deutschkurs', 'deutschland', 'integration']);
		const terms = (word: string, prefix: boolean) =>
			vocabulary.fuzzy(word, 1, prefix).map((m) => [vocabulary.terms[m.index], m.prefix]);
		expect(terms('duetsch', true)).toEqual([
			['deutschkurs', true],
			['deutschland', true]
		]);
		expect(terms('duetsch', false)).toEqual([]);
		expect(vocabulary.withPrefix('deutsch', 10)).toEqual(['deutschkurs', 'deutschland']);
	});

	it('finds exactly the terms a brute-force comparison finds', () => {
		const next = random(11);
		const letters = 'aeiknrst';
		const word = () =>
			Array.from(
				{ length: 3 + Math.floor(next() * 6) },
				() => letters[Math.floor(next() * letters.length)]
			).join('');
		const terms = [...new Set(Array.from({ length: 1500 }, word))];
		const vocabulary = vocabularyOf(terms);
		for (let n = 0; n < 25; n++) {
			const query = word();
			for (const budget of [1, 2]) {
				const found = vocabulary
					.fuzzy(query, budget, false, 10_000)
					.map((m) => vocabulary.terms[m.index])
					.sort();
				const expected = terms.filter((t) => osa(query, t) <= budget).sort();
				expect(found, `${query} ≤ ${budget}`).toEqual(expected);
			}
			const prefixed = vocabulary
				.fuzzy(query, 1, true, 10_000)
				.map((m) => vocabulary.terms[m.index])
				.sort();
			const expectedPrefixed = terms
				.filter((t) => [...Array(t.length + 1).keys()].some((k) => osa(query, t.slice(0, k)) <= 1))
				.sort();
			expect(prefixed, `${query} as a prefix`).toEqual(expectedPrefixed);
		}
	});
});
