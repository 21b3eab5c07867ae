import { describe, expect, it } from 'vitest';
import { ImportRefused } from './errors';
import { ORGANISATION_COLUMNS, readOrganisationsCsv } from './organisations';

describe('readOrganisationsCsv', () => {
	it('reads ; with a BOM and , without, rows numbered as the spreadsheet shows them', () => {
		const semicolon = '\uFEFFslug;name;kind\r\n\r\nverein-a;"Verein A; e. V.";Verein\r\n';
		expect(readOrganisationsCsv(semicolon)).toEqual([
			{ row: 3, slug: 'verein-a', name: 'Verein A; e. V.', kind: 'Verein' }
		]);
		expect(readOrganisationsCsv('slug,name,kind,phone\nb,B,club,0631 1\n')).toEqual([
			{ row: 2, slug: 'b', name: 'B', kind: 'club', phone: '0631 1' }
		]);
	});

	it('refuses a header without a required column or with an unknown one', () => {
		const read = (text: string) => {
			try {
				readOrganisationsCsv(text);
			} catch (error) {
				expect(error).toBeInstanceOf(ImportRefused);
				return (error as ImportRefused).problems;
			}
			throw new Error('not refused');
		};
		expect(read('slug;name;art\nx;X;club\n')).toEqual([
			{ row: 1, reason: 'unknown column: art' },
			{ row: 1, reason: 'missing column: kind' }
		]);
	});

	it('documents the columns the database takes', () => {
		expect(ORGANISATION_COLUMNS.map((c) => c.name)).toEqual([
			'slug',
			'name',
			'kind',
			'street',
			'postal_code',
			'locality',
			'website',
			'email',
			'phone'
		]);
	});
});
