/**
 * The server's daily archiving of events whose dates have all passed: once at start, then
 * every day. A failed run is logged and the next one tries again; start-up never waits for it
 * or fails by it. The timer is unref'd, so it never keeps the process alive; `stop()` ends it.
 *
 *   const job = startArchivingPastOffers();           // in hooks.server.ts init
 *   process.once('sveltekit:shutdown', () => job.stop());
 */
import * as offerArchive from '$lib/server/data/offer-archive';
import { createServiceSupabase } from '$lib/server/supabase';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ArchiveJobOptions {
	/** One run; returns how many offers it archived. Default: archive_past_offers as service_role. */
	run?: () => Promise<number>;
	/** Time between runs. */
	intervalMs?: number;
	/** Where a run's outcome is told. */
	log?: Pick<Console, 'info' | 'error'>;
}

export interface ArchiveJob {
	/** The run at start: its count, or null when it failed. */
	readonly first: Promise<number | null>;
	/** Runs once now (a run already going is awaited instead); null when it failed. */
	runNow(): Promise<number | null>;
	/** No more runs. */
	stop(): void;
}

const defaultRun = async () => offerArchive.archivePast(await createServiceSupabase());

export function startArchivingPastOffers(options: ArchiveJobOptions = {}): ArchiveJob {
	const run = options.run ?? defaultRun;
	const log = options.log ?? console;
	let running: Promise<number | null> | null = null;
	let stopped = false;

	const runNow = () => {
		running ??= run()
			.then((count) => {
				if (count > 0) log.info(`[archive] archived ${count} offers whose dates have all passed`);
				return count;
			})
			.catch((error: unknown) => {
				log.error('[archive] archiving offers whose dates have all passed failed', error);
				return null;
			})
			.finally(() => {
				running = null;
			});
		return running;
	};

	const timer = setInterval(() => {
		if (!stopped) void runNow();
	}, options.intervalMs ?? DAY_MS);
	timer.unref();

	return {
		first: runNow(),
		runNow,
		stop() {
			stopped = true;
			clearInterval(timer);
		}
	};
}
