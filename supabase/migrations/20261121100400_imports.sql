-- Bring your own city: districts from GeoJSON, population per district and offers from CSV.
-- Each import is one call, so one transaction: it succeeds whole or changes nothing, and
-- refuses with SQLSTATE 22023 and a detail that lists every bad feature or row with its reason.

create function private.refuse_import(p_what text, p_errors jsonb, p_total integer) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception '% of % % refused; nothing was imported', jsonb_array_length(p_errors), p_total, p_what
    using errcode = '22023', detail = p_errors::text,
          hint = 'Each entry of the detail names the ' || rtrim(p_what, 's') || ' and the reason.';
end;
$$;

create function private.require_city(p_city text) returns uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select id into v_id from public.cities where slug = p_city;
  if v_id is null then
    raise exception 'unknown city "%"', p_city using errcode = '22023';
  end if;
  return v_id;
end;
$$;

grant execute on function private.refuse_import(text, jsonb, integer), private.require_city(text)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Districts from a GeoJSON FeatureCollection (Polygon / MultiPolygon in WGS 84).
-- Replaces the city's districts: districts missing from the file are removed, and every
-- offer's district is computed again.

create function public.import_districts(
  p_city text,
  p_collection jsonb,
  p_name_property text default 'name',
  p_source text default null
) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_city_id uuid := private.require_city(p_city);
  v_crs text := p_collection #>> '{crs,properties,name}';
  v_feature jsonb;
  v_index integer;
  v_total integer;
  v_name text;
  v_slug text;
  v_type text;
  v_geom extensions.geometry;
  v_reason text;
  v_errors jsonb := '[]';
  v_repaired jsonb := '[]';
  v_rows jsonb := '[]';
  v_slugs text[] := '{}';
  v_before jsonb;
  v_inserted integer;
  v_removed integer;
  v_moved integer;
begin
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may import districts' using errcode = '42501';
  end if;
  if jsonb_typeof(p_collection) is distinct from 'object'
     or p_collection ->> 'type' is distinct from 'FeatureCollection'
     or jsonb_typeof(p_collection -> 'features') is distinct from 'array' then
    raise exception 'the file is not a GeoJSON FeatureCollection' using errcode = '22023';
  end if;
  if v_crs is not null and v_crs not in ('urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:EPSG::4326', 'EPSG:4326') then
    raise exception 'coordinates are in %, not WGS 84; reproject to EPSG:4326 first', v_crs using errcode = '22023';
  end if;
  v_total := jsonb_array_length(p_collection -> 'features');
  if v_total = 0 then
    raise exception 'the FeatureCollection has no features' using errcode = '22023';
  end if;

  for v_feature, v_index in
    select f, i - 1 from jsonb_array_elements(p_collection -> 'features') with ordinality as e(f, i)
  loop
    v_name := nullif(trim(v_feature -> 'properties' ->> p_name_property), '');
    v_type := v_feature #>> '{geometry,type}';
    v_slug := private.slugify(v_name);
    v_reason := case
      when v_feature ->> 'type' is distinct from 'Feature' then 'not a GeoJSON Feature'
      when v_name is null then format('property "%s" is missing or empty', p_name_property)
      when v_slug = '' then format('name "%s" has no letters or digits', v_name)
      when v_slug = any (v_slugs) then format('a second district named "%s"', v_name)
      when v_type is null then 'no geometry'
      when v_type not in ('Polygon', 'MultiPolygon') then format('geometry is a %s; only Polygon and MultiPolygon are districts', v_type)
      when v_feature -> 'properties' ? 'population'
           and jsonb_typeof(v_feature -> 'properties' -> 'population') <> 'null'
           and coalesce(v_feature -> 'properties' ->> 'population', '') !~ '^[0-9]{1,9}$'
        then format('property "population" is %s, not a whole number', v_feature -> 'properties' -> 'population')
    end;
    if v_reason is null then
      begin
        v_geom := extensions.st_setsrid(extensions.st_geomfromgeojson(v_feature -> 'geometry'), 4326);
      exception when others then
        v_reason := 'unreadable geometry: ' || sqlerrm;
      end;
    end if;
    if v_reason is null and (extensions.st_xmin(v_geom) < -180 or extensions.st_xmax(v_geom) > 180
                             or extensions.st_ymin(v_geom) < -90 or extensions.st_ymax(v_geom) > 90) then
      v_reason := 'coordinates are not longitude/latitude in WGS 84';
    end if;
    if v_reason is null and not extensions.st_isvalid(v_geom) then
      v_reason := extensions.st_isvalidreason(v_geom);
      v_geom := extensions.st_collectionextract(extensions.st_makevalid(v_geom), 3);
      if extensions.st_isempty(v_geom) or extensions.st_area(v_geom) = 0 then
        v_reason := 'invalid geometry that cannot be repaired: ' || v_reason;
      else
        v_repaired := v_repaired || jsonb_build_object('index', v_index, 'name', v_name, 'reason', v_reason);
        v_reason := null;
      end if;
    end if;

    if v_reason is not null then
      v_errors := v_errors || jsonb_build_object('index', v_index, 'name', v_name, 'reason', v_reason);
    else
      v_slugs := v_slugs || v_slug;
      v_rows := v_rows || jsonb_build_object('slug', v_slug, 'name', v_name,
        'population', v_feature -> 'properties' -> 'population',
        'geom', extensions.st_asewkt(extensions.st_multi(v_geom)));
    end if;
  end loop;

  if jsonb_array_length(v_errors) > 0 then
    perform private.refuse_import('features', v_errors, v_total);
  end if;

  select coalesce(jsonb_object_agg(o.id, o.district_id), '{}') into v_before from public.offers o;

  delete from public.districts d where d.city_id = v_city_id and not d.slug = any (v_slugs);
  get diagnostics v_removed = row_count;

  select count(*) into v_inserted
  from jsonb_array_elements(v_rows) r
  where not exists (select 1 from public.districts d where d.city_id = v_city_id and d.slug = r ->> 'slug');

  insert into public.districts (city_id, slug, name, geom, population, geometry_is_demo, source)
  select v_city_id, r ->> 'slug', r ->> 'name', extensions.st_geomfromewkt(r ->> 'geom'),
         (r ->> 'population')::integer,
         false, p_source
  from jsonb_array_elements(v_rows) r
  on conflict (city_id, slug) do update
    set name = excluded.name, geom = excluded.geom, geometry_is_demo = false, source = excluded.source,
        population = coalesce(excluded.population, public.districts.population);

  select count(*) into v_moved
  from public.offers o
  where o.district_id is distinct from (v_before ->> o.id::text)::uuid;

  return jsonb_build_object(
    'districts', jsonb_array_length(v_rows),
    'inserted', v_inserted,
    'updated', jsonb_array_length(v_rows) - v_inserted,
    'removed', v_removed,
    'repaired', v_repaired,
    'offers_reassigned', v_moved
  );
