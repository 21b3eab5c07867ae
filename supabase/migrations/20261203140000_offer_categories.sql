-- An offer in more than one category (issue 9, step 1): recognition counselling is filed under
-- "work", and the counselling filter must find it too.
--
-- offers.category stays the main category: the one cards, icons and the sort show. The new
-- column offers.categories holds every category of the offer, the main one first, then the
-- further ones in the order of public.categories. Filters and facet counts match an offer by
-- any of them (`categories && array[…]`); coverage counts an offer in each of its categories.
--
-- Why an array on the offer rather than a link table (offer_categories): the categories are
-- an attribute of the offer like its languages and target groups, a handful of values read with
-- it on every list, search document and facet count, and written with it by save_offer. On the
-- row, what already guards an offer guards them too: its version counts up when they change
-- (prepare_offer compares the whole row), the audit log keeps them in the offer's old and new
-- row (so the history names the change), the search outbox hears of the change, RLS is the
-- offer's own, and no join is added to the hot paths. What a link table's foreign keys would
-- give, the triggers below keep: every element is a category (23503 otherwise), the main one is
-- always the first (a check as well), none twice; a category still used by an offer cannot be
-- removed or renamed (as the foreign key of offers.category already refuses for the main one).
-- When only the main category changes, the old main one leaves the list (it moved, it was not
-- added); a save that names the categories gets exactly those (plus the main one).

-- ---------------------------------------------------------------------------
-- The column, filled from the main category

alter table public.offers add column categories text[] not null default '{}';
comment on column public.offers.categories is 'Every category of the offer: the main one (category) first, then further ones in the order of public.categories. Kept so by a trigger; filters match any of them.';

-- the existing offers get their main category, without counting up their version or writing an
-- audit row per offer: no offer changed, and the search documents are rebuilt anyway (their
-- shape changed: the search schema version goes up with this migration)
alter table public.offers disable trigger user;
update public.offers set categories = array[category];
alter table public.offers enable trigger user;

alter table public.offers add constraint offers_categories_main
  check (cardinality(categories) >= 1 and categories[1] = category);
create index offers_categories_idx on public.offers using gin (categories);

-- Normalises categories: the main one first, then the others known to public.categories in
-- their order, none twice; an unknown slug is refused (23503). Named to run before
-- offers_prepare, so the version check and count see the list as it will be stored.
create function private.normalise_offer_categories() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_unknown text;
begin
  if tg_op = 'UPDATE' and new.category is distinct from old.category
     and new.categories is not distinct from old.categories then
    -- the main category moved: the old one does not stay behind as a further one
    new.categories := array_remove(new.categories, old.category);
  end if;
  select x into v_unknown
  from unnest(new.category || coalesce(new.categories, '{}')) as x
  where not exists (select 1 from public.categories c where c.slug = x)
  limit 1;
  if v_unknown is not null then
    raise exception 'category "%" does not exist', v_unknown
      using errcode = '23503', hint = 'Use one of the slugs in public.categories.';
  end if;
  new.categories := array(
    select c.slug from public.categories c
    where c.slug = new.category or c.slug = any (coalesce(new.categories, '{}'))
    order by c.slug is distinct from new.category, c.position, c.slug);
  return new;
end;
$$;
comment on function private.normalise_offer_categories is 'Keeps offers.categories valid: the main category first, further known categories in their order, none twice.';
create trigger offers_categories before insert or update of category, categories on public.offers
  for each row execute function private.normalise_offer_categories();

-- A category an offer still uses as a further one is neither removed nor renamed.
create function private.protect_used_categories() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (tg_op = 'DELETE' or new.slug is distinct from old.slug)
     and exists (select 1 from public.offers o where o.categories @> array[old.slug]) then
    raise exception 'category "%" is still used by offers', old.slug
      using errcode = '23503', hint = 'Move those offers to other categories first.';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function private.protect_used_categories is 'Refuses to remove or rename a category that offers use (as the foreign key of offers.category does for the main one).';
create trigger categories_protect_used before update of slug or delete on public.categories
  for each row execute function private.protect_used_categories();

