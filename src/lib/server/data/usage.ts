/**
 * Usage counts (issue 11, item 6): the server adds its counts (record, service_role only) and the
 * city office reads a month of them (month, city admins and observers; others see none).
 *
 *   import * as usage from '$lib/server/data/usage';
 *   await usage.record(await createServiceSupabase(), counter.rows());
 *   const month = await usage.month(locals.supabase, '2026-12-01');
 */
import type { Json } from '$lib/database.types';
import type { UsageRow } from '../usage/counter';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export interface UsageCount {
	locale: string;
	route_kind: string;
	count: number;
}

export interface UsageMonth {
	/** The month's first day, YYYY-MM-DD. */
	month: string;
	/** Months that have counts (their first days), newest first. */
	months: string[];
	/** The month's counts by locale and route kind (only those above zero). */
	counts: UsageCount[];
}

/** Adds counts to the database: the portal's server, with the service client. */
export async function record(supabase: Supabase, rows: UsageRow[]): Promise<void> {
	const { error } = await supabase.rpc('record_usage', { p_counts: rows as unknown as Json });
	if (error) throw fromPostgrestError('record_usage', error);
}

/** One month's counts (default: this month in Europe/Berlin). */
export async function month(supabase: Supabase, first?: string): Promise<UsageMonth> {
	const { data, error } = await supabase.rpc('city_usage', first ? { p_month: first } : {});
	if (error) throw fromPostgrestError('city_usage', error);
	const answer = data as unknown as UsageMonth;
	return { ...answer, counts: answer.counts.map((row) => ({ ...row, count: Number(row.count) })) };
}