end;
$$;
comment on function public.import_districts is 'Replaces a city''s districts with the features of a GeoJSON FeatureCollection; all or nothing.';

-- ---------------------------------------------------------------------------
-- Population per district: rows [{row, district, population, population_migration}], values as text.

create function public.import_district_population(p_city text, p_rows jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_city_id uuid := private.require_city(p_city);
  v_row jsonb;
  v_district_id uuid;
  v_population text;
  v_migration text;
  v_reason text;
  v_errors jsonb := '[]';
  v_seen uuid[] := '{}';
  v_updates jsonb := '[]';
begin
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may import population figures' using errcode = '42501';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) = 0 then
    raise exception 'no rows to import' using errcode = '22023';
  end if;

  for v_row in select r from jsonb_array_elements(p_rows) r loop
    select d.id into v_district_id
    from public.districts d
    where d.city_id = v_city_id
      and (lower(d.name) = lower(trim(v_row ->> 'district')) or d.slug = private.slugify(v_row ->> 'district'));
    v_population := trim(v_row ->> 'population');
    v_migration := nullif(trim(coalesce(v_row ->> 'population_migration', '')), '');
    v_reason := case
      when v_district_id is null then format('no district named "%s"', v_row ->> 'district')
      when v_district_id = any (v_seen) then format('district "%s" appears twice', v_row ->> 'district')
      when v_population is null or v_population !~ '^[0-9]{1,9}$' then format('population "%s" is not a whole number', coalesce(v_population, ''))
      when v_migration is not null and v_migration !~ '^[0-9]{1,9}$' then format('population_migration "%s" is not a whole number', v_migration)
      when v_migration is not null and v_migration::bigint > v_population::bigint then 'population_migration is larger than population'
    end;
    if v_reason is not null then
      v_errors := v_errors || jsonb_build_object('row', v_row -> 'row', 'reason', v_reason);
    else
      v_seen := v_seen || v_district_id;
      v_updates := v_updates || jsonb_build_object('id', v_district_id, 'population', v_population::integer,
                                                   'population_migration', v_migration::integer);
    end if;
  end loop;

  if jsonb_array_length(v_errors) > 0 then
    perform private.refuse_import('rows', v_errors, jsonb_array_length(p_rows));
  end if;

  update public.districts d
  set population = (u ->> 'population')::integer,
      population_migration = (u ->> 'population_migration')::integer
  from jsonb_array_elements(v_updates) u
  where d.id = (u ->> 'id')::uuid;

  return jsonb_build_object('districts_updated', jsonb_array_length(v_updates));
end;
$$;
comment on function public.import_district_population is 'Sets population and residents with migration history per district; all or nothing.';

-- ---------------------------------------------------------------------------
-- Offers from CSV rows. Each row is an object of the documented columns with text values and
-- its CSV row number in "row". The caller's rights apply: staff import their organisation's offers.

create function private.csv_boolean(p_value text, p_column text) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  return case lower(trim(coalesce(p_value, '')))
    when '' then null
    when 'ja' then true when 'yes' then true when 'true' then true when '1' then true
    when 'nein' then false when 'no' then false when 'false' then false when '0' then false
    else private.csv_invalid(p_column, p_value, 'ja/nein, yes/no, true/false or 1/0')::boolean
  end;
end;
$$;

create function private.csv_invalid(p_column text, p_value text, p_expected text) returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception 'column %: "%" is not %', p_column, p_value, p_expected using errcode = '22023';
end;
$$;

create function private.csv_list(p_value text) returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(trim(v)) filter (where trim(v) <> ''), '{}')
  from unnest(regexp_split_to_array(coalesce(p_value, ''), '[;,]')) v;
