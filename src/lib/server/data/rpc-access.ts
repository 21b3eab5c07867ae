/**
 * Which API role calls which SQL function of the portal, and a harmless call of each.
 *
 * Supabase grants nothing to its API roles by itself any more (since October 2026), so the
 * migrations grant `execute` on every function below to exactly the roles named here, and the
 * table privileges those roles need (see 20261130090000_explicit_grants.sql). Three places
 * read this list:
 *
 * - the compiler: every function of the generated `Database` type must have an entry;
 * - tests/sql/grants.spec.ts: on PGlite and PostgreSQL 15, each role named here can call its
 *   functions, no other API role can, and no function in `public` is missing from the list;
 * - `npm run check:deploy`: calls each function as each role through the Data API.
 *
 * A probe never changes data that matters: reads with small limits, writes that match nothing
 * (an empty id list, a date in the future), imports refused for an unknown city.
 */
import type { Database } from '$lib/database.types';

export type ApiRole = 'anon' | 'authenticated' | 'service_role';
export const API_ROLES: readonly ApiRole[] = ['anon', 'authenticated', 'service_role'];

export type RpcName = keyof Database['public']['Functions'];

export interface RpcAccess {
	/** The roles that call it; no other API role may execute it. */
	roles: readonly ApiRole[];
	/** Arguments of a call that shows the role may execute it and changes nothing. */
	probe: Record<string, unknown>;
	/**
	 * SQLSTATE the probe ends with when the role may call it (default: none, it succeeds): an
	 * import refuses the unknown city of its probe with 22023 only after the grant let it in.
	 */
	probeError?: string;
}

/** Visitors (anon) and signed-in staff (authenticated) read what the public pages show. */
const READERS: readonly ApiRole[] = ['anon', 'authenticated'];
/** The search worker and `npm run reindex` run as service_role. */
const WORKER: readonly ApiRole[] = ['service_role'];
/** Imports run from the command line (service_role); city admins may run them too. */
const IMPORTERS: readonly ApiRole[] = ['authenticated', 'service_role'];

/** Signed-in staff of organisations and the city. */
const STAFF: readonly ApiRole[] = ['authenticated'];

const NO_OFFER = '00000000-0000-4000-8000-000000000000';
const NO_ORGANISATION = '00000000-0000-4000-8000-000000000001';
const NO_USER = '00000000-0000-4000-8000-000000000002';
const NO_CITY = 'no-such-city-deploy-check';
const NO_FEED = '00000000-0000-4000-8000-000000000003';

