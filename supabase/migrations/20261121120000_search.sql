-- Search: the documents the search engines index, the functions the outbox worker drains the
-- outbox with, and the database-only list (plain filters, facet counts) that serves the
-- portal when the search engine is down.

-- ---------------------------------------------------------------------------
-- The outbox gets a lease and a backoff

alter table public.search_outbox
  add column claimed_until timestamptz,
  add column retry_at timestamptz;
comment on column public.search_outbox.claimed_until is
  'A worker holds the row until then (a lease): other workers skip the offer; after a crash the lease runs out and the row is claimed again.';
comment on column public.search_outbox.retry_at is
  'After a failure the row waits until then (exponential backoff, at most 15 minutes).';
create index search_outbox_pending_offer_idx on public.search_outbox (offer_id) where processed_at is null;
create index search_outbox_processed_at_idx on public.search_outbox (processed_at) where processed_at is not null;

-- ---------------------------------------------------------------------------
-- Search documents

-- One document per published offer, as the search engines index it: its texts in every
-- locale and what the list filters on. With p_ids, one per distinct id, and an id that is
-- not a published offer (any more) comes back as {"id": …, "deleted": true}, so the worker
-- removes it. Paged by id (keyset): pass the last id of a page as p_after; at most 1000 a page,
-- PostgREST's usual max-rows.
create function public.search_documents(
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
comment on function public.search_documents is
  'Search documents of published offers (all, or the given ids with {id, deleted: true} for those not published), paged by id. For the search worker (service role).';

-- ---------------------------------------------------------------------------
-- The outbox worker's functions (service role only)

-- Claims up to p_limit offers with pending rows, oldest first: every pending row of such an
-- offer is leased for p_lease_seconds. An offer whose rows another worker holds is skipped, so
-- one offer is never indexed by two workers at once (the later one could write an older
-- document last). Rows waiting for a retry are claimed when their time has come, or together
-- with a newer change of the same offer.
create function public.claim_search_outbox(p_limit integer default 100, p_lease_seconds integer default 300)
returns table (offer_id uuid, outbox_ids bigint[])
language sql
volatile
set search_path = ''
as $$
  with due as (
    select q.offer_id
    from public.search_outbox q
    where q.processed_at is null
      and (q.retry_at is null or q.retry_at <= now())
      and not exists (
        select 1 from public.search_outbox c
        where c.offer_id = q.offer_id and c.processed_at is null and c.claimed_until > now())
    group by q.offer_id
    order by min(q.id)
    limit least(greatest(coalesce(p_limit, 100), 1), 1000)
  ),
  locked as (
    select q.id
    from public.search_outbox q
    where q.offer_id in (select due.offer_id from due)
      and q.processed_at is null
      -- re-checked on the newest row version if a concurrent claim committed meanwhile
      and (q.claimed_until is null or q.claimed_until <= now())
    for update skip locked
  ),
  claimed as (
    update public.search_outbox q
    set claimed_until = now() + make_interval(secs => greatest(coalesce(p_lease_seconds, 300), 1))
    from locked
    where q.id = locked.id
    returning q.id, q.offer_id
  )
  select c.offer_id, array_agg(c.id order by c.id)
  from claimed c
  group by c.offer_id
  order by min(c.id);
$$;
comment on function public.claim_search_outbox is
  'Leases the pending outbox rows of up to p_limit offers (skip locked) and returns each offer with its row ids. Search worker only.';

-- Marks claimed rows done. Returns how many rows it marked.
create function public.complete_search_outbox(p_outbox_ids bigint[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with done as (
    update public.search_outbox
    set processed_at = now(), claimed_until = null, retry_at = null
    where id = any (p_outbox_ids) and processed_at is null
    returning 1
  )
  select count(*)::integer from done;
$$;
comment on function public.complete_search_outbox is 'Marks outbox rows as processed. Search worker only.';

-- Records a failure: the rows are released and wait 2^attempts seconds (at most 15 minutes)
-- before they are claimed again. Nothing is dropped. Returns how many rows it updated.
create function public.fail_search_outbox(p_outbox_ids bigint[], p_error text)
returns integer
language sql
volatile
set search_path = ''
as $$
  with failed as (
    update public.search_outbox
    set attempts = attempts + 1,
        last_error = left(coalesce(p_error, 'unknown error'), 2000),
        claimed_until = null,
        retry_at = now() + make_interval(secs => least(power(2, least(attempts + 1, 10)), 900))
    where id = any (p_outbox_ids) and processed_at is null
    returning 1
  )
  select count(*)::integer from failed;
$$;
comment on function public.fail_search_outbox is
  'Releases outbox rows after a failed attempt with exponential backoff and the error. Search worker only.';

-- Deletes processed rows older than p_days days. Returns how many it deleted.
create function public.purge_search_outbox(p_days integer default 7)
returns integer
language sql
volatile
set search_path = ''
as $$
  with purged as (
    delete from public.search_outbox
    where processed_at is not null
      and processed_at < now() - make_interval(days => greatest(coalesce(p_days, 7), 0))
    returning 1
  )
  select count(*)::integer from purged;
$$;
comment on function public.purge_search_outbox is 'Deletes processed outbox rows older than p_days. Search worker only.';

-- Puts every offer changed since p_since (enqueued or processed since then, or held by a
-- worker now) into the outbox again, unless a row of it waits there unclaimed anyway. A rebuild
-- calls it after swapping in the new index, with the time it started reading, so that no
-- change made while it read is missing from the new index.
create function public.requeue_search_outbox(p_since timestamptz)
returns integer
language sql
volatile
set search_path = ''
as $$
  with requeued as (
    insert into public.search_outbox (offer_id)
    select distinct q.offer_id
    from public.search_outbox q
    where (q.processed_at is null or q.enqueued_at >= p_since or q.processed_at >= p_since)
      and not exists (
        select 1 from public.search_outbox w
        where w.offer_id = q.offer_id and w.processed_at is null
          and (w.claimed_until is null or w.claimed_until <= now()))
    returning 1
  )
  select count(*)::integer from requeued;
$$;
comment on function public.requeue_search_outbox is
  'Enqueues again every offer changed since p_since, for a rebuild that swapped in a new index. Search worker only.';

-- The outbox at a glance, and the database's clock for a rebuild.
create function public.search_outbox_status()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'now', now(),
    'pending', count(*) filter (where processed_at is null),
    'failing', count(*) filter (where processed_at is null and attempts > 0),
    'oldest_pending_at', min(enqueued_at) filter (where processed_at is null),
    'last_error', (select q.last_error from public.search_outbox q
                   where q.processed_at is null and q.last_error is not null
                   order by q.id desc limit 1)
  )
  from public.search_outbox;
$$;
comment on function public.search_outbox_status is
  'Pending and failing outbox rows, the oldest pending one, the last error and the database time. Search worker and city admins.';

revoke execute on function public.search_documents(uuid[], uuid, integer),
  public.claim_search_outbox(integer, integer), public.complete_search_outbox(bigint[]),
  public.fail_search_outbox(bigint[], text), public.purge_search_outbox(integer),
  public.requeue_search_outbox(timestamptz)
  from public, anon, authenticated;
grant execute on function public.search_documents(uuid[], uuid, integer),
  public.claim_search_outbox(integer, integer), public.complete_search_outbox(bigint[]),
  public.fail_search_outbox(bigint[], text), public.purge_search_outbox(integer),
  public.requeue_search_outbox(timestamptz)
  to service_role;
-- The status reads the outbox with the caller's rights: city admins see it, others see zeros.
revoke execute on function public.search_outbox_status() from public, anon;
grant execute on function public.search_outbox_status() to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- The database-only list, for when the search engine is down

-- RFC 5545 weekday code of a local timestamp.
create function private.weekday_code(p_local timestamp) returns text
language sql
immutable
set search_path = ''
as $$
  select (array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[extract(isodow from p_local)::integer];
$$;

-- Weekdays on which a schedule takes place in the next six weeks, approximately: the BYDAY
-- weekdays of a rule (ordinals dropped, so 1SA,3SA gives SA twice), every day for a daily rule,
-- else the weekday of its first date. Rules that ended (UNTIL) or start later, and past one-off
-- dates, give none. The search engine computes them exactly from the expanded occurrences;
-- this is its fallback. One expression without subqueries, so that the planner inlines it.
create function private.schedule_weekdays(
  p_starts_at timestamptz, p_duration_minutes integer, p_rrule text, p_timezone text, p_now timestamptz
) returns text[]
language sql
stable
set search_path = ''
as $$
  select case
    when p_starts_at >= p_now + interval '42 days' then '{}'::text[]
    when p_rrule is null then
      case when p_starts_at + make_interval(mins => p_duration_minutes) > p_now
           then array[private.weekday_code(p_starts_at at time zone p_timezone)] else '{}'::text[] end
    when substring(p_rrule from 'UNTIL=([0-9]{8})') is not null
         and to_date(substring(p_rrule from 'UNTIL=([0-9]{8})'), 'YYYYMMDD') < (p_now at time zone p_timezone)::date
      then '{}'::text[]
    when p_rrule ~ 'BYDAY=' then
      regexp_split_to_array(regexp_replace(substring(p_rrule from 'BYDAY=([^;]+)'), '[+-]?[0-9]', '', 'g'), ',')
    when p_rrule ~ 'FREQ=DAILY' then array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
    else array[private.weekday_code(p_starts_at at time zone p_timezone)]
  end;
$$;

-- Lower-case text without accents, ß as ss: what the plain text filter compares.
create function private.fold_text(p_text text) returns text
language sql
stable
set search_path = ''
as $$
  select extensions.unaccent(replace(lower(p_text), 'ß', 'ss'));
$$;

-- Whether every word of p_query occurs in a title, summary or description of the offer (any
-- locale), its organisation's name or its district's name. No ranking, no typo tolerance.
create function private.offer_matches_text(p_offer_id uuid, p_words text[]) returns boolean
language sql
stable
set search_path = ''
as $$
  with haystack as (
    select private.fold_text(concat_ws(' ',
      (select string_agg(concat_ws(' ', t.title, t.summary, t.description), ' ')
       from public.offer_translations t where t.offer_id = o.id),
      org.name, d.name, o.street, o.locality)) as text
    from public.offers o
    join public.organisations org on org.id = o.organisation_id
    left join public.districts d on d.id = o.district_id
    where o.id = p_offer_id
  )
  select coalesce(bool_and(strpos(h.text, w) > 0), true)
  from haystack h cross join unnest(p_words) as w;
$$;

-- Called only inside filter_offers, which runs with its owner's rights.
revoke execute on function private.weekday_code(timestamp),
  private.schedule_weekdays(timestamptz, integer, text, text, timestamptz), private.fold_text(text),
  private.offer_matches_text(uuid, text[])
  from public;

-- Published offers with plain filters and facet counts, from the database alone: what the
-- list shows when the search engine is down. An empty or null filter does not filter. Within
-- a facet the selected values are alternatives (or), across facets all must hold (and); the
-- count of a value is computed with the filters of the other facets applied, so it says how
-- many offers the list would show with that value selected as well. A facet lists the values
-- that occur among the offers so counted and the selected values (possibly with 0). p_q keeps
-- offers whose texts contain every word of it. Sorted by distance from p_near_lat/p_near_lng
-- when given, else by title in p_locale (falling back to en, de, the original).
--
-- Security definer: it reads published offers only, with their texts and schedules, which every
-- role may read anyway; with the caller's rights the policies of offer_translations and
-- schedules would run a function per row (seconds for 10,000 offers instead of a third of one).
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
    select m.id, m.original_locale,
      case when p.near is not null and m.location is not null
           then extensions.st_distance(m.location::extensions.geography, p.near) end as distance
    from matches m cross join params p
    where m.m_category and m.m_district and m.m_language and m.m_target_group and m.m_weekday
      and m.m_german_level and m.m_free and m.m_childcare and m.m_women_only and m.m_wheelchair
  ),
  -- the text of each hit in p_locale, else en, de, the original (as private.offer_text), in one pass
  texts as (
    select distinct on (t.offer_id) t.offer_id, t.title, t.summary, t.locale
    from hits h
    join public.offer_translations t on t.offer_id = h.id
    order by t.offer_id, array_position(array[p_locale, 'en', 'de', h.original_locale], t.locale) nulls last,
             t.locale
  ),
  page as (
    select h.id, h.distance, t.title, t.summary, t.locale as text_locale
    from hits h
    left join texts t on t.offer_id = h.id
    order by h.distance nulls last, t.title collate "C", h.id
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
      ) order by pg.distance nulls last, pg.title collate "C", pg.id)
      from page pg
      join public.offers o on o.id = pg.id
      join public.organisations org on org.id = o.organisation_id
      left join public.districts d on d.id = o.district_id), '[]'),
    'facets', (select facets from facets)
  );
$$;
comment on function public.filter_offers is
  'Published offers with plain filters (or within a facet, and across facets), facet counts and a page sorted by distance or title: the list without the search engine.';
