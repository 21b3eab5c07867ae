import { describe, expect, it } from 'vitest';
import { monthParameter, usageTable } from './usage-table';

describe('usageTable', () => {
	it('has a row for every locale and none, the kinds as columns, and totals', () => {
		const table = usageTable([
			{ locale: 'ar', route_kind: 'offer', count: 8 },
			{ locale: 'ar', route_kind: 'start', count: 2 },
			{ locale: 'de', route_kind: 'offer', count: 5 },
			{ locale: 'none', route_kind: 'hsds', count: 1 }
		]);
		expect(table.rows.map((row) => row.locale)).toEqual([
			'de',
			'de-simple',
			'en',
			'ar',
			'fa',
			'tr',
			'uk',
			'ru',
			'ro',
			'none'
		]);
		const offer = table.kinds.indexOf('offer');
		const arabic = table.rows.find((row) => row.locale === 'ar')!;
		expect(arabic.cells[offer]).toBe(8);
		expect(arabic.total).toBe(10);
		expect(table.rows.find((row) => row.locale === 'fa')!.total).toBe(0);
		expect(table.totals[offer]).toBe(13);
		expect(table.total).toBe(16);
	});
});

describe('monthParameter', () => {
	it('takes YYYY-MM, nothing else', () => {
		expect(monthParameter(null)).toBeNull();
		expect(monthParameter('')).toBeNull();
		expect(monthParameter('2026-12')).toBe('2026-12-01');
		for (const bad of ['2026-13', '2026-1', '12-2026', '2026-12-01', "2026-12'"]) {
			expect(monthParameter(bad), bad).toBeUndefined();
		}
	});
});
