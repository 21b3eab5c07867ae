-- Bring your own city, whole (issue 10, step 6): a city's time zone and default locale, a
-- command that creates a city (create_city), organisations from CSV (import_organisations), and
-- districts in the coordinate systems German GIS offices publish (EPSG:25832, EPSG:25833),
-- reprojected by PostGIS.
--
-- One database per city: the public read functions show "the" city of the database, so
-- create_city refuses a second city; a second city gets a database of its own (a new DATA_DIR,
-- or a Supabase project of its own).

alter table public.cities
  add column time_zone text not null default 'Europe/Berlin',
  add column default_locale text not null default 'de' references public.locales (code);
comment on column public.cities.time_zone is 'IANA time zone of the city, e.g. Europe/Berlin.';
comment on column public.cities.default_locale is 'Locale a visitor gets when their browser names none of the nine.';

-- the commands run as service_role: city:create writes the city, import:organisations its
-- organisations (city admins write organisations through their policies already)
grant insert on table public.cities to service_role;
grant insert, update on table public.organisations to service_role;

-- ---------------------------------------------------------------------------
-- The city of a new database. service_role only (npm run city:create).

create function public.create_city(
  p_slug text,
  p_name text,
  p_time_zone text default 'Europe/Berlin',
  p_default_locale text default 'de'
) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_existing public.cities;
  v_city public.cities;
  v_name text := private.clean_line(p_name);
begin
  if coalesce(p_slug, '') !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or length(p_slug) > 60 then
    raise exception 'slug %: use lower-case letters a-z, digits and single hyphens, e.g. kaiserslautern', private.quoted(p_slug)
      using errcode = '22023';
  end if;
  if v_name is null or v_name = '' or length(v_name) > 120 then
    raise exception 'name: give the city''s name, 1 to 120 characters' using errcode = '22023';
  end if;
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = p_time_zone)
     or p_time_zone !~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)+$' then
    raise exception 'time zone %: not an IANA time zone such as Europe/Berlin', private.quoted(p_time_zone)
      using errcode = '22023';
  end if;
  if not exists (select 1 from public.locales where code = p_default_locale) then
    raise exception 'default locale %: not one of %', private.quoted(p_default_locale),
      (select string_agg(code, ', ' order by position) from public.locales) using errcode = '22023';
  end if;
  select * into v_existing from public.cities where slug = p_slug;
  if v_existing.id is not null then
    raise exception 'a city "%" exists already (%)', p_slug, v_existing.name using errcode = '23505';
  end if;
  select * into v_existing from public.cities order by created_at limit 1;
  if v_existing.id is not null then
    raise exception 'this database holds the city "%" (%) already; the portal serves one city per database', v_existing.slug, v_existing.name
      using errcode = '22023',
            hint = 'Set up ' || p_slug || ' in a database of its own: a new DATA_DIR (e.g. DATA_DIR=.data/' || p_slug || ') or a Supabase project of its own.';
  end if;

  insert into public.cities (slug, name, time_zone, default_locale)
  values (p_slug, v_name, p_time_zone, p_default_locale)
  returning * into v_city;
  return jsonb_build_object('slug', v_city.slug, 'name', v_city.name,
    'time_zone', v_city.time_zone, 'default_locale', v_city.default_locale);
end;
$$;
comment on function public.create_city is 'Creates the city of a new database (one city per database); service_role only.';

revoke execute on function public.create_city(text, text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.create_city(text, text, text, text) to service_role;

-- ---------------------------------------------------------------------------
-- portal_info: the city's time zone and default locale too. The database holds one city.

create or replace function public.portal_info() returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'city', (select jsonb_build_object('slug', c.slug, 'name', c.name, 'is_demo', c.is_demo,
                                       'time_zone', c.time_zone, 'default_locale', c.default_locale)
             from public.cities c order by c.created_at limit 1),
    'concept', (select jsonb_build_object('slug', k.slug, 'title', k.title, 'is_demo', k.is_demo,
                                          'level_names', k.level_names)
                from public.concepts k where k.is_current order by k.adopted_on desc nulls last limit 1),
    'offer_count', (select count(*) from public.offers where state = 'published'),
    'district_count', (select count(*) from public.districts)
  );
