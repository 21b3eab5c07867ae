/**
 * The RLS matrix: for every table, who may select, insert, update and delete.
 * Actors: an anonymous visitor, staff of the offer's organisation (an editor), staff of
 * another organisation, and a city admin. Each cell runs the statement as that actor,
 * as PostgREST would, and checks whether a row was seen or written.
 */
import { describe, expect, it } from 'vitest';
import {
	engines,
	useSession,
	type Actor,
	type SqlQuery,
	type SqlSession
} from '../support/sql-engines';

const id = {
	city: '00000000-0000-4000-8000-000000000001',
	orgA: '00000000-0000-4000-8000-00000000000a',
	orgB: '00000000-0000-4000-8000-00000000000b',
	staffA: '00000000-0000-4000-8000-0000000000a1',
	staffB: '00000000-0000-4000-8000-0000000000b1',
	cityAdmin: '00000000-0000-4000-8000-0000000000c1',
	concept: '00000000-0000-4000-8000-000000000101',
	field: '00000000-0000-4000-8000-000000000102',
	goal: '00000000-0000-4000-8000-000000000103',
	measure: '00000000-0000-4000-8000-000000000104',
	indicator: '00000000-0000-4000-8000-000000000105',
	theme: '00000000-0000-4000-8000-000000000106',
	theme2: '00000000-0000-4000-8000-000000000107',
	measure2: '00000000-0000-4000-8000-000000000108',
	district: '00000000-0000-4000-8000-000000000201',
	offer: '00000000-0000-4000-8000-000000000301',
	draft: '00000000-0000-4000-8000-000000000302',
	schedule: '00000000-0000-4000-8000-000000000303',
	draftSchedule: '00000000-0000-4000-8000-000000000304',
	snapshot: '00000000-0000-4000-8000-000000000401',
	suggestion: '00000000-0000-4000-8000-000000000601',
	feed: '00000000-0000-4000-8000-000000000501'
};

const actors: Record<string, Actor> = {
	anonymous: { role: 'anon' },
	'staff of the offer’s organisation': { role: 'authenticated', userId: id.staffA },
	'staff of another organisation': { role: 'authenticated', userId: id.staffB },
	'city admin': { role: 'authenticated', userId: id.cityAdmin }
};
type ActorName = keyof typeof actors;
const [anon, own, other, admin] = Object.keys(actors) as ActorName[];

