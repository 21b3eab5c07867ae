/**
 * What the staff pages of the calendar import show: an organisation's feeds, their runs and
 * the offers made from them (read through src/lib/server/data/calendar-feeds.ts).
 */
import type { StoredSchedule } from '$lib/schemas/schedule-form';

export type PublishMode = 'draft' | 'published';
export type RunTrigger = 'schedule' | 'manual' | 'upload';

/** An event not taken: the reader's reason (calendar-import/parse.ts), or `refused` by the database. */
export interface RunProblem {
	uid: string | null;
	summary: string | null;
	reason: string;
	detail?: string;
}

export interface CalendarRun {
	id: string;
	feed_id: string;
	ran_at: string;
	trigger: RunTrigger;
	outcome: 'applied' | 'not_modified' | 'failed';
	/** `<code>: <message>` of a failed run; the code names a staff message. */
	error: string | null;
	created: number;
	updated: number;
	archived: number;
	removed: number;
	unchanged: number;
	detached: number;
	problems: RunProblem[];
}

export interface CalendarFeed {
	id: string;
	organisation_id: string;
	name: string;
	/** null: an uploaded file */
	url: string | null;
	publish_mode: PublishMode;
	category: string;
	on_removal: 'archive' | 'delete';
	interval_minutes: number;
	etag: string | null;
	last_modified: string | null;
	last_run_at: string | null;
	/** The city's zone: floating times are read in it. */
	time_zone: string;
	/** Offers the feed keeps (not detached). */
	offers: number;
	last_run: (Omit<CalendarRun, 'problems'> & { problem_count: number }) | null;
}

/** An offer made from a feed's event. */
export interface ImportedOffer {
	offer_id: string;
	uid: string;
	state: 'draft' | 'published' | 'archived';
	title: string | null;
	detached_at: string | null;
	schedules: StoredSchedule[];
}

export interface CalendarFeedWithRuns extends CalendarFeed {
	imported: ImportedOffer[];
	runs: CalendarRun[];
}

export interface CalendarSource {
	feed_id: string;
	feed_name: string;
	url: string | null;
	uid: string;
	detached_at: string | null;
	organisation_id: string;
}

/** The code of a failed run's error (`too_large: …` → `too_large`), for its staff message. */
export function errorCode(error: string | null): string | null {
	if (!error) return null;
	const match = /^([a-z_]+):/.exec(error);
	return match ? match[1] : null;
}