$$;

-- ---------------------------------------------------------------------------
-- Organisations from CSV rows [{row, slug, name, kind, street, postal_code, locality, website,
-- email, phone}], values as text. Matched by slug: a re-import updates, an unchanged row stays
-- untouched. All or nothing; every bad row is named with its row and reason.

create function private.organisation_kind_of(p_value text) returns public.organisation_kind
language sql
immutable
set search_path = ''
as $$
  select case lower(regexp_replace(trim(coalesce(p_value, '')), '[\s_-]+', ' ', 'g'))
    when 'neighbourhood office' then 'neighbourhood_office'
    when 'stadtteilbüro' then 'neighbourhood_office'
    when 'quartiersbüro' then 'neighbourhood_office'
    when 'provider' then 'provider'
    when 'träger' then 'provider'
    when 'anbieter' then 'provider'
    when 'counselling service' then 'counselling_service'
    when 'beratungsstelle' then 'counselling_service'
    when 'club' then 'club'
    when 'verein' then 'club'
    when 'authority' then 'authority'
    when 'behörde' then 'authority'
    when 'amt' then 'authority'
    when 'migrant organisation' then 'migrant_organisation'
    when 'migrantenorganisation' then 'migrant_organisation'
    when 'migrant*innenorganisation' then 'migrant_organisation'
    when 'education' then 'education'
    when 'bildungseinrichtung' then 'education'
    when 'bildung' then 'education'
    when 'religious community' then 'religious_community'
    when 'religionsgemeinschaft' then 'religious_community'
    when 'glaubensgemeinschaft' then 'religious_community'
    when 'welfare association' then 'welfare_association'
    when 'wohlfahrtsverband' then 'welfare_association'
    when 'other' then 'other'
    when 'sonstige' then 'other'
    when 'andere' then 'other'
  end::public.organisation_kind;
$$;

grant execute on function private.organisation_kind_of(text) to authenticated, service_role;

