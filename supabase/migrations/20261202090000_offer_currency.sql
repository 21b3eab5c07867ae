-- Keeping offers current: one offer as the staff offer page shows it (staff_offer), its history
-- from the audit log (offer_history), and archiving the events whose dates have all passed
-- (archive_past_offers, run by the server at start and once a day).

-- ---------------------------------------------------------------------------
-- One offer for the staff offer page

-- The row of staff_offers() for one offer, if the caller may edit it (private.can_edit_offer);
-- no row otherwise, also for an id that does not exist. Same columns as staff_offers(), so the
-- page derives its state with the dashboard's code; a change to one is a change to both.
create function public.staff_offer(p_offer_id uuid)
returns table (
  id uuid,
  organisation_id uuid,
  organisation_name text,
  title text,
  original_locale text,
  category text,
  state public.publication_state,
  district_name text,
  last_verified_on date,
  updated_at timestamptz,
  version integer,
  measure_count integer,
  translations jsonb,
  schedules jsonb
)
language sql
stable
set search_path = ''
as $$
  select o.id, o.organisation_id, org.name, original.title, o.original_locale, o.category,
    o.state, d.name, o.last_verified_on, o.updated_at, o.version,
    (select count(*)::integer from public.offer_measures om where om.offer_id = o.id),
    coalesce((
      select jsonb_agg(jsonb_build_object(
          'locale', t.locale,
          'provenance', t.provenance,
          'reviewed', t.reviewed,
          'outdated', t.provenance <> 'original' and t.updated_at < original.updated_at)
        order by t.locale)
      from public.offer_translations t
      where t.offer_id = o.id), '[]'),
    coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'starts_at', s.starts_at,
          'duration_minutes', s.duration_minutes, 'rrule', s.rrule, 'exdates', s.exdates,
          'timezone', s.timezone)
        order by s.starts_at, s.id)
      from public.schedules s
      where s.offer_id = o.id), '[]')
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.offer_translations original
    on original.offer_id = o.id and original.locale = o.original_locale
  left join public.districts d on d.id = o.district_id
  where o.id = p_offer_id and private.can_edit_offer(o.id);
$$;
comment on function public.staff_offer is
  'One offer the caller may edit, with the columns of staff_offers(); no row when the caller may not edit it or it does not exist. For the staff offer page.';

-- ---------------------------------------------------------------------------
-- History

-- The audit log rows of an offer's parts name the offer in their data (a schedule's record_id
-- is the schedule's own id): this index finds them for one offer.
create index audit_log_offer_parts_idx on public.audit_log
  ((coalesce(new_data, old_data) ->> 'offer_id'))
  where table_name in ('offer_translations', 'schedules', 'offer_measures');

-- Columns whose change is no edit of its own: bookkeeping, and what follows from another column
-- (is_free from cost_eur, published_at from state).
create function private.history_noise() returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['updated_at', 'updated_by', 'version', 'created_at', 'created_by', 'is_free',
    'published_at'];
$$;

