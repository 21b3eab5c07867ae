-- Districts, offers with their translations and schedules, links to measures,
-- the search outbox and the rules that keep them consistent.

-- ---------------------------------------------------------------------------
-- Districts

create table public.districts (
  id uuid primary key default gen_random_uuid(),
  city_id uuid not null references public.cities (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9-]+$'),
  name text not null check (length(trim(name)) > 0),
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom)),
  population integer check (population >= 0),
  population_migration integer check (population_migration >= 0),
  main_languages text[] not null default '{}'
    check (main_languages <@ array[]::text[] or array_to_string(main_languages, ',') ~ '^([a-z]{2,3})(,[a-z]{2,3})*$'),
  geometry_is_demo boolean not null default false,
  source text,
  updated_at timestamptz not null default now(),
  unique (city_id, slug),
  check (population_migration is null or population is null or population_migration <= population)
);
comment on table public.districts is 'Districts (Stadtteile) as multipolygons in WGS 84 with population and residents with migration history.';
create index districts_geom_idx on public.districts using gist (geom);
alter table public.districts enable row level security;
create trigger districts_touch before update on public.districts
  for each row execute function private.touch_updated_at();
create trigger districts_audit after insert or update or delete on public.districts
  for each row execute function private.audit();

-- The district of a city whose polygon covers a point; the smallest wins where imported polygons overlap.
create function private.district_at(p_city_id uuid, p_point extensions.geometry) returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select d.id
  from public.districts d
  where d.city_id = p_city_id and p_point is not null and extensions.st_covers(d.geom, p_point)
  order by extensions.st_area(d.geom), d.id
  limit 1;
$$;

-- ---------------------------------------------------------------------------
-- Categories

create table public.categories (
  slug text primary key check (slug ~ '^[a-z_]+$'),
  position smallint not null
);
comment on table public.categories is 'Kinds of offers; their names and search keywords per locale live in messages/<locale>.json.';
alter table public.categories enable row level security;

insert into public.categories (slug, position) values
  ('language_course', 1),
  ('cultural_cafe', 2),
  ('counselling', 3),
  ('sports', 4),
  ('family', 5),
  ('work', 6),
  ('event', 7);

-- ---------------------------------------------------------------------------
-- Offers

create type public.german_level as enum ('none', 'a1', 'a2', 'b1', 'b2', 'c1');
create type public.registration_kind as enum ('none', 'recommended', 'required');
create type public.publication_state as enum ('draft', 'published', 'archived');

create function private.target_groups() returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['everyone', 'newcomers', 'refugees', 'women', 'men', 'families', 'parents',
               'children', 'youth', 'seniors', 'job_seekers', 'students', 'volunteers'];
$$;

