/**
 * The data of one in-memory index: documents in slots, an inverted index of their words with a
 * weight per document, bit sets per facet value, coordinates, and the shared keyword
 * dictionary (category and target-group words, which reach documents through their facets).
 *
 * A replaced or removed document leaves a dead slot behind; the engine rebuilds the index when
 * too many have piled up.
 */
import { tokenize, wordForms } from '../text';
import { textFor } from '../shared';
import { FILTERS, type FilterName, type SearchDocument } from '../types';
import { clearBit, count, createBits, resize, setBit, wordsFor, type Bits } from './bitset';
import { Vocabulary } from './vocabulary';

/** How much a word counts in each field. */
const FIELD_WEIGHTS = {
	title: 5,
	summary: 2,
	description: 1,
	organisation: 1.5,
	place: 1.5
} as const;

/** Weights are kept as integers (×100) so that posting arrays stay small-integer arrays. */
const WEIGHT_SCALE = 100;

/**
 * What keywords point to: a facet, or 'topic' (an offer's topics, topic-keywords.ts), which
 * is kept like a facet but not counted.
 */
export type KeywordFacet = FilterName | 'topic';

/** A word of the keyword dictionary and what it points to. */
export interface KeywordTarget {
	facet: KeywordFacet;
	value: string;
	/** How much a match counts, like a field weight. */
	weight: number;
}

/** Keyword phrases per facet value, e.g. category language_course → ['Deutschkurs', …]. */
export interface KeywordDictionary {
	entries: { facet: KeywordFacet; value: string; weight: number; phrases: string[] }[];
}

export class IndexStore {
	readonly docs: (SearchDocument | undefined)[] = [];
	readonly slotOf = new Map<string, number>();
	alive: Bits;
	live = 0;
	/** term → [slot, weight, slot, weight, …] */
	readonly postings = new Map<string, number[]>();
	readonly vocabulary = new Vocabulary();
	/** facet (and 'topic') → value → slots */
	readonly facets = new Map<KeywordFacet, Map<string, Bits>>(
		[...FILTERS, 'topic' as const].map((f) => [f, new Map()])
	);
	latitudes: Float64Array;
	longitudes: Float64Array;
	/** Keyword term → what it points to; its own vocabulary for prefix and typo lookups. */
	readonly keywordTargets = new Map<string, KeywordTarget[]>();
	readonly keywordVocabulary = new Vocabulary();
	/** Keyword term → the word as the dictionary writes it (for spelling suggestions). */
	readonly keywordSurface = new Map<string, string>();
	/** Per locale: the slots of documents with a text in it (the reader's-language groups). */
	readonly textLocales = new Map<string, Bits>();
	/** Per locale: slot → position in the order by title; rebuilt after changes. */
	readonly #titleRanks = new Map<string, Int32Array>();
	#capacity: number;

