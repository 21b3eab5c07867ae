/**
 * A query against an IndexStore: words (typo-tolerant, across languages through the keyword
 * dictionary), filters, facet counts (disjunctive within a facet) and the page of hits sorted
 * by the reader's language first (language-first.ts), then by relevance, distance or title.
 */
import { queryWords, typoBudget, wordForms } from '../text';
import { nearOf, pageOf, selectedValues, summaryOf } from '../shared';
import {
	FACETS,
	FILTERS,
	type FacetCounts,
	type FilterName,
	type SearchHit,
	type SearchQuery,
	type SearchResult
} from '../types';
import { LANGUAGE_GROUP, wantedLanguages } from '../../../language-first';
import {
	andInto,
	countAnd,
	createBits,
	forEachSlot,
	hasBit,
	orInto,
	setBit,
	type Bits
} from './bitset';
import { IndexStore } from './store';
import { topK } from './top';
import type { Vocabulary } from './vocabulary';

/** How much a match counts by kind. */
const QUALITY = { exact: 1, prefix: 0.7, typo1: 0.55, typo2: 0.35, typoPrefix: 0.3 } as const;
/** At most this many terms per query word from a prefix, and from typos. */
const MAX_PREFIX_TERMS = 40;
const MAX_TYPO_TERMS = 40;

interface Candidate {
	term: string;
	quality: number;
}

/** Terms of `vocabulary` a query word reaches, each with its best quality. */
function expand(vocabulary: Vocabulary, word: string, last: boolean): Candidate[] {
	const best = new Map<string, number>();
	const offer = (term: string, quality: number) => {
		if ((best.get(term) ?? 0) < quality) best.set(term, quality);
	};
	if (vocabulary.has(word)) offer(word, QUALITY.exact);
	// the word being typed (the last one) may be the beginning of a longer word
	if (last || word.length >= 4) {
		for (const term of vocabulary.withPrefix(word, MAX_PREFIX_TERMS)) {
			if (term !== word) offer(term, last ? QUALITY.prefix : QUALITY.prefix * 0.8);
		}
	}
	const budget = typoBudget(word);
	if (budget > 0) {
		for (const match of vocabulary.fuzzy(word, budget, last, MAX_TYPO_TERMS)) {
			const term = vocabulary.terms[match.index];
			offer(
				term,
				match.prefix ? QUALITY.typoPrefix : match.distance === 1 ? QUALITY.typo1 : QUALITY.typo2
			);
		}
	}
	return [...best].map(([term, quality]) => ({ term, quality }));
}

/**
 * Slots matching the words, with scores. A document must contain every word (in any field or
 * through its keywords); when none does, those containing the most words are kept.
 */
function matchWords(store: IndexStore, words: string[]): { bits: Bits; scores: Float64Array } {
	const slots = store.slots;
	const scores = new Float64Array(slots);
	const matched = new Uint8Array(slots);
	const best = new Float64Array(slots);
	const live = Math.max(store.live, 1);

	words.forEach((word, index) => {
		best.fill(0);
		const last = index === words.length - 1;
		const forms = wordForms(word);
		const inText = forms.flatMap((form) => expand(store.vocabulary, form, last));
		const inKeywords = forms.flatMap((form) => expand(store.keywordVocabulary, form, last));
		for (const { term, quality } of inText) {
			const list = store.postings.get(term)!;
			const idf = Math.log(1 + live / (list.length / 2));
			for (let i = 0; i < list.length; i += 2) {
				const score = quality * idf * IndexStore.weight(list[i + 1]);
				if (score > best[list[i]]) best[list[i]] = score;
			}
		}
		for (const { term, quality } of inKeywords) {
			for (const target of store.keywordTargets.get(term) ?? []) {
				const bits = store.facets.get(target.facet)!.get(target.value);
				if (!bits) continue;
				const idf = Math.log(1 + live / Math.max(store.valueCount(target.facet, target.value), 1));
				const score = quality * idf * target.weight;
				forEachSlot(bits, (slot) => {
					if (score > best[slot]) best[slot] = score;
				});
			}
		}
		for (let slot = 0; slot < slots; slot++) {
			if (best[slot] > 0) {
				scores[slot] += best[slot];
				matched[slot]++;
			}
		}
	});

	let most = 0;
	for (let slot = 0; slot < slots; slot++) if (matched[slot] > most) most = matched[slot];
	const bits = createBits(store.words);
	if (most > 0) {
		for (let slot = 0; slot < slots; slot++) if (matched[slot] === most) setBit(bits, slot);
	}
	return { bits: andInto(bits, store.alive), scores };
}

