/**
 * GET /city/usage/export.csv?month=YYYY-MM: a month's usage counts (locale × route kind, with
 * totals) as CSV for city admins and observers: semicolon, UTF-8 with BOM, CRLF, the reports'
 * writer. Headings in the reader's staff language.
 */
import { error } from '@sveltejs/kit';
import { STAFF_LOCALES, type StaffLocale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { staffMessages } from '$lib/i18n/translator';
import { requireCityReader } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/data/errors';
import * as usage from '$lib/server/data/usage';
import { toCsv } from '$lib/server/reports/csv';
import { monthParameter, usageTable } from '../usage-table';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireCityReader(locals, url);
	const month = monthParameter(url.searchParams.get('month'));
	if (month === undefined)
		error(400, { message: 'error.invalid_input', key: 'error.invalid_input' });
	const locale: StaffLocale = (STAFF_LOCALES as readonly string[]).includes(locals.locale)
		? (locals.locale as StaffLocale)
		: 'de';
	const messages = staffMessages(locale);
	const t = (key: string) => translate(messages, locale, key);
	const answer = await orHttpError(usage.month(locals.supabase, month ?? undefined));
	const table = usageTable(answer.counts);
	const headers = [
		t('city.usage.locale'),
		...table.kinds.map((kind) => t(`city.usage.kind.${kind}`)),
		t('city.usage.total')
	];
	const body = toCsv({
		columns: headers.map((header) => ({ header, width: 12 })),
		rows: [
			...table.rows.map((row) => [t(`city.usage.locale.${row.locale}`), ...row.cells, row.total]),
			[t('city.usage.total'), ...table.totals, table.total]
		]
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${t('city.usage.filename')}-${answer.month.slice(0, 7)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