/** A small world: two organisations with one editor each, a city admin, a concept, a district, offers. */
async function buildWorld(db: SqlSession) {
	await db.query(
		`insert into auth.users (id, email) values ($1, 'a@example.org'), ($2, 'b@example.org'), ($3, 'admin@example.org')`,
		[id.staffA, id.staffB, id.cityAdmin]
	);
	await db.query(
		`insert into public.cities (id, slug, name) values ($1, 'testcity', 'Teststadt')`,
		[id.city]
	);
	await db.query(`insert into public.city_admins (user_id) values ($1)`, [id.cityAdmin]);
	await db.query(`insert into public.city_observers (user_id) values ($1)`, [id.staffA]);
	await db.query(
		`insert into public.organisations (id, city_id, slug, name, kind)
		 values ($1, $3, 'org-a', 'Stadtteilbüro A', 'neighbourhood_office'), ($2, $3, 'org-b', 'Verein B', 'club')`,
		[id.orgA, id.orgB, id.city]
	);
	await db.query(
		`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, 'editor'), ($3, $4, 'editor')`,
		[id.orgA, id.staffA, id.orgB, id.staffB]
	);
	await db.query(
		`insert into public.concepts (id, city_id, slug, title, is_current) values ($1, $2, 'c', 'Konzept', true)`,
		[id.concept, id.city]
	);
	await db.query(
		`insert into public.fields_of_action (id, concept_id, position, code, title) values ($1, $2, 1, '1', 'Feld')`,
		[id.field, id.concept]
	);
	await db.query(
		`insert into public.goals (id, field_of_action_id, position, code, title) values ($1, $2, 1, '1.1', 'Ziel')`,
		[id.goal, id.field]
	);
	await db.query(
		`insert into public.measures (id, goal_id, position, code, title, status) values ($1, $2, 1, '1.1.1', 'Maßnahme', 'implemented')`,
		[id.measure, id.goal]
	);
	await db.query(
		`insert into public.measure_indicators (id, measure_id, description) values ($1, $2, 'Teilnehmende')`,
		[id.indicator, id.measure]
	);
	await db.query(
		`insert into public.measure_indicator_values (measure_id, indicator_position, measured_on, value, source)
		 values ($1, 1, '2026-06-30', 8, 'Teilnahmelisten')`,
		[id.measure]
	);
	await db.query(
		`insert into public.themes (id, concept_id, slug, title) values ($1, $2, 'frauen', 'Frauen')`,
		[id.theme, id.concept]
	);
	await db.query(
		`insert into public.themes (id, concept_id, slug, title) values ($1, $2, 'ehrenamt', 'Ehrenamt')`,
		[id.theme2, id.concept]
	);
	await db.query(
		`insert into public.measures (id, goal_id, position, code, title) values ($1, $2, 2, '1.1.2', 'Zweite')`,
		[id.measure2, id.goal]
	);
	await db.query(`insert into public.measure_themes (measure_id, theme_id) values ($1, $2)`, [
		id.measure,
		id.theme
	]);
	await db.query(
		`insert into public.districts (id, city_id, slug, name, geom)
		 values ($1, $2, 'mitte', 'Mitte', extensions.st_multi(extensions.st_makeenvelope(10.3, 47.7, 10.4, 47.8, 4326)))`,
		[id.district, id.city]
	);
	await db.query(
		`insert into public.organisation_districts (organisation_id, district_id) values ($1, $2)`,
		[id.orgA, id.district]
	);
	await db.query(
		`insert into public.office_facts (organisation_id, languages) values ($1, '{de,tr}')`,
		[id.orgA]
	);
	await db.query(`insert into public.categories (slug, position) values ('unused', 99)`);
	await db.query(
		`insert into public.locales (code, position, native_name) values ('zz', 99, 'Test')`
	);
	await db.query(
		`insert into public.offers (id, organisation_id, category, location, state)
		 values ($1, $3, 'cultural_cafe', extensions.st_setsrid(extensions.st_makepoint(10.35, 47.75), 4326), 'published'),
		        ($2, $3, 'cultural_cafe', null, 'draft')`,
		[id.offer, id.draft, id.orgA]
	);
	await db.query(
		`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
		 values ($1, 'de', 'Kulturcafé', 'original', true), ($2, 'de', 'Entwurf', 'original', true)`,
		[id.offer, id.draft]
	);
	await db.query(
		`insert into public.schedules (id, offer_id, starts_at, rrule)
		 values ($1, $3, '2026-12-01 10:00+01', 'FREQ=WEEKLY;BYDAY=TU'), ($2, $4, '2026-12-01 10:00+01', null)`,
		[id.schedule, id.draftSchedule, id.offer, id.draft]
	);
	await db.query(
		`insert into public.schedule_exceptions (schedule_id, offer_id, occurs_at, note)
		 values ($1, $3, '2026-12-08 10:00+01', 'Feiertag'), ($2, $4, '2026-12-01 10:00+01', null)`,
		[id.schedule, id.draftSchedule, id.offer, id.draft]
	);
	await db.query(
		`insert into public.offer_measures (offer_id, measure_id) values ($1, $3), ($2, $3)`,
		[id.offer, id.draft, id.measure]
	);
	await db.query(`insert into public.offer_themes (offer_id, theme_id) values ($1, $3), ($2, $3)`, [
		id.offer,
		id.draft,
		id.theme
	]);
	await db.query(
		`insert into public.concept_snapshots (id, concept_id, reference_date, measures, coverage)
		 values ($1, $2, '2026-06-30', '[]', '{}')`,
		[id.snapshot, id.concept]
	);
	await db.query(
		`insert into public.usage_counts (day, route_kind, locale, count) values ('2026-12-01', 'start', 'de', 3)`
	);
	await db.query(
		`insert into public.suggestions (id, kind, offer_id, organisation_id, locale, what)
		 values ($1, 'mistake', $2, $3, 'fa', 'Die Zeit stimmt nicht')`,
		[id.suggestion, id.offer, id.orgA]
	);
	await db.query(
		`insert into public.calendar_feeds (id, organisation_id, name, url, category)
		 values ($1, $2, 'Kalender', 'https://example.org/a.ics', 'event')`,
		[id.feed, id.orgA]
	);
	await db.query(
		`insert into public.calendar_runs (feed_id, organisation_id, trigger, outcome) values ($1, $2, 'manual', 'not_modified')`,
		[id.feed, id.orgA]
	);
	await db.query(
		`insert into public.calendar_offers (offer_id, feed_id, uid, content_hash) values ($1, $2, 'uid-1', 'x')`,
		[id.offer, id.feed]
	);
}

