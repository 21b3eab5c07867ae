/**
 * The first k items of a list in the order of `compare`, without sorting all of it: a bounded
 * max-heap keeps the k best seen so far (n log k instead of n log n).
 */
export function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
	if (k <= 0) return [];
	if (items.length <= k * 4) return [...items].sort(compare).slice(0, k);
	// heap[0] is the worst of the best k
	const heap: T[] = [];
	const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
	const swap = (i: number, j: number) => {
		const t = heap[i];
		heap[i] = heap[j];
		heap[j] = t;
	};
	const up = (i: number) => {
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!worse(i, parent)) return;
			swap(i, parent);
			i = parent;
		}
	};
	const down = (i: number) => {
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let worst = i;
			if (left < heap.length && worse(left, worst)) worst = left;
			if (right < heap.length && worse(right, worst)) worst = right;
			if (worst === i) return;
			swap(i, worst);
			i = worst;
		}
	};
	for (const item of items) {
		if (heap.length < k) {
			heap.push(item);
			up(heap.length - 1);
		} else if (compare(item, heap[0]) < 0) {
			heap[0] = item;
			down(0);
		}
	}
	return heap.sort(compare);
}
