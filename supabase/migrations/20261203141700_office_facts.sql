-- A Stadtteilbüro's public facts (issue 9, step 5): which districts an office serves, its
-- opening hours, the languages spoken there, how to get there and where its door is. The
-- district page shows them first; the office's own staff (editors and admins) keep them current
-- on a staff page; address and phone stay on the organisation.
--
-- * organisation_districts: the districts an organisation serves (a Stadtteilbüro usually one).
--   Public; the city's admins decide it.
-- * office_facts: one row per organisation. Opening hours are a list of
--   {"weekday": 1..7 (ISO, Monday 1), "opens": "HH:MM", "closes": "HH:MM"}, several per day
--   allowed (morning and afternoon); hours_note and directions are texts per locale
--   ({"de": "…", "en": "…"}); languages are ISO 639 codes. Public; written by the
--   organisation's staff and the city's admins, through save_office_facts (version checked).
-- * district_offices(slug): what the district page shows: the offices serving it, or, when none
--   does, the nearest office that has a location (with its distance), so the page can point
--   somewhere honest.

-- ---------------------------------------------------------------------------
-- Validation helpers

-- Why a list of opening hours is not valid, or null when it is.
create function private.opening_hours_problem(p_hours jsonb) returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_entry jsonb;
begin
  if p_hours is null or jsonb_typeof(p_hours) <> 'array' then
    return 'opening hours must be a JSON array';
  end if;
  if jsonb_array_length(p_hours) > 28 then
    return 'at most 28 opening hours';
  end if;
  for v_entry in select e from jsonb_array_elements(p_hours) e loop
    if jsonb_typeof(v_entry) <> 'object'
       or exists (select 1 from jsonb_object_keys(v_entry) k
                  where k not in ('weekday', 'opens', 'closes')) then
      return 'an opening hour is {weekday, opens, closes}';
    end if;
    if jsonb_typeof(v_entry -> 'weekday') <> 'number'
       or (v_entry ->> 'weekday') !~ '^[1-7]$' then
      return 'weekday must be 1 (Monday) to 7 (Sunday)';
    end if;
    if jsonb_typeof(v_entry -> 'opens') <> 'string' or jsonb_typeof(v_entry -> 'closes') <> 'string'
       or (v_entry ->> 'opens') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
       or (v_entry ->> 'closes') !~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' then
      return 'opens and closes are times HH:MM';
    end if;
    if (v_entry ->> 'opens') >= (v_entry ->> 'closes') then
      return 'an office closes after it opens';
    end if;
  end loop;
  return null;
end;
$$;

-- Why texts per locale are not valid, or null when they are: an object of known locales to
-- strings of at most p_max characters.
create function private.locale_texts_problem(p_texts jsonb, p_max integer) returns text
language sql
stable
set search_path = ''
as $$
  select case
    when p_texts is null or jsonb_typeof(p_texts) <> 'object' then 'texts must be a JSON object'
    when exists (select 1 from jsonb_each(p_texts) e
                 where e.key not in (select code from public.locales)) then 'unknown locale'
    when exists (select 1 from jsonb_each(p_texts) e where jsonb_typeof(e.value) <> 'string') then
      'every text must be a string'
    when exists (select 1 from jsonb_each_text(p_texts) e
                 where length(e.value) > p_max or btrim(e.value) = ''
                    or e.value ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]') then
      'a text is empty, too long or holds control characters'
  end;
$$;

-- ---------------------------------------------------------------------------
-- Tables

create table public.organisation_districts (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  district_id uuid not null references public.districts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (organisation_id, district_id)
);
comment on table public.organisation_districts is
  'The districts an organisation serves, such as a Stadtteilbüro''s own neighbourhood; the district page shows the office first.';
create index organisation_districts_district_id_idx on public.organisation_districts (district_id);
alter table public.organisation_districts enable row level security;
create trigger organisation_districts_audit after insert or update or delete
  on public.organisation_districts for each row execute function private.audit();

