-- Calendar import: an organisation registers the iCalendar feed of its own calendar (a URL the
-- server fetches, or an uploaded file), and each run turns the feed's events into offers,
-- matched by UID. The server reads the file (src/lib/server/calendar-import); one function here
-- applies a whole feed in one transaction: it creates and updates the offers of the feed's
-- events, archives or removes those whose events disappeared, never touches an offer staff have
-- detached from the feed, and writes the run with what it did and every event it could not take.
--
-- The three tables are read by the organisation's staff and city admins and written only
-- through the functions below.

create type public.calendar_publish_mode as enum ('draft', 'published');

create table public.calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  url text check (url ~ '^https?://[^\s]+$' and length(url) <= 2000),
  publish_mode public.calendar_publish_mode not null default 'draft',
  category text not null references public.categories (slug),
  on_removal text not null default 'archive' check (on_removal in ('archive', 'delete')),
  interval_minutes integer not null default 60 check (interval_minutes between 15 and 10080),
  etag text check (length(etag) <= 500),
  last_modified text check (length(last_modified) <= 100),
  last_run_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.calendar_feeds is 'iCalendar feeds of organisations whose events become offers: a URL fetched on a schedule and on demand (url), or an uploaded file (url null). publish_mode: new offers as drafts or published; on_removal: what happens to an offer whose event left the feed. etag and last_modified are the validators of the last fetch.';
create index calendar_feeds_organisation_id_idx on public.calendar_feeds (organisation_id);
alter table public.calendar_feeds enable row level security;
create trigger calendar_feeds_touch before update on public.calendar_feeds
  for each row execute function private.touch_updated_at();
create trigger calendar_feeds_audit after insert or update or delete on public.calendar_feeds
  for each row execute function private.audit();

