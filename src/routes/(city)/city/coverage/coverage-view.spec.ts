import { describe, expect, it } from 'vitest';
import type { Coverage } from '$lib/coverage/types';
import { buildMatrix, mapLayers, offersHref, parseChoice, perThousand } from './coverage-view';

const coverage = {
	concept: { slug: 'kik', title: 'KIK', level_names: {} },
	target_group: null,
	offers: 6,
	districts: [
		{ slug: 'nord', name: 'Nord', population: 2000, population_migration: 500, offers: 3 },
		{ slug: 'sued', name: 'Süd', population: null, population_migration: null, offers: 2 }
	],
	fields: [
		{ code: '1', title: 'Sprache', offers: 3 },
		{ code: '2', title: 'Arbeit', offers: 1 }
	],
	categories: ['sports', 'work'],
	by_field: [
		{ district: 'nord', field: '1', offers: 2 },
		{ district: 'nord', field: '2', offers: 1 },
		{ district: 'sued', field: '1', offers: 1 },
		{ district: 'sued', field: '2', offers: 0 }
	],
	by_category: [
		{ district: 'nord', category: 'sports', offers: 3 },
		{ district: 'nord', category: 'work', offers: 0 },
		{ district: 'sued', category: 'sports', offers: 0 },
		{ district: 'sued', category: 'work', offers: 2 }
	],
	gaps: {
		measures_without_offer: [],
		district_fields_without_offer: [{ district: 'sued', field: '2' }],
		offers_without_measure: [],
		offers_without_point: ['x'],
		offers_without_district: []
	}
} satisfies Coverage;

const choice = (query: string) => parseChoice(new URLSearchParams(query))!;

describe('the coverage view', () => {
	it('reads the form’s choice and refuses what it does not offer', () => {
		expect(choice('')).toEqual({
			concept: null,
			targetGroup: null,
			columns: 'fields',
			measure: 'offers'
		});
		expect(choice('concept=kik&target_group=women&columns=categories&measure=per_1000')).toEqual({
			concept: 'kik',
			targetGroup: 'women',
			columns: 'categories',
			measure: 'per_1000'
		});
		for (const bad of ['target_group=aliens', 'columns=rows', 'measure=all', 'concept=K%20K']) {
			expect(parseChoice(new URLSearchParams(bad)), bad).toBeNull();
		}
	});

	it('counts cells, row and column totals, each linked to its offers', () => {
		const matrix = buildMatrix(coverage, choice('target_group=women'));
		expect(matrix.rows.map((row) => row.cells.map((cell) => cell.offers))).toEqual([
			[2, 1],
			[1, 0]
		]);
		expect(matrix.totals.map((cell) => cell.offers)).toEqual([3, 1]);
		expect(matrix.total.offers).toBe(5);
		expect(matrix.rows[0].cells[1].href).toBe(
			'/city/coverage/offers?target_group=women&district=nord&field=2'
		);
		expect(matrix.totals[0].href).toBe('/city/coverage/offers?target_group=women&field=1');
		const byCategory = buildMatrix(coverage, choice('columns=categories'));
		expect(byCategory.columns.map((column) => column.key)).toEqual(['sports', 'work']);
		expect(byCategory.rows[1].cells[1].href).toBe(
			'/city/coverage/offers?district=sued&category=work'
		);
		expect(offersHref({ gap: 'without_point' }, choice('concept=alt'))).toBe(
			'/city/coverage/offers?concept=alt&gap=without_point'
		);
	});

	it('gives per-1,000 figures where a district has its reference figure, and says where not', () => {
		const matrix = buildMatrix(coverage, choice('measure=per_1000'));
		expect(matrix.measure).toBe('per_1000');
		expect(matrix.rows[0].cells.map((cell) => cell.value)).toEqual([1, 0.5]);
		expect(matrix.rows[1].cells[0]).toMatchObject({ offers: 1, value: null });
		expect(matrix.missingFigures).toBe(1);
		// no city-wide figure when a district lacks its reference figure
		expect(matrix.total.value).toBeNull();
		expect(perThousand(7, 3000)).toBe(2.3);
		expect(mapLayers(matrix, (column) => column.key)[0].values).toEqual({ nord: 1, sued: null });

		// no district has it: the matrix shows offers and says so
		const none = {
			...coverage,
			districts: coverage.districts.map((d) => ({ ...d, population_migration: null }))
		};
		expect(buildMatrix(none, choice('measure=per_1000_migration')).measure).toBe('offers');
	});
});
