-- The organisation as a filter of the search (issue 11, item 3: the printed programme of one
-- organisation, `/de/print?organisation=stadtteilbuero-sankt-mang`). Search documents carry the
-- organisation's slug; filter_offers(), the list without the search engine, takes
-- p_organisation as the engines do: a filter, not a facet (a city has too many organisations to
-- count them on every search), so every count respects it and none counts it. An
-- organisation's or a district's new slug now reaches its offers' documents, as a new name
-- always did.

-- ---------------------------------------------------------------------------
-- Search documents carry the organisation's slug

-- As in 20261203140000_offer_categories.sql, with 'organisation_slug'.
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
    'organisation_slug', org.slug,
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
-- The list without the search engine: the organisation filter

-- As in 20261203140000_offer_categories.sql, with p_organisation (a new parameter: the old
-- signature goes, so that PostgREST sees one function).
drop function public.filter_offers(text, text[], text[], text[], text[], text[], boolean, boolean,
  boolean, boolean, text[], text, double precision, double precision, integer, integer);

create function public.filter_offers(
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
  p_organisation text[] default null,
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
      nullif(p_organisation, '{}') as organisation,
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
           o.original_locale, coalesce(wd.days, '{}') as weekdays, org.slug as organisation
    from public.offers o
    cross join params p
    join public.organisations org on org.id = o.organisation_id
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
      (p.organisation is null or b.organisation = any (p.organisation)) as m_organisation,
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
      and f.m_organisation
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
      and m.m_german_level and m.m_organisation and m.m_free and m.m_childcare and m.m_women_only and m.m_wheelchair
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
comment on function public.filter_offers is
  'Published offers with plain filters (or within a facet, and across facets), facet counts and a page with the reader''s language first, then sorted by distance or title: the list without the search engine.';

revoke all on function public.filter_offers(text, text[], text[], text[], text[], text[], boolean,
  boolean, boolean, boolean, text[], text[], text, double precision, double precision, integer,
  integer) from public, anon, authenticated, service_role;
grant execute on function public.filter_offers(text, text[], text[], text[], text[], text[], boolean,
  boolean, boolean, boolean, text[], text[], text, double precision, double precision, integer,
  integer) to anon, authenticated;

-- ---------------------------------------------------------------------------
-- A new slug reaches the documents, as a new name does

drop trigger organisations_outbox on public.organisations;
create trigger organisations_outbox after update of name, slug on public.organisations
  for each row when (old.name is distinct from new.name or old.slug is distinct from new.slug)
  execute function private.enqueue_offers_of_renamed();
drop trigger districts_outbox on public.districts;
create trigger districts_outbox after update of name, slug on public.districts
  for each row when (old.name is distinct from new.name or old.slug is distinct from new.slug)
  execute function private.enqueue_offers_of_renamed();


-- ---------------------------------------------------------------------------
-- The names of organisations by slug: the printed programme of one organisation is headed by
-- its name. Organisations are public (their select policy is `true` for anon); the function
-- runs with the caller's rights and adds nothing they could not read.

create function public.organisation_names(p_slugs text[]) returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_object_agg(org.slug, org.name), '{}')
  from public.organisations org
  where org.slug = any (p_slugs);
$$;
comment on function public.organisation_names is
  'The names of the organisations with these slugs, as {slug: name}; unknown slugs are missing.';

revoke all on function public.organisation_names(text[]) from public, anon, authenticated, service_role;
grant execute on function public.organisation_names(text[]) to anon, authenticated;