/** Slots with any of the selected values of a facet; undefined when the facet does not filter. */
function facetFilter(store: IndexStore, facet: FilterName, values: string[]): Bits | undefined {
	if (values.length === 0) return undefined;
	const bits = createBits(store.words);
	for (const value of values) {
		const valueBits = store.facets.get(facet)!.get(value);
		if (valueBits) orInto(bits, valueBits);
	}
	return bits;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres. */
export function haversine(lat1: number, lng1: number, lat2: number, lng2: number): number {
	const dLat = (lat2 - lat1) * RAD;
	const dLng = (lng2 - lng1) * RAD;
	const a =
		Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * slot → the reader's-language group (language-first.ts): 0 with a text in `locale`, 1 held in
 * the reader's language or a chosen one, 2 otherwise; from bit sets, without reading documents.
 */
function languageGroups(
	store: IndexStore,
	locale: string,
	chosen: string[]
): (slot: number) => number {
	const own = store.textLocales.get(locale);
	const held = createBits(store.words);
	for (const code of wantedLanguages(locale, chosen)) {
		const bits = store.facets.get('language')!.get(code);
		if (bits) orInto(held, bits);
	}
	return (slot) =>
		own && hasBit(own, slot)
			? LANGUAGE_GROUP.own
			: hasBit(held, slot)
				? LANGUAGE_GROUP.chosen
				: LANGUAGE_GROUP.fallback;
}

export function searchStore(store: IndexStore, query: SearchQuery): SearchResult {
	const { limit, offset } = pageOf(query);
	const words = queryWords(query.q);
	const text = words.length > 0 ? matchWords(store, words) : null;
	const textBits = text ? text.bits : store.alive.slice();

	const filters = new Map<FilterName, Bits>();
	for (const facet of FILTERS) {
		const bits = facetFilter(store, facet, selectedValues(query.filters, facet));
		if (bits) filters.set(facet, bits);
	}
	const all = textBits.slice();
	for (const bits of filters.values()) andInto(all, bits);

	const facets = {} as FacetCounts;
	for (const facet of FACETS) {
		let base = all;
		if (filters.has(facet)) {
			base = textBits.slice();
			for (const [other, bits] of filters) if (other !== facet) andInto(base, bits);
		}
		const counts: Record<string, number> = {};
		for (const [value, bits] of store.facets.get(facet)!) {
			const n = countAnd(base, bits);
			if (n > 0) counts[value] = n;
		}
		for (const value of selectedValues(query.filters, facet)) counts[value] ??= 0;
		facets[facet] = counts;
	}

	const slots: number[] = [];
	forEachSlot(all, (slot) => slots.push(slot));
	const ranks = store.titleRanks(query.locale);
	const near = nearOf(query);
	const distances = near ? new Float64Array(store.slots).fill(Number.POSITIVE_INFINITY) : null;
	if (near && distances) {
		for (const slot of slots) {
			const lat = store.latitudes[slot];
			if (!Number.isNaN(lat))
				distances[slot] = haversine(near.lat, near.lng, lat, store.longitudes[slot]);
		}
	}
	const scores = text?.scores;
	const groups = languageGroups(store, query.locale, selectedValues(query.filters, 'language'));
	const primary = distances
		? (slot: number) => distances[slot]
		: scores
			? (slot: number) => -scores[slot]
			: (slot: number) => ranks[slot];
	const page = topK(
		slots,
		offset + limit,
		(a, b) => groups(a) - groups(b) || primary(a) - primary(b) || ranks[a] - ranks[b]
	);

	const hits: SearchHit[] = page.slice(offset).map((slot) => {
		const doc = store.docs[slot]!;
		const distance = distances && Number.isFinite(distances[slot]) ? distances[slot] : null;
		return {
			id: doc.id,
			score: scores ? Math.round(scores[slot] * 1000) / 1000 : 0,
			distance: distance === null ? null : Math.round(distance),
			offer: summaryOf(doc, query.locale)
		};
	});
	return { hits, total: slots.length, facets };
}