create table public.calendar_runs (
  id uuid primary key default gen_random_uuid(),
  feed_id uuid not null references public.calendar_feeds (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  ran_at timestamptz not null default now(),
  trigger text not null check (trigger in ('schedule', 'manual', 'upload')),
  outcome text not null check (outcome in ('applied', 'not_modified', 'failed')),
  error text check (length(error) <= 2000),
  created integer not null default 0,
  updated integer not null default 0,
  archived integer not null default 0,
  removed integer not null default 0,
  unchanged integer not null default 0,
  detached integer not null default 0,
  problems jsonb not null default '[]' check (jsonb_typeof(problems) = 'array'),
  check ((outcome = 'failed') = (error is not null))
);
comment on table public.calendar_runs is 'One fetch or upload of a calendar feed: applied (with counts), not modified (HTTP 304) or failed (error); problems lists every event not taken as [{uid, summary, reason, detail?}].';
create index calendar_runs_feed_id_idx on public.calendar_runs (feed_id, ran_at desc);
create index calendar_runs_organisation_id_idx on public.calendar_runs (organisation_id);
alter table public.calendar_runs enable row level security;

create table public.calendar_offers (
  offer_id uuid primary key references public.offers (id) on delete cascade,
  feed_id uuid not null references public.calendar_feeds (id) on delete cascade,
  uid text not null check (length(uid) between 1 and 1000),
  content_hash text not null,
  detached_at timestamptz,
  detached_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (feed_id, uid)
);
comment on table public.calendar_offers is 'Which offer a feed event (feed, UID) became. content_hash is the event as last applied; detached_at set: staff took the offer over by hand and the feed no longer changes it.';
alter table public.calendar_offers enable row level security;
create trigger calendar_offers_audit after insert or update or delete on public.calendar_offers
  for each row execute function private.audit();

create function private.can_edit_organisation(p_organisation_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_city_admin() or private.is_member_of(p_organisation_id);
$$;
comment on function private.can_edit_organisation is 'Staff (editors and admins) of the organisation, and city admins.';
revoke all on function private.can_edit_organisation(uuid) from public;
grant execute on function private.can_edit_organisation(uuid) to authenticated, service_role;

create policy "staff of the organisation see its calendar feeds" on public.calendar_feeds
  for select to authenticated using (private.can_edit_organisation(organisation_id));
create policy "staff of the organisation see its calendar runs" on public.calendar_runs
  for select to authenticated using (private.can_edit_organisation(organisation_id));
create policy "staff of the organisation see which offers came from its calendars" on public.calendar_offers
  for select to authenticated using (
    exists (select 1 from public.calendar_feeds f
            where f.id = feed_id and private.can_edit_organisation(f.organisation_id)));
grant select on table public.calendar_feeds, public.calendar_runs, public.calendar_offers
  to authenticated;

-- ---------------------------------------------------------------------------
-- Feeds

create function private.calendar_feed_json(p_feed public.calendar_feeds) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_feed.id,
    'organisation_id', p_feed.organisation_id,
    'name', p_feed.name,
    'url', p_feed.url,
    'publish_mode', p_feed.publish_mode,
    'category', p_feed.category,
    'on_removal', p_feed.on_removal,
    'interval_minutes', p_feed.interval_minutes,
    'etag', p_feed.etag,
    'last_modified', p_feed.last_modified,
    'last_run_at', p_feed.last_run_at,
    'time_zone', (select c.time_zone from public.organisations o
                  join public.cities c on c.id = o.city_id where o.id = p_feed.organisation_id),
    'offers', (select count(*) from public.calendar_offers l
               where l.feed_id = p_feed.id and l.detached_at is null),
    'last_run', (select to_jsonb(r) - 'problems' || jsonb_build_object(
                          'problem_count', jsonb_array_length(r.problems))
                 from public.calendar_runs r where r.feed_id = p_feed.id
                 order by r.ran_at desc limit 1)
  );
$$;

create function public.calendar_feeds(p_organisation_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.organisations where id = p_organisation_id) then
    raise exception 'no organisation %', p_organisation_id using errcode = 'PT404';
  end if;
  if not private.can_edit_organisation(p_organisation_id) then
    raise exception 'only the organisation''s staff and city admins see its calendars' using errcode = '42501';
  end if;
  return coalesce((select jsonb_agg(private.calendar_feed_json(f) order by f.created_at, f.id)
                   from public.calendar_feeds f where f.organisation_id = p_organisation_id), '[]');
end;
$$;
comment on function public.calendar_feeds is 'The calendar feeds of an organisation with their last run; for its staff and city admins.';

create function public.calendar_feed(p_feed_id uuid, p_runs integer default 10)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_feed public.calendar_feeds;
begin
  select * into v_feed from public.calendar_feeds where id = p_feed_id;
  if not found then
    raise exception 'no calendar feed %', p_feed_id using errcode = 'PT404';
  end if;
  if not private.can_edit_organisation(v_feed.organisation_id) then
    raise exception 'only the organisation''s staff and city admins see its calendars' using errcode = '42501';
  end if;
  return private.calendar_feed_json(v_feed) || jsonb_build_object(
    'imported', coalesce((
      select jsonb_agg(jsonb_build_object('offer_id', o.id, 'uid', l.uid, 'state', o.state,
          'title', t.title, 'detached_at', l.detached_at,
          'schedules', private.schedules_json(o.id))
        order by t.title, o.id)
      from public.calendar_offers l
      join public.offers o on o.id = l.offer_id
      left join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
      where l.feed_id = p_feed_id), '[]'),
    'runs', coalesce((select jsonb_agg(to_jsonb(r) - 'organisation_id' order by r.ran_at desc)
                      from (select * from public.calendar_runs r where r.feed_id = p_feed_id
                            order by r.ran_at desc limit least(greatest(p_runs, 1), 100)) r), '[]'));
end;
$$;
comment on function public.calendar_feed is 'One calendar feed with the offers made from it (with their schedules) and its latest runs (what each did, and every event not taken with its reason).';

create function public.save_calendar_feed(p_feed jsonb)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_keys constant text[] := array['id', 'organisation_id', 'name', 'url', 'publish_mode',
    'category', 'on_removal', 'interval_minutes'];
  v_unknown text[];
  v_old public.calendar_feeds;
  v_id uuid;
begin
  if p_feed is null or jsonb_typeof(p_feed) <> 'object' then
    raise exception 'a calendar feed must be a JSON object' using errcode = '22023';
  end if;
  select array_agg(k order by k) into v_unknown
  from jsonb_object_keys(p_feed) k where k <> all (v_keys);
  if v_unknown is not null then
    raise exception 'unknown fields: %', array_to_string(v_unknown, ', ') using errcode = '22023';
  end if;
  if p_feed ->> 'id' is null then
    if not exists (select 1 from public.organisations where id = (p_feed ->> 'organisation_id')::uuid) then
      raise exception 'no organisation %', p_feed ->> 'organisation_id' using errcode = 'PT404';
    end if;
    if not private.can_edit_organisation((p_feed ->> 'organisation_id')::uuid) then
      raise exception 'only the organisation''s staff and city admins register its calendars' using errcode = '42501';
    end if;
    insert into public.calendar_feeds (organisation_id, name, url, publish_mode, category,
      on_removal, interval_minutes)
    values ((p_feed ->> 'organisation_id')::uuid, btrim(p_feed ->> 'name'),
      nullif(btrim(p_feed ->> 'url'), ''),
      coalesce((p_feed ->> 'publish_mode')::public.calendar_publish_mode, 'draft'),
      p_feed ->> 'category',
      coalesce(p_feed ->> 'on_removal', 'archive'),
      coalesce((p_feed ->> 'interval_minutes')::integer, 60))
    returning id into v_id;
    return v_id;
  end if;
  select * into v_old from public.calendar_feeds where id = (p_feed ->> 'id')::uuid for update;
  if not found then
    raise exception 'no calendar feed %', p_feed ->> 'id' using errcode = 'PT404';
  end if;
  if not private.can_edit_organisation(v_old.organisation_id) then
    raise exception 'only the organisation''s staff and city admins change its calendars' using errcode = '42501';
  end if;
  update public.calendar_feeds set
    name = coalesce(btrim(p_feed ->> 'name'), name),
    url = case when p_feed ? 'url' then nullif(btrim(p_feed ->> 'url'), '') else url end,
    publish_mode = coalesce((p_feed ->> 'publish_mode')::public.calendar_publish_mode, publish_mode),
    category = coalesce(p_feed ->> 'category', category),
    on_removal = coalesce(p_feed ->> 'on_removal', on_removal),
    interval_minutes = coalesce((p_feed ->> 'interval_minutes')::integer, interval_minutes),
    -- another address: the validators of the old one mean nothing
    etag = case when p_feed ? 'url' and (p_feed ->> 'url') is distinct from url then null else etag end,
    last_modified = case when p_feed ? 'url' and (p_feed ->> 'url') is distinct from url
                         then null else last_modified end
  where id = v_old.id;
  return v_old.id;
end;
$$;
comment on function public.save_calendar_feed is 'Registers (no id; organisation_id, name, category, url or none for uploads, publish_mode, on_removal, interval_minutes) or changes a calendar feed; for the organisation''s staff and city admins. Returns its id.';

create function public.delete_calendar_feed(p_feed_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_organisation uuid;
begin
  select organisation_id into v_organisation from public.calendar_feeds where id = p_feed_id;
  if v_organisation is null then
    raise exception 'no calendar feed %', p_feed_id using errcode = 'PT404';
  end if;
  if not private.can_edit_organisation(v_organisation) then
    raise exception 'only the organisation''s staff and city admins remove its calendars' using errcode = '42501';
  end if;
  -- the offers stay, as offers edited by hand
  delete from public.calendar_feeds where id = p_feed_id;
end;
$$;
comment on function public.delete_calendar_feed is 'Removes a calendar feed and its runs; its offers stay as ordinary offers.';

-- ---------------------------------------------------------------------------
-- Runs

create function private.record_calendar_run(p_feed public.calendar_feeds, p_run jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_run public.calendar_runs;
begin
  insert into public.calendar_runs (feed_id, organisation_id, trigger, outcome, error, created,
    updated, archived, removed, unchanged, detached, problems)
  values (p_feed.id, p_feed.organisation_id, coalesce(p_run ->> 'trigger', 'manual'),
    p_run ->> 'outcome', left(p_run ->> 'error', 2000),
    coalesce((p_run ->> 'created')::integer, 0), coalesce((p_run ->> 'updated')::integer, 0),
    coalesce((p_run ->> 'archived')::integer, 0), coalesce((p_run ->> 'removed')::integer, 0),
    coalesce((p_run ->> 'unchanged')::integer, 0), coalesce((p_run ->> 'detached')::integer, 0),
    coalesce(p_run -> 'problems', '[]'))
  returning * into v_run;
  update public.calendar_feeds set last_run_at = v_run.ran_at where id = p_feed.id;
  return to_jsonb(v_run) - 'organisation_id';
end;
$$;

create function private.calendar_feed_for_run(p_feed_id uuid, p_trigger text)
returns public.calendar_feeds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_feed public.calendar_feeds;
begin
  select * into v_feed from public.calendar_feeds where id = p_feed_id for update;
  if not found then
    raise exception 'no calendar feed %', p_feed_id using errcode = 'PT404';
  end if;
  if not private.can_edit_organisation(v_feed.organisation_id) then
    raise exception 'only the organisation''s staff and city admins fetch its calendars' using errcode = '42501';
  end if;
  if p_trigger is null or p_trigger not in ('schedule', 'manual', 'upload') then
    raise exception 'a run is started by schedule, manual or upload' using errcode = '22023';
  end if;
  return v_feed;
end;
$$;

create function public.record_calendar_run(p_feed_id uuid, p_trigger text, p_outcome text,
  p_error text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_feed public.calendar_feeds;
begin
  v_feed := private.calendar_feed_for_run(p_feed_id, p_trigger);
  if p_outcome not in ('not_modified', 'failed') then
    raise exception 'only runs that changed nothing are recorded here' using errcode = '22023';
  end if;
  return private.record_calendar_run(v_feed, jsonb_build_object('trigger', p_trigger,
    'outcome', p_outcome, 'error', case when p_outcome = 'failed' then coalesce(p_error, 'failed') end));
end;
$$;
comment on function public.record_calendar_run is 'Records a run of a feed that changed nothing: not_modified (HTTP 304) or failed with its error.';

-- One event as save_offer takes it: the offer's text, place and schedules from the feed. The
-- place: GEO when the event has one (with LOCATION as the street line); without LOCATION, or
-- with a LOCATION naming the organisation's street, the organisation's address and the point
-- of its door (office facts), so the offer lands in its district; any other LOCATION as the
-- street line, without a point.
create function private.calendar_event_offer(p_event jsonb, p_feed public.calendar_feeds)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'title', left(btrim(p_event ->> 'title'), 200),
    'description', left(p_event ->> 'description', 10000),
    'schedules', coalesce(p_event -> 'schedules', '[]'))
  || case
       when jsonb_typeof(p_event -> 'geo') = 'object' then jsonb_build_object(
         'street', left(coalesce(nullif(btrim(p_event ->> 'location'), ''), org.street), 200),
         'postal_code', case when nullif(btrim(p_event ->> 'location'), '') is null then org.postal_code end,
         'locality', case when nullif(btrim(p_event ->> 'location'), '') is null then org.locality end,
         'lat', (p_event -> 'geo' ->> 'lat')::float8, 'lng', (p_event -> 'geo' ->> 'lng')::float8)
       when nullif(btrim(p_event ->> 'location'), '') is null
         or (org.street is not null
             and strpos(lower(p_event ->> 'location'), lower(btrim(org.street))) > 0) then
         jsonb_build_object('street', org.street, 'postal_code', org.postal_code,
           'locality', org.locality,
           'lat', extensions.st_y(org.door), 'lng', extensions.st_x(org.door))
       else jsonb_build_object('street', left(btrim(p_event ->> 'location'), 200),
         'postal_code', null, 'locality', null, 'lat', null, 'lng', null)
     end
  from (select o.street, o.postal_code, o.locality, f.location as door
        from public.organisations o
        left join public.office_facts f on f.organisation_id = o.id
        where o.id = p_feed.organisation_id) org;
$$;

create function public.apply_calendar_feed(p_feed_id uuid, p_events jsonb, p_problems jsonb,
  p_trigger text, p_etag text default null, p_last_modified text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_edit_keys constant text[] := array['id', 'version', 'organisation_id', 'category',
    'original_locale', 'street', 'postal_code', 'locality', 'lat', 'lng', 'languages',
    'target_groups', 'cost_eur', 'childcare', 'women_only', 'wheelchair_accessible',
    'german_level', 'registration', 'registration_url', 'contact_email', 'contact_phone',
    'title', 'summary', 'description', 'cost_note', 'registration_note',
    'schedules', 'measure_ids', 'categories'];
  v_feed public.calendar_feeds;
  v_event jsonb;
  v_uid text;
  v_hash text;
  v_link public.calendar_offers;
  v_state public.publication_state;
  v_current jsonb;
  v_saved jsonb;
  v_seen text[] := '{}';
  v_problems jsonb := coalesce(p_problems, '[]');
  v_created integer := 0;
  v_updated integer := 0;
  v_archived integer := 0;
  v_removed integer := 0;
  v_unchanged integer := 0;
  v_detached integer := 0;
begin
  v_feed := private.calendar_feed_for_run(p_feed_id, p_trigger);
  if jsonb_typeof(p_events) is distinct from 'array'
     or jsonb_typeof(v_problems) is distinct from 'array' then
    raise exception 'events and problems must be arrays' using errcode = '22023';
  end if;

  for v_event in select e from jsonb_array_elements(p_events) e loop
    v_uid := v_event ->> 'uid';
    if v_uid is null or v_uid = any (v_seen) then
      continue;
    end if;
    v_seen := v_seen || v_uid;
    v_hash := md5(v_event::text);
    select * into v_link from public.calendar_offers where feed_id = v_feed.id and uid = v_uid;
    if found and v_link.detached_at is not null then
      v_detached := v_detached + 1;
      continue;
    end if;
    begin
      if coalesce((v_event ->> 'cancelled')::boolean, false) then
        -- the whole event is cancelled: not taken, and an offer made from it is archived
        if v_link.offer_id is not null then
          update public.offers set state = 'archived', version = version
          where id = v_link.offer_id and state <> 'archived';
          if found then v_archived := v_archived + 1; else v_unchanged := v_unchanged + 1; end if;
          update public.calendar_offers set content_hash = v_hash where offer_id = v_link.offer_id;
        end if;
        continue;
      end if;
      if v_link.offer_id is null then
        v_saved := public.save_offer(private.calendar_event_offer(v_event, v_feed)
          || jsonb_build_object('organisation_id', v_feed.organisation_id,
                                'category', v_feed.category));
        if v_feed.publish_mode = 'published' then
          update public.offers set state = 'published', version = version
          where id = (v_saved ->> 'id')::uuid;
        end if;
        insert into public.calendar_offers (offer_id, feed_id, uid, content_hash)
        values ((v_saved ->> 'id')::uuid, v_feed.id, v_uid, v_hash);
        v_created := v_created + 1;
        continue;
      end if;
      select state into v_state from public.offers where id = v_link.offer_id;
      if v_link.content_hash = v_hash and v_state <> 'archived' then
        v_unchanged := v_unchanged + 1;
        continue;
      end if;
      select jsonb_object_agg(key, value) into v_current
      from jsonb_each(public.get_offer_for_edit(v_link.offer_id)) where key = any (v_edit_keys);
      v_current := v_current - 'schedules' || private.calendar_event_offer(v_event, v_feed);
      perform public.save_offer(v_current);
      if v_state = 'archived' then
        -- back in the feed (or no longer cancelled): shown again as the feed says
        update public.offers set state = v_feed.publish_mode::text::public.publication_state,
          version = version
        where id = v_link.offer_id;
      end if;
      update public.calendar_offers set content_hash = v_hash where offer_id = v_link.offer_id;
      v_updated := v_updated + 1;
    exception when others then
      -- the database refused this event (a check the reader did not know): a problem, not a failure
      v_problems := v_problems || jsonb_build_array(jsonb_build_object(
        'uid', v_uid, 'summary', v_event ->> 'title', 'reason', 'refused', 'detail', sqlerrm));
    end;
  end loop;

  -- events that left the feed: their offers are archived or removed, detached ones stay
  for v_link in
    select * from public.calendar_offers l
    where l.feed_id = v_feed.id and l.detached_at is null and l.uid <> all (v_seen)
  loop
    if v_feed.on_removal = 'delete' then
      delete from public.offers where id = v_link.offer_id;
      v_removed := v_removed + 1;
    else
      update public.offers set state = 'archived', version = version
      where id = v_link.offer_id and state <> 'archived';
      if found then v_archived := v_archived + 1; end if;
    end if;
  end loop;

  update public.calendar_feeds set etag = left(p_etag, 500), last_modified = left(p_last_modified, 100)
  where id = v_feed.id;
  return private.record_calendar_run(v_feed, jsonb_build_object('trigger', p_trigger,
    'outcome', 'applied', 'created', v_created, 'updated', v_updated, 'archived', v_archived,
    'removed', v_removed, 'unchanged', v_unchanged, 'detached', v_detached,
    'problems', v_problems));
end;
$$;
comment on function public.apply_calendar_feed is 'Applies a whole read feed in one transaction: creates offers for new UIDs (draft or published as the feed says), updates changed ones, archives cancelled events and, as on_removal says, archives or removes offers whose UID disappeared; detached offers are never touched. Records the run with its counts and problems and keeps the validators (etag, last_modified). Events: [{uid, title, description, location, cancelled, schedules}].';

create function public.due_calendar_feeds(p_limit integer default 20)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(private.calendar_feed_json(f)), '[]')
  from (select * from public.calendar_feeds f
        where f.url is not null
          and (f.last_run_at is null or f.last_run_at + make_interval(mins => f.interval_minutes) <= now())
        order by f.last_run_at nulls first, f.id
        limit least(greatest(p_limit, 1), 100)) f;
$$;
comment on function public.due_calendar_feeds is 'Feeds with a URL whose interval has passed since their last run, longest waiting first; for the server''s scheduled fetch.';

-- ---------------------------------------------------------------------------
-- Imported offers

create function public.calendar_source(p_offer_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.offers where id = p_offer_id) then
    raise exception 'no offer %', p_offer_id using errcode = 'PT404';
  end if;
  if not private.can_edit_offer(p_offer_id) then
    raise exception 'only the offer''s staff and city admins see where it came from' using errcode = '42501';
  end if;
  return (select jsonb_build_object('feed_id', f.id, 'feed_name', f.name, 'url', f.url,
                                    'uid', l.uid, 'detached_at', l.detached_at,
                                    'organisation_id', f.organisation_id)
          from public.calendar_offers l join public.calendar_feeds f on f.id = l.feed_id
          where l.offer_id = p_offer_id);
end;
$$;
comment on function public.calendar_source is 'The calendar feed and UID an offer was imported from (null: not imported), and whether staff detached it.';

create function public.detach_calendar_offer(p_offer_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.offers where id = p_offer_id) then
    raise exception 'no offer %', p_offer_id using errcode = 'PT404';
  end if;
  if not private.can_edit_offer(p_offer_id) then
    raise exception 'only the offer''s staff and city admins detach it' using errcode = '42501';
  end if;
  update public.calendar_offers set detached_at = now(), detached_by = (select auth.uid())
  where offer_id = p_offer_id and detached_at is null;
end;
$$;
comment on function public.detach_calendar_offer is 'Takes an imported offer over for editing by hand: the feed no longer changes, archives or removes it.';

revoke all on function private.calendar_feed_json(public.calendar_feeds),
  private.record_calendar_run(public.calendar_feeds, jsonb),
  private.calendar_feed_for_run(uuid, text),
  private.calendar_event_offer(jsonb, public.calendar_feeds) from public;

revoke all on function public.calendar_feeds(uuid), public.calendar_feed(uuid, integer),
  public.save_calendar_feed(jsonb), public.delete_calendar_feed(uuid),
  public.record_calendar_run(uuid, text, text, text),
  public.apply_calendar_feed(uuid, jsonb, jsonb, text, text, text),
  public.due_calendar_feeds(integer), public.calendar_source(uuid),
  public.detach_calendar_offer(uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.calendar_feeds(uuid), public.calendar_feed(uuid, integer),
  public.save_calendar_feed(jsonb), public.delete_calendar_feed(uuid),
  public.calendar_source(uuid), public.detach_calendar_offer(uuid)
  to authenticated;
-- staff fetch on demand; the server's schedule runs as service_role
grant execute on function public.record_calendar_run(uuid, text, text, text),
  public.apply_calendar_feed(uuid, jsonb, jsonb, text, text, text)
  to authenticated, service_role;
grant execute on function public.due_calendar_feeds(integer) to service_role;
