// Deterministic randomness and identifiers for the demo seed.
//
// Every random choice comes from a generator seeded with a stable key ('offer:sprachcafe:thingers'),
// so adding or removing one entry does not reshuffle the others. Identifiers are name-based
// UUIDs (RFC 4122 version 5), so links between rows stay the same from run to run.

import { createHash } from 'node:crypto';

/** 32-bit FNV-1a hash of a string. */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A small seeded generator (mulberry32) with the helpers the seed needs. */
export class Rng {
	private state: number;

	constructor(key: string) {
		this.state = hash32(`kempten-demo:${key}`);
	}

	/** A number in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}
}

// Namespace of the demo city's identifiers (itself a random v4 UUID, fixed here for good).
const NAMESPACE = '6f1d2c3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';

/** Name-based UUID (version 5) for a stable key such as 'organisation:vhs-kempten'. */
export function uuidFor(key: string): string {
	const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
	const bytes = createHash('sha1')
		.update(Buffer.concat([ns, Buffer.from(key, 'utf8')]))
		.digest()
		.subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
