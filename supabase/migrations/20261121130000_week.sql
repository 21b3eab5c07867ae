-- Schedules of many offers at once, for the "this week" page and the calendar feeds: the search
-- finds the offers, this function adds when they take place and where.

-- For each given offer that is published and visible to the caller (RLS applies), one row with
-- its address, its last change and its schedules (ids included: calendar entries are named by
-- them). Ids that are no published offer are left out. At most 1000 ids a call.
create function public.offer_schedules(p_ids uuid[])
returns table (
  offer_id uuid,
  street text,
  postal_code text,
  locality text,
  updated_at timestamptz,
  schedules jsonb
)
language sql
stable
set search_path = ''
as $$
  select o.id, o.street, o.postal_code, o.locality, o.updated_at,
         coalesce((
           select jsonb_agg(jsonb_build_object('id', s.id, 'starts_at', s.starts_at,
             'duration_minutes', s.duration_minutes, 'rrule', s.rrule, 'exdates', s.exdates,
             'timezone', s.timezone) order by s.starts_at, s.id)
           from public.schedules s where s.offer_id = o.id), '[]')
  from public.offers o
  where o.id = any (p_ids[1:1000])
    and o.state = 'published'
  order by o.id;
$$;
comment on function public.offer_schedules is
  'Address, last change and schedules (with ids) of the given published offers, at most 1000 ids a call. For "this week" and the calendar feeds.';

revoke execute on function public.offer_schedules(uuid[]) from public;
grant execute on function public.offer_schedules(uuid[]) to anon, authenticated, service_role;