	constructor(keywords: KeywordDictionary, capacity = 1024) {
		this.#capacity = Math.max(capacity, 32);
		const words = wordsFor(this.#capacity);
		this.alive = createBits(words);
		this.latitudes = new Float64Array(this.#capacity).fill(Number.NaN);
		this.longitudes = new Float64Array(this.#capacity).fill(Number.NaN);
		for (const entry of keywords.entries) {
			for (const phrase of entry.phrases) {
				for (const raw of phrase.split(/\s+/)) {
					for (const term of tokenize(raw).flatMap(wordForms)) {
						if (!this.keywordSurface.has(term)) this.keywordSurface.set(term, raw);
					}
				}
				for (const term of tokenize(phrase).flatMap(wordForms)) {
					const targets = this.keywordTargets.get(term) ?? [];
					if (!targets.some((t) => t.facet === entry.facet && t.value === entry.value)) {
						targets.push({ facet: entry.facet, value: entry.value, weight: entry.weight });
					}
					this.keywordTargets.set(term, targets);
					this.keywordVocabulary.add(term);
				}
			}
		}
	}

	/** Slots in use, dead ones included. */
	get slots(): number {
		return this.docs.length;
	}

	get words(): number {
		return this.alive.length;
	}

	get dead(): number {
		return this.docs.length - this.live;
	}

	#grow(): void {
		this.#capacity *= 2;
		const words = wordsFor(this.#capacity);
		this.alive = resize(this.alive, words);
		for (const values of this.facets.values()) {
			for (const [value, bits] of values) values.set(value, resize(bits, words));
		}
		for (const [locale, bits] of this.textLocales)
			this.textLocales.set(locale, resize(bits, words));
		const lat = new Float64Array(this.#capacity).fill(Number.NaN);
		const lng = new Float64Array(this.#capacity).fill(Number.NaN);
		lat.set(this.latitudes);
		lng.set(this.longitudes);
		this.latitudes = lat;
		this.longitudes = lng;
	}

	/** The bits of a facet value (created empty on first use). */
	facetBits(facet: KeywordFacet, value: string): Bits {
		const values = this.facets.get(facet)!;
		let bits = values.get(value);
		if (!bits) {
			bits = createBits(this.words);
			values.set(value, bits);
		}
		return bits;
	}

	/** Adds or replaces a document. */
	put(
		doc: SearchDocument,
		facetValues: (doc: SearchDocument, facet: FilterName) => string[]
	): void {
		this.delete(doc.id);
		if (this.docs.length >= this.#capacity) this.#grow();
		const slot = this.docs.length;
		this.docs.push(doc);
		this.slotOf.set(doc.id, slot);
		setBit(this.alive, slot);
		this.live++;
		this.#titleRanks.clear();

		for (const facet of FILTERS) {
			for (const value of facetValues(doc, facet)) setBit(this.facetBits(facet, value), slot);
		}
		for (const topic of doc.topics ?? []) setBit(this.facetBits('topic', topic), slot);
		for (const locale of Object.keys(doc.texts)) {
			let bits = this.textLocales.get(locale);
			if (!bits) this.textLocales.set(locale, (bits = createBits(this.words)));
			setBit(bits, slot);
		}
		if (doc.location) {
			this.latitudes[slot] = doc.location.lat;
			this.longitudes[slot] = doc.location.lng;
		}

		const weights = new Map<string, number>();
		const addField = (text: string | null | undefined, weight: number) => {
			const counts = new Map<string, number>();
			for (const word of tokenize(text)) {
				for (const term of wordForms(word)) counts.set(term, (counts.get(term) ?? 0) + 1);
			}
			for (const [term, tf] of counts) {
				weights.set(term, (weights.get(term) ?? 0) + weight * (1 + Math.log(tf)));
			}
		};
		for (const text of Object.values(doc.texts)) {
			addField(text.title, FIELD_WEIGHTS.title);
			addField(text.summary, FIELD_WEIGHTS.summary);
			addField(text.description, FIELD_WEIGHTS.description);
		}
		addField(doc.organisation_name, FIELD_WEIGHTS.organisation);
		addField(
			[doc.district_name, doc.street, doc.postal_code, doc.locality].join(' '),
			FIELD_WEIGHTS.place
		);
		for (const [term, weight] of weights) {
			let list = this.postings.get(term);
			if (!list) {
				list = [];
				this.postings.set(term, list);
				this.vocabulary.add(term);
			}
			list.push(slot, Math.max(1, Math.round(weight * WEIGHT_SCALE)));
		}
	}

	/** Removes a document; its slot stays dead. Returns whether it was there. */
	delete(id: string): boolean {
		const slot = this.slotOf.get(id);
		if (slot === undefined) return false;
		this.slotOf.delete(id);
		this.docs[slot] = undefined;
		clearBit(this.alive, slot);
		for (const values of this.facets.values())
			for (const bits of values.values()) clearBit(bits, slot);
		for (const bits of this.textLocales.values()) clearBit(bits, slot);
		this.latitudes[slot] = Number.NaN;
		this.longitudes[slot] = Number.NaN;
		this.live--;
		this.#titleRanks.clear();
		return true;
	}

	/** Live documents, in slot order. */
	liveDocuments(): SearchDocument[] {
		return this.docs.filter((doc): doc is SearchDocument => doc !== undefined);
	}

	/** Number of live documents with a facet value. */
	valueCount(facet: KeywordFacet, value: string): number {
		const bits = this.facets.get(facet)!.get(value);
		return bits ? count(bits) : 0;
	}

	/** slot → rank in the order by the title shown in `locale` (folded), then id. */
	titleRanks(locale: string): Int32Array {
		let ranks = this.#titleRanks.get(locale);
		if (ranks) return ranks;
		const keyed: { slot: number; key: string; id: string }[] = [];
		this.docs.forEach((doc, slot) => {
			if (!doc) return;
			const title = textFor(doc, locale)?.text.title ?? '';
			keyed.push({ slot, key: tokenize(title).join(' '), id: doc.id });
		});
		keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
		ranks = new Int32Array(this.docs.length).fill(keyed.length);
		keyed.forEach(({ slot }, rank) => (ranks![slot] = rank));
		this.#titleRanks.set(locale, ranks);
		return ranks;
	}

	/** Weight of a posting as stored, back in field-weight units. */
	static weight(stored: number): number {
		return stored / WEIGHT_SCALE;
	}
}