-- What happened to an offer, newest first: each change of the offer, its texts, its schedules
-- and its links to measures, from the audit log, with who made it. The audit log is readable
-- by city admins only, so this runs with its owner's rights and lets in whoever may edit the
-- offer (42501 otherwise, and for an offer that does not exist). An update that changed only bookkeeping columns is left out.
--
--   actor_kind  person: actor_email is the account's address; former_person: the account is
--               gone; service: the server (imports, the daily archiving); system: the database
--               itself (migrations, the demo seed)
--   subject     offer, text (locale says which), schedule, measure
--   fields      for updates: the columns whose values differ, in name order
--   new_state   the offer's state after an insert or an update that changed it
create function public.offer_history(p_offer_id uuid, p_limit integer default 100)
returns table (
  id bigint,
  occurred_at timestamptz,
  actor_kind text,
  actor_email text,
  subject text,
  locale text,
  operation text,
  fields text[],
  new_state public.publication_state
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'the limit must be 1 to 1000, % was given', p_limit using errcode = '22023';
  end if;
  -- an offer that does not exist is refused alike, also to city admins (whom can_edit_offer
  -- lets in for any id): nobody learns from the answer whether an id exists
  if p_offer_id is null or not private.can_edit_offer(p_offer_id)
     or not exists (select 1 from public.offers o where o.id = p_offer_id) then
    raise exception 'the history of offer % is not yours to read', p_offer_id
      using errcode = '42501';
  end if;
  return query
  select changes.id, changes.occurred_at, changes.actor_kind, changes.actor_email,
    changes.subject, changes.locale, changes.operation, changes.fields, changes.new_state
  from (
    select a.id, a.occurred_at,
      case
        when a.actor_id is not null and u.id is not null then 'person'
        when a.actor_id is not null then 'former_person'
        when a.actor_role = 'service_role' then 'service'
        else 'system'
      end as actor_kind,
      u.email::text as actor_email,
      case a.table_name
        when 'offers' then 'offer'
        when 'offer_translations' then 'text'
        when 'schedules' then 'schedule'
        else 'measure'
      end as subject,
      case when a.table_name = 'offer_translations'
        then coalesce(a.new_data, a.old_data) ->> 'locale' end as locale,
      a.action as operation,
      case when a.action = 'update' then array(
        select k.key
        from jsonb_object_keys(a.old_data || a.new_data) as k (key)
        where k.key <> all (private.history_noise())
          and (a.old_data -> k.key) is distinct from (a.new_data -> k.key)
        order by k.key) end as fields,
      case when a.table_name = 'offers' and a.new_data ->> 'state' is not null
          and (a.old_data is null or a.old_data ->> 'state' is distinct from a.new_data ->> 'state')
        then (a.new_data ->> 'state')::public.publication_state end as new_state
    from public.audit_log a
    left join auth.users u on u.id = a.actor_id
    where (a.table_name = 'offers' and a.record_id = p_offer_id::text)
       or (a.table_name in ('offer_translations', 'schedules', 'offer_measures')
           and coalesce(a.new_data, a.old_data) ->> 'offer_id' = p_offer_id::text)
  ) as changes
  where changes.operation <> 'update' or cardinality(changes.fields) > 0
  order by changes.occurred_at desc, changes.id desc
  limit p_limit;
end;
$$;
comment on function public.offer_history is
  'The changes of an offer, its texts, schedules and measure links from the audit log, newest first: when, who (e-mail address, or the server or the database), what, which columns. For those who may edit the offer (42501 otherwise).';

-- ---------------------------------------------------------------------------
-- Archiving events whose dates have all passed

-- The latest moment a rule's UNTIL can stand for, or null when the rule has no UNTIL. UNTIL is
-- written in UTC (…Z), as a local date-time in the schedule's time zone, or as a date that
-- includes the whole local day. private.is_valid_rrule has checked its shape; a value that is
-- no real date (20260231) gives null: not provably over.
create function private.rrule_until(p_rule text, p_timezone text) returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  v_value text := substring(p_rule from '(?:^|;)UNTIL=([0-9]{8}(?:T[0-9]{6}Z?)?)(?:;|$)');
  v_local timestamp;
begin
  if v_value is null then
    return null;
  end if;
  begin
    v_local := to_timestamp(left(v_value, 8) || coalesce(nullif(substr(v_value, 10, 6), ''), '000000'),
      'YYYYMMDDHH24MISS')::timestamp;
    -- to_timestamp rolls over (20260231 → 3 March) where a calendar would not
    if to_char(v_local, 'YYYYMMDD') <> left(v_value, 8) then
      return null;
    end if;
    if length(v_value) = 8 then
      return ((v_local + interval '1 day') at time zone p_timezone) - interval '1 second';
    elsif right(v_value, 1) = 'Z' then
      return v_local at time zone 'UTC';
    end if;
    return v_local at time zone p_timezone;
  exception when others then
    -- no real date, or a time zone PostgreSQL does not know: not provably over
    return null;
  end;
end;
$$;

-- Whether every date of a schedule has ended before p_now, as far as SQL can prove it: a
-- one-off whose start plus duration lies before p_now, or a rule whose UNTIL (plus the
-- duration) does. A rule with COUNT or without an end is never provably over here; the RRULE
-- code in src/lib/schedule/ knows more, and the dashboard's "only past dates" uses it.
create function private.schedule_is_over(p_schedule public.schedules, p_now timestamptz)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case
    when p_schedule.rrule is null then
      p_schedule.starts_at + make_interval(mins => p_schedule.duration_minutes) < p_now
    when p_schedule.rrule ~ '(^|;)COUNT=' then false
    else coalesce(
      private.rrule_until(p_schedule.rrule, p_schedule.timezone)
        + make_interval(mins => p_schedule.duration_minutes) < p_now,
      false)
  end;
$$;

-- Archives the published and draft offers that have schedules, all of them provably over
-- (private.schedule_is_over); returns how many it archived. Offers without schedules are no
-- events and stay. Plain updates of public.offers, so the version, the audit log (actor: the
-- service role), the data version and the search outbox follow as for any change. Runs with
-- its owner's rights, as service_role may only read tables; only service_role may call it.
-- p_ended_before is now but for checks: the deploy check passes a date long past, which
-- archives nothing.
create function public.archive_past_offers(p_ended_before timestamptz default now())
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  with archived as (
    update public.offers o set state = 'archived'
    where o.state in ('published', 'draft')
      and exists (select 1 from public.schedules s where s.offer_id = o.id)
      and not exists (
        select 1 from public.schedules s
        where s.offer_id = o.id and not private.schedule_is_over(s, p_ended_before))
    returning 1
  )
  select count(*) into v_count from archived;
  return v_count;
end;
$$;
comment on function public.archive_past_offers is
  'Archives the published and draft offers whose schedules have all provably ended (one-offs before now, rules with an UNTIL before now; COUNT and endless rules are not judged); returns how many. The server runs it at start and daily.';

-- ---------------------------------------------------------------------------
-- Grants (see src/lib/server/data/rpc-access.ts)

revoke execute on function private.history_noise(), private.rrule_until(text, text),
  private.schedule_is_over(public.schedules, timestamptz)
  from public, anon, authenticated, service_role;

revoke execute on function public.staff_offer(uuid), public.offer_history(uuid, integer),
  public.archive_past_offers(timestamptz)
  from public, anon, authenticated, service_role;
grant execute on function public.staff_offer(uuid), public.offer_history(uuid, integer)
  to authenticated;
grant execute on function public.archive_past_offers(timestamptz) to service_role;
