export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	public: {
		Tables: {
			audit_log: {
				Row: {
					action: string;
					actor_id: string | null;
					actor_role: string | null;
					id: number;
					new_data: Json | null;
					occurred_at: string;
					old_data: Json | null;
					record_id: string | null;
					table_name: string;
				};
				ComputedFields: never;
				Insert: {
					action: string;
					actor_id?: string | null;
					actor_role?: string | null;
					id?: never;
					new_data?: Json | null;
					occurred_at?: string;
					old_data?: Json | null;
					record_id?: string | null;
					table_name: string;
				};
				Update: {
					action?: string;
					actor_id?: string | null;
					actor_role?: string | null;
					id?: never;
					new_data?: Json | null;
					occurred_at?: string;
					old_data?: Json | null;
					record_id?: string | null;
					table_name?: string;
				};
				Relationships: [];
			};
			calendar_feeds: {
				Row: {
					category: string;
					created_at: string;
					etag: string | null;
					id: string;
					interval_minutes: number;
					last_modified: string | null;
					last_run_at: string | null;
					name: string;
					on_removal: string;
					organisation_id: string;
					publish_mode: Database['public']['Enums']['calendar_publish_mode'];
					updated_at: string;
					url: string | null;
				};
				ComputedFields: never;
				Insert: {
					category: string;
					created_at?: string;
					etag?: string | null;
					id?: string;
					interval_minutes?: number;
					last_modified?: string | null;
					last_run_at?: string | null;
					name: string;
					on_removal?: string;
					organisation_id: string;
					publish_mode?: Database['public']['Enums']['calendar_publish_mode'];
					updated_at?: string;
					url?: string | null;
				};
				Update: {
					category?: string;
					created_at?: string;
					etag?: string | null;
					id?: string;
					interval_minutes?: number;
					last_modified?: string | null;
					last_run_at?: string | null;
					name?: string;
					on_removal?: string;
					organisation_id?: string;
					publish_mode?: Database['public']['Enums']['calendar_publish_mode'];
					updated_at?: string;
					url?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'calendar_feeds_category_fkey';
						columns: ['category'];
						isOneToOne: false;
						referencedRelation: 'categories';
						referencedColumns: ['slug'];
					},
					{
						foreignKeyName: 'calendar_feeds_category_fkey';
						columns: ['category'];
						isOneToOne: false;
						referencedRelation: 'district_coverage';
						referencedColumns: ['category'];
					},
					{
						foreignKeyName: 'calendar_feeds_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			calendar_offers: {
				Row: {
					content_hash: string;
					created_at: string;
					detached_at: string | null;
					detached_by: string | null;
					feed_id: string;
					offer_id: string;
					uid: string;
				};
				ComputedFields: never;
				Insert: {
					content_hash: string;
					created_at?: string;
					detached_at?: string | null;
					detached_by?: string | null;
					feed_id: string;
					offer_id: string;
					uid: string;
				};
				Update: {
					content_hash?: string;
					created_at?: string;
					detached_at?: string | null;
					detached_by?: string | null;
					feed_id?: string;
					offer_id?: string;
					uid?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'calendar_offers_feed_id_fkey';
						columns: ['feed_id'];
						isOneToOne: false;
						referencedRelation: 'calendar_feeds';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'calendar_offers_offer_id_fkey';
						columns: ['offer_id'];
						isOneToOne: true;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					}
				];
			};
			calendar_runs: {
				Row: {
					archived: number;
					created: number;
					detached: number;
					error: string | null;
					feed_id: string;
					id: string;
					organisation_id: string;
					outcome: string;
					problems: NonNullable<Json>;
					ran_at: string;
					removed: number;
					trigger: string;
					unchanged: number;
					updated: number;
				};
				ComputedFields: never;
				Insert: {
					archived?: number;
					created?: number;
					detached?: number;
					error?: string | null;
					feed_id: string;
					id?: string;
					organisation_id: string;
					outcome: string;
					problems?: NonNullable<Json>;
					ran_at?: string;
					removed?: number;
					trigger: string;
					unchanged?: number;
					updated?: number;
				};
				Update: {
					archived?: number;
					created?: number;
					detached?: number;
					error?: string | null;
					feed_id?: string;
					id?: string;
					organisation_id?: string;
					outcome?: string;
					problems?: NonNullable<Json>;
					ran_at?: string;
					removed?: number;
					trigger?: string;
					unchanged?: number;
					updated?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'calendar_runs_feed_id_fkey';
						columns: ['feed_id'];
						isOneToOne: false;
						referencedRelation: 'calendar_feeds';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'calendar_runs_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			categories: {
				Row: {
					position: number;
					slug: string;
				};
				ComputedFields: never;
				Insert: {
					position: number;
					slug: string;
				};
				Update: {
					position?: number;
					slug?: string;
				};
				Relationships: [];
			};
			cities: {
				Row: {
					created_at: string;
					default_locale: string;
					id: string;
					is_demo: boolean;
					name: string;
					slug: string;
					time_zone: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					default_locale?: string;
					id?: string;
					is_demo?: boolean;
					name: string;
					slug: string;
					time_zone?: string;
				};
				Update: {
					created_at?: string;
					default_locale?: string;
					id?: string;
					is_demo?: boolean;
					name?: string;
					slug?: string;
					time_zone?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'cities_default_locale_fkey';
						columns: ['default_locale'];
						isOneToOne: false;
						referencedRelation: 'locales';
						referencedColumns: ['code'];
					}
				];
			};
			city_admins: {
				Row: {
					created_at: string;
					user_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					user_id: string;
				};
				Update: {
					created_at?: string;
					user_id?: string;
				};
				Relationships: [];
			};
			city_observers: {
				Row: {
					created_at: string;
					user_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					user_id: string;
				};
				Update: {
					created_at?: string;
					user_id?: string;
				};
				Relationships: [];
			};
			concept_snapshots: {
				Row: {
					concept_id: string;
					coverage: NonNullable<Json>;
					id: string;
					measures: NonNullable<Json>;
					note: string | null;
					reference_date: string;
					taken_at: string;
					taken_by: string | null;
				};
				ComputedFields: never;
				Insert: {
					concept_id: string;
					coverage: NonNullable<Json>;
					id?: string;
					measures: NonNullable<Json>;
					note?: string | null;
					reference_date: string;
					taken_at?: string;
					taken_by?: string | null;
				};
				Update: {
					concept_id?: string;
					coverage?: NonNullable<Json>;
					id?: string;
					measures?: NonNullable<Json>;
					note?: string | null;
					reference_date?: string;
					taken_at?: string;
					taken_by?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'concept_snapshots_concept_id_fkey';
						columns: ['concept_id'];
						isOneToOne: false;
						referencedRelation: 'concepts';
						referencedColumns: ['id'];
					}
				];
			};
			concepts: {
				Row: {
					adopted_on: string | null;
					city_id: string;
					created_at: string;
					id: string;
					is_current: boolean;
					is_demo: boolean;
					level_names: NonNullable<Json>;
					slug: string;
					source_url: string | null;
					title: string;
				};
				ComputedFields: never;
				Insert: {
					adopted_on?: string | null;
					city_id: string;
					created_at?: string;
					id?: string;
					is_current?: boolean;
					is_demo?: boolean;
					level_names?: NonNullable<Json>;
					slug: string;
					source_url?: string | null;
					title: string;
				};
				Update: {
					adopted_on?: string | null;
					city_id?: string;
					created_at?: string;
					id?: string;
					is_current?: boolean;
					is_demo?: boolean;
					level_names?: NonNullable<Json>;
					slug?: string;
					source_url?: string | null;
					title?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'concepts_city_id_fkey';
						columns: ['city_id'];
						isOneToOne: false;
						referencedRelation: 'cities';
						referencedColumns: ['id'];
					}
				];
			};
			districts: {
				Row: {
					city_id: string;
					geom: unknown;
					geometry_is_demo: boolean;
					id: string;
					main_languages: string[];
					name: string;
					population: number | null;
					population_migration: number | null;
					slug: string;
					source: string | null;
					updated_at: string;
				};
				ComputedFields: never;
				Insert: {
					city_id: string;
					geom: unknown;
					geometry_is_demo?: boolean;
					id?: string;
					main_languages?: string[];
					name: string;
					population?: number | null;
					population_migration?: number | null;
					slug: string;
					source?: string | null;
					updated_at?: string;
				};
				Update: {
					city_id?: string;
					geom?: unknown;
					geometry_is_demo?: boolean;
					id?: string;
					main_languages?: string[];
					name?: string;
					population?: number | null;
					population_migration?: number | null;
					slug?: string;
					source?: string | null;
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'districts_city_id_fkey';
						columns: ['city_id'];
						isOneToOne: false;
						referencedRelation: 'cities';
						referencedColumns: ['id'];
					}
				];
			};
			fields_of_action: {
				Row: {
					code: string;
					concept_id: string;
					id: string;
					position: number;
					title: string;
					vision: string | null;
				};
				ComputedFields: never;
				Insert: {
					code: string;
					concept_id: string;
					id?: string;
					position: number;
					title: string;
					vision?: string | null;
				};
				Update: {
					code?: string;
					concept_id?: string;
					id?: string;
					position?: number;
					title?: string;
					vision?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'fields_of_action_concept_id_fkey';
						columns: ['concept_id'];
						isOneToOne: false;
						referencedRelation: 'concepts';
						referencedColumns: ['id'];
					}
				];
			};
			goals: {
				Row: {
					code: string;
					field_of_action_id: string;
					id: string;
					indicator: string | null;
					is_placeholder: boolean;
					position: number;
					title: string;
				};
				ComputedFields: never;
				Insert: {
					code: string;
					field_of_action_id: string;
					id?: string;
					indicator?: string | null;
					is_placeholder?: boolean;
					position: number;
					title: string;
				};
				Update: {
					code?: string;
					field_of_action_id?: string;
					id?: string;
					indicator?: string | null;
					is_placeholder?: boolean;
					position?: number;
					title?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'goals_field_of_action_id_fkey';
						columns: ['field_of_action_id'];
						isOneToOne: false;
						referencedRelation: 'fields_of_action';
						referencedColumns: ['id'];
					}
				];
			};
			locales: {
				Row: {
					code: string;
					direction: string;
					native_name: string;
					position: number;
				};
				ComputedFields: never;
				Insert: {
					code: string;
					direction?: string;
					native_name: string;
					position: number;
				};
				Update: {
					code?: string;
					direction?: string;
					native_name?: string;
					position?: number;
				};
				Relationships: [];
			};
			measure_indicator_values: {
				Row: {
					id: number;
					indicator_position: number;
					measure_id: string;
					measured_on: string;
					recorded_at: string;
					recorded_by: string | null;
					source: string;
					value: number;
				};
				ComputedFields: never;
				Insert: {
					id?: never;
					indicator_position: number;
					measure_id: string;
					measured_on: string;
					recorded_at?: string;
					recorded_by?: string | null;
					source: string;
					value: number;
				};
				Update: {
					id?: never;
					indicator_position?: number;
					measure_id?: string;
					measured_on?: string;
					recorded_at?: string;
					recorded_by?: string | null;
					source?: string;
					value?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'measure_indicator_values_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measure_coverage';
						referencedColumns: ['measure_id'];
					},
					{
						foreignKeyName: 'measure_indicator_values_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measures';
						referencedColumns: ['id'];
					}
				];
			};
			measure_indicators: {
				Row: {
					description: string;
					id: string;
					measure_id: string;
					position: number;
					target_unit: string | null;
					target_value: number | null;
				};
				ComputedFields: never;
				Insert: {
					description: string;
					id?: string;
					measure_id: string;
					position?: number;
					target_unit?: string | null;
					target_value?: number | null;
				};
				Update: {
					description?: string;
					id?: string;
					measure_id?: string;
					position?: number;
					target_unit?: string | null;
					target_value?: number | null;
				};
				Relationships: [
					{
						foreignKeyName: 'measure_indicators_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measure_coverage';
						referencedColumns: ['measure_id'];
					},
					{
						foreignKeyName: 'measure_indicators_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measures';
						referencedColumns: ['id'];
					}
				];
			};
			measure_status_changes: {
				Row: {
					changed_at: string;
					changed_by: string | null;
					from_status: Database['public']['Enums']['measure_status'] | null;
					id: number;
					measure_id: string;
					note: string | null;
					to_status: Database['public']['Enums']['measure_status'] | null;
				};
				ComputedFields: never;
				Insert: {
					changed_at?: string;
					changed_by?: string | null;
					from_status?: Database['public']['Enums']['measure_status'] | null;
					id?: never;
					measure_id: string;
					note?: string | null;
					to_status?: Database['public']['Enums']['measure_status'] | null;
				};
				Update: {
					changed_at?: string;
					changed_by?: string | null;
					from_status?: Database['public']['Enums']['measure_status'] | null;
					id?: never;
					measure_id?: string;
					note?: string | null;
					to_status?: Database['public']['Enums']['measure_status'] | null;
				};
				Relationships: [
					{
						foreignKeyName: 'measure_status_changes_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measure_coverage';
						referencedColumns: ['measure_id'];
					},
					{
						foreignKeyName: 'measure_status_changes_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measures';
						referencedColumns: ['id'];
					}
				];
			};
			measure_themes: {
				Row: {
					measure_id: string;
					theme_id: string;
				};
				ComputedFields: never;
				Insert: {
					measure_id: string;
					theme_id: string;
				};
				Update: {
					measure_id?: string;
					theme_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'measure_themes_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measure_coverage';
						referencedColumns: ['measure_id'];
					},
					{
						foreignKeyName: 'measure_themes_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measures';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'measure_themes_theme_id_fkey';
						columns: ['theme_id'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['id'];
					}
				];
			};
			measures: {
				Row: {
					actors: string | null;
					code: string;
					description: string | null;
					ends_on: string | null;
					goal_id: string;
					id: string;
					is_placeholder: boolean;
					position: number;
					resources_needed: string | null;
					responsible: string | null;
					starts_on: string | null;
					status: Database['public']['Enums']['measure_status'] | null;
					status_changed_at: string | null;
					target_group: string | null;
					title: string;
					updated_at: string;
				};
				ComputedFields: never;
				Insert: {
					actors?: string | null;
					code: string;
					description?: string | null;
					ends_on?: string | null;
					goal_id: string;
					id?: string;
					is_placeholder?: boolean;
					position: number;
					resources_needed?: string | null;
					responsible?: string | null;
					starts_on?: string | null;
					status?: Database['public']['Enums']['measure_status'] | null;
					status_changed_at?: string | null;
					target_group?: string | null;
					title: string;
					updated_at?: string;
				};
				Update: {
					actors?: string | null;
					code?: string;
					description?: string | null;
					ends_on?: string | null;
					goal_id?: string;
					id?: string;
					is_placeholder?: boolean;
					position?: number;
					resources_needed?: string | null;
					responsible?: string | null;
					starts_on?: string | null;
					status?: Database['public']['Enums']['measure_status'] | null;
					status_changed_at?: string | null;
					target_group?: string | null;
					title?: string;
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'measures_goal_id_fkey';
						columns: ['goal_id'];
						isOneToOne: false;
						referencedRelation: 'goals';
						referencedColumns: ['id'];
					}
				];
			};
			memberships: {
				Row: {
					created_at: string;
					organisation_id: string;
					role: Database['public']['Enums']['membership_role'];
					user_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					organisation_id: string;
					role?: Database['public']['Enums']['membership_role'];
					user_id: string;
				};
				Update: {
					created_at?: string;
					organisation_id?: string;
					role?: Database['public']['Enums']['membership_role'];
					user_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'memberships_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			offer_measures: {
				Row: {
					created_at: string;
					measure_id: string;
					offer_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					measure_id: string;
					offer_id: string;
				};
				Update: {
					created_at?: string;
					measure_id?: string;
					offer_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'offer_measures_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measure_coverage';
						referencedColumns: ['measure_id'];
					},
					{
						foreignKeyName: 'offer_measures_measure_id_fkey';
						columns: ['measure_id'];
						isOneToOne: false;
						referencedRelation: 'measures';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'offer_measures_offer_id_fkey';
						columns: ['offer_id'];
						isOneToOne: false;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					}
				];
			};
			offer_themes: {
				Row: {
					offer_id: string;
					theme_id: string;
				};
				ComputedFields: never;
				Insert: {
					offer_id: string;
					theme_id: string;
				};
				Update: {
					offer_id?: string;
					theme_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'offer_themes_offer_id_fkey';
						columns: ['offer_id'];
						isOneToOne: false;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'offer_themes_theme_id_fkey';
						columns: ['theme_id'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['id'];
					}
				];
			};
			offer_translations: {
				Row: {
					cost_note: string | null;
					description: string | null;
					locale: string;
					offer_id: string;
					provenance: Database['public']['Enums']['translation_provenance'];
					registration_note: string | null;
					reviewed: boolean;
					source_texts: Json | null;
					summary: string | null;
					title: string;
					updated_at: string;
					updated_by: string | null;
				};
				ComputedFields: never;
				Insert: {
					cost_note?: string | null;
					description?: string | null;
					locale: string;
					offer_id: string;
					provenance: Database['public']['Enums']['translation_provenance'];
					registration_note?: string | null;
					reviewed?: boolean;
					source_texts?: Json | null;
					summary?: string | null;
					title: string;
					updated_at?: string;
					updated_by?: string | null;
				};
				Update: {
					cost_note?: string | null;
					description?: string | null;
					locale?: string;
					offer_id?: string;
					provenance?: Database['public']['Enums']['translation_provenance'];
					registration_note?: string | null;
					reviewed?: boolean;
					source_texts?: Json | null;
					summary?: string | null;
					title?: string;
					updated_at?: string;
					updated_by?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'offer_translations_locale_fkey';
						columns: ['locale'];
						isOneToOne: false;
						referencedRelation: 'locales';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'offer_translations_offer_id_fkey';
						columns: ['offer_id'];
						isOneToOne: false;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					}
				];
			};
			offers: {
				Row: {
					categories: string[];
					category: string;
					childcare: boolean;
					contact_email: string | null;
					contact_phone: string | null;
					cost_eur: number | null;
					created_at: string;
					created_by: string | null;
					district_id: string | null;
					german_level: Database['public']['Enums']['german_level'] | null;
					id: string;
					is_demo: boolean;
					is_free: boolean | null;
					languages: string[];
					last_verified_on: string | null;
					locality: string | null;
					location: unknown;
					organisation_id: string;
					original_locale: string;
					postal_code: string | null;
					published_at: string | null;
					registration: Database['public']['Enums']['registration_kind'];
					registration_url: string | null;
					state: Database['public']['Enums']['publication_state'];
					street: string | null;
					target_groups: string[];
					updated_at: string;
					version: number;
					wheelchair_accessible: boolean | null;
					women_only: boolean;
				};
				ComputedFields: never;
				Insert: {
					categories?: string[];
					category: string;
					childcare?: boolean;
					contact_email?: string | null;
					contact_phone?: string | null;
					cost_eur?: number | null;
					created_at?: string;
					created_by?: string | null;
					district_id?: string | null;
					german_level?: Database['public']['Enums']['german_level'] | null;
					id?: string;
					is_demo?: boolean;
					is_free?: never;
					languages?: string[];
					last_verified_on?: string | null;
					locality?: string | null;
					location?: unknown;
					organisation_id: string;
					original_locale?: string;
					postal_code?: string | null;
					published_at?: string | null;
					registration?: Database['public']['Enums']['registration_kind'];
					registration_url?: string | null;
					state?: Database['public']['Enums']['publication_state'];
					street?: string | null;
					target_groups?: string[];
					updated_at?: string;
					version?: number;
					wheelchair_accessible?: boolean | null;
					women_only?: boolean;
				};
				Update: {
					categories?: string[];
					category?: string;
					childcare?: boolean;
					contact_email?: string | null;
					contact_phone?: string | null;
					cost_eur?: number | null;
					created_at?: string;
					created_by?: string | null;
					district_id?: string | null;
					german_level?: Database['public']['Enums']['german_level'] | null;
					id?: string;
					is_demo?: boolean;
					is_free?: never;
					languages?: string[];
					last_verified_on?: string | null;
					locality?: string | null;
					location?: unknown;
					organisation_id?: string;
					original_locale?: string;
					postal_code?: string | null;
					published_at?: string | null;
					registration?: Database['public']['Enums']['registration_kind'];
					registration_url?: string | null;
					state?: Database['public']['Enums']['publication_state'];
					street?: string | null;
					target_groups?: string[];
					updated_at?: string;
					version?: number;
					wheelchair_accessible?: boolean | null;
					women_only?: boolean;
				};
				Relationships: [
					{
						foreignKeyName: 'offers_category_fkey';
						columns: ['category'];
						isOneToOne: false;
						referencedRelation: 'categories';
						referencedColumns: ['slug'];
					},
					{
						foreignKeyName: 'offers_category_fkey';
						columns: ['category'];
						isOneToOne: false;
						referencedRelation: 'district_coverage';
						referencedColumns: ['category'];
					},
					{
						foreignKeyName: 'offers_district_id_fkey';
						columns: ['district_id'];
						isOneToOne: false;
						referencedRelation: 'districts';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'offers_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'offers_original_locale_fkey';
						columns: ['original_locale'];
						isOneToOne: false;
						referencedRelation: 'locales';
						referencedColumns: ['code'];
					}
				];
			};
			office_facts: {
				Row: {
					directions: NonNullable<Json>;
					hours_note: NonNullable<Json>;
					languages: string[];
					location: unknown;
					opening_hours: NonNullable<Json>;
					organisation_id: string;
					updated_at: string;
					version: number;
				};
				ComputedFields: never;
				Insert: {
					directions?: NonNullable<Json>;
					hours_note?: NonNullable<Json>;
					languages?: string[];
					location?: unknown;
					opening_hours?: NonNullable<Json>;
					organisation_id: string;
					updated_at?: string;
					version?: number;
				};
				Update: {
					directions?: NonNullable<Json>;
					hours_note?: NonNullable<Json>;
					languages?: string[];
					location?: unknown;
					opening_hours?: NonNullable<Json>;
					organisation_id?: string;
					updated_at?: string;
					version?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'office_facts_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: true;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			organisation_districts: {
				Row: {
					created_at: string;
					district_id: string;
					organisation_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					district_id: string;
					organisation_id: string;
				};
				Update: {
					created_at?: string;
					district_id?: string;
					organisation_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'organisation_districts_district_id_fkey';
						columns: ['district_id'];
						isOneToOne: false;
						referencedRelation: 'districts';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'organisation_districts_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			organisations: {
				Row: {
					city_id: string;
					created_at: string;
					email: string | null;
					id: string;
					is_demo: boolean;
					kind: Database['public']['Enums']['organisation_kind'];
					locality: string | null;
					name: string;
					phone: string | null;
					postal_code: string | null;
					slug: string;
					street: string | null;
					updated_at: string;
					website: string | null;
				};
				ComputedFields: never;
				Insert: {
					city_id: string;
					created_at?: string;
					email?: string | null;
					id?: string;
					is_demo?: boolean;
					kind: Database['public']['Enums']['organisation_kind'];
					locality?: string | null;
					name: string;
					phone?: string | null;
					postal_code?: string | null;
					slug: string;
					street?: string | null;
					updated_at?: string;
					website?: string | null;
				};
				Update: {
					city_id?: string;
					created_at?: string;
					email?: string | null;
					id?: string;
					is_demo?: boolean;
					kind?: Database['public']['Enums']['organisation_kind'];
					locality?: string | null;
					name?: string;
					phone?: string | null;
					postal_code?: string | null;
					slug?: string;
					street?: string | null;
					updated_at?: string;
					website?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'organisations_city_id_fkey';
						columns: ['city_id'];
						isOneToOne: false;
						referencedRelation: 'cities';
						referencedColumns: ['id'];
					}
				];
			};
			schedule_exceptions: {
				Row: {
					created_at: string;
					moved_to: string | null;
					note: string | null;
					occurs_at: string;
					offer_id: string;
					schedule_id: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					moved_to?: string | null;
					note?: string | null;
					occurs_at: string;
					offer_id: string;
					schedule_id: string;
				};
				Update: {
					created_at?: string;
					moved_to?: string | null;
					note?: string | null;
					occurs_at?: string;
					offer_id?: string;
					schedule_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'schedule_exceptions_schedule_id_offer_id_fkey';
						columns: ['schedule_id', 'offer_id'];
						isOneToOne: false;
						referencedRelation: 'schedules';
						referencedColumns: ['id', 'offer_id'];
					}
				];
			};
			schedules: {
				Row: {
					created_at: string;
					duration_minutes: number;
					exdates: string[];
					id: string;
					offer_id: string;
					rrule: string | null;
					starts_at: string;
					timezone: string;
				};
				ComputedFields: never;
				Insert: {
					created_at?: string;
					duration_minutes?: number;
					exdates?: string[];
					id?: string;
					offer_id: string;
					rrule?: string | null;
					starts_at: string;
					timezone?: string;
				};
				Update: {
					created_at?: string;
					duration_minutes?: number;
					exdates?: string[];
					id?: string;
					offer_id?: string;
					rrule?: string | null;
					starts_at?: string;
					timezone?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'schedules_offer_id_fkey';
						columns: ['offer_id'];
						isOneToOne: false;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					}
				];
			};
			search_outbox: {
				Row: {
					attempts: number;
					claimed_until: string | null;
					enqueued_at: string;
					id: number;
					last_error: string | null;
					offer_id: string;
					processed_at: string | null;
					retry_at: string | null;
				};
				ComputedFields: never;
				Insert: {
					attempts?: number;
					claimed_until?: string | null;
					enqueued_at?: string;
					id?: never;
					last_error?: string | null;
					offer_id: string;
					processed_at?: string | null;
					retry_at?: string | null;
				};
				Update: {
					attempts?: number;
					claimed_until?: string | null;
					enqueued_at?: string;
					id?: never;
					last_error?: string | null;
					offer_id?: string;
					processed_at?: string | null;
					retry_at?: string | null;
				};
				Relationships: [];
			};
			suggestions: {
				Row: {
					answer: string | null;
					audience: string | null;
					contact: string | null;
					created_at: string;
					draft_offer_id: string | null;
					handled_at: string | null;
					handled_by: string | null;
					id: string;
					kind: Database['public']['Enums']['suggestion_kind'];
					locale: string;
					offer_id: string | null;
					organisation_id: string | null;
					place: string | null;
					state: Database['public']['Enums']['suggestion_state'];
					time_text: string | null;
					what: string;
				};
				ComputedFields: never;
				Insert: {
					answer?: string | null;
					audience?: string | null;
					contact?: string | null;
					created_at?: string;
					draft_offer_id?: string | null;
					handled_at?: string | null;
					handled_by?: string | null;
					id?: string;
					kind: Database['public']['Enums']['suggestion_kind'];
					locale: string;
					offer_id?: string | null;
					organisation_id?: string | null;
					place?: string | null;
					state?: Database['public']['Enums']['suggestion_state'];
					time_text?: string | null;
					what: string;
				};
				Update: {
					answer?: string | null;
					audience?: string | null;
					contact?: string | null;
					created_at?: string;
					draft_offer_id?: string | null;
					handled_at?: string | null;
					handled_by?: string | null;
					id?: string;
					kind?: Database['public']['Enums']['suggestion_kind'];
					locale?: string;
					offer_id?: string | null;
					organisation_id?: string | null;
					place?: string | null;
					state?: Database['public']['Enums']['suggestion_state'];
					time_text?: string | null;
					what?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'suggestions_draft_offer_id_fkey';
						columns: ['draft_offer_id'];
						isOneToOne: false;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'suggestions_locale_fkey';
						columns: ['locale'];
						isOneToOne: false;
						referencedRelation: 'locales';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'suggestions_offer_id_fkey';
						columns: ['offer_id'];
						isOneToOne: false;
						referencedRelation: 'offers';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'suggestions_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			themes: {
				Row: {
					concept_id: string;
					id: string;
					slug: string;
					title: string;
				};
				ComputedFields: never;
				Insert: {
					concept_id: string;
					id?: string;
					slug: string;
					title: string;
				};
				Update: {
					concept_id?: string;
					id?: string;
					slug?: string;
					title?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'themes_concept_id_fkey';
						columns: ['concept_id'];
						isOneToOne: false;
						referencedRelation: 'concepts';
						referencedColumns: ['id'];
					}
				];
			};
			usage_counts: {
				Row: {
					count: number;
					day: string;
					locale: string;
					route_kind: string;
				};
				ComputedFields: never;
				Insert: {
					count: number;
					day: string;
					locale: string;
					route_kind: string;
				};
				Update: {
					count?: number;
					day?: string;
					locale?: string;
					route_kind?: string;
				};
				Relationships: [];
			};
		};
		Views: {
			district_coverage: {
				Row: {
					category: string;
					district_name: string;
					district_slug: string;
					published_offers: number | null;
				};
				ComputedFields: never;
				Relationships: [];
			};
			measure_coverage: {
				Row: {
					concept_slug: string;
					field_code: string;
					field_title: string;
					goal_code: string;
					is_placeholder: boolean;
					light: string | null;
					measure_code: string;
					measure_id: string;
					measure_title: string;
					published_offers: number | null;
					status: Database['public']['Enums']['measure_status'] | null;
				};
				ComputedFields: never;
				Relationships: [];
			};
		};
		Functions: {
			accept_suggestion: {
				Args: { p_category?: string; p_id: string; p_organisation_id?: string };
				Returns: Json;
			};
			add_city_admin: { Args: { p_user_id: string }; Returns: boolean };
			add_staff_member: {
				Args: {
					p_organisation_id: string;
					p_role: Database['public']['Enums']['membership_role'];
					p_user_id: string;
				};
				Returns: undefined;
			};
			answer_suggestion: { Args: { p_answer: string; p_id: string }; Returns: undefined };
			applied_migrations: { Args: Record<PropertyKey, never>; Returns: string[] };
			apply_calendar_feed: {
				Args: {
					p_etag?: string;
					p_events: Json;
					p_feed_id: string;
					p_last_modified?: string;
					p_problems: Json;
					p_trigger: string;
				};
				Returns: Json;
			};
			archive_past_offers: { Args: { p_ended_before?: string }; Returns: number };
			calendar_feed: { Args: { p_feed_id: string; p_runs?: number }; Returns: Json };
			calendar_feeds: { Args: { p_organisation_id: string }; Returns: Json };
			calendar_source: { Args: { p_offer_id: string }; Returns: Json };
			city_concepts: {
				Args: Record<PropertyKey, never>;
				Returns: {
					is_current: boolean;
					measure_count: number;
					slug: string;
					title: string;
				}[];
			};
			city_coverage: { Args: { p_concept?: string; p_target_group?: string }; Returns: Json };
			city_coverage_offers: {
				Args: {
					p_category?: string;
					p_concept?: string;
					p_district?: string;
					p_field?: string;
					p_gap?: string;
					p_target_group?: string;
				};
				Returns: {
					categories: string[];
					district: string;
					id: string;
					organisation: string;
					title: string;
					title_locale: string;
				}[];
			};
			city_measure: { Args: { p_measure_id: string }; Returns: Json };
			city_measures: {
				Args: { p_concept?: string };
				Returns: {
					ends_on: string;
					field_code: string;
					field_title: string;
					goal_code: string;
					goal_title: string;
					is_late: boolean;
					light: string;
					measure_code: string;
					measure_id: string;
					measure_title: string;
					published_offers: number;
					status: Database['public']['Enums']['measure_status'];
				}[];
			};
			city_snapshots: {
				Args: { p_concept?: string };
				Returns: {
					concept: string;
					id: string;
					measures: number;
					note: string;
					offers: number;
					reference_date: string;
					taken_at: string;
				}[];
			};
			city_usage: { Args: { p_month?: string }; Returns: Json };
			claim_search_outbox: {
				Args: { p_lease_seconds?: number; p_limit?: number };
				Returns: {
					offer_id: string;
					outbox_ids: number[];
				}[];
			};
			compare_snapshots: { Args: { p_from: string; p_to: string }; Returns: Json };
			complete_search_outbox: { Args: { p_outbox_ids: number[] }; Returns: number };
			confirm_offers_current: { Args: { p_ids: string[] }; Returns: number };
			create_city: {
				Args: { p_default_locale?: string; p_name: string; p_slug: string; p_time_zone?: string };
				Returns: Json;
			};
			data_version: { Args: Record<PropertyKey, never>; Returns: number };
			delete_calendar_feed: { Args: { p_feed_id: string }; Returns: undefined };
			delete_indicator_value: { Args: { p_id: number }; Returns: undefined };
			detach_calendar_offer: { Args: { p_offer_id: string }; Returns: undefined };
			district_offices: { Args: { p_slug: string }; Returns: Json };
			districts_geojson: { Args: Record<PropertyKey, never>; Returns: Json };
			due_calendar_feeds: { Args: { p_limit?: number }; Returns: Json };
			duplicate_offers: { Args: { p_ids: string[] }; Returns: string[] };
			fail_search_outbox: { Args: { p_error: string; p_outbox_ids: number[] }; Returns: number };
			filter_offers: {
				Args: {
					p_category?: string[];
					p_childcare?: boolean;
					p_district?: string[];
					p_free?: boolean;
					p_german_level?: string[];
					p_language?: string[];
					p_limit?: number;
					p_locale?: string;
					p_near_lat?: number;
					p_near_lng?: number;
					p_offset?: number;
					p_organisation?: string[];
					p_q?: string;
					p_target_group?: string[];
					p_weekday?: string[];
					p_wheelchair?: boolean;
					p_women_only?: boolean;
				};
				Returns: Json;
			};
			get_district: { Args: { p_slug: string }; Returns: Json };
			get_offer: { Args: { p_id: string; p_locale?: string }; Returns: Json };
			get_offer_for_edit: { Args: { p_offer_id: string }; Returns: Json };
			get_office_facts: { Args: { p_organisation_id: string }; Returns: Json };
			hsds_organization_page: {
				Args: { p_id?: string; p_limit?: number; p_offset?: number; p_search?: string };
				Returns: Json;
			};
			hsds_service_page: {
				Args: {
					p_ids?: string[];
					p_limit?: number;
					p_located?: boolean;
					p_modified_after?: string;
					p_offset?: number;
					p_organization?: string;
				};
				Returns: Json;
			};
			import_concept: {
				Args: { p_city: string; p_concept: Json; p_dry_run?: boolean };
				Returns: Json;
			};
			import_district_population: { Args: { p_city: string; p_rows: Json }; Returns: Json };
			import_districts: {
				Args: { p_city: string; p_collection: Json; p_name_property?: string; p_source?: string };
				Returns: Json;
			};
			import_offers: { Args: { p_city: string; p_rows: Json }; Returns: Json };
			import_organisations: { Args: { p_city: string; p_rows: Json }; Returns: Json };
			list_districts: {
				Args: Record<PropertyKey, never>;
				Returns: {
					geometry_is_demo: boolean;
					name: string;
					offer_count: number;
					population: number;
					population_migration: number;
					slug: string;
				}[];
			};
			managed_organisations: {
				Args: Record<PropertyKey, never>;
				Returns: {
					id: string;
					kind: Database['public']['Enums']['organisation_kind'];
					name: string;
					slug: string;
					staff_count: number;
				}[];
			};
			measure_choices: {
				Args: { p_offer_id?: string };
				Returns: {
					code: string;
					field_code: string;
					field_title: string;
					goal_code: string;
					goal_is_placeholder: boolean;
					goal_title: string;
					id: string;
					is_current: boolean;
					is_placeholder: boolean;
					light: string;
					status: Database['public']['Enums']['measure_status'];
					title: string;
				}[];
			};
			measure_history: {
				Args: { p_measure_id: string };
				Returns: {
					changed_at: string;
					changed_by_email: string;
					from_status: Database['public']['Enums']['measure_status'];
					note: string;
					to_status: Database['public']['Enums']['measure_status'];
				}[];
			};
			measure_is_late: {
				Args: { p_ends_on: string; p_status: Database['public']['Enums']['measure_status'] };
				Returns: boolean;
			};
			measure_status_light: {
				Args: { p_status: Database['public']['Enums']['measure_status'] };
				Returns: string;
			};
			my_access: { Args: Record<PropertyKey, never>; Returns: Json };
			offer_history: {
				Args: { p_limit?: number; p_offer_id: string };
				Returns: {
					actor_email: string;
					actor_kind: string;
					fields: string[];
					id: number;
					locale: string;
					new_state: Database['public']['Enums']['publication_state'];
					occurred_at: string;
					operation: string;
					subject: string;
				}[];
			};
			offer_schedules: {
				Args: { p_ids: string[] };
				Returns: {
					locality: string;
					offer_id: string;
					postal_code: string;
					schedules: Json;
					street: string;
					updated_at: string;
				}[];
			};
			offer_theme_choices: {
				Args: { p_offer_id: string };
				Returns: {
					chosen: boolean;
					slug: string;
					title: string;
				}[];
			};
			offer_translation_status: { Args: { p_offer_id: string }; Returns: Json };
			organisation_names: { Args: { p_slugs: string[] }; Returns: Json };
			organisation_staff: {
				Args: { p_organisation_id: string };
				Returns: {
					email: string;
					last_sign_in_at: string;
					member_since: string;
					role: Database['public']['Enums']['membership_role'];
					user_id: string;
				}[];
			};
			portal_info: { Args: Record<PropertyKey, never>; Returns: Json };
			public_concept_field: { Args: { p_field: string; p_locale?: string }; Returns: Json };
			public_concept_fields: { Args: Record<PropertyKey, never>; Returns: Json };
			purge_search_outbox: { Args: { p_days?: number }; Returns: number };
			record_calendar_run: {
				Args: { p_error?: string; p_feed_id: string; p_outcome: string; p_trigger: string };
				Returns: Json;
			};
			record_indicator_value: {
				Args: {
					p_measure_id: string;
					p_measured_on: string;
					p_position: number;
					p_source: string;
					p_value: number;
				};
				Returns: Json;
			};
			record_usage: { Args: { p_counts: Json }; Returns: undefined };
			reject_suggestion: { Args: { p_id: string; p_note?: string }; Returns: undefined };
			remove_staff_member: {
				Args: { p_organisation_id: string; p_user_id: string };
				Returns: undefined;
			};
			requeue_search_outbox: { Args: { p_since: string }; Returns: number };
			save_calendar_feed: { Args: { p_feed: Json }; Returns: string };
			save_offer: { Args: { p_offer: Json }; Returns: Json };
			save_offer_translation: {
				Args: {
					p_locale: string;
					p_offer_id: string;
					p_original_updated_at?: string;
					p_provenance: Database['public']['Enums']['translation_provenance'];
					p_reviewed?: boolean;
					p_texts: Json;
				};
				Returns: Json;
			};
			save_office_facts: {
				Args: { p_facts: Json; p_organisation_id: string; p_version: number };
				Returns: number;
			};
			search_documents: {
				Args: { p_after?: string; p_ids?: string[]; p_limit?: number };
				Returns: Json[];
			};
			search_index_state: {
				Args: Record<PropertyKey, never>;
				Returns: {
					documents: number;
					newest: string;
				}[];
			};
			search_outbox_status: { Args: Record<PropertyKey, never>; Returns: Json };
			set_current_concept: { Args: { p_concept: string }; Returns: undefined };
			set_measure_status: {
				Args: {
					p_expected?: Database['public']['Enums']['measure_status'];
					p_measure_id: string;
					p_note: string;
					p_status: Database['public']['Enums']['measure_status'];
				};
				Returns: Json;
			};
			set_offer_themes: { Args: { p_offer_id: string; p_themes: string[] }; Returns: undefined };
			set_offers_state: {
				Args: { p_ids: string[]; p_state: Database['public']['Enums']['publication_state'] };
				Returns: number;
			};
			set_staff_role: {
				Args: {
					p_organisation_id: string;
					p_role: Database['public']['Enums']['membership_role'];
					p_user_id: string;
				};
				Returns: undefined;
			};
			staff_offer: {
				Args: { p_offer_id: string };
				Returns: {
					category: string;
					district_name: string;
					id: string;
					last_verified_on: string;
					measure_count: number;
					organisation_id: string;
					organisation_name: string;
					original_locale: string;
					schedules: Json;
					state: Database['public']['Enums']['publication_state'];
					title: string;
					translations: Json;
					updated_at: string;
					version: number;
				}[];
			};
			staff_offers: {
				Args: { p_organisation_id?: string };
				Returns: {
					category: string;
					district_name: string;
					id: string;
					last_verified_on: string;
					measure_count: number;
					organisation_id: string;
					organisation_name: string;
					original_locale: string;
					schedules: Json;
					state: Database['public']['Enums']['publication_state'];
					title: string;
					translations: Json;
					updated_at: string;
					version: number;
				}[];
			};
			submit_suggestion: {
				Args: {
					p_audience?: string;
					p_contact?: string;
					p_kind: string;
					p_locale: string;
					p_offer_id?: string;
					p_place?: string;
					p_time?: string;
					p_what: string;
				};
				Returns: undefined;
			};
			suggestion_queue: {
				Args: { p_state?: Database['public']['Enums']['suggestion_state'] };
				Returns: {
					answer: string;
					audience: string;
					contact: string;
					created_at: string;
					draft_offer_id: string;
					handled_at: string;
					handled_by_email: string;
					id: string;
					kind: Database['public']['Enums']['suggestion_kind'];
					locale: string;
					offer_id: string;
					offer_title: string;
					organisation_id: string;
					organisation_name: string;
					place: string;
					state: Database['public']['Enums']['suggestion_state'];
					time_text: string;
					what: string;
				}[];
			};
			take_snapshot: {
				Args: { p_concept?: string; p_note?: string; p_reference_date?: string };
				Returns: Json;
			};
			update_measure: {
				Args: { p_expected: string; p_measure: Json; p_measure_id: string };
				Returns: string;
			};
			user_id_by_email: { Args: { p_email: string }; Returns: string };
		};
		Enums: {
			calendar_publish_mode: 'draft' | 'published';
			german_level: 'none' | 'a1' | 'a2' | 'b1' | 'b2' | 'c1';
			measure_status:
				| 'implemented'
				| 'in_progress_start'
				| 'in_progress_middle'
				| 'in_progress_end'
				| 'at_risk'
				| 'scheduled';
			membership_role: 'admin' | 'editor';
			organisation_kind:
				| 'neighbourhood_office'
				| 'provider'
				| 'counselling_service'
				| 'club'
				| 'authority'
				| 'migrant_organisation'
				| 'education'
				| 'religious_community'
				| 'welfare_association'
				| 'other';
			publication_state: 'draft' | 'published' | 'archived';
			registration_kind: 'none' | 'recommended' | 'required';
			suggestion_kind: 'new_offer' | 'mistake';
			suggestion_state: 'new' | 'accepted' | 'answered' | 'rejected';
			translation_provenance: 'original' | 'human' | 'machine';
		};
		CompositeTypes: {
			[_ in never]: never;
		};
	};
};

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>;

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, 'public'>];