revoke all on function private.normalise_offer_categories(), private.protect_used_categories()
  from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Coverage: an offer counts in each of its categories

create or replace view public.district_coverage with (security_invoker = on) as
  select d.slug as district_slug, d.name as district_name, c.slug as category,
         count(o.id) filter (where o.state = 'published') as published_offers
  from public.districts d
  cross join public.categories c
  left join public.offers o on o.district_id = d.id and o.categories @> array[c.slug]
  group by d.slug, d.name, c.slug;
comment on view public.district_coverage is 'Published offers per district and category, zero included; an offer in several categories counts in each.';

-- ---------------------------------------------------------------------------
-- Search documents carry every category

-- As in 20261121120000_search.sql, with 'categories'.
create or replace function public.search_documents(
  p_ids uuid[] default null,
  p_after uuid default null,
  p_limit integer default 500
) returns setof jsonb
language sql
stable
set search_path = ''
as $$
  with wanted as (
    select distinct i.id from unnest(p_ids) as i (id) where p_ids is not null and i.id is not null
    union all
    select o.id from public.offers o where p_ids is null and o.state = 'published'
  ),
  page as (
    select w.id from wanted w
    where p_after is null or w.id > p_after
    order by w.id
    limit least(greatest(coalesce(p_limit, 500), 1), 1000)
  )
  select case when o.id is null then jsonb_build_object('id', p.id, 'deleted', true) else jsonb_build_object(
    'id', o.id,
    'texts', coalesce((
      select jsonb_object_agg(t.locale, jsonb_build_object(
        'title', t.title, 'summary', t.summary, 'description', t.description))
      from public.offer_translations t where t.offer_id = o.id), '{}'),
    'original_locale', o.original_locale,
    'category', o.category,
    'categories', to_jsonb(o.categories),
    'organisation_name', org.name,
    'district_slug', dis.slug,
    'district_name', dis.name,
    'street', o.street,
    'postal_code', o.postal_code,
    'locality', o.locality,
    'languages', to_jsonb(o.languages),
    'target_groups', to_jsonb(o.target_groups),
    'is_free', o.is_free,
    'childcare', o.childcare,
    'women_only', o.women_only,
    'wheelchair_accessible', o.wheelchair_accessible,
    'german_level', o.german_level,
    'location', case when o.location is not null then jsonb_build_object(
      'lat', extensions.st_y(o.location), 'lng', extensions.st_x(o.location)) end,
    'schedules', coalesce((
      select jsonb_agg(jsonb_build_object(
        'starts_at', s.starts_at, 'duration_minutes', s.duration_minutes, 'rrule', s.rrule,
        'exdates', to_jsonb(s.exdates), 'timezone', s.timezone) order by s.starts_at, s.id)
      from public.schedules s where s.offer_id = o.id), '[]'),
    'measures', coalesce((
      select jsonb_agg(m.code order by m.code)
      from public.offer_measures om join public.measures m on m.id = om.measure_id
      where om.offer_id = o.id), '[]'),
    'is_demo', o.is_demo,
    'updated_at', greatest(o.updated_at, org.updated_at, dis.updated_at,
      (select max(t.updated_at) from public.offer_translations t where t.offer_id = o.id))
  ) end
  from page p
  -- the document is built in the select list: once per row of the page
  left join public.offers o on o.id = p.id and o.state = 'published'
  left join public.organisations org on org.id = o.organisation_id
  left join public.districts dis on dis.id = o.district_id
  order by p.id;
$$;

-- ---------------------------------------------------------------------------
-- The list without the search engine: the category filter and facet by any category

