import { describe, expect, it } from 'vitest';
import { MAX_PER_PAGE, parseHsdsQuery, parseModifiedAfter } from './query';

const ALL = ['search', 'page', 'per_page', 'modified_after', 'organization_id', 'locale'] as const;
const parse = (query: string, allowed: readonly (typeof ALL)[number][] = ALL) =>
	parseHsdsQuery(new URLSearchParams(query), allowed);

describe('parseHsdsQuery', () => {
	it('reads the defaults and every parameter', () => {
		expect(parse('')).toEqual({ ok: true, query: { page: 1, perPage: 20, locale: 'de' } });
		expect(
			parse(
				'search=+Deutschkurs+&page=3&per_page=100&modified_after=2026-12-01&organization_id=0E1D2C3B-4A59-4687-8A9B-0C1D2E3F4A5B&locale=ar'
			)
		).toEqual({
			ok: true,
			query: {
				search: 'Deutschkurs',
				page: 3,
				perPage: MAX_PER_PAGE,
				modifiedAfter: '2026-12-01T00:00:00.000Z',
				organizationId: '0e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b',
				locale: 'ar'
			}
		});
		// an empty search is no search
		expect(parse('search=%20')).toEqual({
			ok: true,
			query: { page: 1, perPage: 20, locale: 'de' }
		});
	});

	it('names the first bad parameter', () => {
		const cases: [string, string][] = [
			['page=0', 'page'],
			['page=-1', 'page'],
			['page=1.5', 'page'],
			['per_page=101', 'per_page'],
			['per_page=0', 'per_page'],
			['per_page=ten', 'per_page'],
			['modified_after=yesterday', 'modified_after'],
			['modified_after=2026-02-30', 'modified_after'],
			['modified_after=2026-12-01T25:00:00Z', 'modified_after'],
			['organization_id=42', 'organization_id'],
			['locale=xx', 'locale'],
			['taxonomy_id=abc', 'taxonomy_id'],
			['__proto__=1', '__proto__'],
			['page=1&page=2', 'page'],
			[`search=${'a'.repeat(201)}`, 'search']
		];
		for (const [query, parameter] of cases) {
			const parsed = parse(query);
			expect(parsed.ok, query).toBe(false);
			if (!parsed.ok) {
				expect(parsed.error.parameter, query).toBe(parameter);
				expect(parsed.error.message.startsWith(`${parameter}: `), query).toBe(true);
			}
		}
		// an endpoint takes only its own
		expect(parse('search=x', ['page'])).toMatchObject({
			ok: false,
			error: { parameter: 'search' }
		});
	});
});

describe('parseModifiedAfter', () => {
	it('reads dates and date-times, UTC when no zone is given', () => {
		expect(parseModifiedAfter('2026-12-01T08:30:00+01:00')).toBe('2026-12-01T07:30:00.000Z');
		expect(parseModifiedAfter('2026-12-01T08:30Z')).toBe('2026-12-01T08:30:00.000Z');
		expect(parseModifiedAfter('2026-12-01T08:30:00.123456Z')).toBe('2026-12-01T08:30:00.123Z');
		expect(parseModifiedAfter('2026-12-01 08:30:00')).toBe('2026-12-01T08:30:00.000Z');
		expect(parseModifiedAfter('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
		expect(parseModifiedAfter('2025-02-29')).toBeNull();
		expect(parseModifiedAfter('1 December')).toBeNull();
	});
});
