import { describe, expect, it } from 'vitest';
import type { WeekDay } from '$lib/week';
import { firstEntryKeys } from './week-anchors';

const entry = (key: string, offer_id: string) => ({ key, offer_id }) as WeekDay['entries'][number];

describe('firstEntryKeys', () => {
	it('anchors each offer at its first entry of the week only', () => {
		const days = [
			{ day: '2026-12-01', entries: [entry('s1:a', 'o1'), entry('s2:a', 'o2')] },
			{ day: '2026-12-02', entries: [entry('s1:b', 'o1'), entry('s3:a', 'o3')] }
		] as WeekDay[];
		expect([...firstEntryKeys(days)]).toEqual(['s1:a', 's2:a', 's3:a']);
	});
});