export const RPC_ACCESS = {
	portal_info: { roles: READERS, probe: {} },
	get_offer: { roles: READERS, probe: { p_id: NO_OFFER, p_locale: 'de' } },
	list_districts: { roles: READERS, probe: {} },
	get_district: { roles: READERS, probe: { p_slug: NO_CITY } },
	districts_geojson: { roles: READERS, probe: {} },
	filter_offers: { roles: READERS, probe: { p_limit: 1 } },
	organisation_names: { roles: READERS, probe: { p_slugs: [NO_CITY] } },
	offer_schedules: { roles: READERS, probe: { p_ids: [NO_OFFER] } },
	// called inside get_offer and the coverage views, which run with the caller's rights
	measure_status_light: {
		roles: [...READERS, 'service_role'],
		probe: { p_status: 'implemented' }
	},
	search_documents: { roles: WORKER, probe: { p_limit: 1 } },
	claim_search_outbox: { roles: WORKER, probe: { p_limit: 1, p_lease_seconds: 1 } },
	complete_search_outbox: { roles: WORKER, probe: { p_outbox_ids: [] } },
	fail_search_outbox: { roles: WORKER, probe: { p_outbox_ids: [], p_error: 'deploy check' } },
	purge_search_outbox: { roles: WORKER, probe: { p_days: 36_500 } },
	requeue_search_outbox: { roles: WORKER, probe: { p_since: '9999-12-31T00:00:00Z' } },
	// the worker compares its index with this at start
	search_index_state: { roles: WORKER, probe: {} },
	// city admins watch the outbox; others see zeros
	search_outbox_status: { roles: ['authenticated', 'service_role'], probe: {} },
	import_districts: {
		roles: IMPORTERS,
		probe: { p_city: NO_CITY, p_collection: { type: 'FeatureCollection', features: [] } },
		probeError: '22023'
	},
	import_district_population: {
		roles: IMPORTERS,
		probe: { p_city: NO_CITY, p_rows: [] },
		probeError: '22023'
	},
	import_offers: { roles: IMPORTERS, probe: { p_city: NO_CITY, p_rows: [] }, probeError: '22023' },
	import_organisations: {
		roles: IMPORTERS,
		probe: { p_city: NO_CITY, p_rows: [] },
		probeError: '22023'
	},
	// npm run city:create; the probe's slug is refused before anything is written
	create_city: {
		roles: ['service_role'],
		probe: { p_slug: 'Not A Slug', p_name: 'probe' },
		probeError: '22023'
	},
	// npm run city:create -- --admin-email: an unknown user is PT404
	add_city_admin: { roles: ['service_role'], probe: { p_user_id: NO_USER }, probeError: 'PT404' },
	city_concepts: { roles: STAFF, probe: {} },
	// a measure's status with its justification, and its history: city admins (42501 for
	// others); an unknown measure is PT404 for everyone
	set_measure_status: {
		roles: STAFF,
		probe: { p_measure_id: NO_OFFER, p_status: 'implemented', p_note: 'probe' },
		probeError: 'PT404'
	},
	measure_history: { roles: STAFF, probe: { p_measure_id: NO_OFFER }, probeError: 'PT404' },
	// the city office's concept pages and coverage
	city_measures: { roles: STAFF, probe: {} },
	city_coverage: { roles: IMPORTERS, probe: {} },
	// the offers behind one number of city_coverage; the probe lists those without a place
	city_coverage_offers: { roles: IMPORTERS, probe: { p_gap: 'without_point' } },
	city_measure: { roles: STAFF, probe: { p_measure_id: NO_OFFER } },
	// the reports: snapshots on a reference date (taken by city admins, 42501 for others; an
	// unknown concept is PT404 for everyone), their list and their comparison
	take_snapshot: {
		roles: STAFF,
		probe: { p_concept: 'no-such-concept-deploy-check' },
		probeError: 'PT404'
	},
	city_snapshots: { roles: STAFF, probe: {} },
	compare_snapshots: {
		roles: STAFF,
		probe: { p_from: NO_OFFER, p_to: NO_OFFER },
		probeError: 'PT404'
	},
	// keeping the concept: every column of a measure, measured values, the current concept (city
	// admins; an unknown measure or concept is PT404 for everyone first)
	update_measure: {
		roles: STAFF,
		probe: { p_measure_id: NO_OFFER, p_measure: {}, p_expected: '2026-01-01T00:00:00Z' },
		probeError: 'PT404'
	},
	record_indicator_value: {
		roles: STAFF,
		probe: {
			p_measure_id: NO_OFFER,
			p_position: 1,
			p_measured_on: '2026-01-01',
			p_value: 1,
			p_source: 'probe'
		},
		probeError: 'PT404'
	},
	delete_indicator_value: { roles: STAFF, probe: { p_id: -1 }, probeError: 'PT404' },
	set_current_concept: { roles: STAFF, probe: { p_concept: NO_CITY }, probeError: 'PT404' },
	// the themes an offer serves, on its staff page (an unknown offer is PT404 for everyone)
	offer_theme_choices: { roles: STAFF, probe: { p_offer_id: NO_OFFER }, probeError: 'PT404' },
	set_offer_themes: {
		roles: STAFF,
		probe: { p_offer_id: NO_OFFER, p_themes: [] },
		probeError: 'PT404'
	},
	// suggestions from the public: visitors send (an unknown kind is 22023 for both), the
	// responsible staff and city admins handle them (an unknown suggestion is PT404)
	submit_suggestion: {
		roles: READERS,
		probe: { p_kind: 'probe', p_locale: 'de', p_what: 'deploy check' },
		probeError: '22023'
	},
	suggestion_queue: { roles: STAFF, probe: { p_state: 'new' } },
	accept_suggestion: { roles: STAFF, probe: { p_id: NO_OFFER }, probeError: 'PT404' },
	answer_suggestion: {
		roles: STAFF,
		probe: { p_id: NO_OFFER, p_answer: 'probe' },
		probeError: 'PT404'
	},
	reject_suggestion: { roles: STAFF, probe: { p_id: NO_OFFER }, probeError: 'PT404' },
	measure_is_late: {
		roles: [...READERS, 'service_role'],
		probe: { p_status: 'implemented', p_ends_on: null }
	},
	import_concept: {
		roles: IMPORTERS,
		probe: { p_city: NO_CITY, p_concept: {}, p_dry_run: true },
		probeError: '22023'
	},
	// usage counts: the server adds its counts (service_role only: a visitor who could call it
	// could inflate them); city admins and observers read a month, others see none
	record_usage: { roles: WORKER, probe: { p_counts: [] } },
	city_usage: { roles: STAFF, probe: { p_month: '2026-01-01' } },
	// the public implementation status of the current concept (pages and /api/concept)
	public_concept_fields: { roles: READERS, probe: {} },
	public_concept_field: { roles: READERS, probe: { p_field: 'no-field', p_locale: 'de' } },
	// the Open Referral HSDS API (/hsds/…) and the sitemap
	hsds_service_page: { roles: READERS, probe: { p_limit: 1 } },
	hsds_organization_page: { roles: READERS, probe: { p_limit: 1 } },
	// npm run check:deploy
	applied_migrations: { roles: ['service_role'], probe: {} },
	// every process's caches follow it
	data_version: { roles: [...READERS, 'service_role'], probe: {} },
	// the staff pages: who am I, and an organisation's staff (rights checked by RLS and in SQL)
	my_access: { roles: STAFF, probe: {} },
	managed_organisations: { roles: STAFF, probe: {} },
	organisation_staff: { roles: STAFF, probe: { p_organisation_id: NO_ORGANISATION } },
	add_staff_member: {
		roles: STAFF,
		probe: { p_organisation_id: NO_ORGANISATION, p_user_id: NO_USER, p_role: 'editor' },
		probeError: '22023'
	},
	set_staff_role: {
		roles: STAFF,
		probe: { p_organisation_id: NO_ORGANISATION, p_user_id: NO_USER, p_role: 'editor' },
		probeError: 'PT404'
	},
	remove_staff_member: {
		roles: STAFF,
		probe: { p_organisation_id: NO_ORGANISATION, p_user_id: NO_USER },
		probeError: 'PT404'
	},
	// invitations: an address that has an account already
	user_id_by_email: { roles: ['service_role'], probe: { p_email: 'nobody@deploy-check.invalid' } },
	// the staff dashboard: the offers the caller may edit, and bulk actions on a selection
	staff_offers: { roles: STAFF, probe: { p_organisation_id: NO_ORGANISATION } },
	confirm_offers_current: { roles: STAFF, probe: { p_ids: [] } },
	set_offers_state: { roles: STAFF, probe: { p_ids: [], p_state: 'archived' } },
	duplicate_offers: { roles: STAFF, probe: { p_ids: [] } },
	// the staff offer page: one offer, and its history (42501 for an offer not the caller's)
	staff_offer: { roles: STAFF, probe: { p_offer_id: NO_OFFER } },
	offer_history: {
		roles: STAFF,
		probe: { p_offer_id: NO_OFFER, p_limit: 1 },
		probeError: '42501'
	},
	// the offer editor: one offer with every editable field, and saving it with its text (an
	// empty object is refused with 22023 once the grant let the caller in)
	get_offer_for_edit: { roles: STAFF, probe: { p_offer_id: NO_OFFER } },
	save_offer: { roles: STAFF, probe: { p_offer: { unknown: true } }, probeError: '22023' },
	// the translation editor: an offer's original and translations with their status, and
	// saving one translation (an unknown field is refused with 22023 once the grant let it in)
	offer_translation_status: { roles: STAFF, probe: { p_offer_id: NO_OFFER } },
	save_offer_translation: {
		roles: STAFF,
		probe: {
			p_offer_id: NO_OFFER,
			p_locale: 'en',
			p_texts: { unknown: true },
			p_provenance: 'human'
		},
		probeError: '22023'
	},
	// the editor's measure picker: the current concept's measures
	measure_choices: { roles: STAFF, probe: { p_offer_id: NO_OFFER } },
	// the district page: the Stadtteilbüros serving a district (or the nearest one)
	district_offices: { roles: READERS, probe: { p_slug: NO_CITY } },
	// a Stadtteilbüro's facts page for its staff (hours, languages, directions); a malformed
	// object is refused with 22023 once the grant let the caller in
	get_office_facts: { roles: STAFF, probe: { p_organisation_id: NO_ORGANISATION } },
	save_office_facts: {
		roles: STAFF,
		probe: { p_organisation_id: NO_ORGANISATION, p_facts: { unknown: true }, p_version: 0 },
		probeError: '22023'
	},
	// the server archives events whose dates have all passed, at start and daily; the probe's
	// date lies before any offer, so it archives nothing
	archive_past_offers: {
		roles: ['service_role'],
		probe: { p_ended_before: '1970-01-01T00:00:00Z' }
	},
	// calendar import: an organisation's feeds and runs for its staff (PT404 for an unknown
	// organisation or feed, after the grant let the caller in); staff fetch on demand and the
	// server on its schedule (service_role) apply a feed or record a run that changed nothing
	calendar_feeds: {
		roles: STAFF,
		probe: { p_organisation_id: NO_ORGANISATION },
		probeError: 'PT404'
	},
	calendar_feed: { roles: STAFF, probe: { p_feed_id: NO_FEED, p_runs: 1 }, probeError: 'PT404' },
	save_calendar_feed: { roles: STAFF, probe: { p_feed: { unknown: true } }, probeError: '22023' },
	delete_calendar_feed: { roles: STAFF, probe: { p_feed_id: NO_FEED }, probeError: 'PT404' },
	apply_calendar_feed: {
		roles: IMPORTERS,
		probe: { p_feed_id: NO_FEED, p_events: [], p_problems: [], p_trigger: 'manual' },
		probeError: 'PT404'
	},
	record_calendar_run: {
		roles: IMPORTERS,
		probe: { p_feed_id: NO_FEED, p_trigger: 'manual', p_outcome: 'failed', p_error: 'probe' },
		probeError: 'PT404'
	},
	due_calendar_feeds: { roles: ['service_role'], probe: { p_limit: 1 } },
	calendar_source: { roles: STAFF, probe: { p_offer_id: NO_OFFER }, probeError: 'PT404' },
	detach_calendar_offer: { roles: STAFF, probe: { p_offer_id: NO_OFFER }, probeError: 'PT404' }
} satisfies Record<RpcName, RpcAccess>;

/** Every function with its access, in a stable order. */
export function rpcAccessList(): [RpcName, RpcAccess][] {
	return Object.entries(RPC_ACCESS) as [RpcName, RpcAccess][];
}
