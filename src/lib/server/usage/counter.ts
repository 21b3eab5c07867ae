/**
 * Usage counts without tracking: per day (Europe/Berlin), route kind and locale, held in memory
 * and added to the database through one call (`record_usage`) once a minute and when the server
 * stops. Only those three values are kept: no address, cookie, identifier, user agent or path.
 *
 *   const counts = new UsageCounter();
 *   counts.add({ kind: 'offer', locale: 'ar' });
 *   await counts.flush((rows) => usage.record(supabase, rows));
 *
 * A flush that fails keeps its counts for the next one, so nothing is lost while the database
 * is briefly away (at most MAX_KEYS combinations are held; beyond them new ones are dropped).
 */
import type { RouteUse } from './route-kind';

export interface UsageRow {
	day: string;
	route_kind: RouteUse['kind'];
	locale: RouteUse['locale'];
	count: number;
}

/** Days × kinds × locales a counter holds at most (12 × 10 per day: many days of failures). */
const MAX_KEYS = 12 * 10 * 31;

const berlinDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Berlin',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar day of `at` in Europe/Berlin, as YYYY-MM-DD. */
export function usageDay(at: Date): string {
	return berlinDay.format(at);
}

export class UsageCounter {
	#counts = new Map<string, number>();
	#flushing: Promise<void> | null = null;

	/** Counts one answer of `use` at `at` (now). */
	add(use: RouteUse, at: Date = new Date()): void {
		const key = `${usageDay(at)}|${use.kind}|${use.locale}`;
		const count = this.#counts.get(key);
		if (count === undefined && this.#counts.size >= MAX_KEYS) return;
		this.#counts.set(key, (count ?? 0) + 1);
	}

	/** The counts not yet flushed, one row per day, kind and locale. */
	rows(): UsageRow[] {
		return [...this.#counts].map(([key, count]) => {
			const [day, kind, locale] = key.split('|') as [
				string,
				UsageRow['route_kind'],
				UsageRow['locale']
			];
			return { day, route_kind: kind, locale, count };
		});
	}

	/**
	 * Hands the counts to `record` and forgets them; when it fails, they are added back. One
	 * flush at a time: a second call waits for the first.
	 */
	async flush(record: (rows: UsageRow[]) => Promise<void>): Promise<void> {
		while (this.#flushing) await this.#flushing.catch(() => undefined);
		const rows = this.rows();
		if (rows.length === 0) return;
		this.#counts = new Map();
		this.#flushing = record(rows)
			.catch((error: unknown) => {
				for (const row of rows) {
					const key = `${row.day}|${row.route_kind}|${row.locale}`;
					this.#counts.set(key, (this.#counts.get(key) ?? 0) + row.count);
				}
				throw error;
			})
			.finally(() => (this.#flushing = null));
		await this.#flushing;
	}
}
