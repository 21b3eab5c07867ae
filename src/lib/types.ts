/**
 * Domain types: what the portal's SQL functions (supabase/migrations/*_public_api.sql) return,
 * field for field. The generated `Database` type knows the rows of `returns table` functions but
 * only `Json` for the jsonb ones; these types say what that JSON holds. The database's enums
 * come from the generated `Constants`, never from a second list.
 */
import { Constants, type Database } from './database.types';
import type { ScheduleException, DateStatus } from './schedule/exceptions';

export type { ScheduleException, DateStatus };

type Enums = Database['public']['Enums'];
const ENUMS = Constants.public.Enums;

/** Kinds of offers (table `categories`); names per locale are `category.<slug>` messages. */
export const CATEGORIES = [
	'language_course',
	'cultural_cafe',
	'counselling',
	'sports',
	'family',
	'work',
	'event'
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `private.target_groups()`. */
export const TARGET_GROUPS = [
	'everyone',
	'newcomers',
	'refugees',
	'women',
	'men',
	'families',
	'parents',
	'children',
	'youth',
	'seniors',
	'job_seekers',
	'students',
	'volunteers'
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Enum `german_level`: German needed to take part. */
export const GERMAN_LEVELS = ENUMS.german_level;
export type GermanLevel = Enums['german_level'];

/** Enum `registration_kind`. */
export const REGISTRATION_KINDS = ENUMS.registration_kind;
export type RegistrationKind = Enums['registration_kind'];

/** Enum `measure_status`: Kempten's six states of a measure. */
export const MEASURE_STATUSES = ENUMS.measure_status;
export type MeasureStatus = Enums['measure_status'];

/** `measure_status_light()`: null when no status is reported. */
export type StatusLight = 'green' | 'yellow' | 'red' | 'grey';

/** Enum `organisation_kind`. */
export const ORGANISATION_KINDS = ENUMS.organisation_kind;
export type OrganisationKind = Enums['organisation_kind'];

/** Enum `membership_role`: an organisation's editor edits its offers, its admin also its staff. */
export const MEMBERSHIP_ROLES = ENUMS.membership_role;
export type MembershipRole = Enums['membership_role'];

export type TranslationProvenance = Enums['translation_provenance'];
export type PublicationState = Enums['publication_state'];

/** `portal_info()`. */
export interface PortalInfo {
	city: {
		slug: string;
		name: string;
		is_demo: boolean;
		/** IANA time zone, e.g. Europe/Berlin. */
		time_zone?: string;
		/** The locale a visitor gets when their browser names none of the nine. */
		default_locale?: string;
	} | null;
	concept: {
		slug: string;
		title: string;
		is_demo: boolean;
		level_names: { field: string; goal: string; measure: string };
	} | null;
	offer_count: number;
	district_count: number;
}

/** An offer as a list shows it (a hit of the search interface). */
export interface OfferSummary {
	id: string;
	title: string;
	summary: string | null;
	/** Locale of title and summary: the one asked for, else en, de, the original. */
	text_locale: string;
	/** The main category (cards, icons). */
	category: Category;
	/** Every category of the offer, the main one first: the category filter matches any. */
	categories: Category[];
	organisation_name: string;
	district_slug: string | null;
	district_name: string | null;
	longitude: number | null;
	latitude: number | null;
	/** ISO 639 codes of the languages the offer is held in. */
	languages: string[];
	/** null when the cost is unknown. */
	is_free: boolean | null;
	childcare: boolean;
	women_only: boolean;
	wheelchair_accessible: boolean | null;
	german_level: GermanLevel | null;
	is_demo: boolean;
}

/** A schedule as stored: a one-off date, or an RRULE recurring from `starts_at`. */
export interface Schedule {
	id: string;
	starts_at: string;
	duration_minutes: number;
	rrule: string | null;
	exdates: string[];
	timezone: string;
	/** Cancelled or moved occurrences; every `occurs_at` is also in `exdates`. */
	exceptions?: ScheduleException[];
}

/** A measure an offer implements, with its goal, field of action and concept. */
export interface OfferMeasure {
	id: string;
	code: string;
	title: string;
	status: MeasureStatus | null;
	light: StatusLight | null;
	is_placeholder: boolean;
	goal: { code: string; title: string; is_placeholder: boolean };
	field_of_action: { code: string; title: string };
	concept: {
		slug: string;
		title: string;
		level_names: { field: string; goal: string; measure: string };
	};
}

/** `get_offer()`. */
export interface OfferDetail {
	id: string;
	title: string;
	summary: string | null;
	description: string | null;
	cost_note: string | null;
	registration_note: string | null;
	text_locale: string;
	original_locale: string;
	provenance: TranslationProvenance;
	reviewed: boolean;
	/** The main category. */
	category: Category;
	/** Every category of the offer, the main one first. */
	categories: Category[];
	state: PublicationState;
	organisation: {
		id: string;
		name: string;
		kind: OrganisationKind;
		website: string | null;
		email: string | null;
		phone: string | null;
	};
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	longitude: number | null;
	latitude: number | null;
	district: { slug: string; name: string } | null;
	languages: string[];
	target_groups: TargetGroup[];
	cost_eur: number | null;
	is_free: boolean | null;
	childcare: boolean;
	women_only: boolean;
	wheelchair_accessible: boolean | null;
	german_level: GermanLevel | null;
	registration: RegistrationKind;
	registration_url: string | null;
	contact_email: string | null;
	contact_phone: string | null;
	/** A calendar date, `YYYY-MM-DD`. */
	last_verified_on: string | null;
	version: number;
	is_demo: boolean;
	schedules: Schedule[];
	measures: OfferMeasure[];
	available_locales: string[] | null;
}

/** A row of `list_districts()`. */
export interface DistrictSummary {
	slug: string;
	name: string;
	population: number | null;
	population_migration: number | null;
	offer_count: number;
	geometry_is_demo: boolean;
}

/** GeoJSON geometry of a district (WGS 84, longitude first). */
export interface MultiPolygonGeometry {
	type: 'MultiPolygon';
	coordinates: number[][][][];
}

/** `get_district()`. */
export interface DistrictDetail {
	slug: string;
	name: string;
	population: number | null;
	population_migration: number | null;
	/** ISO 639 codes. */
	main_languages: string[];
	geometry_is_demo: boolean;
	source: string | null;
	/** [west, south, east, north] */
	bbox: [number, number, number, number];
	geometry: MultiPolygonGeometry;
}

/** `districts_geojson()`. */
export interface DistrictFeatureCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		id: string;
		properties: {
			slug: string;
			name: string;
			population: number | null;
			geometry_is_demo: boolean;
		};
		geometry: MultiPolygonGeometry;
	}[];
}

export function isCategory(value: unknown): value is Category {
	return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** One date of an offer, as the RRULE expansion will compute it. */
export interface UpcomingDate {
	starts_at: string;
	ends_at: string;
	timezone: string;
	/** Cancelled (shown as such) or moved here from `moved_from`; regular when missing. */
	status?: DateStatus;
	/** The exception's note, e.g. why it is cancelled. */
	note?: string | null;
	/** For a moved date: where the rule had it. */
	moved_from?: string | null;
}