-- As in 20261203120000_reader_language_first.sql, but an offer matches the category filter by
-- any of its categories, counts in the facet under each, and the list rows carry 'categories'.
create or replace function public.filter_offers(
  p_locale text default 'de',
  p_category text[] default null,
  p_district text[] default null,
  p_language text[] default null,
  p_target_group text[] default null,
  p_weekday text[] default null,
  p_free boolean default null,
  p_childcare boolean default null,
  p_women_only boolean default null,
  p_wheelchair boolean default null,
  p_german_level text[] default null,
  p_q text default null,
  p_near_lat double precision default null,
  p_near_lng double precision default null,
  p_limit integer default 20,
  p_offset integer default 0
) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with params as (
    select
      nullif(p_category, '{}') as category,
      nullif(p_district, '{}') as district,
      nullif(p_language, '{}') as language,
      nullif(p_target_group, '{}') as target_group,
      nullif(p_weekday, '{}') as weekday,
      nullif(p_german_level, '{}') as german_level,
      nullif((select array_agg(w) from regexp_split_to_table(private.fold_text(coalesce(p_q, '')), '\s+') as w
              where w <> ''), '{}') as words,
      case when p_near_lat is not null and p_near_lng is not null
           then extensions.st_setsrid(extensions.st_makepoint(p_near_lng, p_near_lat), 4326)::extensions.geography
      end as near
  ),
  weekdays as (
    select s.offer_id, array_agg(distinct w.day order by w.day) as days
    from public.schedules s
    cross join lateral unnest(private.schedule_weekdays(s.starts_at, s.duration_minutes, s.rrule,
      s.timezone, now())) as w (day)
    group by s.offer_id
  ),
  base as materialized (
    select o.id, o.categories, d.slug as district, o.languages, o.target_groups, o.is_free, o.childcare,
           o.women_only, o.wheelchair_accessible, o.german_level::text as german_level, o.location,
           o.original_locale, coalesce(wd.days, '{}') as weekdays
    from public.offers o
    cross join params p
    left join public.districts d on d.id = o.district_id
    left join weekdays wd on wd.offer_id = o.id
    where o.state = 'published'
      and (p.words is null or private.offer_matches_text(o.id, p.words))
  ),
  matches as materialized (
    select b.*,
      (p.category is null or b.categories && p.category) as m_category,
      (p.district is null or b.district = any (p.district)) as m_district,
      (p.language is null or b.languages && p.language) as m_language,
      (p.target_group is null or b.target_groups && p.target_group) as m_target_group,
      (p.weekday is null or b.weekdays && p.weekday) as m_weekday,
      (p.german_level is null or b.german_level = any (p.german_level)) as m_german_level,
      (p_free is null or b.is_free = p_free) as m_free,
      (p_childcare is null or b.childcare = p_childcare) as m_childcare,
      (p_women_only is null or b.women_only = p_women_only) as m_women_only,
      (p_wheelchair is null or b.wheelchair_accessible = p_wheelchair) as m_wheelchair
    from base b cross join params p
  ),
  facet_values as (
    select m.*, v.facet, v.value
    from matches m
    cross join lateral (
      select 'category', unnest(m.categories)
      union all select 'district', m.district where m.district is not null
      union all select 'language', unnest(m.languages)
      union all select 'target_group', unnest(m.target_groups)
      union all select 'weekday', unnest(m.weekdays)
      union all select 'german_level', m.german_level where m.german_level is not null
      union all select 'free', m.is_free::text where m.is_free is not null
      union all select 'childcare', m.childcare::text
      union all select 'women_only', m.women_only::text
      union all select 'wheelchair', m.wheelchair_accessible::text where m.wheelchair_accessible is not null
    ) as v (facet, value)
  ),
  counts as (
    -- each value counted with every filter but its own facet's
    select f.facet, f.value, count(*) filter (where
      (f.m_category or f.facet = 'category') and (f.m_district or f.facet = 'district')
      and (f.m_language or f.facet = 'language') and (f.m_target_group or f.facet = 'target_group')
      and (f.m_weekday or f.facet = 'weekday') and (f.m_german_level or f.facet = 'german_level')
      and (f.m_free or f.facet = 'free') and (f.m_childcare or f.facet = 'childcare')
      and (f.m_women_only or f.facet = 'women_only') and (f.m_wheelchair or f.facet = 'wheelchair')
    ) as n
    from facet_values f
    group by f.facet, f.value
  ),
  selected as (
    select s.facet, s.value
    from params p
    cross join lateral (
      select 'category', unnest(p.category)
      union all select 'district', unnest(p.district)
      union all select 'language', unnest(p.language)
      union all select 'target_group', unnest(p.target_group)
      union all select 'weekday', unnest(p.weekday)
      union all select 'german_level', unnest(p.german_level)
      union all select 'free', p_free::text where p_free is not null
      union all select 'childcare', p_childcare::text where p_childcare is not null
      union all select 'women_only', p_women_only::text where p_women_only is not null
      union all select 'wheelchair', p_wheelchair::text where p_wheelchair is not null
    ) as s (facet, value)
  ),
  shown as (
    select c.facet, c.value, c.n from counts c where c.n > 0
    union
    select s.facet, s.value, coalesce((select c.n from counts c where c.facet = s.facet and c.value = s.value), 0)
    from selected s
  ),
  facets as (
    select jsonb_object_agg(names.facet, coalesce(
      (select jsonb_object_agg(sh.value, sh.n order by sh.value) from shown sh where sh.facet = names.facet),
      '{}')) as facets
    from unnest(array['category', 'district', 'language', 'target_group', 'weekday', 'german_level',
                      'free', 'childcare', 'women_only', 'wheelchair']) as names (facet)
  ),
  hits as materialized (
    select m.id, m.original_locale, m.languages,
      case when p.near is not null and m.location is not null
           then extensions.st_distance(m.location::extensions.geography, p.near) end as distance
    from matches m cross join params p
    where m.m_category and m.m_district and m.m_language and m.m_target_group and m.m_weekday
      and m.m_german_level and m.m_free and m.m_childcare and m.m_women_only and m.m_wheelchair
  ),
  -- the text of each hit in p_locale, else (de-simple) de, en, de, the original (as
  -- private.offer_text), in one pass
  texts as (
    select distinct on (t.offer_id) t.offer_id, t.title, t.summary, t.locale
    from hits h
    join public.offer_translations t on t.offer_id = h.id
    order by t.offer_id, array_position(array[p_locale, case when p_locale = 'de-simple' then 'de' end,
                                              'en', 'de', h.original_locale], t.locale) nulls last,
             t.locale
  ),
  page as (
    select h.id, h.distance, t.title, t.summary, t.locale as text_locale,
           private.language_group(t.locale, h.languages, p_locale, p.language) as language_group
    from hits h
    cross join params p
    left join texts t on t.offer_id = h.id
    order by language_group, h.distance nulls last, t.title collate "C", h.id
    limit least(greatest(coalesce(p_limit, 20), 1), 200)
    offset greatest(coalesce(p_offset, 0), 0)
  )
  select jsonb_build_object(
    'total', (select count(*) from hits),
    'offers', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', o.id, 'title', pg.title, 'summary', pg.summary, 'text_locale', pg.text_locale,
        'category', o.category, 'categories', o.categories, 'organisation_name', org.name, 'district_slug', d.slug,
        'district_name', d.name, 'longitude', extensions.st_x(o.location),
        'latitude', extensions.st_y(o.location), 'languages', o.languages,
        'is_free', o.is_free, 'childcare', o.childcare, 'women_only', o.women_only,
        'wheelchair_accessible', o.wheelchair_accessible, 'german_level', o.german_level,
        'is_demo', o.is_demo, 'distance', pg.distance
      ) order by pg.language_group, pg.distance nulls last, pg.title collate "C", pg.id)
      from page pg
      join public.offers o on o.id = pg.id
      join public.organisations org on org.id = o.organisation_id
      left join public.districts d on d.id = o.district_id), '[]'),
    'facets', (select facets from facets)
  );
