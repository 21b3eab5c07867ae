/**
 * The shapes the reports work with: what city_coverage, city_snapshots and compare_snapshots
 * answer (supabase/migrations/*_city_coverage.sql and *_concept_snapshots.sql), as far as the
 * reports read them.
 */
import type { Database } from '$lib/database.types';

export type MeasureStatus = Database['public']['Enums']['measure_status'];
export type Light = 'green' | 'yellow' | 'red' | 'grey';

/** city_coverage's answer, the parts the reports use. */
export interface ReportCoverage {
	concept: { slug: string; title: string; level_names: Record<string, string> };
	offers: number;
	districts: Array<{
		slug: string;
		name: string;
		population: number | null;
		population_migration: number | null;
		offers: number;
	}>;
	fields: Array<{ code: string; title: string; offers: number }>;
	by_field: Array<{ district: string; field: string; offers: number }>;
	gaps: {
		measures_without_offer: Array<{
			code: string;
			title: string;
			field: string;
			status: MeasureStatus | null;
		}>;
		district_fields_without_offer: Array<{ district: string; field: string }>;
		offers_without_measure: string[];
		offers_without_point: string[];
		offers_without_district: string[];
	};
}

/** One snapshot in the list of a concept's snapshots. */
export type SnapshotSummary = Database['public']['Functions']['city_snapshots']['Returns'][number];

/** One side of a comparison. */
export interface SnapshotSide {
	id: string;
	reference_date: string;
	note: string | null;
	taken_at: string;
	offers: number;
}

/** A measure in two snapshots; null on the side where it did not exist. */
export interface MeasureChange {
	code: string;
	title: string;
	field: string;
	field_title: string;
	old_status: MeasureStatus | null;
	new_status: MeasureStatus | null;
	old_light: Light | null;
	new_light: Light | null;
	old_late: boolean | null;
	new_late: boolean | null;
	old_offers: number | null;
	new_offers: number | null;
	changed: boolean;
}

/** A district × field cell in two snapshots. */
export interface CellChange {
	district: string;
	district_name: string;
	field: string;
	field_title: string;
	old_offers: number | null;
	new_offers: number | null;
	changed: boolean;
}

/** compare_snapshots' answer. */
export interface SnapshotComparison {
	from: SnapshotSide;
	to: SnapshotSide;
	measures: MeasureChange[];
	cells: CellChange[];
	measures_changed: number;
	cells_changed: number;
}

/** An offer of a gap list (city_coverage_offers). */
export interface GapOffer {
	id: string;
	title: string;
	organisation: string;
}