interface Case {
	/** What the row is, for the test name. */
	row: string;
	table: string;
	select: string;
	insert: string;
	update: string;
	delete: string;
	/** Allowed operations per actor: letters of SIUD, '-' for denied. */
	allowed: Record<ActorName, string>;
}

const readOnlyForAllButAdmin = { [anon]: 'S---', [own]: 'S---', [other]: 'S---', [admin]: 'SIUD' };
const offerPart = { [anon]: 'S---', [own]: 'SIUD', [other]: 'S---', [admin]: 'SIUD' };
const draftPart = { [anon]: '----', [own]: 'SIUD', [other]: '----', [admin]: 'SIUD' };

/** Calendar import tables: seen by the organisation's staff and city admins, written by functions. */
const calendarPart = { [anon]: '----', [own]: 'S---', [other]: '----', [admin]: 'S---' };

const w = (table: string, where: string) => `from public.${table} where ${where}`;

const cases: Case[] = [
	{
		row: 'a locale',
		table: 'locales',
		select: `select 1 ${w('locales', "code = 'zz'")}`,
		insert: `insert into public.locales (code, position, native_name) values ('yy', 98, 'Y') returning 1`,
		update: `update public.locales set native_name = native_name where code = 'zz' returning 1`,
		delete: `delete ${w('locales', "code = 'zz'")} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a city',
		table: 'cities',
		select: `select 1 ${w('cities', `id = '${id.city}'`)}`,
		insert: `insert into public.cities (slug, name) values ('other', 'Andere') returning 1`,
		update: `update public.cities set name = name where id = '${id.city}' returning 1`,
		delete: `delete ${w('cities', `id = '${id.city}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a city admin',
		table: 'city_admins',
		select: `select 1 ${w('city_admins', `user_id = '${id.cityAdmin}'`)}`,
		insert: `insert into public.city_admins (user_id) values ('${id.staffB}') returning 1`,
		update: `update public.city_admins set created_at = created_at where user_id = '${id.cityAdmin}' returning 1`,
		delete: `delete ${w('city_admins', `user_id = '${id.cityAdmin}'`)} returning 1`,
		allowed: { [anon]: '----', [own]: '----', [other]: '----', [admin]: 'SIUD' }
	},
	{
		// staff A observes the concept: they see their own row, not others'; nobody changes a row
		row: 'an observer of the concept',
		table: 'city_observers',
		select: `select 1 ${w('city_observers', `user_id = '${id.staffA}'`)}`,
		insert: `insert into public.city_observers (user_id) values ('${id.staffB}') returning 1`,
		update: `update public.city_observers set created_at = created_at where user_id = '${id.staffA}' returning 1`,
		delete: `delete ${w('city_observers', `user_id = '${id.staffA}'`)} returning 1`,
		allowed: { [anon]: '----', [own]: 'S---', [other]: '----', [admin]: 'SI-D' }
	},
	{
		row: 'an organisation',
		table: 'organisations',
		select: `select 1 ${w('organisations', `id = '${id.orgA}'`)}`,
		insert: `insert into public.organisations (city_id, slug, name, kind) values ('${id.city}', 'neu', 'Neu', 'club') returning 1`,
		update: `update public.organisations set name = name where id = '${id.orgA}' returning 1`,
		delete: `delete ${w('organisations', `id = '${id.orgA}'`)} returning 1`,
		// editors keep offers current; changing the organisation is for its admins
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a district an organisation serves',
		table: 'organisation_districts',
		select: `select 1 ${w('organisation_districts', `organisation_id = '${id.orgA}'`)}`,
		insert: `insert into public.organisation_districts (organisation_id, district_id) values ('${id.orgB}', '${id.district}') returning 1`,
		update: `update public.organisation_districts set created_at = created_at where organisation_id = '${id.orgA}' returning 1`,
		delete: `delete ${w('organisation_districts', `organisation_id = '${id.orgA}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'the office facts of the offer’s organisation',
		table: 'office_facts',
		select: `select 1 ${w('office_facts', `organisation_id = '${id.orgA}'`)}`,
		// the row exists: an upsert shows whether the actor may write it
		insert: `insert into public.office_facts (organisation_id) values ('${id.orgA}')
		  on conflict (organisation_id) do update set version = public.office_facts.version returning 1`,
		update: `update public.office_facts set languages = '{de}' where organisation_id = '${id.orgA}' returning 1`,
		delete: `delete ${w('office_facts', `organisation_id = '${id.orgA}'`)} returning 1`,
		// its staff keep them current; removing them is for its admins
		allowed: { [anon]: 'S---', [own]: 'SIU-', [other]: 'S---', [admin]: 'SIUD' }
	},
	{
		row: 'a membership of the offer’s organisation',
		table: 'memberships',
		select: `select 1 ${w('memberships', `user_id = '${id.staffA}'`)}`,
		insert: `insert into public.memberships (organisation_id, user_id) values ('${id.orgA}', '${id.staffB}') returning 1`,
		update: `update public.memberships set role = role where user_id = '${id.staffA}' returning 1`,
		delete: `delete ${w('memberships', `user_id = '${id.staffA}'`)} returning 1`,
		allowed: { [anon]: '----', [own]: 'S---', [other]: '----', [admin]: 'SIUD' }
	},
	{
		row: 'an audit log entry',
		table: 'audit_log',
		select: `select 1 ${w('audit_log', "table_name = 'offers'")} limit 1`,
		insert: `insert into public.audit_log (table_name, action) values ('offers', 'insert') returning 1`,
		update: `update public.audit_log set table_name = table_name where table_name = 'offers' returning 1`,
		delete: `delete ${w('audit_log', "table_name = 'offers'")} returning 1`,
		allowed: { [anon]: '----', [own]: '----', [other]: '----', [admin]: 'S---' }
	},
	{
		row: 'a concept',
		table: 'concepts',
		select: `select 1 ${w('concepts', `id = '${id.concept}'`)}`,
		insert: `insert into public.concepts (city_id, slug, title) values ('${id.city}', 'alt', 'Alt') returning 1`,
		update: `update public.concepts set title = title where id = '${id.concept}' returning 1`,
		delete: `delete ${w('concepts', `id = '${id.concept}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a field of action',
		table: 'fields_of_action',
		select: `select 1 ${w('fields_of_action', `id = '${id.field}'`)}`,
		insert: `insert into public.fields_of_action (concept_id, position, code, title) values ('${id.concept}', 2, '2', 'F') returning 1`,
		update: `update public.fields_of_action set title = title where id = '${id.field}' returning 1`,
		delete: `delete ${w('fields_of_action', `id = '${id.field}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a goal',
		table: 'goals',
		select: `select 1 ${w('goals', `id = '${id.goal}'`)}`,
		insert: `insert into public.goals (field_of_action_id, position, code, title) values ('${id.field}', 2, '1.2', 'Z') returning 1`,
		update: `update public.goals set title = title where id = '${id.goal}' returning 1`,
		delete: `delete ${w('goals', `id = '${id.goal}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a measure',
		table: 'measures',
		select: `select 1 ${w('measures', `id = '${id.measure}'`)}`,
		insert: `insert into public.measures (goal_id, position, code, title) values ('${id.goal}', 3, '1.1.3', 'M') returning 1`,
		update: `update public.measures set status = 'at_risk' where id = '${id.measure}' returning 1`,
		delete: `delete ${w('measures', `id = '${id.measure}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a success indicator',
		table: 'measure_indicators',
		select: `select 1 ${w('measure_indicators', `id = '${id.indicator}'`)}`,
		insert: `insert into public.measure_indicators (measure_id, description) values ('${id.measure}', 'X') returning 1`,
		update: `update public.measure_indicators set description = description where id = '${id.indicator}' returning 1`,
		delete: `delete ${w('measure_indicators', `id = '${id.indicator}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		// read by the city office and its observers (staff A observes); written through
		// record_indicator_value() and delete_indicator_value() only
		row: 'a measured value of an indicator',
		table: 'measure_indicator_values',
		select: `select 1 ${w('measure_indicator_values', `measure_id = '${id.measure}'`)}`,
		insert: `insert into public.measure_indicator_values (measure_id, indicator_position, measured_on, value, source) values ('${id.measure}', 1, '2026-07-31', 9, 'Liste') returning 1`,
		update: `update public.measure_indicator_values set value = value where measure_id = '${id.measure}' returning 1`,
		delete: `delete ${w('measure_indicator_values', `measure_id = '${id.measure}'`)} returning 1`,
		allowed: { [anon]: '----', [own]: 'S---', [other]: '----', [admin]: 'S---' }
	},
	{
		row: 'a measure status change',
		table: 'measure_status_changes',
		select: `select 1 ${w('measure_status_changes', `measure_id = '${id.measure}'`)}`,
		insert: `insert into public.measure_status_changes (measure_id, to_status) values ('${id.measure}', 'at_risk') returning 1`,
		update: `update public.measure_status_changes set note = 'x' where measure_id = '${id.measure}' returning 1`,
		delete: `delete ${w('measure_status_changes', `measure_id = '${id.measure}'`)} returning 1`,
		// the history is written by the database alone
		allowed: { [anon]: 'S---', [own]: 'S---', [other]: 'S---', [admin]: 'S---' }
	},
	{
		row: 'a concept snapshot',
		table: 'concept_snapshots',
		select: `select 1 ${w('concept_snapshots', `id = '${id.snapshot}'`)}`,
		insert: `insert into public.concept_snapshots (concept_id, reference_date, measures, coverage) values ('${id.concept}', '2026-01-01', '[]', '{}') returning 1`,
		update: `update public.concept_snapshots set note = 'x' where id = '${id.snapshot}' returning 1`,
		delete: `delete ${w('concept_snapshots', `id = '${id.snapshot}'`)} returning 1`,
		// signed-in users read them; only take_snapshot() writes them, nobody changes them
		allowed: { [anon]: '----', [own]: 'S---', [other]: 'S---', [admin]: 'S---' }
	},
	{
		row: 'a usage count',
		table: 'usage_counts',
		select: `select 1 ${w('usage_counts', `day = '2026-12-01'`)}`,
		insert: `insert into public.usage_counts (day, route_kind, locale, count) values ('2026-12-02', 'offer', 'ar', 1) returning 1`,
		update: `update public.usage_counts set count = count + 1 where day = '2026-12-01' returning 1`,
		delete: `delete ${w('usage_counts', `day = '2026-12-01'`)} returning 1`,
		// city admins and observers (staffA) read them; only record_usage() (the server) adds
		allowed: { [anon]: '----', [own]: 'S---', [other]: '----', [admin]: 'S---' }
	},
	{
		row: 'a cross-cutting theme',
		table: 'themes',
		select: `select 1 ${w('themes', `id = '${id.theme}'`)}`,
		insert: `insert into public.themes (concept_id, slug, title) values ('${id.concept}', 'beteiligung', 'Beteiligung') returning 1`,
		update: `update public.themes set title = title where id = '${id.theme}' returning 1`,
		delete: `delete ${w('themes', `id = '${id.theme}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a theme of a measure',
		table: 'measure_themes',
		select: `select 1 ${w('measure_themes', `measure_id = '${id.measure}'`)}`,
		insert: `insert into public.measure_themes (measure_id, theme_id) values ('${id.measure}', '${id.theme2}') returning 1`,
		update: `update public.measure_themes set theme_id = theme_id where measure_id = '${id.measure}' returning 1`,
		delete: `delete ${w('measure_themes', `measure_id = '${id.measure}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a district',
		table: 'districts',
		select: `select 1 ${w('districts', `id = '${id.district}'`)}`,
		insert: `insert into public.districts (city_id, slug, name, geom) values ('${id.city}', 'nord', 'Nord',
		  extensions.st_multi(extensions.st_makeenvelope(10.3, 47.8, 10.4, 47.9, 4326))) returning 1`,
		update: `update public.districts set name = name where id = '${id.district}' returning 1`,
		delete: `delete ${w('districts', `id = '${id.district}'`)} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a category',
		table: 'categories',
		select: `select 1 ${w('categories', "slug = 'unused'")}`,
		insert: `insert into public.categories (slug, position) values ('other', 98) returning 1`,
		update: `update public.categories set position = position where slug = 'unused' returning 1`,
		delete: `delete ${w('categories', "slug = 'unused'")} returning 1`,
		allowed: readOnlyForAllButAdmin
	},
	{
		row: 'a published offer',
		table: 'offers',
		select: `select 1 ${w('offers', `id = '${id.offer}'`)}`,
		insert: `insert into public.offers (organisation_id, category) values ('${id.orgA}', 'sports') returning 1`,
		update: `update public.offers set childcare = true where id = '${id.offer}' returning 1`,
		delete: `delete ${w('offers', `id = '${id.offer}'`)} returning 1`,
		// removing an offer is for the organisation's admins
		allowed: { [anon]: 'S---', [own]: 'SIU-', [other]: 'S---', [admin]: 'SIUD' }
	},
	{
		row: 'a draft offer',
		table: 'offers',
		select: `select 1 ${w('offers', `id = '${id.draft}'`)}`,
		insert: `insert into public.offers (organisation_id, category, state) values ('${id.orgA}', 'sports', 'draft') returning 1`,
		update: `update public.offers set childcare = true where id = '${id.draft}' returning 1`,
		delete: `delete ${w('offers', `id = '${id.draft}'`)} returning 1`,
		allowed: { [anon]: '----', [own]: 'SIU-', [other]: '----', [admin]: 'SIUD' }
	},
	...(
		[
			['a published offer', id.offer, id.schedule, offerPart],
			['a draft offer', id.draft, id.draftSchedule, draftPart]
		] as const
	).flatMap(([what, offerId, scheduleId, allowed]): Case[] => [
		{
			row: `a translation of ${what}`,
			table: 'offer_translations',
			select: `select 1 ${w('offer_translations', `offer_id = '${offerId}'`)}`,
			insert: `insert into public.offer_translations (offer_id, locale, title, provenance)
			  values ('${offerId}', 'en', 'Culture café', 'human') returning 1`,
			update: `update public.offer_translations set title = title where offer_id = '${offerId}' returning 1`,
			delete: `delete ${w('offer_translations', `offer_id = '${offerId}'`)} returning 1`,
			allowed
		},
		{
			row: `a schedule of ${what}`,
			table: 'schedules',
			select: `select 1 ${w('schedules', `offer_id = '${offerId}'`)}`,
			insert: `insert into public.schedules (offer_id, starts_at) values ('${offerId}', '2027-01-05 10:00+01') returning 1`,
			update: `update public.schedules set duration_minutes = 90 where offer_id = '${offerId}' returning 1`,
			delete: `delete ${w('schedules', `offer_id = '${offerId}'`)} returning 1`,
			allowed
		},
		{
			row: `a schedule exception of ${what}`,
			table: 'schedule_exceptions',
			select: `select 1 ${w('schedule_exceptions', `offer_id = '${offerId}'`)}`,
			insert: `insert into public.schedule_exceptions (schedule_id, offer_id, occurs_at)
			  values ('${scheduleId}', '${offerId}', '2027-01-12 10:00+01') returning 1`,
			update: `update public.schedule_exceptions set note = 'Feiertag' where offer_id = '${offerId}' returning 1`,
			delete: `delete ${w('schedule_exceptions', `offer_id = '${offerId}'`)} returning 1`,
			allowed
		},
		{
			row: `a measure link of ${what}`,
			table: 'offer_measures',
			select: `select 1 ${w('offer_measures', `offer_id = '${offerId}'`)}`,
			insert: `insert into public.offer_measures (offer_id, measure_id) values ('${offerId}', '${id.measure2}') returning 1`,
			update: `update public.offer_measures set created_at = created_at where offer_id = '${offerId}' returning 1`,
			delete: `delete ${w('offer_measures', `offer_id = '${offerId}'`)} returning 1`,
			allowed
		},
		{
			row: `a theme of ${what}`,
			table: 'offer_themes',
			select: `select 1 ${w('offer_themes', `offer_id = '${offerId}'`)}`,
			insert: `insert into public.offer_themes (offer_id, theme_id) values ('${offerId}', '${id.theme2}') returning 1`,
			update: `update public.offer_themes set theme_id = theme_id where offer_id = '${offerId}' returning 1`,
			delete: `delete ${w('offer_themes', `offer_id = '${offerId}'`)} returning 1`,
			allowed
		}
	]),
	{
		// a visitor's report on the offer of organisation A; written by submit_suggestion() and
		// handled by accept_/answer_/reject_suggestion() only
		row: 'a suggestion from the public',
		table: 'suggestions',
		select: `select 1 ${w('suggestions', `id = '${id.suggestion}'`)}`,
		insert: `insert into public.suggestions (kind, organisation_id, locale, what) values ('new_offer', '${id.orgA}', 'de', 'Ein Kurs') returning 1`,
		update: `update public.suggestions set what = what where id = '${id.suggestion}' returning 1`,
		delete: `delete ${w('suggestions', `id = '${id.suggestion}'`)} returning 1`,
		allowed: { [anon]: '----', [own]: 'S---', [other]: '----', [admin]: 'S---' }
	},
	{
		row: 'a calendar feed',
		table: 'calendar_feeds',
		select: `select 1 ${w('calendar_feeds', `id = '${id.feed}'`)}`,
		insert: `insert into public.calendar_feeds (organisation_id, name, category) values ('${id.orgA}', 'K', 'event') returning 1`,
		update: `update public.calendar_feeds set name = name where id = '${id.feed}' returning 1`,
		delete: `delete ${w('calendar_feeds', `id = '${id.feed}'`)} returning 1`,
		// written only through save_calendar_feed and the import's functions
		allowed: calendarPart
	},
	{
		row: 'a calendar run',
		table: 'calendar_runs',
		select: `select 1 ${w('calendar_runs', `feed_id = '${id.feed}'`)}`,
		insert: `insert into public.calendar_runs (feed_id, organisation_id, trigger, outcome) values ('${id.feed}', '${id.orgA}', 'manual', 'not_modified') returning 1`,
		update: `update public.calendar_runs set created = created where feed_id = '${id.feed}' returning 1`,
		delete: `delete ${w('calendar_runs', `feed_id = '${id.feed}'`)} returning 1`,
		allowed: calendarPart
	},
	{
		row: 'an imported offer’s link to its calendar',
		table: 'calendar_offers',
		select: `select 1 ${w('calendar_offers', `feed_id = '${id.feed}'`)}`,
		insert: `insert into public.calendar_offers (offer_id, feed_id, uid, content_hash) values ('${id.draft}', '${id.feed}', 'other', 'x') returning 1`,
		update: `update public.calendar_offers set detached_at = now() where feed_id = '${id.feed}' returning 1`,
		delete: `delete ${w('calendar_offers', `feed_id = '${id.feed}'`)} returning 1`,
		allowed: calendarPart
	},
	{
		row: 'a search outbox entry',
		table: 'search_outbox',
		select: `select 1 ${w('search_outbox', `offer_id = '${id.offer}'`)} limit 1`,
		insert: `insert into public.search_outbox (offer_id) values ('${id.offer}') returning 1`,
		update: `update public.search_outbox set attempts = attempts where offer_id = '${id.offer}' returning 1`,
		delete: `delete ${w('search_outbox', `offer_id = '${id.offer}'`)} returning 1`,
		// filled by triggers and drained by the search worker (service role)
		allowed: { [anon]: '----', [own]: '----', [other]: '----', [admin]: 'S---' }
	}
];

const operations = [
	['S', 'select'],
	['I', 'insert'],
	['U', 'update'],
	['D', 'delete']
] as const;

/** Whether the statement saw or wrote a row; an RLS or permission refusal counts as no. */
async function succeeds(db: SqlQuery, sql: string): Promise<boolean> {
	try {
		return (await db.query(sql)).length > 0;
	} catch (error) {
		if ((error as { code?: string }).code === '42501') return false;
		throw error;
	}
}

for (const engine of engines) {
	describe(`RLS matrix on ${engine.name}`, () => {
		const session = useSession(engine);

		it('covers every table in public', async () => {
			const tables = await session().query<{ relname: string }>(
				`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind = 'r' order by 1`
			);
			const covered = new Set(cases.map((c) => c.table));
			expect(tables.map((t) => t.relname).filter((t) => !covered.has(t))).toEqual([]);
		});

		for (const c of cases) {
			it(`${c.row} (${c.table})`, async () => {
				const db = session();
				await buildWorld(db);
				const seen: Record<string, string> = {};
				for (const [name, actor] of Object.entries(actors)) {
					let letters = '';
					for (const [letter, op] of operations) {
						// each attempt is undone, so the next one starts from the same world
						const ok = await db
							.as(actor, async (q) => {
								const result = await succeeds(q, c[op]);
								throw Object.assign(new Error('undo'), { result });
							})
							.catch((e: { result?: boolean }) => {
								if (e.result === undefined) throw e;
								return e.result;
							});
						letters += ok ? letter : '-';
					}
					seen[name] = letters;
				}
				expect(seen).toEqual(c.allowed);
			});
		}
	});
}
