/**
 * Calendar import through the functions of 20261206090000_calendar_import.sql: an
 * organisation's feeds and their runs, registering and changing a feed, applying a read feed
 * (one transaction), recording a run that changed nothing, an imported offer's source and
 * detaching it. Who may: the organisation's staff and city admins (403 otherwise, 404 for an
 * unknown feed); the server's schedule runs as service_role.
 *
 *   import * as calendarFeeds from '$lib/server/data/calendar-feeds';
 *   const feeds = await calendarFeeds.ofOrganisation(locals.supabase, organisation.id);
 */
import type {
	CalendarFeed,
	CalendarFeedWithRuns,
	CalendarRun,
	CalendarSource,
	PublishMode,
	RunTrigger
} from '$lib/calendar-import';
import type { Json } from '$lib/database.types';
import type { FeedEvent, FeedProblem } from '$lib/server/calendar-import/parse';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type { CalendarFeed, CalendarFeedWithRuns, CalendarRun, CalendarSource, RunTrigger };

export interface FeedInput {
	id?: string;
	organisation_id?: string;
	name?: string;
	url?: string | null;
	publish_mode?: PublishMode;
	category?: string;
	on_removal?: 'archive' | 'delete';
	interval_minutes?: number;
}

/** The feeds of an organisation with their last run. */
export async function ofOrganisation(
	supabase: Supabase,
	organisationId: string
): Promise<CalendarFeed[]> {
	const { data, error } = await supabase.rpc('calendar_feeds', {
		p_organisation_id: organisationId
	});
	if (error) throw fromPostgrestError('calendar_feeds', error);
	return (data ?? []) as unknown as CalendarFeed[];
}

/** One feed with its latest runs. */
export async function get(
	supabase: Supabase,
	feedId: string,
	runs = 10
): Promise<CalendarFeedWithRuns> {
	const { data, error } = await supabase.rpc('calendar_feed', { p_feed_id: feedId, p_runs: runs });
	if (error) throw fromPostgrestError('calendar_feed', error);
	return data as unknown as CalendarFeedWithRuns;
}

/** Registers (no id) or changes a feed; returns its id. */
export async function save(supabase: Supabase, feed: FeedInput): Promise<string> {
	const { data, error } = await supabase.rpc('save_calendar_feed', {
		p_feed: feed as unknown as Json
	});
	if (error) throw fromPostgrestError('save_calendar_feed', error);
	return data;
}

export async function remove(supabase: Supabase, feedId: string): Promise<void> {
	const { error } = await supabase.rpc('delete_calendar_feed', { p_feed_id: feedId });
	if (error) throw fromPostgrestError('delete_calendar_feed', error);
}

/** Applies a read feed in one transaction; returns the run it recorded. */
export async function apply(
	supabase: Supabase,
	feedId: string,
	read: { events: FeedEvent[]; problems: FeedProblem[] },
	trigger: RunTrigger,
	validators: { etag?: string | null; lastModified?: string | null } = {}
): Promise<CalendarRun> {
	const { data, error } = await supabase.rpc('apply_calendar_feed', {
		p_feed_id: feedId,
		p_events: read.events as unknown as Json,
		p_problems: read.problems as unknown as Json,
		p_trigger: trigger,
		p_etag: validators.etag ?? undefined,
		p_last_modified: validators.lastModified ?? undefined
	});
	if (error) throw fromPostgrestError('apply_calendar_feed', error);
	return data as unknown as CalendarRun;
}

/** Records a run that changed nothing: not modified (304), or failed with its error. */
export async function recordRun(
	supabase: Supabase,
	feedId: string,
	trigger: RunTrigger,
	outcome: 'not_modified' | 'failed',
	runError?: string
): Promise<CalendarRun> {
	const { data, error } = await supabase.rpc('record_calendar_run', {
		p_feed_id: feedId,
		p_trigger: trigger,
		p_outcome: outcome,
		p_error: runError
	});
	if (error) throw fromPostgrestError('record_calendar_run', error);
	return data as unknown as CalendarRun;
}

/** Feeds whose interval has passed (service_role: the server's schedule). */
export async function due(supabase: Supabase, limit = 20): Promise<CalendarFeed[]> {
	const { data, error } = await supabase.rpc('due_calendar_feeds', { p_limit: limit });
	if (error) throw fromPostgrestError('due_calendar_feeds', error);
	return (data ?? []) as unknown as CalendarFeed[];
}

/** Where an offer was imported from; null when it was not. */
export async function sourceOf(
	supabase: Supabase,
	offerId: string
): Promise<CalendarSource | null> {
	const { data, error } = await supabase.rpc('calendar_source', { p_offer_id: offerId });
	if (error) throw fromPostgrestError('calendar_source', error);
	return (data ?? null) as unknown as CalendarSource | null;
}

/** Takes an imported offer over for editing by hand. */
export async function detach(supabase: Supabase, offerId: string): Promise<void> {
	const { error } = await supabase.rpc('detach_calendar_offer', { p_offer_id: offerId });
	if (error) throw fromPostgrestError('detach_calendar_offer', error);
}
