-- Explicit grants, as Supabase wants them now.
--
-- Since 30 October 2026 Supabase no longer grants what a migration creates in `public` to the
-- API roles (changelog 45329, "Tables not exposed to Data and GraphQL API automatically"):
-- without a grant, every call of the Data API ends in `permission denied`. This migration
-- first takes away whatever older defaults granted, then grants each role exactly what it
-- needs. Row level security still decides which rows a role sees and writes; these grants only
-- decide which operations reach the policies at all.
--
-- The functions and their roles are listed once in src/lib/server/data/rpc-access.ts;
-- tests/sql/grants.spec.ts checks that this file and that list agree, on PGlite and on
-- PostgreSQL 15 with Supabase's current defaults. A migration that adds a table or a function
-- grants it in the same file.

-- ---------------------------------------------------------------------------
-- From nothing

revoke all on all tables in schema public from anon, authenticated, service_role;
revoke all on all sequences in schema public from anon, authenticated, service_role;
revoke all on all functions in schema public from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Tables: visitors (anon) and staff (authenticated) get the operations that have a policy for
-- them, and nothing else.

grant select on table
  public.categories, public.cities, public.concepts, public.districts, public.fields_of_action,
  public.goals, public.locales, public.measure_indicators, public.measure_status_changes,
  public.measure_themes, public.measures, public.offer_measures, public.offer_themes,
  public.offer_translations, public.offers, public.organisations, public.schedules, public.themes
  to anon;

grant select, insert, update, delete on table
  public.categories, public.cities, public.city_admins, public.concepts, public.districts,
  public.fields_of_action, public.goals, public.locales, public.measure_indicators,
  public.measure_themes, public.measures, public.memberships, public.offer_measures,
  public.offer_themes, public.offer_translations, public.offers, public.organisations,
  public.schedules, public.themes
  to authenticated;

-- written only by triggers (security definer); city admins read them
grant select on table public.audit_log, public.measure_status_changes, public.search_outbox
  to authenticated;

-- the integration office's views run with the caller's rights (security_invoker)
grant select on table public.district_coverage, public.measure_coverage to authenticated;

-- The server's own role, for the search worker and the imports, which run as service_role and
-- bypass row level security: it reads every table, and writes the ones imports and the worker
-- write. Its key never leaves the server.
grant select on all tables in schema public to service_role;
grant insert, update, delete on table
  public.districts, public.offers, public.offer_translations, public.schedules,
  public.offer_measures, public.search_outbox
  to service_role;

-- ---------------------------------------------------------------------------
-- Functions, each to the roles that call it (rpc-access.ts)

-- what the public pages read: visitors and staff
grant execute on function
  public.portal_info(),
  public.list_offers(text, text, text, integer, integer),
  public.get_offer(uuid, text),
  public.list_districts(),
  public.get_district(text),
  public.districts_geojson(),
  public.filter_offers(text, text[], text[], text[], text[], text[], boolean, boolean, boolean,
    boolean, text[], text, double precision, double precision, integer, integer),
  public.offer_schedules(uuid[])
  to anon, authenticated;

-- called inside get_offer, search_documents and the coverage views, with the caller's rights
grant execute on function public.measure_status_light(public.measure_status)
  to anon, authenticated, service_role;

-- the search worker and npm run reindex
grant execute on function
  public.search_documents(uuid[], uuid, integer),
  public.claim_search_outbox(integer, integer),
  public.complete_search_outbox(bigint[]),
  public.fail_search_outbox(bigint[], text),
  public.purge_search_outbox(integer),
  public.requeue_search_outbox(timestamptz)
  to service_role;

-- the outbox's state: the worker, and city admins (others see zeros)
grant execute on function public.search_outbox_status() to authenticated, service_role;

-- imports: the command line (service_role) and city admins
grant execute on function
  public.import_districts(text, jsonb, text, text),
  public.import_district_population(text, jsonb),
  public.import_offers(text, jsonb)
  to authenticated, service_role;
