-- The parts of an offer the editor saves with it (issue 8, steps 3 and 4): its schedules with
-- their exceptions (one date cancelled with a note, or moved), its links to the measures of the
-- integration concept, and a "minor edit" that keeps the translations current.
--
-- save_offer(p_offer) takes them in the same call, so an offer, its text, its schedules and its
-- measures are saved in one transaction or not at all. The public reads (get_offer,
-- offer_schedules) and the editor's read (get_offer_for_edit) return each schedule with its
-- exceptions through one function, private.schedules_json.

-- ---------------------------------------------------------------------------
-- Exceptions of a recurring schedule

-- (id, offer_id) names a schedule together with its offer, for the exceptions' foreign key
alter table public.schedules add constraint schedules_id_offer_id_key unique (id, offer_id);

create table public.schedule_exceptions (
  schedule_id uuid not null,
  offer_id uuid not null,
  occurs_at timestamptz not null,
  moved_to timestamptz check (moved_to is distinct from occurs_at),
  note text check (length(note) <= 300),
  created_at timestamptz not null default now(),
  primary key (schedule_id, occurs_at),
  foreign key (schedule_id, offer_id) references public.schedules (id, offer_id) on delete cascade
);
comment on table public.schedule_exceptions is 'One date of a recurring schedule that does not take place as the rule says: cancelled (moved_to null) or moved to another start, with an optional note for the public. Its occurs_at is also in the schedule''s exdates, so every expansion leaves the original date out.';
create index schedule_exceptions_offer_id_idx on public.schedule_exceptions (offer_id);
alter table public.schedule_exceptions enable row level security;

create policy "exceptions of published offers are public" on public.schedule_exceptions
  for select to anon using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff see exceptions of visible offers" on public.schedule_exceptions
  for select to authenticated using (exists (select 1 from public.offers o where o.id = offer_id));
create policy "staff add exceptions to their offers" on public.schedule_exceptions
  for insert to authenticated with check (private.can_edit_offer(offer_id));
create policy "staff change exceptions of their offers" on public.schedule_exceptions
  for update to authenticated
  using (private.can_edit_offer(offer_id)) with check (private.can_edit_offer(offer_id));
create policy "staff remove exceptions of their offers" on public.schedule_exceptions
  for delete to authenticated using (private.can_edit_offer(offer_id));

grant select on table public.schedule_exceptions to anon, service_role;
grant select, insert, update, delete on table public.schedule_exceptions to authenticated;

create trigger schedule_exceptions_audit after insert or update or delete on public.schedule_exceptions
  for each row execute function private.audit();
create trigger schedule_exceptions_outbox after insert or update or delete on public.schedule_exceptions
  for each row execute function private.enqueue_offer_for_search();
create trigger count_data_change after insert or update or delete or truncate on public.schedule_exceptions
  for each statement execute function private.count_data_change();

-- The history finds an exception's rows by their offer_id like those of schedules.
drop index public.audit_log_offer_parts_idx;
create index audit_log_offer_parts_idx on public.audit_log
  ((coalesce(new_data, old_data) ->> 'offer_id'))
  where table_name in ('offer_translations', 'schedules', 'offer_measures', 'schedule_exceptions');

-- ---------------------------------------------------------------------------
-- Schedules as the pages read them

-- The schedules of one offer, each with its exceptions, ordered by start (with the caller's
-- rights: what the caller may not see is left out).
create function private.schedules_json(p_offer_id uuid) returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'starts_at', s.starts_at,
      'duration_minutes', s.duration_minutes, 'rrule', s.rrule, 'exdates', s.exdates,
      'timezone', s.timezone,
      'exceptions', coalesce((
        select jsonb_agg(jsonb_build_object('occurs_at', e.occurs_at, 'moved_to', e.moved_to,
            'note', e.note) order by e.occurs_at)
        from public.schedule_exceptions e where e.schedule_id = s.id), '[]'))
    order by s.starts_at, s.id), '[]')
  from public.schedules s
  where s.offer_id = p_offer_id;
$$;
comment on function private.schedules_json is 'The schedules of one offer with their exceptions (cancelled or moved dates), as the offer page, the week, the calendar feeds and the editor read them.';
revoke all on function private.schedules_json(uuid) from public;
grant execute on function private.schedules_json(uuid) to anon, authenticated, service_role;

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
comment on function public.get_offer is 'One offer as the offer page shows it (schedules with their exceptions), or null when it does not exist or is not visible to the caller.';

create or replace function public.offer_schedules(p_ids uuid[])
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
         private.schedules_json(o.id)
  from public.offers o
  where o.id = any (p_ids[1:1000])
    and o.state = 'published'
  order by o.id;
$$;
comment on function public.offer_schedules is
  'Address, last change and schedules (with ids and exceptions) of the given published offers, at most 1000 ids a call. For "this week" and the calendar feeds.';

-- ---------------------------------------------------------------------------
-- Saving the parts of an offer

