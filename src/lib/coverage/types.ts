/**
 * The shapes of the city office's coverage (city_coverage and city_coverage_offers), for the
 * data module ($lib/server/data/coverage.ts) and the pages that show them.
 */
import type { Database } from '$lib/database.types';

type MeasureStatus = Database['public']['Enums']['measure_status'];

export interface CoverageDistrict {
	slug: string;
	name: string;
	/** Residents, where the city has the figure. */
	population: number | null;
	/** Residents with a migration history, where the city has the figure. */
	population_migration: number | null;
	/** Published offers in the district (for the target group). */
	offers: number;
}

export interface CoverageCell {
	district: string;
	offers: number;
}

/** city_coverage's answer. */
export interface Coverage {
	concept: { slug: string; title: string; level_names: Record<string, string> };
	target_group: string | null;
	/** Published offers of the city (for the target group), with a district or without. */
	offers: number;
	/** By name. */
	districts: CoverageDistrict[];
	/** In the concept's order; `offers`: distinct offers implementing a measure of the field. */
	fields: Array<{ code: string; title: string; offers: number }>;
	/** Category slugs in their order. */
	categories: string[];
	by_field: Array<CoverageCell & { field: string }>;
	by_category: Array<CoverageCell & { category: string }>;
	gaps: {
		measures_without_offer: Array<{
			id: string;
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

/** One offer behind a number. */
export interface CoverageOffer {
	id: string;
	/** German title, or the original one (`title_locale`) when there is no German text. */
	title: string;
	title_locale: string;
	organisation: string;
	/** District name; null for an offer without one. */
	district: string | null;
	categories: string[];
}