create table public.office_facts (
  organisation_id uuid primary key references public.organisations (id) on delete cascade,
  opening_hours jsonb not null default '[]'
    constraint office_facts_opening_hours_valid check (private.opening_hours_problem(opening_hours) is null),
  hours_note jsonb not null default '{}',
  languages text[] not null default '{}'
    constraint office_facts_languages_valid
    check (cardinality(languages) <= 30 and array_to_string(languages, ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$'),
  directions jsonb not null default '{}',
  location extensions.geometry(point, 4326),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
comment on table public.office_facts is
  'A Stadtteilbüro''s (or any organisation''s) public facts its staff keep current: opening hours, note on them, languages spoken, directions per locale, the location of its door.';
alter table public.office_facts enable row level security;
create trigger office_facts_touch before update on public.office_facts
  for each row execute function private.touch_updated_at();
create trigger office_facts_audit after insert or update or delete on public.office_facts
  for each row execute function private.audit();

-- texts per locale are checked by a trigger (a check constraint may not read public.locales)
create function private.office_facts_check_texts() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_problem text;
begin
  v_problem := coalesce(private.locale_texts_problem(new.hours_note, 300),
                        private.locale_texts_problem(new.directions, 1000));
  if v_problem is not null then
    raise exception 'office facts: %', v_problem using errcode = '23514';
  end if;
  return new;
end;
$$;
create trigger office_facts_check_texts before insert or update on public.office_facts
  for each row execute function private.office_facts_check_texts();

-- ---------------------------------------------------------------------------
-- Policies

create policy "organisation districts are public" on public.organisation_districts
  for select to anon using (true);
create policy "organisation districts are readable by staff" on public.organisation_districts
  for select to authenticated using (true);
create policy "city admins add organisation districts" on public.organisation_districts
  for insert to authenticated with check ((select private.is_city_admin()));
create policy "city admins change organisation districts" on public.organisation_districts
  for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove organisation districts" on public.organisation_districts
  for delete to authenticated using ((select private.is_city_admin()));

create policy "office facts are public" on public.office_facts for select to anon using (true);
create policy "office facts are readable by staff" on public.office_facts
  for select to authenticated using (true);
create policy "staff of the organisation add its office facts" on public.office_facts
  for insert to authenticated
  with check (private.is_member_of(organisation_id) or (select private.is_city_admin()));
create policy "staff of the organisation change its office facts" on public.office_facts
  for update to authenticated
  using (private.is_member_of(organisation_id) or (select private.is_city_admin()))
  with check (private.is_member_of(organisation_id) or (select private.is_city_admin()));
create policy "organisation admins remove its office facts" on public.office_facts
  for delete to authenticated
  using (private.is_admin_of(organisation_id) or (select private.is_city_admin()));

-- ---------------------------------------------------------------------------
-- Reads

-- One organisation's public facts as the pages show them.
create function private.office_json(p_organisation_id uuid) returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id,
    'slug', o.slug,
    'name', o.name,
    'kind', o.kind,
    'street', o.street,
    'postal_code', o.postal_code,
    'locality', o.locality,
    'phone', o.phone,
    'email', o.email,
    'website', o.website,
    'opening_hours', coalesce((
      select jsonb_agg(e order by (e ->> 'weekday')::int, e ->> 'opens')
      from jsonb_array_elements(f.opening_hours) e), '[]'),
    'hours_note', coalesce(f.hours_note, '{}'),
    'languages', to_jsonb(coalesce(f.languages, '{}')),
    'directions', coalesce(f.directions, '{}'),
    'latitude', round(extensions.st_y(f.location)::numeric, 6),
    'longitude', round(extensions.st_x(f.location)::numeric, 6),
    'version', coalesce(f.version, 0),
    'updated_at', f.updated_at
  )
  from public.organisations o
  left join public.office_facts f on f.organisation_id = o.id
  where o.id = p_organisation_id;
$$;

-- The offices serving a district, by name; when none does, the nearest office of its city with
-- a location (nearest: true, distance_m). An unknown district: an empty list.
create function public.district_offices(p_slug text) returns jsonb
language sql
stable
set search_path = ''
as $$
  with district as (
    select d.id, d.city_id, d.geom from public.districts d where d.slug = p_slug
  ), serving as (
    select o.id, o.name
    from district d
    join public.organisation_districts od on od.district_id = d.id
    join public.organisations o on o.id = od.organisation_id
  ), nearest as (
    select o.id, extensions.st_distance(f.location::extensions.geography,
                                        d.geom::extensions.geography) as distance
    from district d
    join public.organisations o on o.city_id = d.city_id
    join public.office_facts f on f.organisation_id = o.id
    where not exists (select 1 from serving)
      and o.kind = 'neighbourhood_office' and f.location is not null
    order by 2, o.name
    limit 1
  )
  select coalesce(
    (select jsonb_agg(private.office_json(s.id) || jsonb_build_object('nearest', false)
                      order by s.name) from serving s),
    (select jsonb_agg(private.office_json(n.id)
                      || jsonb_build_object('nearest', true, 'distance_m', round(n.distance)))
     from nearest n),
    '[]');
$$;
comment on function public.district_offices is
  'The district page''s offices: those serving the district, else the nearest Stadtteilbüro with its distance.';

-- An organisation's facts for its staff page; 42501 for a person who may not change them.
create function public.get_office_facts(p_organisation_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  if not (private.is_member_of(p_organisation_id) or (select private.is_city_admin())) then
    raise exception 'organisation % does not exist or is not yours', p_organisation_id
      using errcode = '42501';
  end if;
  return private.office_json(p_organisation_id) || jsonb_build_object(
    'districts', coalesce((
      select jsonb_agg(jsonb_build_object('slug', d.slug, 'name', d.name) order by d.name)
      from public.organisation_districts od join public.districts d on d.id = od.district_id
      where od.organisation_id = p_organisation_id), '[]'));
end;
$$;

-- ---------------------------------------------------------------------------
-- Write

-- Saves an organisation's facts whole: {opening_hours, hours_note, languages, directions,
-- latitude, longitude} (every key required, latitude/longitude may be null). p_version is the
-- version read (0 when there were none yet); another one is refused with PT409. Returns the
-- new version. 22023 for a malformed object, 23514 for invalid hours or texts, 42501 for a
-- person who is not staff of the organisation.
create function public.save_office_facts(p_organisation_id uuid, p_facts jsonb, p_version integer)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_keys constant text[] := array['opening_hours', 'hours_note', 'languages', 'directions',
    'latitude', 'longitude'];
  v_current integer;
  v_location extensions.geometry;
  v_languages text[];
  v_version integer;
begin
  if p_facts is null or jsonb_typeof(p_facts) <> 'object'
     or exists (select 1 from jsonb_object_keys(p_facts) k where k <> all (v_keys))
     or exists (select 1 from unnest(v_keys) k where not p_facts ? k) then
    raise exception 'office facts are {%}', array_to_string(v_keys, ', ') using errcode = '22023';
  end if;
  if jsonb_typeof(p_facts -> 'languages') <> 'array'
     or exists (select 1 from jsonb_array_elements(p_facts -> 'languages') e
                where jsonb_typeof(e) <> 'string') then
    raise exception 'languages are a list of codes' using errcode = '22023';
  end if;
  if jsonb_typeof(p_facts -> 'latitude') not in ('number', 'null')
     or jsonb_typeof(p_facts -> 'longitude') not in ('number', 'null')
     or (jsonb_typeof(p_facts -> 'latitude') = 'null') <> (jsonb_typeof(p_facts -> 'longitude') = 'null') then
    raise exception 'latitude and longitude are two numbers or both null' using errcode = '22023';
  end if;
  if jsonb_typeof(p_facts -> 'latitude') = 'number' then
    if abs((p_facts ->> 'latitude')::numeric) > 90 or abs((p_facts ->> 'longitude')::numeric) > 180 then
      raise exception 'latitude or longitude out of range' using errcode = '23514';
    end if;
    v_location := extensions.st_setsrid(extensions.st_makepoint(
      (p_facts ->> 'longitude')::float8, (p_facts ->> 'latitude')::float8), 4326);
  end if;
  if private.opening_hours_problem(p_facts -> 'opening_hours') is not null then
    raise exception '%', private.opening_hours_problem(p_facts -> 'opening_hours')
      using errcode = '23514';
  end if;
  select coalesce(array_agg(distinct e order by e), '{}') into v_languages
  from jsonb_array_elements_text(p_facts -> 'languages') e;

  if not (private.is_member_of(p_organisation_id) or (select private.is_city_admin())) then
    raise exception 'organisation % does not exist or is not yours', p_organisation_id
      using errcode = '42501';
  end if;
  perform 1 from public.organisations where id = p_organisation_id;
  if not found then
    raise exception 'organisation % does not exist', p_organisation_id using errcode = 'PT404';
  end if;

  select f.version into v_current from public.office_facts f
  where f.organisation_id = p_organisation_id for update;
  if coalesce(v_current, 0) is distinct from p_version then
    raise exception 'the office facts changed since they were read' using errcode = 'PT409';
  end if;

  insert into public.office_facts as f (organisation_id, opening_hours, hours_note, languages,
    directions, location)
  values (p_organisation_id, p_facts -> 'opening_hours', p_facts -> 'hours_note', v_languages,
    p_facts -> 'directions', v_location)
  on conflict (organisation_id) do update
    set opening_hours = excluded.opening_hours,
        hours_note = excluded.hours_note,
        languages = excluded.languages,
        directions = excluded.directions,
        location = excluded.location,
        version = f.version + 1
  returning f.version into v_version;
  return v_version;
end;
$$;

-- ---------------------------------------------------------------------------
-- Grants (see 20261130090000_explicit_grants.sql)

revoke all on table public.organisation_districts, public.office_facts
  from public, anon, authenticated, service_role;
grant select on table public.organisation_districts, public.office_facts to anon;
grant select, insert, update, delete on table public.organisation_districts, public.office_facts
  to authenticated;

revoke execute on function private.opening_hours_problem(jsonb),
  private.locale_texts_problem(jsonb, integer), private.office_facts_check_texts(),
  private.office_json(uuid) from public;
grant execute on function private.opening_hours_problem(jsonb),
  private.locale_texts_problem(jsonb, integer), private.office_json(uuid)
  to anon, authenticated, service_role;

revoke execute on function public.district_offices(text), public.get_office_facts(uuid),
  public.save_office_facts(uuid, jsonb, integer) from public, anon, authenticated, service_role;
grant execute on function public.district_offices(text) to anon, authenticated;
grant execute on function public.get_office_facts(uuid), public.save_office_facts(uuid, jsonb, integer)
  to authenticated;