$$;

-- Empty, or a real date/time written exactly in the format (2026-02-30 is not).
create function private.csv_is_moment(p_value text, p_format text) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  return coalesce(p_value, '') = ''
      or (length(p_value) = length(p_format) - case when p_format like '%HH24%' then 2 else 0 end
          and to_char(to_timestamp(p_value, p_format), p_format) = p_value);
exception when others then
  return false;
end;
$$;

grant execute on function private.csv_boolean(text, text), private.csv_invalid(text, text, text),
  private.csv_list(text), private.csv_is_moment(text, text) to authenticated, service_role;

create function public.import_offers(p_city text, p_rows jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_city_id uuid := private.require_city(p_city);
  v_columns constant text[] := array['row', 'organisation', 'category', 'locale', 'title', 'summary',
    'description', 'cost_note', 'registration_note', 'street', 'postal_code', 'locality', 'latitude',
    'longitude', 'languages', 'target_groups', 'cost_eur', 'childcare', 'women_only',
    'wheelchair_accessible', 'german_level', 'registration', 'registration_url', 'contact_email',
    'contact_phone', 'state', 'last_verified_on', 'measures', 'starts_at', 'duration_minutes', 'rrule'];
  v_unknown text[];
  v_row jsonb;
  v_org public.organisations;
  v_offer_id uuid;
  v_code text;
  v_measure_id uuid;
  v_lat text;
  v_lon text;
  v_errors jsonb := '[]';
  v_ids uuid[] := '{}';
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) = 0 then
    raise exception 'no rows to import' using errcode = '22023';
  end if;
  select array_agg(distinct k) into v_unknown
  from jsonb_array_elements(p_rows) r, jsonb_object_keys(r) k
  where not k = any (v_columns);
  if v_unknown is not null then
    raise exception 'unknown columns: %', array_to_string(v_unknown, ', ')
      using errcode = '22023', hint = 'Known columns: ' || array_to_string(v_columns[2:], ', ');
  end if;

  for v_row in select r from jsonb_array_elements(p_rows) r loop
    begin
      select * into v_org from public.organisations
      where city_id = v_city_id and slug = trim(v_row ->> 'organisation');
      if v_org.id is null then
        raise exception 'column organisation: no organisation "%" in %', coalesce(v_row ->> 'organisation', ''), p_city
          using errcode = '22023';
      end if;
      if not (private.is_city_admin() or private.is_member_of(v_org.id)) then
        raise exception 'column organisation: you are not staff of "%"', v_org.slug using errcode = '42501';
      end if;
      if nullif(trim(v_row ->> 'title'), '') is null then
        raise exception 'column title: empty' using errcode = '22023';
      end if;
      v_lat := replace(nullif(trim(v_row ->> 'latitude'), ''), ',', '.');
      v_lon := replace(nullif(trim(v_row ->> 'longitude'), ''), ',', '.');
      if (v_lat is null) <> (v_lon is null) then
        raise exception 'columns latitude and longitude: give both or neither' using errcode = '22023';
      end if;
      if v_lat is not null and (v_lat !~ '^-?[0-9]{1,3}(\.[0-9]+)?$' or v_lon !~ '^-?[0-9]{1,3}(\.[0-9]+)?$'
                                or abs(v_lat::numeric) > 90 or abs(v_lon::numeric) > 180) then
        raise exception 'columns latitude and longitude: "%, %" is not a position in decimal degrees', v_lat, v_lon using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'cost_eur'), '') !~ '^[0-9]{1,6}([.,][0-9]{1,2})?$' then
        raise exception 'column cost_eur: "%" is not an amount in euros', v_row ->> 'cost_eur' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'category'), '') is null
         or not exists (select 1 from public.categories where slug = trim(v_row ->> 'category')) then
        raise exception 'column category: "%" is not one of %', coalesce(v_row ->> 'category', ''),
          (select string_agg(slug, ', ' order by position) from public.categories) using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'german_level'), '') is not null
         and not trim(v_row ->> 'german_level') = any (enum_range(null::public.german_level)::text[]) then
        raise exception 'column german_level: "%" is not one of none, a1, a2, b1, b2, c1', v_row ->> 'german_level' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'registration'), '') is not null
         and not trim(v_row ->> 'registration') = any (enum_range(null::public.registration_kind)::text[]) then
        raise exception 'column registration: "%" is not one of none, recommended, required', v_row ->> 'registration' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'state'), '') is not null
         and not trim(v_row ->> 'state') = any (enum_range(null::public.publication_state)::text[]) then
        raise exception 'column state: "%" is not one of draft, published, archived', v_row ->> 'state' using errcode = '22023';
      end if;
      if not private.csv_list(v_row ->> 'target_groups') <@ private.target_groups() then
        raise exception 'column target_groups: "%" has a group that is not one of %', v_row ->> 'target_groups',
          array_to_string(private.target_groups(), ', ') using errcode = '22023';
      end if;
      if not private.csv_is_moment(trim(v_row ->> 'last_verified_on'), 'YYYY-MM-DD') then
        raise exception 'column last_verified_on: "%" is not a date (YYYY-MM-DD)', v_row ->> 'last_verified_on' using errcode = '22023';
      end if;
      if not private.csv_is_moment(replace(trim(v_row ->> 'starts_at'), 'T', ' '), 'YYYY-MM-DD HH24:MI') then
        raise exception 'column starts_at: "%" is not a local date and time (YYYY-MM-DD HH:MM)', v_row ->> 'starts_at' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'duration_minutes'), '') !~ '^[0-9]{1,4}$'
         or nullif(trim(v_row ->> 'duration_minutes'), '')::integer not between 1 and 1440 then
        raise exception 'column duration_minutes: "%" is not a number of minutes from 1 to 1440', v_row ->> 'duration_minutes' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'locale'), '') is not null
         and not exists (select 1 from public.locales where code = trim(v_row ->> 'locale')) then
        raise exception 'column locale: "%" is not one of %', v_row ->> 'locale',
          (select string_agg(code, ', ' order by position) from public.locales) using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'postal_code'), '') !~ '^[0-9]{5}$' then
        raise exception 'column postal_code: "%" is not a German postal code (5 digits)', v_row ->> 'postal_code' using errcode = '22023';
      end if;
      if array_to_string(private.csv_list(v_row ->> 'languages'), ',') !~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$' then
        raise exception 'column languages: "%" is not a list of ISO 639 codes such as de, ar, uk', v_row ->> 'languages' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'contact_email'), '') !~ '^[^@\s]+@[^@\s]+$' then
        raise exception 'column contact_email: "%" is not an e-mail address', v_row ->> 'contact_email' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'contact_phone'), '') !~ '^[0-9 +()/-]{5,}$' then
        raise exception 'column contact_phone: "%" is not a phone number', v_row ->> 'contact_phone' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'registration_url'), '') !~ '^https?://' then
        raise exception 'column registration_url: "%" is not a web address (http:// or https://)', v_row ->> 'registration_url' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'rrule'), '') is not null and nullif(trim(v_row ->> 'starts_at'), '') is null then
        raise exception 'column rrule: a recurrence needs starts_at' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'rrule'), '') is not null and not private.is_valid_rrule(trim(v_row ->> 'rrule')) then
        raise exception 'column rrule: "%" is not an RFC 5545 RRULE this portal understands (e.g. FREQ=WEEKLY;BYDAY=TU)', v_row ->> 'rrule' using errcode = '22023';
      end if;

      insert into public.offers (organisation_id, category, original_locale, street, postal_code, locality,
        location, languages, target_groups, cost_eur, childcare, women_only, wheelchair_accessible,
        german_level, registration, registration_url, contact_email, contact_phone, state, last_verified_on)
      values (
        v_org.id,
        trim(v_row ->> 'category'),
        coalesce(nullif(trim(v_row ->> 'locale'), ''), 'de'),
        nullif(trim(v_row ->> 'street'), ''),
        nullif(trim(v_row ->> 'postal_code'), ''),
        nullif(trim(v_row ->> 'locality'), ''),
        case when v_lat is not null
          then extensions.st_setsrid(extensions.st_makepoint(v_lon::float8, v_lat::float8), 4326) end,
        coalesce(nullif(private.csv_list(v_row ->> 'languages'), '{}'), '{de}'),
        coalesce(nullif(private.csv_list(v_row ->> 'target_groups'), '{}'), '{everyone}'),
        replace(nullif(trim(v_row ->> 'cost_eur'), ''), ',', '.')::numeric,
        coalesce(private.csv_boolean(v_row ->> 'childcare', 'childcare'), false),
        coalesce(private.csv_boolean(v_row ->> 'women_only', 'women_only'), false),
        private.csv_boolean(v_row ->> 'wheelchair_accessible', 'wheelchair_accessible'),
        nullif(trim(v_row ->> 'german_level'), '')::public.german_level,
        coalesce(nullif(trim(v_row ->> 'registration'), ''), 'none')::public.registration_kind,
        nullif(trim(v_row ->> 'registration_url'), ''),
        nullif(trim(v_row ->> 'contact_email'), ''),
        nullif(trim(v_row ->> 'contact_phone'), ''),
        coalesce(nullif(trim(v_row ->> 'state'), ''), 'draft')::public.publication_state,
        nullif(trim(v_row ->> 'last_verified_on'), '')::date
      )
      returning id into v_offer_id;

      insert into public.offer_translations (offer_id, locale, title, summary, description, cost_note,
        registration_note, provenance, reviewed)
      values (v_offer_id, coalesce(nullif(trim(v_row ->> 'locale'), ''), 'de'), trim(v_row ->> 'title'),
        nullif(trim(v_row ->> 'summary'), ''), nullif(trim(v_row ->> 'description'), ''),
        nullif(trim(v_row ->> 'cost_note'), ''), nullif(trim(v_row ->> 'registration_note'), ''),
        'original', true);

      foreach v_code in array private.csv_list(v_row ->> 'measures') loop
        select m.id into v_measure_id
        from public.measures m
        join public.goals g on g.id = m.goal_id
        join public.fields_of_action f on f.id = g.field_of_action_id
        join public.concepts k on k.id = f.concept_id
        where k.city_id = v_org.city_id and k.is_current and m.code = v_code;
        if v_measure_id is null then
          raise exception 'column measures: no measure "%" in the current concept', v_code using errcode = '22023';
        end if;
        insert into public.offer_measures (offer_id, measure_id) values (v_offer_id, v_measure_id)
        on conflict do nothing;
      end loop;

      if nullif(trim(v_row ->> 'starts_at'), '') is not null then
        insert into public.schedules (offer_id, starts_at, duration_minutes, rrule)
        values (v_offer_id,
          (replace(trim(v_row ->> 'starts_at'), 'T', ' ')::timestamp) at time zone 'Europe/Berlin',
          coalesce(nullif(trim(v_row ->> 'duration_minutes'), '')::integer, 60),
          nullif(trim(v_row ->> 'rrule'), ''));
      end if;

      v_ids := v_ids || v_offer_id;
    exception when others then
      v_errors := v_errors || jsonb_build_object('row', v_row -> 'row', 'reason', sqlerrm);
    end;
  end loop;

  if jsonb_array_length(v_errors) > 0 then
    perform private.refuse_import('rows', v_errors, jsonb_array_length(p_rows));
  end if;
  return jsonb_build_object('offers_imported', cardinality(v_ids), 'ids', to_jsonb(v_ids));
end;
$$;
comment on function public.import_offers is 'Imports offers from CSV rows (see README); every bad row is reported with its number and reason, and then nothing is imported.';

revoke execute on function public.import_districts(text, jsonb, text, text),
  public.import_district_population(text, jsonb), public.import_offers(text, jsonb) from public, anon;
grant execute on function public.import_districts(text, jsonb, text, text),
  public.import_district_population(text, jsonb), public.import_offers(text, jsonb) to authenticated, service_role;
