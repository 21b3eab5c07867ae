/**
 * The sorted vocabulary of an index and the ways a query word finds its terms: exactly, as a
 * prefix, and within a number of typos (optimal string alignment distance: insertion, deletion,
 * substitution and the swap of two neighbouring letters each count one), also as a prefix.
 *
 * The typo search walks the sorted terms like a trie: terms sharing a prefix share the rows
 * of the edit distance matrix computed for it, and a prefix whose row is already beyond the
 * budget skips every term that starts with it.
 */

/** How a term matched a query word. */
export interface TermMatch {
	/** Index of the term in the vocabulary. */
	index: number;
	/** Edits needed (0 for exact and prefix matches). */
	distance: number;
	/** Whether the query word matched a beginning of the term rather than all of it. */
	prefix: boolean;
}

export class Vocabulary {
	/** Terms in code unit order. */
	readonly terms: string[] = [];
	#sorted = true;
	#known = new Set<string>();

	get size(): number {
		return this.terms.length;
	}

	/** Adds a term (bulk adds are sorted once, at the next lookup). */
	add(term: string): void {
		if (this.#known.has(term)) return;
		this.#known.add(term);
		this.terms.push(term);
		this.#sorted = false;
	}

	has(term: string): boolean {
		return this.#known.has(term);
	}

	#ensureSorted(): void {
		if (this.#sorted) return;
		this.terms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		this.#sorted = true;
	}

	/** The first index whose term is not below `term`. */
	#lowerBound(term: string): number {
		let lo = 0;
		let hi = this.terms.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.terms[mid] < term) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** The first index after all terms that start with `prefix`. */
	#prefixEnd(prefix: string, from: number): number {
		let lo = from;
		let hi = this.terms.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.terms[mid].startsWith(prefix) || this.terms[mid] < prefix) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Terms that start with `prefix` (itself included), at most `limit`, in order. */
	withPrefix(prefix: string, limit: number): string[] {
		this.#ensureSorted();
		const found: string[] = [];
		for (let i = this.#lowerBound(prefix); i < this.terms.length && found.length < limit; i++) {
			if (!this.terms[i].startsWith(prefix)) break;
			found.push(this.terms[i]);
		}
		return found;
	}

	/**
	 * Terms within `maxDistance` edits of `word`; with `prefix`, also terms that begin with
	 * something within `maxDistance` edits of it. At most `limit` matches, closest kept.
	 */
	fuzzy(word: string, maxDistance: number, prefix: boolean, limit = 64): TermMatch[] {
		this.#ensureSorted();
		const matches: TermMatch[] = [];
		if (maxDistance <= 0 || this.terms.length === 0) return matches;
		const m = word.length;
		const query = new Uint16Array(m);
		for (let j = 0; j < m; j++) query[j] = word.charCodeAt(j);

		const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
		const rowMin: number[] = [0];
		/** min over depths ≤ i of the last column: the best prefix distance so far. */
		const prefixBest: number[] = [m];
		let previous = '';
		/** Rows 0…validDepth belong to the prefix of `previous`. */
		let validDepth = 0;

		let i = 0;
		while (i < this.terms.length) {
			const term = this.terms[i];
			let depth = 0;
			const shared = Math.min(validDepth, term.length, previous.length);
			while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
			previous = term;
			validDepth = depth;

			let pruned = false;
			for (let d = depth + 1; d <= term.length; d++) {
				const row = (rows[d] ??= new Int32Array(m + 1));
				const above = rows[d - 1];
				const c = term.charCodeAt(d - 1);
				const before = d > 1 ? term.charCodeAt(d - 2) : -1;
				row[0] = d;
				let min = d;
				for (let j = 1; j <= m; j++) {
					let v = above[j - 1] + (query[j - 1] === c ? 0 : 1);
					if (above[j] + 1 < v) v = above[j] + 1;
					if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
					if (d > 1 && j > 1 && query[j - 1] === before && query[j - 2] === c) {
						const swapped = rows[d - 2][j - 2] + 1;
						if (swapped < v) v = swapped;
					}
					row[j] = v;
					if (v < min) min = v;
				}
				rowMin[d] = min;
				prefixBest[d] = Math.min(prefixBest[d - 1], row[m]);
				validDepth = d;
				if (min > maxDistance) {
					// nothing that starts like this can come within budget, except as a prefix
					// match if the word already matched a beginning of it
					const end = this.#prefixEnd(term.slice(0, d), i + 1);
					if (prefix && prefixBest[d] <= maxDistance) {
						for (let k = i; k < end && matches.length < limit * 4; k++) {
							matches.push({ index: k, distance: prefixBest[d], prefix: true });
						}
					}
					i = end;
					pruned = true;
					break;
				}
			}
			if (pruned) continue;

			const distance = rows[term.length][m];
			if (distance <= maxDistance) {
				matches.push({ index: i, distance, prefix: false });
			} else if (prefix && prefixBest[term.length] <= maxDistance) {
				matches.push({ index: i, distance: prefixBest[term.length], prefix: true });
			}
			i++;
		}
		if (matches.length > limit) {
			matches.sort((a, b) => a.distance - b.distance || Number(a.prefix) - Number(b.prefix));
			matches.length = limit;
		}
		return matches;
	}
}
