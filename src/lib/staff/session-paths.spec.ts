import { describe, expect, it } from 'vitest';
import { isSessionPath, safeReturnPath } from './session-paths';

describe('isSessionPath', () => {
	it('takes the staff and city areas and nothing that merely starts like them', () => {
		for (const path of ['/staff', '/staff/', '/staff/offers/1', '/city', '/city/coverage']) {
			expect(isSessionPath(path), path).toBe(true);
		}
		for (const path of ['/', '/de', '/staffing', '/cityhall', '/de/staff', '/api/offers']) {
			expect(isSessionPath(path), path).toBe(false);
		}
	});
});

describe('safeReturnPath', () => {
	it('keeps paths of the areas with sessions, with their query', () => {
		expect(safeReturnPath('/staff/offers/1?tab=texts')).toBe('/staff/offers/1?tab=texts');
		expect(safeReturnPath('/city')).toBe('/city');
	});

	it('refuses other origins, public pages, the sign-in pages and nonsense', () => {
		for (const value of [
			null,
			'',
			'https://evil.example/staff',
			'//evil.example/staff',
			'/\\evil.example/staff',
			'/de',
			'/staff/sign-in',
			'/staff/sign-out',
			'staff',
			`/staff/${'x'.repeat(1000)}`
		]) {
			expect(safeReturnPath(value), String(value)).toBeNull();
		}
	});
});
