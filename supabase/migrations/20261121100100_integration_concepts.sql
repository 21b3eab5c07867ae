-- Integration concepts: fields of action → goals → measures, with the columns of
-- Kempten's implementation table, a status history and cross-cutting themes.
-- The words differ per city (Handlungsfeld / Themenfeld, Maßnahme / Handlungsempfehlung),
-- so each concept names its own levels.

create table public.concepts (
  id uuid primary key default gen_random_uuid(),
  city_id uuid not null references public.cities (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9-]+$'),
  title text not null check (length(trim(title)) > 0),
  adopted_on date,
  is_current boolean not null default false,
  -- e.g. {"field": "Handlungsfeld", "goal": "Ziel", "measure": "Maßnahme"}
  level_names jsonb not null default '{"field": "Handlungsfeld", "goal": "Ziel", "measure": "Maßnahme"}'
    check (level_names ?& array['field', 'goal', 'measure']),
  source_url text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  unique (city_id, slug)
);
comment on table public.concepts is 'A city''s integration concept (e.g. Kempten''s KIK); a city may have several over time, one current.';
create unique index concepts_one_current_per_city on public.concepts (city_id) where is_current;
alter table public.concepts enable row level security;

create table public.fields_of_action (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  position smallint not null check (position > 0),
  code text not null,
  title text not null check (length(trim(title)) > 0),
  vision text,
  unique (concept_id, code),
  unique (concept_id, position)
);
comment on table public.fields_of_action is 'Top level of a concept: Handlungsfeld / Themenfeld, optionally with its guiding vision (Leitbild).';
alter table public.fields_of_action enable row level security;

create table public.goals (
  id uuid primary key default gen_random_uuid(),
  field_of_action_id uuid not null references public.fields_of_action (id) on delete cascade,
  position smallint not null check (position > 0),
  code text not null,
  title text not null check (length(trim(title)) > 0),
  indicator text,
  is_placeholder boolean not null default false,
  unique (field_of_action_id, position)
);
comment on table public.goals is 'Goals (Ziele) of a field of action, with the indicator the concept develops for them. is_placeholder marks text the concept has not published.';
create index goals_field_of_action_id_idx on public.goals (field_of_action_id);
alter table public.goals enable row level security;

-- Kempten's six states of a measure, shown as traffic lights.
create type public.measure_status as enum (
  'implemented',          -- umgesetzt / wird laufend umgesetzt / Maßnahmenlauf nach Plan
  'in_progress_start',    -- in Umsetzung (Anfang)
  'in_progress_middle',   -- in Umsetzung (Mitte)
  'in_progress_end',      -- in Umsetzung (Ende)
  'at_risk',              -- Umsetzung nicht möglich / gefährdet / bisher nicht umgesetzt
  'scheduled'             -- zukünftiger Termin
);

create function public.measure_status_light(p_status public.measure_status) returns text
language sql
immutable
set search_path = ''
as $$
  select case p_status
    when 'implemented' then 'green'
    when 'in_progress_start' then 'yellow'
    when 'in_progress_middle' then 'yellow'
    when 'in_progress_end' then 'yellow'
    when 'at_risk' then 'red'
    when 'scheduled' then 'grey'
  end;
$$;
comment on function public.measure_status_light is 'Traffic light of a measure status: green, yellow, red, grey (future date); null when no status is reported.';

