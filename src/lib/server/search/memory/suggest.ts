/**
 * Spelling suggestions for a query that found nothing: each word that reaches no term of the
 * index is replaced by the closest terms of its vocabulary (texts and keywords) within one typo
 * more than a search tolerates, the more frequent first; a suggestion is offered only when it
 * finds offers. Terms are shown as the texts write them ("Deutschkurs", not "deutschkurs").
 */
import { normalize, queryWords, tokenize, typoBudget, wordForms } from '../text';
import type { SearchFilters } from '../types';
import { searchStore } from './search';
import type { IndexStore } from './store';
import type { Vocabulary } from './vocabulary';

/** Words shorter than this get no suggestion: too many terms are one typo from them. */
const MIN_LENGTH = 3;

interface Candidate {
	term: string;
	distance: number;
	/** Documents with the term (keywords count as many as their facet value's documents). */
	weight: number;
}

/** Whether a word reaches some term as a search would (exactly, as a prefix, within typos). */
function reaches(vocabulary: Vocabulary, word: string): boolean {
	if (vocabulary.has(word) || vocabulary.withPrefix(word, 1).length > 0) return true;
	const budget = typoBudget(word);
	return budget > 0 && vocabulary.fuzzy(word, budget, true, 1).length > 0;
}

/** Terms close to `word`, closest and most frequent first. */
function closeTerms(store: IndexStore, word: string): Candidate[] {
	const budget = typoBudget(word) + 1;
	const found = new Map<string, Candidate>();
	const consider = (vocabulary: Vocabulary, weightOf: (term: string) => number) => {
		for (const match of vocabulary.fuzzy(word, budget, false, 40)) {
			const term = vocabulary.terms[match.index];
			const weight = weightOf(term);
			const known = found.get(term);
			if (!known || match.distance < known.distance) {
				found.set(term, { term, distance: match.distance, weight });
			}
		}
	};
	consider(store.vocabulary, (term) => (store.postings.get(term)?.length ?? 0) / 2);
	consider(store.keywordVocabulary, (term) =>
		(store.keywordTargets.get(term) ?? []).reduce(
			(sum, target) => sum + store.valueCount(target.facet, target.value),
			0
		)
	);
	return [...found.values()]
		.filter((candidate) => candidate.weight > 0)
		.sort((a, b) => a.distance - b.distance || b.weight - a.weight || (a.term < b.term ? -1 : 1));
}

/** A term as the texts (or the keywords) write it; the term itself when none is found. */
function surfaceForm(store: IndexStore, term: string): string {
	const matches = (raw: string) => tokenize(raw).flatMap(wordForms).includes(term);
	const fromText = (text: string | null | undefined) =>
		text?.split(/[\s,.;:!?()[\]"„“”«»/–—]+/u).find((raw) => raw && matches(raw));
	const postings = store.postings.get(term) ?? [];
	for (let i = 0; i < Math.min(postings.length, 20); i += 2) {
		const doc = store.docs[postings[i]];
		if (!doc) continue;
		for (const text of Object.values(doc.texts)) {
			const raw =
				fromText(text.title) ?? fromText(text.summary) ?? fromText(text.description) ?? null;
			if (raw) return raw.replace(/^[-'’]+|[-'’]+$/g, '');
		}
	}
	return store.keywordSurface.get(term) ?? term;
}

/**
 * Up to `limit` queries like `q` with its unknown words spelled as the index spells them, each
 * finding offers with `filters` (or, when none would, without them).
 */
export function suggestSpellings(
	store: IndexStore,
	q: string,
	filters: SearchFilters = {},
	limit = 3
): string[] {
	const words = queryWords(q);
	if (words.length === 0) return [];
	const known = (word: string) =>
		wordForms(word).some(
			(form) => reaches(store.vocabulary, form) || reaches(store.keywordVocabulary, form)
		);
	const options = words.map((word) => {
		if ([...word].length < MIN_LENGTH || known(word)) return [word];
		return closeTerms(store, word)
			.slice(0, limit)
			.map((candidate) => candidate.term);
	});
	if (options.every((list, i) => list.length === 1 && list[0] === words[i])) return [];
	if (options.some((list) => list.length === 0)) {
		// a word with nothing close: suggest the others alone
		const rest = options.filter((list) => list.length > 0);
		if (rest.length === 0) return [];
		options.splice(0, options.length, ...rest);
	}
	const suggestions: string[] = [];
	const seen = new Set<string>();
	for (let rank = 0; rank < limit; rank++) {
		const terms = options.map((list) => list[Math.min(rank, list.length - 1)]);
		const text = terms.map((term) => surfaceForm(store, term)).join(' ');
		const key = normalize(text);
		if (seen.has(key) || normalize(q) === key) continue;
		seen.add(key);
		const finds = (f: SearchFilters) =>
			searchStore(store, { q: text, locale: 'de', filters: f, limit: 1 }).total > 0;
		if (finds(filters) || finds({})) suggestions.push(text);
	}
	return suggestions;
}