create function public.import_organisations(p_city text, p_rows jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_city_id uuid := private.require_city(p_city);
  v_columns constant text[] := array['row', 'slug', 'name', 'kind', 'street', 'postal_code',
    'locality', 'website', 'email', 'phone'];
  v_unknown text[];
  v_row jsonb;
  v_slug text;
  v_value text;
  v_problem text;
  v_errors jsonb := '[]';
  v_seen jsonb := '{}';
  v_clean jsonb := '[]';
  v_inserted integer;
  v_updated integer;
begin
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may import organisations' using errcode = '42501';
  end if;
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
    v_slug := trim(coalesce(v_row ->> 'slug', ''));
    v_problem := case
      when v_slug = '' then 'column slug: empty'
      when v_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or length(v_slug) > 100
        then format('column slug: %s is not lower-case letters a-z, digits and single hyphens', private.quoted(v_slug))
      when v_seen ? v_slug then format('column slug: %s is also in row %s', v_slug, v_seen ->> v_slug)
      when nullif(private.clean_line(v_row ->> 'name'), '') is null then 'column name: empty'
      when length(private.clean_line(v_row ->> 'name')) > 200 then 'column name: longer than 200 characters'
      when private.organisation_kind_of(v_row ->> 'kind') is null
        then format('column kind: %s is not one of %s (or the German word, e.g. Verein, Beratungsstelle)',
          private.quoted(coalesce(v_row ->> 'kind', '')), array_to_string(enum_range(null::public.organisation_kind)::text[], ', '))
      when nullif(trim(v_row ->> 'postal_code'), '') !~ '^[0-9]{5}$'
        then format('column postal_code: %s is not a German postal code (5 digits)', private.quoted(v_row ->> 'postal_code'))
    end;
    if v_problem is null then
      v_value := nullif(trim(v_row ->> 'website'), '');
      v_problem := 'column website: ' || private.quoted(v_value) || ' is no web address: ' || private.web_address_problem(v_value);
    end if;
    if v_problem is null then
      v_value := nullif(trim(v_row ->> 'email'), '');
      v_problem := 'column email: ' || private.quoted(v_value) || ' is no e-mail address: ' || private.email_address_problem(v_value);
    end if;
    if v_problem is null then
      v_value := nullif(trim(v_row ->> 'phone'), '');
      v_problem := 'column phone: ' || private.quoted(v_value) || ' is no phone number: ' || private.phone_number_problem(v_value);
    end if;
    if v_slug <> '' and not v_seen ? v_slug then
      v_seen := v_seen || jsonb_build_object(v_slug, v_row -> 'row');
    end if;
    if v_problem is not null then
      v_errors := v_errors || jsonb_build_object('row', v_row -> 'row', 'reason', v_problem);
    else
      v_clean := v_clean || jsonb_build_object(
        'slug', v_slug,
        'name', private.clean_line(v_row ->> 'name'),
        'kind', private.organisation_kind_of(v_row ->> 'kind'),
        'street', nullif(private.clean_line(v_row ->> 'street'), ''),
        'postal_code', nullif(trim(v_row ->> 'postal_code'), ''),
        'locality', nullif(private.clean_line(v_row ->> 'locality'), ''),
        'website', nullif(trim(v_row ->> 'website'), ''),
        'email', nullif(trim(v_row ->> 'email'), ''),
        'phone', nullif(trim(v_row ->> 'phone'), ''));
    end if;
  end loop;

  if jsonb_array_length(v_errors) > 0 then
    perform private.refuse_import('rows', v_errors, jsonb_array_length(p_rows));
  end if;

  insert into public.organisations (city_id, slug, name, kind, street, postal_code, locality, website, email, phone)
  select v_city_id, r ->> 'slug', r ->> 'name', (r ->> 'kind')::public.organisation_kind, r ->> 'street',
         r ->> 'postal_code', r ->> 'locality', r ->> 'website', r ->> 'email', r ->> 'phone'
  from jsonb_array_elements(v_clean) r
  where not exists (select 1 from public.organisations o where o.city_id = v_city_id and o.slug = r ->> 'slug');
  get diagnostics v_inserted = row_count;

  -- only the rows that differ: importing the same file again changes nothing
  update public.organisations o
  set name = r ->> 'name', kind = (r ->> 'kind')::public.organisation_kind, street = r ->> 'street',
      postal_code = r ->> 'postal_code', locality = r ->> 'locality', website = r ->> 'website',
      email = r ->> 'email', phone = r ->> 'phone'
  from jsonb_array_elements(v_clean) r
  where o.city_id = v_city_id and o.slug = r ->> 'slug'
    and (o.name, o.kind::text, o.street, o.postal_code, o.locality, o.website, o.email, o.phone)
        is distinct from (r ->> 'name', r ->> 'kind', r ->> 'street', r ->> 'postal_code', r ->> 'locality',
                          r ->> 'website', r ->> 'email', r ->> 'phone');
  get diagnostics v_updated = row_count;

  return jsonb_build_object(
    'organisations', jsonb_array_length(v_clean),
    'inserted', v_inserted,
    'updated', v_updated,
    'unchanged', jsonb_array_length(v_clean) - v_inserted - v_updated
  );
end;
$$;
comment on function public.import_organisations is 'Imports or updates (by slug) a city''s organisations from CSV rows; all or nothing.';

revoke execute on function public.import_organisations(text, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.import_organisations(text, jsonb) to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Districts: the FeatureCollection's `crs` member may name ETRS89 / UTM zone 32N or 33N
-- (EPSG:25832, EPSG:25833, as German GIS offices publish), written "EPSG:25832" or
-- "urn:ogc:def:crs:EPSG::25832"; the geometries are then reprojected to WGS 84 with
-- ST_Transform. Without a crs the coordinates must be longitude/latitude (WGS 84). The answer
-- says which system was read ("srid"). A feature property geometry_is_demo: true marks invented
-- geometry (the district page says so).

create function private.geojson_srid(p_collection jsonb) returns integer
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_name text := p_collection #>> '{crs,properties,name}';
  v_code text;
begin
  if p_collection ? 'crs' and jsonb_typeof(p_collection -> 'crs') <> 'null' and v_name is null then
    raise exception 'the file''s "crs" member names no coordinate system; write {"type": "name", "properties": {"name": "EPSG:25832"}}'
      using errcode = '22023';
  end if;
  if v_name is null or v_name in ('urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:OGC::CRS84', 'OGC:CRS84') then
    return 4326;
  end if;
  v_code := substring(trim(v_name) from '^(?:urn:ogc:def:crs:EPSG:[0-9.]*:|EPSG:)([0-9]+)$');
  if v_code is null or v_code not in ('4326', '25832', '25833') then
    raise exception 'the file''s coordinates are in %, which this import does not read', private.quoted(v_name)
      using errcode = '22023',
            hint = 'Use WGS 84 (EPSG:4326, longitude/latitude), ETRS89 / UTM zone 32N (EPSG:25832) or zone 33N (EPSG:25833), e.g. with ogr2ogr -t_srs EPSG:4326.';
  end if;
  return v_code::integer;
end;
$$;

grant execute on function private.geojson_srid(jsonb) to authenticated, service_role;

create or replace function public.import_districts(
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
  v_srid integer;
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
  v_srid := private.geojson_srid(p_collection);
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
        v_geom := extensions.st_setsrid(extensions.st_geomfromgeojson(v_feature -> 'geometry'), v_srid);
      exception when others then
        v_reason := 'unreadable geometry: ' || sqlerrm;
      end;
    end if;
    if v_reason is null and v_srid = 4326
       and (extensions.st_xmin(v_geom) < -180 or extensions.st_xmax(v_geom) > 180
            or extensions.st_ymin(v_geom) < -90 or extensions.st_ymax(v_geom) > 90) then
      v_reason := format('coordinates such as %s, %s are not longitude/latitude in WGS 84; if they are '
        'ETRS89 / UTM (e.g. 412000, 5477000), name the system in the file: "crs": {"type": "name", '
        '"properties": {"name": "EPSG:25832"}}', round(extensions.st_xmin(v_geom)::numeric, 2),
        round(extensions.st_ymin(v_geom)::numeric, 2));
    end if;
    if v_reason is null and v_srid <> 4326 then
      -- UTM: eastings 100,000–900,000 m (with the zone's false easting), northings in Europe
      if extensions.st_xmin(v_geom) < 100000 or extensions.st_xmax(v_geom) > 900000
         or extensions.st_ymin(v_geom) < 3500000 or extensions.st_ymax(v_geom) > 8000000 then
        v_reason := format('coordinates such as %s, %s are not in EPSG:%s (eastings 100000–900000, northings in metres)',
          round(extensions.st_xmin(v_geom)::numeric, 2), round(extensions.st_ymin(v_geom)::numeric, 2), v_srid);
      else
        v_geom := extensions.st_transform(v_geom, 4326);
      end if;
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
        'is_demo', coalesce(v_feature -> 'properties' -> 'geometry_is_demo' = 'true'::jsonb, false),
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
         (r ->> 'is_demo')::boolean, p_source
  from jsonb_array_elements(v_rows) r
  on conflict (city_id, slug) do update
    set name = excluded.name, geom = excluded.geom, geometry_is_demo = excluded.geometry_is_demo,
        source = excluded.source,
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
    'offers_reassigned', v_moved,
    'srid', v_srid
  );
end;
$$;
