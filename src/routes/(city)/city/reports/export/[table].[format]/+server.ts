/**
 * GET /city/reports/export/<table>.<format>: a report table as a file to download, for city
 * admins and observers. <table> is matrix, gaps or measures (of `?concept=`, default the current
 * one) or comparison (of the snapshots `?from=` and `?to=`); <format> is csv (semicolon, UTF-8
 * with BOM, CRLF) or xlsx. Headings are in the reader's staff language.
 */
import { error } from '@sveltejs/kit';
import { STAFF_LOCALES, type StaffLocale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { staffMessages } from '$lib/i18n/translator';
import { requireCityReader } from '$lib/server/auth/guards';
import * as concepts from '$lib/server/data/concepts';
import { orHttpError } from '$lib/server/data/errors';
import * as reports from '$lib/server/data/reports';
import { toCsv } from '$lib/server/reports/csv';
import {
	comparisonExport,
	EXPORT_TABLES,
	gapsExport,
	matrixExport,
	measuresExport,
	type ExportTable,
	type Translate
} from '$lib/server/reports/exports';
import type { ReportExport } from '$lib/server/reports/table';
import { toXlsx } from '$lib/server/reports/xlsx';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9-]{1,80}$/;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function badRequest(): never {
	error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
}

async function build(
	table: ExportTable,
	url: URL,
	supabase: App.Locals['supabase'],
	t: Translate
): Promise<ReportExport> {
	if (table === 'comparison') {
		const from = url.searchParams.get('from') ?? '';
		const to = url.searchParams.get('to') ?? '';
		if (!UUID.test(from) || !UUID.test(to)) badRequest();
		return comparisonExport(await orHttpError(reports.compare(supabase, from, to)), t);
	}
	const concept = url.searchParams.get('concept') || null;
	if (concept !== null && !SLUG.test(concept)) badRequest();
	if (table === 'measures') {
		const rows = await orHttpError(concepts.measures(supabase, concept ?? undefined));
		const slug = concept ?? (await orHttpError(reports.coverage(supabase))).concept.slug;
		return measuresExport(slug, rows, t);
	}
	const coverage = await orHttpError(reports.coverage(supabase, concept));
	if (table === 'matrix') return matrixExport(coverage, t);
	const [withoutMeasure, withoutPoint, withoutDistrict] = await orHttpError(
		Promise.all(
			(['without_measure', 'without_point', 'without_district'] as const).map((gap) =>
				reports.gapOffers(supabase, gap, concept)
			)
		)
	);
	return gapsExport(
		coverage,
		{
			without_measure: withoutMeasure,
			without_point: withoutPoint,
			without_district: withoutDistrict
		},
		t
	);
}

export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireCityReader(locals, url);
	const table = params.table as ExportTable;
	if (!EXPORT_TABLES.includes(table) || !['csv', 'xlsx'].includes(params.format)) {
		error(404, { message: 'error.not_found', key: 'error.not_found' });
	}
	const locale: StaffLocale = (STAFF_LOCALES as readonly string[]).includes(locals.locale)
		? (locals.locale as StaffLocale)
		: 'de';
	const messages = staffMessages(locale);
	const t: Translate = (key, options) => translate(messages, locale, key, options);
	const report = await build(table, url, locals.supabase, t);
	const filename = `${report.filename}.${params.format}`;
	const headers = {
		'content-disposition': `attachment; filename="${filename}"`,
		'cache-control': 'private, no-store'
	};
	if (params.format === 'csv') {
		return new Response(toCsv(report.csv), {
			headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }
		});
	}
	const bytes = await toXlsx(report.tables, { title: report.filename });
	return new Response(bytes, { headers: { ...headers, 'content-type': XLSX } });
};
