/**
 * Search documents from what `search_documents()` returns: the row as the database built it,
 * plus the weekdays and next date computed from the schedules and the keywords of its categories
 * and target groups in every locale.
 */
import { dayNumber, occurrences, toWallClock, weekdayIndex, WEEKDAYS } from '../../schedule/rrule';
import { keywordsFor, topicsOf } from './keywords';
import { categoriesOf } from './shared';
import {
	SEARCH_LOCALES,
	type DeletedDocument,
	type SearchDocument,
	type SearchDocumentRow,
	type Weekday
} from './types';

/** Weekdays are those of the occurrences in this many days (six weeks: monthly rules too). */
export const WEEKDAY_WINDOW_DAYS = 42;
const DAY_MS = 86_400_000;

export function isDeleted(row: SearchDocumentRow | DeletedDocument): row is DeletedDocument {
	return 'deleted' in row && row.deleted === true;
}

export interface BuildOptions {
	/** The moment "next" is counted from (default: now). */
	now?: Date;
	/** Called when a schedule cannot be expanded; the document is built without it. */
	onScheduleError?: (error: unknown, row: SearchDocumentRow) => void;
}

/** The weekdays and the next start of an offer's schedules from `now` on. */
export function scheduleFacts(
	row: Pick<SearchDocumentRow, 'schedules'>,
	now: Date,
	onError?: (error: unknown) => void
): { weekdays: Weekday[]; next_start: string | null } {
	const to = new Date(now.getTime() + WEEKDAY_WINDOW_DAYS * DAY_MS);
	const days = new Set<number>();
	let next: number | null = null;
	for (const schedule of row.schedules) {
		try {
			const found = occurrences(schedule, { from: now, to, limit: 64 });
			const timeZone = schedule.timezone || 'Europe/Berlin';
			for (const { start } of found) {
				const local = toWallClock(start, timeZone);
				days.add(weekdayIndex(dayNumber(local.year, local.month, local.day)));
				if (start.getTime() >= now.getTime() && (next === null || start.getTime() < next)) {
					next = start.getTime();
				}
			}
		} catch (error) {
			onError?.(error);
		}
	}
	return {
		weekdays: [...days].sort((a, b) => a - b).map((index) => WEEKDAYS[index]),
		next_start: next === null ? null : new Date(next).toISOString()
	};
}

/** A search document from a row of `search_documents()`. */
export function buildSearchDocument(
	row: SearchDocumentRow,
	options: BuildOptions = {}
): SearchDocument {
	const now = options.now ?? new Date();
	const facts = scheduleFacts(row, now, (error) => options.onScheduleError?.(error, row));
	const topics = topicsOf(row.texts);
	return {
		...row,
		...facts,
		topics,
		categories: categoriesOf(row),
		keywords: keywordsFor(categoriesOf(row), row.target_groups, SEARCH_LOCALES, topics)
	};
}

/** Splits rows into documents to upsert and ids to remove. */
export function partitionRows(
	rows: readonly (SearchDocumentRow | DeletedDocument)[],
	options: BuildOptions = {}
): { docs: SearchDocument[]; deleted: string[] } {
	const docs: SearchDocument[] = [];
	const deleted: string[] = [];
	for (const row of rows) {
		if (isDeleted(row)) deleted.push(row.id);
		else docs.push(buildSearchDocument(row, options));
	}
	return { docs, deleted };
}