$$;

-- ---------------------------------------------------------------------------
-- The offer page and the editor read the categories; save_offer writes them

-- As in 20261203090000_offer_parts.sql, with 'categories'.
create or replace function public.get_offer(p_id uuid, p_locale text default 'de') returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id,
    'title', t.title,
    'summary', t.summary,
    'description', t.description,
    'cost_note', t.cost_note,
    'registration_note', t.registration_note,
    'text_locale', t.locale,
    'original_locale', o.original_locale,
    'provenance', t.provenance,
    'reviewed', t.reviewed,
    'category', o.category,
    'categories', to_jsonb(o.categories),
    'state', o.state,
    'organisation', jsonb_build_object('id', org.id, 'name', org.name, 'kind', org.kind,
      'website', org.website, 'email', org.email, 'phone', org.phone),
    'street', o.street,
    'postal_code', o.postal_code,
    'locality', o.locality,
    'longitude', extensions.st_x(o.location),
    'latitude', extensions.st_y(o.location),
    'district', case when d.id is not null then jsonb_build_object('slug', d.slug, 'name', d.name) end,
    'languages', o.languages,
    'target_groups', o.target_groups,
    'cost_eur', o.cost_eur,
    'is_free', o.is_free,
    'childcare', o.childcare,
    'women_only', o.women_only,
    'wheelchair_accessible', o.wheelchair_accessible,
    'german_level', o.german_level,
    'registration', o.registration,
    'registration_url', o.registration_url,
    'contact_email', o.contact_email,
    'contact_phone', o.contact_phone,
    'last_verified_on', o.last_verified_on,
    'version', o.version,
    'is_demo', o.is_demo,
    'schedules', private.schedules_json(o.id),
    'measures', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', m.id, 'code', m.code, 'title', m.title, 'status', m.status,
        'light', public.measure_status_light(m.status), 'is_placeholder', m.is_placeholder,
        'goal', jsonb_build_object('code', g.code, 'title', g.title, 'is_placeholder', g.is_placeholder),
        'field_of_action', jsonb_build_object('code', f.code, 'title', f.title),
        'concept', jsonb_build_object('slug', k.slug, 'title', k.title, 'level_names', k.level_names)
      ) order by f.position, g.position, m.position)
      from public.offer_measures om
      join public.measures m on m.id = om.measure_id
      join public.goals g on g.id = m.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      join public.concepts k on k.id = f.concept_id
      where om.offer_id = o.id), '[]'),
    'available_locales', (select jsonb_agg(tt.locale order by tt.locale)
                          from public.offer_translations tt where tt.offer_id = o.id)
  )
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.districts d on d.id = o.district_id
  left join lateral private.offer_text(o.id, p_locale) t on true
  where o.id = p_id;
