/**
 * The server's scheduled calendar import: every few minutes it asks which feeds are due (their
 * interval has passed since their last run) and runs them one after another as service_role.
 * A failed round is logged and the next one tries again; start-up never waits for it. The
 * timer is unref'd, so it never keeps the process alive; `stop()` ends it.
 *
 *   const job = startCalendarImport();                 // in hooks.server.ts init
 *   process.once('sveltekit:shutdown', () => job.stop());
 */
import { runFeed } from '$lib/server/calendar-import/run';
import * as calendarFeeds from '$lib/server/data/calendar-feeds';
import { createServiceSupabase } from '$lib/server/supabase';

export const CALENDAR_ROUND_MS = 5 * 60 * 1000;

export interface CalendarJobOptions {
	/** One round; returns how many feeds it ran. Default: the due feeds as service_role. */
	round?: () => Promise<number>;
	intervalMs?: number;
	log?: Pick<Console, 'info' | 'error'>;
}

export interface CalendarJob {
	/** Runs one round now (a round already going is awaited instead); null when it failed. */
	runNow(): Promise<number | null>;
	stop(): void;
}

async function defaultRound(): Promise<number> {
	const supabase = await createServiceSupabase();
	const due = await calendarFeeds.due(supabase);
	for (const feed of due) await runFeed(supabase, feed, { trigger: 'schedule' });
	return due.length;
}

export function startCalendarImport(options: CalendarJobOptions = {}): CalendarJob {
	const round = options.round ?? defaultRound;
	const log = options.log ?? console;
	let running: Promise<number | null> | null = null;
	let stopped = false;

	const runNow = () => {
		running ??= round()
			.then((count) => {
				if (count > 0) log.info(`[calendar] fetched ${count} calendar feeds`);
				return count;
			})
			.catch((error: unknown) => {
				log.error('[calendar] fetching the due calendar feeds failed', error);
				return null;
			})
			.finally(() => {
				running = null;
			});
		return running;
	};

	const timer = setInterval(() => {
		if (!stopped) void runNow();
	}, options.intervalMs ?? CALENDAR_ROUND_MS);
	timer.unref();

	return {
		runNow,
		stop() {
			stopped = true;
			clearInterval(timer);
		}
	};
}