create table public.offers (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  category text not null references public.categories (slug),
  original_locale text not null default 'de' references public.locales (code),
  street text,
  postal_code text check (postal_code ~ '^[0-9]{5}$'),
  locality text,
  location extensions.geometry(Point, 4326)
    check (location is null or (extensions.st_x(location) between -180 and 180 and extensions.st_y(location) between -90 and 90)),
  district_id uuid references public.districts (id) on delete set null,
  languages text[] not null default '{de}'
    check (cardinality(languages) > 0 and array_to_string(languages, ',') ~ '^([a-z]{2,3})(,[a-z]{2,3})*$'),
  target_groups text[] not null default '{everyone}'
    check (cardinality(target_groups) > 0 and target_groups <@ private.target_groups()),
  cost_eur numeric(8, 2) check (cost_eur >= 0),
  is_free boolean generated always as (cost_eur = 0) stored,
  childcare boolean not null default false,
  women_only boolean not null default false,
  wheelchair_accessible boolean,
  german_level public.german_level,
  registration public.registration_kind not null default 'none',
  registration_url text check (registration_url ~ '^https?://'),
  contact_email text check (contact_email ~ '^[^@\s]+@[^@\s]+$'),
  contact_phone text check (contact_phone ~ '^[0-9 +()/-]{5,}$'),
  state public.publication_state not null default 'draft',
  published_at timestamptz,
  last_verified_on date,
  version integer not null default 1,
  is_demo boolean not null default false,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.offers is 'Integration offers and events. district_id is assigned by the database from location; version guards concurrent edits.';
comment on column public.offers.cost_eur is 'Cost in euros; 0 is free of charge, null is unknown.';
comment on column public.offers.languages is 'ISO 639 codes of the languages the offer is held in.';
comment on column public.offers.version is 'Optimistic concurrency: an update must carry the version it read; the database then increments it.';
create index offers_organisation_id_idx on public.offers (organisation_id);
create index offers_district_id_idx on public.offers (district_id);
create index offers_category_idx on public.offers (category);
create index offers_state_idx on public.offers (state);
create index offers_location_idx on public.offers using gist (location);
alter table public.offers enable row level security;

create function private.prepare_offer() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- the district always follows the point, among the districts of the organisation's city
  new.district_id := private.district_at(
    (select city_id from public.organisations where id = new.organisation_id), new.location);

  if tg_op = 'UPDATE' then
    if new.version is distinct from old.version then
      raise exception 'offer % was changed by someone else (version % is current, % was sent)',
        old.id, old.version, new.version
        using errcode = 'PT409', hint = 'Reload the offer and apply your changes again.';
    end if;
    -- a re-assignment of the district alone is no edit
    if (to_jsonb(new) - array['district_id', 'updated_at', 'version'])
       is distinct from (to_jsonb(old) - array['district_id', 'updated_at', 'version']) then
      new.version := old.version + 1;
      new.updated_at := now();
    end if;
  end if;

  if new.state = 'published' and (tg_op = 'INSERT' or old.state is distinct from 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end;
$$;
create trigger offers_prepare before insert or update on public.offers
  for each row execute function private.prepare_offer();
create trigger offers_audit after insert or update or delete on public.offers
  for each row execute function private.audit();

-- When districts change, the district of every offer in the city is computed again.
create function private.reassign_offer_districts() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.offers o
  set district_id = private.district_at(org.city_id, o.location)
  from public.organisations org
  where org.id = o.organisation_id
    and org.city_id in (select city_id from changed_districts)
    and o.district_id is distinct from private.district_at(org.city_id, o.location);
  return null;
end;
$$;
-- Transition tables allow one event per trigger.
create trigger districts_inserted_reassign_offers after insert on public.districts
  referencing new table as changed_districts
  for each statement execute function private.reassign_offer_districts();
create trigger districts_updated_reassign_offers after update on public.districts
  referencing new table as changed_districts
  for each statement execute function private.reassign_offer_districts();
create trigger districts_deleted_reassign_offers after delete on public.districts
  referencing old table as changed_districts
  for each statement execute function private.reassign_offer_districts();

create function private.can_edit_offer(p_offer_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_city_admin() or exists (
    select 1 from public.offers o
    join public.memberships m on m.organisation_id = o.organisation_id
    where o.id = p_offer_id and m.user_id = (select auth.uid())
  );
$$;

-- ---------------------------------------------------------------------------
-- Translations of every text field of an offer

create type public.translation_provenance as enum ('original', 'human', 'machine');

create table public.offer_translations (
  offer_id uuid not null references public.offers (id) on delete cascade,
  locale text not null references public.locales (code),
  title text not null check (length(trim(title)) between 1 and 200),
  summary text check (length(summary) <= 500),
  description text check (length(description) <= 10000),
  cost_note text check (length(cost_note) <= 500),
  registration_note text check (length(registration_note) <= 500),
  provenance public.translation_provenance not null,
  reviewed boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid(),
  primary key (offer_id, locale),
  check (provenance <> 'original' or reviewed)
);
comment on table public.offer_translations is 'Offer texts per locale with provenance (original, human, machine translation) and whether a person reviewed them.';
create index offer_translations_locale_idx on public.offer_translations (locale);
alter table public.offer_translations enable row level security;
create trigger offer_translations_touch before update on public.offer_translations
  for each row execute function private.touch_updated_at();
create trigger offer_translations_audit after insert or update or delete on public.offer_translations
  for each row execute function private.audit();

create function private.check_original_locale() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.provenance = 'original'
     and new.locale <> (select original_locale from public.offers where id = new.offer_id) then
    raise exception 'the original text of offer % must be in its original locale', new.offer_id
      using errcode = '23514';
  end if;
  return new;
end;
$$;
create trigger offer_translations_original before insert or update on public.offer_translations
  for each row execute function private.check_original_locale();

-- ---------------------------------------------------------------------------
-- Schedules: recurring (RFC 5545 RRULE with exception dates) and one-off

create function private.is_valid_rrule(p_rule text) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_part text;
  v_key text;
  v_value text;
  v_keys text[] := '{}';
  v_known boolean;
begin
  if p_rule is null or p_rule = '' then
    return false;
  end if;
  foreach v_part in array string_to_array(p_rule, ';') loop
    v_key := split_part(v_part, '=', 1);
    v_value := substr(v_part, length(v_key) + 2);
    if v_key = any (v_keys) or v_value = '' then
      return false;
    end if;
    v_keys := v_keys || v_key;
    v_known := case v_key
      when 'FREQ' then v_value in ('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')
      when 'INTERVAL' then v_value ~ '^[1-9][0-9]{0,2}$'
      when 'COUNT' then v_value ~ '^[1-9][0-9]{0,3}$'
      when 'UNTIL' then v_value ~ '^[0-9]{8}(T[0-9]{6}Z?)?$'
      when 'BYDAY' then v_value ~ '^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$'
      when 'BYMONTHDAY' then v_value ~ '^-?([1-9]|[12][0-9]|3[01])(,-?([1-9]|[12][0-9]|3[01]))*$'
      when 'BYMONTH' then v_value ~ '^([1-9]|1[0-2])(,([1-9]|1[0-2]))*$'
      when 'BYSETPOS' then v_value ~ '^-?[1-9][0-9]{0,2}(,-?[1-9][0-9]{0,2})*$'
      when 'WKST' then v_value in ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')
      else false
    end;
    if not v_known then
      return false;
    end if;
  end loop;
  return 'FREQ' = any (v_keys) and not ('COUNT' = any (v_keys) and 'UNTIL' = any (v_keys));
end;
$$;

create table public.schedules (
  id uuid primary key default gen_random_uuid(),
  offer_id uuid not null references public.offers (id) on delete cascade,
  starts_at timestamptz not null,
  duration_minutes integer not null default 60 check (duration_minutes between 1 and 1440),
  rrule text check (rrule is null or private.is_valid_rrule(rrule)),
  exdates timestamptz[] not null default '{}',
  timezone text not null default 'Europe/Berlin',
  created_at timestamptz not null default now(),
  check (rrule is not null or cardinality(exdates) = 0)
);
comment on table public.schedules is 'When an offer takes place: a one-off date (rrule null) or a recurrence (RFC 5545 RRULE from starts_at, local to timezone) with exception dates.';
create index schedules_offer_id_idx on public.schedules (offer_id);
alter table public.schedules enable row level security;
create trigger schedules_audit after insert or update or delete on public.schedules
  for each row execute function private.audit();

-- ---------------------------------------------------------------------------
-- Links from offers to the measures they implement, and to cross-cutting themes

create table public.offer_measures (
  offer_id uuid not null references public.offers (id) on delete cascade,
  measure_id uuid not null references public.measures (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (offer_id, measure_id)
);
comment on table public.offer_measures is 'Which measures of the integration concept an offer implements.';
create index offer_measures_measure_id_idx on public.offer_measures (measure_id);
alter table public.offer_measures enable row level security;
create trigger offer_measures_audit after insert or update or delete on public.offer_measures
  for each row execute function private.audit();

create table public.offer_themes (
  offer_id uuid not null references public.offers (id) on delete cascade,
  theme_id uuid not null references public.themes (id) on delete cascade,
  primary key (offer_id, theme_id)
);
comment on table public.offer_themes is 'Cross-cutting themes an offer serves.';
create index offer_themes_theme_id_idx on public.offer_themes (theme_id);
alter table public.offer_themes enable row level security;

-- ---------------------------------------------------------------------------
-- Search outbox: written in the same transaction as every change that affects search.

create table public.search_outbox (
  id bigint generated always as identity primary key,
  offer_id uuid not null,
  enqueued_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
comment on table public.search_outbox is 'Offers whose search document must be rebuilt; a worker upserts (or deletes) them in the search engine.';
create index search_outbox_pending_idx on public.search_outbox (id) where processed_at is null;
alter table public.search_outbox enable row level security;

create function private.enqueue_offer_for_search() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
begin
  insert into public.search_outbox (offer_id)
  values ((v_row ->> case when tg_table_name = 'offers' then 'id' else 'offer_id' end)::uuid);
  return null;
end;
$$;

create trigger offers_outbox after insert or update or delete on public.offers
  for each row execute function private.enqueue_offer_for_search();
create trigger offer_translations_outbox after insert or update or delete on public.offer_translations
  for each row execute function private.enqueue_offer_for_search();
create trigger schedules_outbox after insert or update or delete on public.schedules
  for each row execute function private.enqueue_offer_for_search();
create trigger offer_measures_outbox after insert or update or delete on public.offer_measures
  for each row execute function private.enqueue_offer_for_search();
create trigger offer_themes_outbox after insert or update or delete on public.offer_themes
  for each row execute function private.enqueue_offer_for_search();

-- Names that search documents carry: an organisation's or district's new name reaches its offers.
create function private.enqueue_offers_of_renamed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.search_outbox (offer_id)
  select o.id from public.offers o
  where case tg_table_name
    when 'organisations' then o.organisation_id = new.id
    when 'districts' then o.district_id = new.id
  end;
  return null;
end;
$$;
create trigger organisations_outbox after update of name on public.organisations
  for each row when (old.name is distinct from new.name)
  execute function private.enqueue_offers_of_renamed();
create trigger districts_outbox after update of name on public.districts
  for each row when (old.name is distinct from new.name)
  execute function private.enqueue_offers_of_renamed();

-- ---------------------------------------------------------------------------
-- Policies. The parts of an offer (texts, schedules, links) are visible exactly when the
-- offer is: their select policies ask for the offer under the caller's own offer policies,
-- which the planner turns into a join instead of a function call per row.

grant execute on function private.district_at(uuid, extensions.geometry), private.can_edit_offer(uuid),
  private.target_groups(), private.is_valid_rrule(text)
  to anon, authenticated, service_role;

create policy "districts are public" on public.districts for select to anon using (true);
create policy "districts are readable by staff" on public.districts for select to authenticated using (true);
create policy "city admins add districts" on public.districts for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change districts" on public.districts for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove districts" on public.districts for delete to authenticated
  using ((select private.is_city_admin()));

create policy "categories are public" on public.categories for select to anon using (true);
create policy "categories are readable by staff" on public.categories for select to authenticated using (true);
create policy "city admins add categories" on public.categories for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change categories" on public.categories for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove categories" on public.categories for delete to authenticated
  using ((select private.is_city_admin()));

create policy "published offers are public" on public.offers for select to anon
  using (state = 'published');
create policy "staff see published offers and their own" on public.offers for select to authenticated
  using (state = 'published' or private.is_member_of(organisation_id) or (select private.is_city_admin()));
create policy "staff add offers of their organisation" on public.offers for insert to authenticated
  with check (private.is_member_of(organisation_id) or (select private.is_city_admin()));
create policy "staff change offers of their organisation" on public.offers for update to authenticated
  using (private.is_member_of(organisation_id) or (select private.is_city_admin()))
  with check (private.is_member_of(organisation_id) or (select private.is_city_admin()));
create policy "organisation admins remove offers" on public.offers for delete to authenticated
  using (private.is_admin_of(organisation_id) or (select private.is_city_admin()));

create policy "texts of published offers are public" on public.offer_translations for select to anon
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff see texts of visible offers" on public.offer_translations for select to authenticated
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff add texts to their offers" on public.offer_translations for insert to authenticated
  with check (private.can_edit_offer(offer_id));
create policy "staff change texts of their offers" on public.offer_translations for update to authenticated
  using (private.can_edit_offer(offer_id)) with check (private.can_edit_offer(offer_id));
create policy "staff remove texts of their offers" on public.offer_translations for delete to authenticated
  using (private.can_edit_offer(offer_id));

create policy "schedules of published offers are public" on public.schedules for select to anon
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff see schedules of visible offers" on public.schedules for select to authenticated
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff add schedules to their offers" on public.schedules for insert to authenticated
  with check (private.can_edit_offer(offer_id));
create policy "staff change schedules of their offers" on public.schedules for update to authenticated
  using (private.can_edit_offer(offer_id)) with check (private.can_edit_offer(offer_id));
create policy "staff remove schedules of their offers" on public.schedules for delete to authenticated
  using (private.can_edit_offer(offer_id));

create policy "measure links of published offers are public" on public.offer_measures for select to anon
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff see measure links of visible offers" on public.offer_measures for select to authenticated
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff link their offers to measures" on public.offer_measures for insert to authenticated
  with check (private.can_edit_offer(offer_id));
create policy "staff change measure links of their offers" on public.offer_measures for update to authenticated
  using (private.can_edit_offer(offer_id)) with check (private.can_edit_offer(offer_id));
create policy "staff unlink their offers from measures" on public.offer_measures for delete to authenticated
  using (private.can_edit_offer(offer_id));

create policy "themes of published offers are public" on public.offer_themes for select to anon
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff see themes of visible offers" on public.offer_themes for select to authenticated
  using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff tag their offers" on public.offer_themes for insert to authenticated
  with check (private.can_edit_offer(offer_id));
create policy "staff change tags of their offers" on public.offer_themes for update to authenticated
  using (private.can_edit_offer(offer_id)) with check (private.can_edit_offer(offer_id));
create policy "staff untag their offers" on public.offer_themes for delete to authenticated
  using (private.can_edit_offer(offer_id));

-- The outbox is the search worker's (service role); city admins may watch it.
create policy "city admins watch the search outbox" on public.search_outbox for select to authenticated
  using ((select private.is_city_admin()));
