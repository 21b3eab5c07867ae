import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PAGE_SIZE,
	parseSearchParams,
	searchParamsOf,
	searchQuerySchema,
	type ParsedSearchParams
} from './search-query';

function parse(search: string, options?: Parameters<typeof parseSearchParams>[1]) {
	return parseSearchParams(new URLSearchParams(search), options);
}

function query(result: ParsedSearchParams) {
	if (!result.ok) throw new Error(`expected a query, got ${JSON.stringify(result.error)}`);
	return result.query;
}

function error(result: ParsedSearchParams) {
	if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.query)}`);
	return result.error;
}

describe('parseSearchParams', () => {
	it('reads an empty query string as every offer in German, first page', () => {
		expect(query(parse(''))).toEqual({ locale: 'de', limit: DEFAULT_PAGE_SIZE, offset: 0 });
	});

	it('reads the search text, the locale and every filter', () => {
		const result = query(
			parse(
				'q=Deutschkurs&locale=ar&category=language_course&district=sankt-mang' +
					'&organisation=stadtteilbuero-sankt-mang&language=ar' +
					'&target_group=women&weekday=MO&german_level=none&free=true&childcare=1' +
					'&women_only=false&wheelchair=0&near=47.7267,10.3139&limit=50&offset=100'
			)
		);
		expect(result).toEqual({
			q: 'Deutschkurs',
			locale: 'ar',
			filters: {
				category: ['language_course'],
				district: ['sankt-mang'],
				organisation: ['stadtteilbuero-sankt-mang'],
				language: ['ar'],
				target_group: ['women'],
				weekday: ['MO'],
				german_level: ['none'],
				free: true,
				childcare: true,
				women_only: false,
				wheelchair: false
			},
			near: { lat: 47.7267, lng: 10.3139 },
			limit: 50,
			offset: 100
		});
	});

	it('takes repeated and comma-separated values alike, without duplicates', () => {
		const repeated = query(parse('category=sports&category=family&weekday=mo,TU&weekday=MO'));
		const commas = query(parse('category=sports,family&weekday=MO,TU'));
		expect(repeated.filters).toEqual({ category: ['sports', 'family'], weekday: ['MO', 'TU'] });
		expect(commas.filters).toEqual(repeated.filters);
	});

	it("treats empty values as no filter, as a form's “all” sends them", () => {
		expect(query(parse('q=&district=&category=&free=&limit=&page='))).toEqual({
			locale: 'de',
			limit: DEFAULT_PAGE_SIZE,
			offset: 0
		});
		expect(query(parse('category=,sports,')).filters).toEqual({ category: ['sports'] });
	});

	it('turns a page into an offset', () => {
		expect(query(parse('page=3&limit=10'))).toMatchObject({ limit: 10, offset: 20 });
		expect(query(parse('page=1'))).toMatchObject({ offset: 0 });
	});

	it('names a value that is not one of the known ones, and lists those', () => {
		expect(error(parse('category=sprachkurs'))).toEqual({
			parameter: 'category',
			message:
				"category: 'sprachkurs' is not one of language_course, cultural_cafe, counselling, " +
				'sports, family, work, event'
		});
		expect(error(parse('target_group=kids')).message).toMatch(
			/^target_group: 'kids' is not one of everyone, newcomers,/
		);
		expect(error(parse('german_level=A1')).message).toBe(
			"german_level: 'A1' is not one of none, a1, a2, b1, b2, c1"
		);
		expect(error(parse('weekday=monday')).message).toBe(
			"weekday: 'MONDAY' is not one of MO, TU, WE, TH, FR, SA, SU"
		);
		expect(error(parse('locale=fr'))).toMatchObject({ parameter: 'locale' });
		expect(error(parse('locale=fr')).message).toMatch(/^locale: 'fr' is not one of de, de-simple/);
	});

	it('checks districts against the known slugs when given them, else their form', () => {
		const districts = ['altstadt', 'sankt-mang'];
		expect(query(parse('district=sankt-mang', { districts })).filters).toEqual({
			district: ['sankt-mang']
		});
		expect(error(parse('district=sankt-mango', { districts }))).toEqual({
			parameter: 'district',
			message: "district: 'sankt-mango' is not one of altstadt, sankt-mang"
		});
		expect(error(parse('district=Sankt Mang')).message).toBe(
			"district: 'Sankt Mang' is not a district slug (lowercase letters, digits and hyphens)"
		);
		expect(error(parse('organisation=VHS Kempten')).message).toBe(
			"organisation: 'VHS Kempten' is not an organisation's slug (lowercase letters, digits and hyphens)"
		);
	});

	it('wants language codes of two or three letters', () => {
		expect(query(parse('language=uk,prs')).filters).toEqual({ language: ['uk', 'prs'] });
		expect(error(parse('language=German')).parameter).toBe('language');
	});

	it('reads flags as true, false, 1 or 0 only', () => {
		expect(query(parse('free=TRUE')).filters).toEqual({ free: true });
		expect(error(parse('free=yes'))).toEqual({
			parameter: 'free',
			message: "free: 'yes' is not one of true, false, 1, 0"
		});
	});

	it('checks the point of near and its ranges', () => {
		expect(query(parse('near=-33.9,151.2')).near).toEqual({ lat: -33.9, lng: 151.2 });
		expect(error(parse('near=47.7')).message).toMatch(/^near: '47.7' is not latitude,longitude/);
		expect(error(parse('near=abc,def')).parameter).toBe('near');
		expect(error(parse('near=91,10')).message).toBe('near: latitude 91 is not between -90 and 90');
		expect(error(parse('near=47,181')).message).toBe(
			'near: longitude 181 is not between -180 and 180'
		);
	});

	it('bounds limit, offset and page, and takes page or offset, not both', () => {
		expect(error(parse('limit=0')).message).toBe('limit: 0 is not between 1 and 100');
		expect(error(parse('limit=101')).message).toBe('limit: 101 is not between 1 and 100');
		expect(error(parse('limit=ten')).message).toBe("limit: 'ten' is not a whole number");
		expect(error(parse('offset=-1')).message).toBe("offset: '-1' is not a whole number");
		expect(error(parse('page=0')).parameter).toBe('page');
		expect(error(parse('page=2&offset=20'))).toEqual({
			parameter: 'page',
			message: 'page: give either page or offset, not both'
		});
	});

	it('refuses a single-valued parameter given twice', () => {
		expect(error(parse('limit=10&limit=20'))).toEqual({
			parameter: 'limit',
			message: 'limit: given 2 times; give it once'
		});
		expect(error(parse('q=a&q=b')).parameter).toBe('q');
	});

	it('refuses a search text that is too long', () => {
		expect(error(parse(`q=${'a'.repeat(201)}`)).message).toBe('q: longer than 200 characters');
		expect(query(parse(`q=${'ä'.repeat(200)}`)).q).toHaveLength(200);
	});

	it('refuses unknown parameters and names the known ones', () => {
		const result = error(parse('categroy=sports'));
		expect(result.parameter).toBe('categroy');
		expect(result.message).toMatch(/^'categroy' is not a parameter here; known are q, locale,/);
	});

	it('refuses parameters named after built-in properties like any unknown one', () => {
		for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
			const result = error(parse(`${name}=1`));
			expect(result.parameter).toBe(name);
			expect(result.message).toMatch(new RegExp(`^'${name}' is not a parameter here; known are`));
			// also after a good parameter and percent-encoded
			expect(error(parse(`category=sports&${encodeURIComponent(name)}=x`)).parameter).toBe(name);
		}
	});

	it('refuses built-in property names as values', () => {
		for (const value of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
			expect(error(parse(`free=${value}`)).parameter).toBe('free');
			expect(error(parse(`category=${value}`)).parameter).toBe('category');
			expect(error(parse(`weekday=${value}`)).parameter).toBe('weekday');
			expect(error(parse(`locale=${value}`)).parameter).toBe('locale');
			expect(error(parse(`district=${value}`, { districts: ['altstadt'] })).parameter).toBe(
				'district'
			);
		}
	});

	it('treats omitted parameters as unknown', () => {
		const result = error(parse('limit=10', { omit: ['limit', 'offset', 'page'] }));
		expect(result.parameter).toBe('limit');
		expect(result.message).toMatch(/known are .*, near$/);
	});

	it('reports the first bad parameter of the query string', () => {
		expect(error(parse('free=maybe&category=nope&foo=1')).parameter).toBe('free');
		expect(error(parse('foo=1&free=maybe&category=nope')).parameter).toBe('foo');
		expect(error(parse('category=nope&free=maybe')).parameter).toBe('category');
	});
});

describe('searchQuerySchema', () => {
	it('is a zod schema over every value of every parameter', () => {
		const parsed = searchQuerySchema.safeParse({ category: ['sports'], page: ['2'] });
		expect(parsed.success && parsed.data).toEqual({
			locale: 'de',
			filters: { category: ['sports'] },
			limit: DEFAULT_PAGE_SIZE,
			offset: DEFAULT_PAGE_SIZE
		});
	});
});

describe('searchParamsOf', () => {
	it('writes a query string that parses back to the same query', () => {
		const original = query(
			parse(
				'q=Café&locale=uk&district=altstadt,sankt-mang&organisation=vhs-kempten&free=false' +
					'&near=47.7,10.3&limit=5'
			)
		);
		const written = searchParamsOf({ ...original, offset: 15 });
		expect(query(parseSearchParams(written))).toEqual({ ...original, offset: 15 });
	});

	it('leaves out what is the default', () => {
		expect(searchParamsOf({ locale: 'de', limit: DEFAULT_PAGE_SIZE, offset: 0 }).toString()).toBe(
			''
		);
	});
});
