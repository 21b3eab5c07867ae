/**
 * The city office's reports: snapshots of a concept on a reference date (Stichtag), their
 * comparison, and the coverage and gap lists the exports and the council report read.
 *
 *   import * as reports from '$lib/server/data/reports';
 *   const list = await reports.snapshots(locals.supabase);
 *   await reports.takeSnapshot(locals.supabase, { referenceDate: '2026-06-30', note: null });
 */
import type {
	GapOffer,
	ReportCoverage,
	SnapshotComparison,
	SnapshotSummary
} from '$lib/server/reports/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type { GapOffer, ReportCoverage, SnapshotComparison, SnapshotSummary };

/** The snapshots of a concept (default: the current one), newest reference date first. */
export async function snapshots(supabase: Supabase, concept?: string): Promise<SnapshotSummary[]> {
	const { data, error } = await supabase.rpc(
		'city_snapshots',
		concept ? { p_concept: concept } : {}
	);
	if (error) throw fromPostgrestError('city_snapshots', error);
	return data;
}

/**
 * Takes a snapshot (city admins). A date in the future is `error.invalid_input`, a second
 * snapshot of the concept on that date `error.conflict`.
 */
export async function takeSnapshot(
	supabase: Supabase,
	snapshot: { concept?: string | null; referenceDate: string; note: string | null }
): Promise<{ id: string; reference_date: string }> {
	const { data, error } = await supabase.rpc('take_snapshot', {
		...(snapshot.concept ? { p_concept: snapshot.concept } : {}),
		p_reference_date: snapshot.referenceDate,
		...(snapshot.note ? { p_note: snapshot.note } : {})
	});
	if (error) throw fromPostgrestError('take_snapshot', error);
	return data as unknown as { id: string; reference_date: string };
}

/** Two snapshots of one concept side by side; an unknown one is `error.not_found`. */
export async function compare(
	supabase: Supabase,
	from: string,
	to: string
): Promise<SnapshotComparison> {
	const { data, error } = await supabase.rpc('compare_snapshots', { p_from: from, p_to: to });
	if (error) throw fromPostgrestError('compare_snapshots', error);
	return data as unknown as SnapshotComparison;
}

/** The coverage of a concept (default: the current one), for all target groups. */
export async function coverage(
	supabase: Supabase,
	concept?: string | null
): Promise<ReportCoverage> {
	const { data, error } = await supabase.rpc(
		'city_coverage',
		concept ? { p_concept: concept } : {}
	);
	if (error) throw fromPostgrestError('city_coverage', error);
	return data as unknown as ReportCoverage;
}

/** The offers of one of the coverage's offer gaps, with title and organisation. */
export async function gapOffers(
	supabase: Supabase,
	gap: 'without_measure' | 'without_point' | 'without_district',
	concept?: string | null
): Promise<GapOffer[]> {
	const { data, error } = await supabase.rpc('city_coverage_offers', {
		p_gap: gap,
		...(concept ? { p_concept: concept } : {})
	});
	if (error) throw fromPostgrestError('city_coverage_offers', error);
	return data.map((offer) => ({
		id: offer.id,
		title: offer.title,
		organisation: offer.organisation
	}));
}