export type Tables<
	DefaultSchemaTableNameOrOptions extends
		| keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
		| { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
				DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])
		: never) = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
			DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])[TableName] extends {
			Row: infer R;
		}
		? R
		: never
	: DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
		? (DefaultSchema['Tables'] & DefaultSchema['Views'])[DefaultSchemaTableNameOrOptions] extends {
				Row: infer R;
			}
			? R
			: never
		: never;

export type TablesInsert<
	DefaultSchemaTableNameOrOptions extends
		keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
		: never) = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
			Insert: infer I;
		}
		? I
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
		? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
				Insert: infer I;
			}
			? I
			: never
		: never;

export type TablesUpdate<
	DefaultSchemaTableNameOrOptions extends
		keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
		: never) = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
			Update: infer U;
		}
		? U
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
		? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
				Update: infer U;
			}
			? U
			: never
		: never;

export type Enums<
	DefaultSchemaEnumNameOrOptions extends
		keyof DefaultSchema['Enums'] | { schema: keyof DatabaseWithoutInternals },
	EnumName extends (DefaultSchemaEnumNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums']
		: never) = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums'][EnumName]
	: DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema['Enums']
		? DefaultSchema['Enums'][DefaultSchemaEnumNameOrOptions]
		: never;

export type CompositeTypes<
	PublicCompositeTypeNameOrOptions extends
		keyof DefaultSchema['CompositeTypes'] | { schema: keyof DatabaseWithoutInternals },
	CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes']
		: never) = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes'][CompositeTypeName]
	: PublicCompositeTypeNameOrOptions extends keyof DefaultSchema['CompositeTypes']
		? DefaultSchema['CompositeTypes'][PublicCompositeTypeNameOrOptions]
		: never;

export const Constants = {
	public: {
		Enums: {
			calendar_publish_mode: ['draft', 'published'],
			german_level: ['none', 'a1', 'a2', 'b1', 'b2', 'c1'],
			measure_status: [
				'implemented',
				'in_progress_start',
				'in_progress_middle',
				'in_progress_end',
				'at_risk',
				'scheduled'
			],
			membership_role: ['admin', 'editor'],
			organisation_kind: [
				'neighbourhood_office',
				'provider',
				'counselling_service',
				'club',
				'authority',
				'migrant_organisation',
				'education',
				'religious_community',
				'welfare_association',
				'other'
			],
			publication_state: ['draft', 'published', 'archived'],
			registration_kind: ['none', 'recommended', 'required'],
			suggestion_kind: ['new_offer', 'mistake'],
			suggestion_state: ['new', 'accepted', 'answered', 'rejected'],
			translation_provenance: ['original', 'human', 'machine']
		}
	}
} as const;