create table public.measures (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references public.goals (id) on delete cascade,
  position smallint not null check (position > 0),
  code text not null,
  title text not null check (length(trim(title)) > 0),
  description text,
  target_group text,
  responsible text,
  actors text,
  resources_needed text,
  starts_on date,
  ends_on date,
  status public.measure_status,
  status_changed_at timestamptz,
  is_placeholder boolean not null default false,
  updated_at timestamptz not null default now(),
  unique (goal_id, position),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
comment on table public.measures is 'Measures (Maßnahmen / Handlungsempfehlungen) with the columns of the implementation table. is_placeholder marks text the concept has not published.';
create index measures_goal_id_idx on public.measures (goal_id);
create index measures_code_idx on public.measures (code);
alter table public.measures enable row level security;
create trigger measures_touch before update on public.measures
  for each row execute function private.touch_updated_at();

create table public.measure_indicators (
  id uuid primary key default gen_random_uuid(),
  measure_id uuid not null references public.measures (id) on delete cascade,
  position smallint not null default 1,
  description text not null check (length(trim(description)) > 0),
  target_value numeric check (target_value >= 0),
  target_unit text
);
comment on table public.measure_indicators is 'Success indicators of a measure with their targets, e.g. 10 newcomers per meeting.';
create index measure_indicators_measure_id_idx on public.measure_indicators (measure_id);
alter table public.measure_indicators enable row level security;

create table public.measure_status_changes (
  id bigint generated always as identity primary key,
  measure_id uuid not null references public.measures (id) on delete cascade,
  from_status public.measure_status,
  to_status public.measure_status,
  changed_at timestamptz not null default now(),
  changed_by uuid,
  note text
);
comment on table public.measure_status_changes is 'History of measure status changes, written by a trigger; a note may be set with set_config(''portal.status_note'', …).';
create index measure_status_changes_measure_id_idx on public.measure_status_changes (measure_id, changed_at);
alter table public.measure_status_changes enable row level security;

create function private.record_measure_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    new.status_changed_at := now();
    insert into public.measure_status_changes (measure_id, from_status, to_status, changed_by, note)
    values (
      new.id,
      case when tg_op = 'UPDATE' then old.status end,
      new.status,
      (select auth.uid()),
      nullif(current_setting('portal.status_note', true), '')
    );
  end if;
  return new;
end;
$$;
-- before-row on update so status_changed_at is set; after insert for the id to exist
create trigger measures_status_history_update before update of status on public.measures
  for each row execute function private.record_measure_status();

create function private.record_initial_measure_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.status is not null then
    insert into public.measure_status_changes (measure_id, from_status, to_status, changed_by, changed_at)
    values (new.id, null, new.status, (select auth.uid()), coalesce(new.status_changed_at, now()));
  end if;
  return null;
end;
$$;
create trigger measures_status_history_insert after insert on public.measures
  for each row execute function private.record_initial_measure_status();

create table public.themes (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9-]+$'),
  title text not null check (length(trim(title)) > 0),
  unique (concept_id, slug)
);
comment on table public.themes is 'Cross-cutting themes of a concept (participation, volunteering, anti-discrimination, women …) tagging measures and offers.';
alter table public.themes enable row level security;

create table public.measure_themes (
  measure_id uuid not null references public.measures (id) on delete cascade,
  theme_id uuid not null references public.themes (id) on delete cascade,
  primary key (measure_id, theme_id)
);
comment on table public.measure_themes is 'Which cross-cutting themes a measure serves.';
create index measure_themes_theme_id_idx on public.measure_themes (theme_id);
alter table public.measure_themes enable row level security;

create trigger concepts_audit after insert or update or delete on public.concepts
  for each row execute function private.audit();
create trigger measures_audit after insert or update or delete on public.measures
  for each row execute function private.audit();

-- ---------------------------------------------------------------------------
-- Policies: the concept is public; the city's integration office maintains it.

create policy "concepts are public" on public.concepts for select to anon using (true);
create policy "concepts are readable by staff" on public.concepts for select to authenticated using (true);
create policy "city admins add concepts" on public.concepts for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change concepts" on public.concepts for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove concepts" on public.concepts for delete to authenticated
  using ((select private.is_city_admin()));

create policy "fields of action are public" on public.fields_of_action for select to anon using (true);
create policy "fields of action are readable by staff" on public.fields_of_action for select to authenticated using (true);
create policy "city admins add fields of action" on public.fields_of_action for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change fields of action" on public.fields_of_action for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove fields of action" on public.fields_of_action for delete to authenticated
  using ((select private.is_city_admin()));

create policy "goals are public" on public.goals for select to anon using (true);
create policy "goals are readable by staff" on public.goals for select to authenticated using (true);
create policy "city admins add goals" on public.goals for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change goals" on public.goals for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove goals" on public.goals for delete to authenticated
  using ((select private.is_city_admin()));

create policy "measures are public" on public.measures for select to anon using (true);
create policy "measures are readable by staff" on public.measures for select to authenticated using (true);
create policy "city admins add measures" on public.measures for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change measures" on public.measures for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove measures" on public.measures for delete to authenticated
  using ((select private.is_city_admin()));

create policy "measure indicators are public" on public.measure_indicators for select to anon using (true);
create policy "measure indicators are readable by staff" on public.measure_indicators for select to authenticated using (true);
create policy "city admins add measure indicators" on public.measure_indicators for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change measure indicators" on public.measure_indicators for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove measure indicators" on public.measure_indicators for delete to authenticated
  using ((select private.is_city_admin()));

-- The history is written by the trigger only; nobody edits or removes it.
create policy "measure status history is public" on public.measure_status_changes for select to anon using (true);
create policy "measure status history is readable by staff" on public.measure_status_changes for select to authenticated using (true);

create policy "themes are public" on public.themes for select to anon using (true);
create policy "themes are readable by staff" on public.themes for select to authenticated using (true);
create policy "city admins add themes" on public.themes for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change themes" on public.themes for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove themes" on public.themes for delete to authenticated
  using ((select private.is_city_admin()));

create policy "measure themes are public" on public.measure_themes for select to anon using (true);
create policy "measure themes are readable by staff" on public.measure_themes for select to authenticated using (true);
create policy "city admins tag measures" on public.measure_themes for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change measure tags" on public.measure_themes for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins untag measures" on public.measure_themes for delete to authenticated
  using ((select private.is_city_admin()));