-- Replaces the schedules of an offer the caller may edit with p_schedules (see save_offer);
-- true when anything changed. Elements {id, keep: true} stay exactly as they are.
create function private.save_offer_schedules(p_offer_id uuid, p_schedules jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_keys constant text[] := array['id', 'keep', 'starts_at', 'duration_minutes', 'rrule',
    'timezone', 'exceptions'];
  v_exception_keys constant text[] := array['occurs_at', 'moved_to', 'note'];
  v_item jsonb;
  v_id uuid;
  v_named uuid[] := '{}';
  v_changed boolean := false;
  v_exceptions jsonb;
  v_exdates timestamptz[];
  v_rule text;
  v_count integer;
begin
  if jsonb_typeof(p_schedules) is distinct from 'array' then
    raise exception 'schedules must be an array' using errcode = '22023';
  end if;
  if jsonb_array_length(p_schedules) > 100 then
    raise exception 'an offer has at most 100 schedules' using errcode = '22023';
  end if;
  for v_item in select value from jsonb_array_elements(p_schedules) loop
    if jsonb_typeof(v_item) <> 'object'
       or exists (select 1 from jsonb_object_keys(v_item) k where k <> all (v_keys)) then
      raise exception 'a schedule must be an object with the keys %', array_to_string(v_keys, ', ')
        using errcode = '22023';
    end if;
    v_id := nullif(v_item ->> 'id', '')::uuid;
    if v_id is not null then
      if v_id = any (v_named)
         or not exists (select 1 from public.schedules s
                        where s.id = v_id and s.offer_id = p_offer_id) then
        raise exception 'schedule % is not one of offer % (or named twice)', v_id, p_offer_id
          using errcode = '22023';
      end if;
      v_named := v_named || v_id;
    end if;
    if coalesce((v_item ->> 'keep')::boolean, false) then
      if v_id is null or (select count(*) from jsonb_object_keys(v_item)) > 2 then
        raise exception 'a kept schedule is named by its id alone' using errcode = '22023';
      end if;
      continue;
    end if;
    if jsonb_typeof(v_item -> 'starts_at') is distinct from 'string'
       or jsonb_typeof(v_item -> 'duration_minutes') is distinct from 'number' then
      raise exception 'a schedule needs starts_at and duration_minutes' using errcode = '22023';
    end if;

    v_exceptions := coalesce(v_item -> 'exceptions', '[]');
    if jsonb_typeof(v_exceptions) <> 'array' or exists (
      select 1 from jsonb_array_elements(v_exceptions) e
      where jsonb_typeof(e) <> 'object'
         or jsonb_typeof(e -> 'occurs_at') is distinct from 'string'
         or exists (select 1 from jsonb_object_keys(e) k where k <> all (v_exception_keys))
    ) then
      raise exception 'exceptions must be objects with occurs_at, moved_to and note'
        using errcode = '22023';
    end if;
    select coalesce(array_agg(distinct (e ->> 'occurs_at')::timestamptz), '{}'), count(*)
      into v_exdates, v_count
    from jsonb_array_elements(v_exceptions) e;
    if cardinality(v_exdates) <> v_count then
      raise exception 'one date has two exceptions' using errcode = '22023';
    end if;
    select array_agg(x order by x) into v_exdates from unnest(v_exdates) x;
    v_exdates := coalesce(v_exdates, '{}');
    v_rule := nullif(btrim(v_item ->> 'rrule'), '');

    if v_id is null then
      insert into public.schedules (offer_id, starts_at, duration_minutes, rrule, exdates, timezone)
      values (p_offer_id, (v_item ->> 'starts_at')::timestamptz,
        (v_item ->> 'duration_minutes')::integer, v_rule, v_exdates,
        coalesce(v_item ->> 'timezone', 'Europe/Berlin'))
      returning id into v_id;
      v_named := v_named || v_id;
      v_changed := true;
    else
      update public.schedules s set starts_at = (v_item ->> 'starts_at')::timestamptz,
        duration_minutes = (v_item ->> 'duration_minutes')::integer,
        rrule = v_rule,
        exdates = v_exdates,
        timezone = coalesce(v_item ->> 'timezone', s.timezone)
      where s.id = v_id
        and (s.starts_at, s.duration_minutes, s.rrule, s.exdates, s.timezone)
          is distinct from ((v_item ->> 'starts_at')::timestamptz,
            (v_item ->> 'duration_minutes')::integer, v_rule, v_exdates,
            coalesce(v_item ->> 'timezone', s.timezone));
      v_changed := v_changed or found;
    end if;

    -- the exceptions, rewritten only when they differ from what is stored
    if (select coalesce(jsonb_agg(jsonb_build_object('occurs_at', e.occurs_at,
            'moved_to', e.moved_to, 'note', e.note) order by e.occurs_at), '[]')
        from public.schedule_exceptions e where e.schedule_id = v_id)
       is distinct from
       (select coalesce(jsonb_agg(jsonb_build_object(
            'occurs_at', (e ->> 'occurs_at')::timestamptz,
            'moved_to', (e ->> 'moved_to')::timestamptz,
            'note', private.clean_text(nullif(btrim(e ->> 'note'), '')))
          order by (e ->> 'occurs_at')::timestamptz), '[]')
        from jsonb_array_elements(v_exceptions) e) then
      delete from public.schedule_exceptions e where e.schedule_id = v_id;
      insert into public.schedule_exceptions (schedule_id, offer_id, occurs_at, moved_to, note)
      select v_id, p_offer_id, (e ->> 'occurs_at')::timestamptz, (e ->> 'moved_to')::timestamptz,
        private.clean_text(nullif(btrim(e ->> 'note'), ''))
      from jsonb_array_elements(v_exceptions) e;
      v_changed := true;
    end if;
  end loop;

  delete from public.schedules s where s.offer_id = p_offer_id and s.id <> all (v_named);
  return v_changed or found;
end;
$$;
comment on function private.save_offer_schedules is 'Replaces the schedules of an offer (with their exceptions) by the given list, keeping the ones named {id, keep: true}; true when anything changed. Called by save_offer.';

-- Replaces the offer's links to measures by the given ids, which must be measures of a concept
-- of the offer's city; true when anything changed.
create function private.save_offer_measures(p_offer_id uuid, p_measure_ids jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_removed integer;
  v_added integer;
begin
  if jsonb_typeof(p_measure_ids) is distinct from 'array' or exists (
    select 1 from jsonb_array_elements(p_measure_ids) x where jsonb_typeof(x) <> 'string'
  ) then
    raise exception 'measure_ids must be an array of ids' using errcode = '22023';
  end if;
  select coalesce(array_agg(distinct x::uuid), '{}') into v_ids
  from jsonb_array_elements_text(p_measure_ids) x;
  if exists (
    select 1 from unnest(v_ids) m(id)
    where not exists (
      select 1 from public.measures ms
      join public.goals g on g.id = ms.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      join public.concepts k on k.id = f.concept_id
      join public.organisations org on org.city_id = k.city_id
      join public.offers o on o.organisation_id = org.id
      where ms.id = m.id and o.id = p_offer_id)
  ) then
    raise exception 'a measure is not one of the city''s integration concept' using errcode = '22023';
  end if;
  delete from public.offer_measures om where om.offer_id = p_offer_id and om.measure_id <> all (v_ids);
  get diagnostics v_removed = row_count;
  insert into public.offer_measures (offer_id, measure_id)
  select p_offer_id, m from unnest(v_ids) m
  on conflict do nothing;
  get diagnostics v_added = row_count;
  return v_removed + v_added > 0;
end;
$$;
comment on function private.save_offer_measures is 'Replaces the links of an offer to measures of its city''s concepts; true when anything changed. Called by save_offer.';

-- The parts save_offer was given (schedules, measure_ids); absent keys leave a part as it is.
create function private.save_offer_parts(p_offer_id uuid, p_offer jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_schedules boolean := false;
  v_measures boolean := false;
begin
  if p_offer ? 'schedules' then
    v_schedules := private.save_offer_schedules(p_offer_id, p_offer -> 'schedules');
  end if;
  if p_offer ? 'measure_ids' then
    v_measures := private.save_offer_measures(p_offer_id, p_offer -> 'measure_ids');
  end if;
  return v_schedules or v_measures;
end;
$$;
comment on function private.save_offer_parts is 'Saves the schedules and measure links save_offer was given; true when either changed.';

revoke all on function private.save_offer_schedules(uuid, jsonb), private.save_offer_measures(uuid, jsonb),
  private.save_offer_parts(uuid, jsonb) from public;
grant execute on function private.save_offer_schedules(uuid, jsonb),
  private.save_offer_measures(uuid, jsonb), private.save_offer_parts(uuid, jsonb) to authenticated;

-- ---------------------------------------------------------------------------
-- Saving an offer, and reading it for the editor, with its parts

-- As in 20261202100000_offer_editor.sql, with three more keys: schedules (an array of
-- {id?, starts_at, duration_minutes, rrule, timezone?, exceptions: [{occurs_at, moved_to, note}]}
-- or {id, keep: true}; the offer's other schedules are removed), measure_ids (an array of
-- measure ids) and minor_edit (true: the translations stay current although the text changed).
-- A change of schedules or measures counts up the version like a change of a field.
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
    'schedules', 'measure_ids', 'minor_edit'];
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

  if p_offer ->> 'id' is null then
    if p_offer ->> 'organisation_id' is null then
      raise exception 'a new offer needs an organisation' using errcode = '22023';
    end if;
    insert into public.offers (organisation_id, category, original_locale, street, postal_code,
      locality, location, languages, target_groups, cost_eur, childcare, women_only,
      wheelchair_accessible, german_level, registration, registration_url, contact_email,
      contact_phone, state)
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
      'draft')
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
$$;comment on function public.save_offer is
  'Creates (no id) or changes (id and the version read; PT409 otherwise) an offer with its original text, schedules (with exceptions) and measure links in one transaction; minor_edit keeps translations current; unknown keys are refused (22023). Returns {id, version}. For the staff offer editor.';

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
comment on function public.get_offer_for_edit is
  'Every editable field of an offer the caller may edit, with version, original text, district name, schedules (with exceptions) and measure ids; null otherwise. For the staff offer editor.';