$$;

-- As in 20261203090000_offer_parts.sql, with one more optional key: categories (an array of
-- category slugs: the offer's categories; the main category is always among them, so it need
-- not be named; absent: unchanged, except that a change of the main category takes the old
-- main one out). An unknown slug is refused (23503), a malformed list too (22023). A change of
-- the categories counts up the version like any field.
create or replace function public.save_offer(p_offer jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_keys constant text[] := array['id', 'version', 'organisation_id', 'category',
    'original_locale', 'street', 'postal_code', 'locality', 'lat', 'lng', 'languages',
    'target_groups', 'cost_eur', 'childcare', 'women_only', 'wheelchair_accessible',
    'german_level', 'registration', 'registration_url', 'contact_email', 'contact_phone',
    'title', 'summary', 'description', 'cost_note', 'registration_note',
    'schedules', 'measure_ids', 'minor_edit', 'categories'];
  v_unknown text[];
  v_id uuid;
  v_old public.offers;
  v_location extensions.geometry;
  v_locale text;
  v_version integer;
  v_title text;
  v_summary text;
  v_description text;
  v_cost_note text;
  v_registration_note text;
  v_categories text[];
begin
  if p_offer is null or jsonb_typeof(p_offer) <> 'object' then
    raise exception 'an offer must be a JSON object' using errcode = '22023';
  end if;
  select array_agg(k order by k) into v_unknown
  from jsonb_object_keys(p_offer) k where k <> all (v_keys);
  if v_unknown is not null then
    raise exception 'unknown fields: %', array_to_string(v_unknown, ', ') using errcode = '22023';
  end if;
  if (p_offer ? 'lat') and jsonb_typeof(p_offer -> 'lat') <> 'null'
     or (p_offer ? 'lng') and jsonb_typeof(p_offer -> 'lng') <> 'null' then
    if jsonb_typeof(p_offer -> 'lat') is distinct from 'number'
       or jsonb_typeof(p_offer -> 'lng') is distinct from 'number' then
      raise exception 'a point needs lat and lng as numbers' using errcode = '22023';
    end if;
    v_location := extensions.st_setsrid(extensions.st_makepoint(
      (p_offer ->> 'lng')::float8, (p_offer ->> 'lat')::float8), 4326);
  end if;
  if nullif(btrim(p_offer ->> 'title'), '') is null then
    raise exception 'an offer needs a title' using errcode = '23514';
  end if;
  v_title := p_offer ->> 'title';
  v_summary := nullif(btrim(p_offer ->> 'summary'), '');
  v_description := nullif(btrim(p_offer ->> 'description'), '');
  v_cost_note := nullif(btrim(p_offer ->> 'cost_note'), '');
  v_registration_note := nullif(btrim(p_offer ->> 'registration_note'), '');
  -- the offer's categories: the main one (category) and any further ones; absent: unchanged
  if p_offer ? 'categories' then
    if jsonb_typeof(p_offer -> 'categories') <> 'array' or exists (
      select 1 from jsonb_array_elements(p_offer -> 'categories') e where jsonb_typeof(e) <> 'string'
    ) then
      raise exception 'categories must be an array of category slugs' using errcode = '22023';
    end if;
    v_categories := array(select jsonb_array_elements_text(p_offer -> 'categories'));
  end if;

  if p_offer ->> 'id' is null then
    if p_offer ->> 'organisation_id' is null then
      raise exception 'a new offer needs an organisation' using errcode = '22023';
    end if;
    insert into public.offers (organisation_id, category, original_locale, street, postal_code,
      locality, location, languages, target_groups, cost_eur, childcare, women_only,
      wheelchair_accessible, german_level, registration, registration_url, contact_email,
      contact_phone, state, categories)
    values ((p_offer ->> 'organisation_id')::uuid,
      p_offer ->> 'category',
      coalesce(p_offer ->> 'original_locale', 'de'),
      nullif(btrim(p_offer ->> 'street'), ''),
      nullif(btrim(p_offer ->> 'postal_code'), ''),
      nullif(btrim(p_offer ->> 'locality'), ''),
      v_location,
      coalesce((select array_agg(x) from jsonb_array_elements_text(p_offer -> 'languages') x),
        '{de}'),
      coalesce((select array_agg(x) from jsonb_array_elements_text(p_offer -> 'target_groups') x),
        '{everyone}'),
      (p_offer ->> 'cost_eur')::numeric,
      coalesce((p_offer ->> 'childcare')::boolean, false),
      coalesce((p_offer ->> 'women_only')::boolean, false),
      (p_offer ->> 'wheelchair_accessible')::boolean,
      (p_offer ->> 'german_level')::public.german_level,
      coalesce((p_offer ->> 'registration')::public.registration_kind, 'none'),
      nullif(btrim(p_offer ->> 'registration_url'), ''),
      nullif(btrim(p_offer ->> 'contact_email'), ''),
      nullif(btrim(p_offer ->> 'contact_phone'), ''),
      'draft',
      coalesce(v_categories, '{}'))
    returning id, original_locale, version into v_id, v_locale, v_version;
    insert into public.offer_translations (offer_id, locale, title, summary, description,
      cost_note, registration_note, provenance, reviewed)
    values (v_id, v_locale, v_title, v_summary, v_description, v_cost_note, v_registration_note,
      'original', true);
    perform private.save_offer_parts(v_id, p_offer);
    return jsonb_build_object('id', v_id, 'version', v_version);
  end if;

  v_id := (p_offer ->> 'id')::uuid;
  if jsonb_typeof(p_offer -> 'version') is distinct from 'number' then
    raise exception 'a change needs the version it read' using errcode = '22023';
  end if;
  select * into v_old from public.offers o where o.id = v_id and private.can_edit_offer(o.id)
  for update;
  if not found then
    raise exception 'offer % does not exist or may not be changed by you', v_id
      using errcode = '42501';
  end if;
  if p_offer ->> 'organisation_id' is not null
     and (p_offer ->> 'organisation_id')::uuid <> v_old.organisation_id then
    raise exception 'an offer cannot move to another organisation here' using errcode = '22023';
  end if;
  if p_offer ->> 'original_locale' is not null
     and p_offer ->> 'original_locale' <> v_old.original_locale then
    raise exception 'the original locale of an offer cannot change here' using errcode = '22023';
  end if;

  -- the text first (cleaned as the trigger will), so the offer's version counts a text change
  if not exists (
    select 1 from public.offer_translations t
    where t.offer_id = v_id and t.locale = v_old.original_locale
      and t.title = private.clean_line(v_title)
      and t.summary is not distinct from private.clean_text(v_summary)
      and t.description is not distinct from private.clean_text(v_description)
      and t.cost_note is not distinct from private.clean_text(v_cost_note)
      and t.registration_note is not distinct from private.clean_text(v_registration_note)
  ) then
    perform set_config('portal.offer_text_changed', v_id::text, true);
    insert into public.offer_translations (offer_id, locale, title, summary, description,
      cost_note, registration_note, provenance, reviewed)
    values (v_id, v_old.original_locale, v_title, v_summary, v_description, v_cost_note,
      v_registration_note, 'original', true)
    on conflict (offer_id, locale) do update set title = excluded.title,
      summary = excluded.summary, description = excluded.description,
      cost_note = excluded.cost_note, registration_note = excluded.registration_note,
      provenance = 'original', reviewed = true;
    -- a minor edit (a typo fix) keeps the translations current: they count as made from the
    -- original as it is now (staff_offers() calls a translation outdated when it is older)
    if coalesce((p_offer ->> 'minor_edit')::boolean, false) then
      perform set_config('portal.minor_edit', v_id::text, true);
      update public.offer_translations t set updated_at = now()
      where t.offer_id = v_id and t.locale <> v_old.original_locale;
    end if;
  end if;

  -- schedules and measures are part of the offer: their change counts up its version too
  if private.save_offer_parts(v_id, p_offer) then
    perform set_config('portal.offer_text_changed', v_id::text, true);
  end if;

  update public.offers set
    version = (p_offer ->> 'version')::integer,
    category = coalesce(p_offer ->> 'category', v_old.category),
    categories = coalesce(v_categories, v_old.categories),
    street = nullif(btrim(p_offer ->> 'street'), ''),
    postal_code = nullif(btrim(p_offer ->> 'postal_code'), ''),
    locality = nullif(btrim(p_offer ->> 'locality'), ''),
    location = v_location,
    languages = coalesce(
      (select array_agg(x) from jsonb_array_elements_text(p_offer -> 'languages') x), '{}'),
    target_groups = coalesce(
      (select array_agg(x) from jsonb_array_elements_text(p_offer -> 'target_groups') x), '{}'),
    cost_eur = (p_offer ->> 'cost_eur')::numeric,
    childcare = coalesce((p_offer ->> 'childcare')::boolean, false),
    women_only = coalesce((p_offer ->> 'women_only')::boolean, false),
    wheelchair_accessible = (p_offer ->> 'wheelchair_accessible')::boolean,
    german_level = (p_offer ->> 'german_level')::public.german_level,
    registration = coalesce((p_offer ->> 'registration')::public.registration_kind, 'none'),
    registration_url = nullif(btrim(p_offer ->> 'registration_url'), ''),
    contact_email = nullif(btrim(p_offer ->> 'contact_email'), ''),
    contact_phone = nullif(btrim(p_offer ->> 'contact_phone'), '')
  where id = v_id
  returning version into v_version;
  perform set_config('portal.offer_text_changed', '', true);
  perform set_config('portal.minor_edit', '', true);
  return jsonb_build_object('id', v_id, 'version', v_version);
end;
$$;
comment on function public.save_offer is
  'Creates (no id) or changes (id and the version read; PT409 otherwise) an offer with its original text, categories, schedules (with exceptions) and measure links in one transaction; minor_edit keeps translations current; unknown keys are refused (22023). Returns {id, version}. For the staff offer editor.';

-- As in 20261203090000_offer_parts.sql, with 'categories'.
create or replace function public.get_offer_for_edit(p_offer_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id,
    'version', o.version,
    'organisation_id', o.organisation_id,
    'organisation_name', org.name,
    'state', o.state,
    'category', o.category,
    'categories', to_jsonb(o.categories),
    'original_locale', o.original_locale,
    'street', o.street,
    'postal_code', o.postal_code,
    'locality', o.locality,
    'lat', extensions.st_y(o.location),
    'lng', extensions.st_x(o.location),
    'district_name', d.name,
    'languages', to_jsonb(o.languages),
    'target_groups', to_jsonb(o.target_groups),
    'cost_eur', o.cost_eur,
    'childcare', o.childcare,
    'women_only', o.women_only,
    'wheelchair_accessible', o.wheelchair_accessible,
    'german_level', o.german_level,
    'registration', o.registration,
    'registration_url', o.registration_url,
    'contact_email', o.contact_email,
    'contact_phone', o.contact_phone,
    'title', t.title,
    'summary', t.summary,
    'description', t.description,
    'cost_note', t.cost_note,
    'registration_note', t.registration_note,
    'schedules', private.schedules_json(o.id),
    'measure_ids', coalesce((select jsonb_agg(om.measure_id order by om.measure_id)
      from public.offer_measures om where om.offer_id = o.id), '[]'))
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.districts d on d.id = o.district_id
  left join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
  where o.id = p_offer_id and private.can_edit_offer(o.id);
$$;

-- As in 20261201110000_staff_offers.sql: a copy keeps the offer's categories too.
create or replace function public.duplicate_offers(p_ids uuid[])
returns uuid[]
language plpgsql
set search_path = ''
as $$
declare
  v_suffix constant text := ' (Kopie)';
  v_source public.offers;
  v_copy uuid;
  v_copies uuid[] := '{}';
begin
  if cardinality(p_ids) > 500 then
    raise exception 'at most 500 offers at once, % were given', cardinality(p_ids)
      using errcode = '22023';
  end if;
  for v_source in
    select o.* from public.offers o
    where o.id = any (p_ids) and private.can_edit_offer(o.id)
    order by array_position(p_ids, o.id)
  loop
    insert into public.offers (organisation_id, category, original_locale, street, postal_code,
      locality, location, languages, target_groups, cost_eur, childcare, women_only,
      wheelchair_accessible, german_level, registration, registration_url, contact_email,
      contact_phone, state, is_demo, categories)
    values (v_source.organisation_id, v_source.category, v_source.original_locale,
      v_source.street, v_source.postal_code, v_source.locality, v_source.location,
      v_source.languages, v_source.target_groups, v_source.cost_eur, v_source.childcare,
      v_source.women_only, v_source.wheelchair_accessible, v_source.german_level,
      v_source.registration, v_source.registration_url, v_source.contact_email,
      v_source.contact_phone, 'draft', v_source.is_demo, v_source.categories)
    returning id into v_copy;

    insert into public.offer_translations (offer_id, locale, title, summary, description,
      cost_note, registration_note, provenance, reviewed, updated_at)
    select v_copy, t.locale,
      case when t.locale = v_source.original_locale
        then rtrim(left(btrim(t.title), 200 - length(v_suffix))) || v_suffix
        else t.title end,
      t.summary, t.description, t.cost_note, t.registration_note, t.provenance, t.reviewed,
      t.updated_at
    from public.offer_translations t
    where t.offer_id = v_source.id;

    insert into public.schedules (offer_id, starts_at, duration_minutes, rrule, exdates, timezone)
    select v_copy, s.starts_at, s.duration_minutes, s.rrule, s.exdates, s.timezone
    from public.schedules s
    where s.offer_id = v_source.id;

    insert into public.offer_measures (offer_id, measure_id)
    select v_copy, om.measure_id from public.offer_measures om where om.offer_id = v_source.id;

    insert into public.offer_themes (offer_id, theme_id)
    select v_copy, ot.theme_id from public.offer_themes ot where ot.offer_id = v_source.id;

    v_copies := v_copies || v_copy;
  end loop;
  return v_copies;
end;
$$;
