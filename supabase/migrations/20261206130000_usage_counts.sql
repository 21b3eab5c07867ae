-- Usage without tracking (issue 11, item 6): how often the public pages and the API were
-- answered, per day, kind of route and locale. Nothing else: no address, cookie, identifier,
-- user agent or path. The server counts in memory and adds its counts once a minute through
-- record_usage() (service_role only, so that no visitor can inflate them); the city office reads
-- them through city_usage().

create table public.usage_counts (
  day date not null,
  route_kind text not null check (route_kind in (
    'start', 'search', 'offer', 'district', 'week', 'concept', 'calendar', 'api', 'hsds', 'print',
    'suggest', 'other')),
  locale text not null check (locale in (
    'de', 'de-simple', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro', 'none')),
  count bigint not null check (count >= 0),
  primary key (day, route_kind, locale)
);
comment on table public.usage_counts is 'How often the public pages and the API answered successfully, per day (Europe/Berlin), route kind and locale (none: a machine endpoint without one). Aggregates only; written only by record_usage().';
comment on column public.usage_counts.route_kind is 'start (start page without a query), search (the list with a query or filters), offer, district, week, concept, calendar (.ics feeds), api, hsds, print, suggest, other.';

alter table public.usage_counts enable row level security;
create policy "city readers read usage counts" on public.usage_counts
  for select to authenticated using ((select private.is_city_reader()));
grant select on table public.usage_counts to authenticated;

-- Adds counts: [{day, route_kind, locale, count}], each added to the row of its day, kind and
-- locale. One statement: all of it or nothing (an unknown kind or locale is refused, 23514).
create function public.record_usage(p_counts jsonb) returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.usage_counts as u (day, route_kind, locale, count)
  select (c ->> 'day')::date, c ->> 'route_kind', c ->> 'locale', sum((c ->> 'count')::bigint)
  from jsonb_array_elements(coalesce(p_counts, '[]'::jsonb)) as c
  where (c ->> 'count')::bigint > 0
  group by 1, 2, 3
  on conflict (day, route_kind, locale) do update set count = u.count + excluded.count;
$$;
comment on function public.record_usage is 'Adds the server''s counts [{day, route_kind, locale, count}] to usage_counts. The portal''s server only (service_role).';

-- A month's counts by locale and route kind, and the months that have counts (newest first);
-- only city admins and observers see any (row level security).
create function public.city_usage(p_month date default null) returns jsonb
language sql
stable
set search_path = ''
as $$
  with month as (
    select date_trunc('month', coalesce(p_month, (now() at time zone 'Europe/Berlin')::date))::date as first
  )
  select jsonb_build_object(
    'month', (select first from month),
    'months', coalesce((
      select jsonb_agg(m order by m desc)
      from (select distinct date_trunc('month', day)::date as m from public.usage_counts) months
    ), '[]'::jsonb),
    'counts', coalesce((
      select jsonb_agg(jsonb_build_object('locale', locale, 'route_kind', route_kind, 'count', total)
                       order by locale, route_kind)
      from (
        select u.locale, u.route_kind, sum(u.count)::bigint as total
        from public.usage_counts u, month
        where u.day >= month.first and u.day < (month.first + interval '1 month')::date
        group by u.locale, u.route_kind
      ) t
    ), '[]'::jsonb)
  );
$$;
comment on function public.city_usage is 'One month''s usage counts (default: this month in Europe/Berlin) by locale and route kind, and the months that have counts; city admins and observers (others see none).';

revoke all on function public.record_usage(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.record_usage(jsonb) to service_role;
revoke all on function public.city_usage(date) from public, anon, authenticated, service_role;
grant execute on function public.city_usage(date) to authenticated;
