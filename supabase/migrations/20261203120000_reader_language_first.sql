-- The reader's language first (issue 9, step 1).
--
-- Einfache Sprache falls back to German before English: an offer's text for a page in
-- p_locale is the one in p_locale, else (for de-simple) German, else English, German, the
-- original (src/lib/language-first.ts keeps the same order for the search engines).
--
-- filter_offers, the list when the search engine is down, puts the reader's language first as
-- the engines do: offers with a text in p_locale, then those held in the reader's language or a
-- chosen one (p_language), then the rest; within each group by distance or title as before.

create or replace function private.offer_text(p_offer_id uuid, p_locale text) returns public.offer_translations
language sql
stable
set search_path = ''
as $$
  select t.*
  from public.offer_translations t
  join public.offers o on o.id = t.offer_id
  where t.offer_id = p_offer_id
  order by array_position(array[p_locale, case when p_locale = 'de-simple' then 'de' end, 'en', 'de',
                                o.original_locale], t.locale) nulls last
  limit 1;
$$;
comment on function private.offer_text is
  'The text of an offer in the wanted locale, else German for Einfache Sprache, else English, else German, else its original.';

-- The languages (ISO 639, as offers.languages names them) a reader of a locale speaks.
create function private.locale_languages(p_locale text) returns text[]
language sql
immutable
set search_path = ''
as $$
  select case p_locale
           when 'de-simple' then array['de']
           when 'fa' then array['fa', 'prs', 'pes']
           else array[p_locale]
         end;
$$;
comment on function private.locale_languages is
  'The languages a reader of a portal locale speaks: Einfache Sprache is German, Persian also Dari.';

-- 0: the text shown is in p_locale; 1: the offer is held in the reader's language or a chosen
-- one; 2: a fallback text of an offer held in other languages.
create function private.language_group(p_text_locale text, p_languages text[], p_locale text,
                                       p_chosen text[] default null) returns integer
language sql
immutable
set search_path = ''
as $$
  select case
           when p_text_locale = p_locale then 0
           when p_languages && (private.locale_languages(p_locale) || coalesce(p_chosen, '{}')) then 1
           else 2
         end;
$$;
comment on function private.language_group is
  'The reader''s-language group of an offer: 0 text in the locale, 1 held in the reader''s or a chosen language, 2 otherwise.';

revoke execute on function private.locale_languages(text), private.language_group(text, text[], text, text[])
  from public, anon, authenticated, service_role;

-- Published offers with plain filters and facet counts, from the database alone: what the
-- list shows when the search engine is down. An empty or null filter does not filter. Within
-- a facet the selected values are alternatives (or), across facets all must hold (and); the
-- count of a value is computed with the filters of the other facets applied, so it says how
-- many offers the list would show with that value selected as well. A facet lists the values
-- that occur among the offers so counted and the selected values (possibly with 0). p_q keeps
-- offers whose texts contain every word of it. The reader's language first (private.language_group),
-- then sorted by distance from p_near_lat/p_near_lng when given, else by title in p_locale (falling
-- back to de for de-simple, en, de, the original).
--
-- Security definer: it reads published offers only, with their texts and schedules, which every
-- role may read anyway; with the caller's rights the policies of offer_translations and
-- schedules would run a function per row (seconds for 10,000 offers instead of a third of one).
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
    select o.id, o.category, d.slug as district, o.languages, o.target_groups, o.is_free, o.childcare,
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
      (p.category is null or b.category = any (p.category)) as m_category,
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
      select 'category', m.category
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
        'category', o.category, 'organisation_name', org.name, 'district_slug', d.slug,
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
