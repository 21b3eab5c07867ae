/**
 * One run of a calendar feed: fetch (for a URL) or take the uploaded text, read it, apply it in
 * one transaction. Every failure of the fetch or of the file as a whole is recorded as a failed
 * run with its reason (`<code>: <message>`), never thrown; only a refusal by the database (no
 * right, no such feed) is.
 *
 *   const run = await runFeed(locals.supabase, feed, { trigger: 'manual' });
 *   const run = await runFeed(locals.supabase, feed, { trigger: 'upload', text });
 */
import * as calendarFeeds from '$lib/server/data/calendar-feeds';
import type { Supabase } from '$lib/server/data/client';
import { fetchFeed, FetchError, type FetchOptions } from './fetch';
import { FeedError, parseFeed } from './parse';

export interface RunOptions {
	trigger: calendarFeeds.RunTrigger;
	/** An uploaded file's text instead of fetching the feed's URL. */
	text?: string;
	/** For tests: limits and allowed hosts of the fetch. */
	fetch?: FetchOptions;
}

type FeedToRun = Pick<
	calendarFeeds.CalendarFeed,
	'id' | 'url' | 'etag' | 'last_modified' | 'time_zone'
>;

export async function runFeed(
	supabase: Supabase,
	feed: FeedToRun,
	options: RunOptions
): Promise<calendarFeeds.CalendarRun> {
	let text = options.text;
	let validators: { etag: string | null; lastModified: string | null } = {
		etag: null,
		lastModified: null
	};
	if (text === undefined) {
		if (!feed.url) {
			return calendarFeeds.recordRun(supabase, feed.id, options.trigger, 'failed', 'no_url');
		}
		try {
			const result = await fetchFeed(feed.url, {
				etag: feed.etag,
				lastModified: feed.last_modified,
				...options.fetch
			});
			if (result.status === 'not_modified') {
				return calendarFeeds.recordRun(supabase, feed.id, options.trigger, 'not_modified');
			}
			text = result.body;
			validators = { etag: result.etag, lastModified: result.lastModified };
		} catch (error) {
			if (!(error instanceof FetchError)) throw error;
			return calendarFeeds.recordRun(
				supabase,
				feed.id,
				options.trigger,
				'failed',
				`${error.code}: ${error.message}`
			);
		}
	}
	let read;
	try {
		read = parseFeed(text, { timeZone: feed.time_zone || 'Europe/Berlin' });
	} catch (error) {
		if (!(error instanceof FeedError)) throw error;
		return calendarFeeds.recordRun(
			supabase,
			feed.id,
			options.trigger,
			'failed',
			`${error.code}: ${error.message}`
		);
	}
	return calendarFeeds.apply(supabase, feed.id, read, options.trigger, validators);
}
