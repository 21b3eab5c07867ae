/**
 * The printed weekly programme (`/de/print?district=sankt-mang&second=ar&format=a5`, or of one
 * provider: `?organisation=stadtteilbuero-sankt-mang`): the week
 * page's dates (the same search through `weekOf`, the same filters in the query string) as one
 * entry per offer with its dates, place and a QR code of its page, in the path's locale and,
 * with `second=<locale>`, a second one beside it. `format` is `a4` (a poster, the default) or
 * `a5` (a flyer). The page needs no JavaScript: `csr = false`; a one-line script only makes
 * the print button work.
 */
import { error } from '@sveltejs/kit';
import { dirOf, htmlLang, isLocale, toLocale, type Locale } from '$lib/i18n/locales';
import { createTranslator } from '$lib/i18n/translator';
import { programmeEntries } from '$lib/print-programme';
import { parseSearchParams } from '$lib/schemas/search-query';
import { orHttpError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import { qrSvg } from '$lib/server/qr';
import { weekOf } from '$lib/server/week';
import type { PageServerLoad } from './$types';

/** Nothing to hydrate: the page is read and printed. */
export const csr = false;

const FORMATS = ['a4', 'a5'] as const;
type PrintFormat = (typeof FORMATS)[number];

/** The print page's own parameters; the rest are the week's filters. */
const OWN = ['second', 'format'];

function single(url: URL, name: string): string | null {
	const values = url.searchParams.getAll(name);
	if (values.length > 1)
		error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	return values[0] || null;
}

/** The print page with these filters, format and second language. */
function pageWith(
	locale: Locale,
	filters: URLSearchParams,
	format: PrintFormat,
	second: Locale | null
): string {
	const query = new URLSearchParams(filters);
	if (second) query.set('second', second);
	if (format !== 'a4') query.set('format', format);
	const search = query.toString();
	return `/${locale}/print${search ? `?${search}` : ''}`;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const locale = toLocale(params.locale ?? locals.locale);
	const secondParam = single(url, 'second');
	const formatParam = single(url, 'format') ?? 'a4';
	if (secondParam !== null && (!isLocale(secondParam) || secondParam === locale)) {
		error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	}
	if (!(FORMATS as readonly string[]).includes(formatParam)) {
		error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	}
	const second = secondParam as Locale | null;
	const format = formatParam as PrintFormat;

	const [districtList, portal] = await Promise.all([
		orHttpError(publicReads.districts()),
		orHttpError(publicReads.portalInfo())
	]);
	const filterParams = new URLSearchParams(
		[...url.searchParams].filter(([name]) => !OWN.includes(name))
	);
	const parsed = parseSearchParams(filterParams, {
		districts: districtList.map((district) => district.slug),
		// as on the week page: the locale is the path's, a week has no pages and no distance
		omit: ['locale', 'limit', 'offset', 'page', 'near']
	});
	if (!parsed.ok) error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	const filters = parsed.query.filters ?? {};
	// an organisation's programme is headed by its name; an unknown one is a bad filter
	const organisationSlugs = filters.organisation ?? [];
	const organisations = await orHttpError(publicReads.organisationNames(organisationSlugs));
	if (organisationSlugs.some((slug) => !(slug in organisations))) {
		error(400, { message: 'error.invalid_filter', key: 'error.invalid_filter' });
	}

	const locales: Locale[] = second ? [locale, second] : [locale];
	// the week page's data path, once per language: the same search, the texts in each
	const weeks = await Promise.all(
		locales.map((each) => orHttpError(weekOf({ ...parsed.query, locale: each })))
	);
	const entries = programmeEntries(weeks, locales);
	const places = await orHttpError(publicReads.schedulesOf(entries.map((entry) => entry.id)));

	// each column's QR code opens the offer in that column's language: the reader scans the
	// code beside the text they read (the portal's configured ORIGIN, else the request's)
	const offers = await Promise.all(
		entries.map(async (entry) => {
			const where = places.get(entry.id);
			return {
				...entry,
				street: where?.street ?? null,
				locality: where?.locality ?? null,
				texts: await Promise.all(
					entry.texts.map(async (text) => {
						const href = `${url.origin}/${text.locale}/offers/${entry.id}`;
						return { ...text, href, qr: await qrSvg(href) };
					})
				)
			};
		})
	);

	const names = [
		...organisationSlugs.map((slug) => organisations[slug]),
		...(filters.district ?? []).map(
			(slug) => districtList.find((district) => district.slug === slug)?.name ?? slug
		)
	];
	const firstDay = weeks[0].days[0];
	const lastDay = weeks[0].days.at(-1);
	const query = filterParams.toString();
	return {
		format,
		second,
		columns: locales.map((each) => ({
			locale: each,
			lang: htmlLang(each),
			dir: dirOf(each),
			messages: createTranslator(each).messages,
			weekHref: `${url.origin}/${each}/week${query ? `?${query}` : ''}`
		})),
		// the programme's name: its organisations and districts, else the city
		name: names.length > 0 ? names.join(', ') : (portal?.city?.name ?? ''),
		categories: filters.category ?? [],
		from: firstDay?.date ?? null,
		to: lastDay?.date ?? null,
		timeZone: weeks[0].timeZone,
		degraded: weeks.some((week) => week.degraded),
		offers,
		// the toolbar: back to the week, the formats, the filters the language form keeps
		weekPath: `/${locale}/week${query ? `?${query}` : ''}`,
		formatLinks: {
			a4: pageWith(locale, filterParams, 'a4', second),
			a5: pageWith(locale, filterParams, 'a5', second)
		},
		kept: [...filterParams]
	};
};
