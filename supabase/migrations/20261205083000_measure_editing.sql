-- The city office keeps its concept in the portal: every column of a measure edited in place,
-- its success indicators with target values, the values measured on a date from a source, the
-- cross-cutting themes it serves, and which of the city's concepts is the current one.

-- ---------------------------------------------------------------------------
-- Measured values of a measure's success indicators. A value belongs to the indicator at a
-- position of its measure (the import replaces a changed indicator list by position, and the
-- edit form keeps positions), so re-importing the implementation table keeps what was measured.

create table public.measure_indicator_values (
  id bigint generated always as identity primary key,
  measure_id uuid not null references public.measures (id) on delete cascade,
  indicator_position smallint not null check (indicator_position > 0),
  measured_on date not null,
  value numeric not null check (value >= 0),
  source text not null check (length(trim(source)) between 2 and 300),
  recorded_by uuid references auth.users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  unique (measure_id, indicator_position, measured_on)
);
comment on table public.measure_indicator_values is 'A value measured for a success indicator of a measure (by its position) on a date, with its source.';
alter table public.measure_indicator_values enable row level security;
create trigger measure_indicator_values_audit after insert or update or delete on public.measure_indicator_values
  for each row execute function private.audit();

create policy "the city office and its observers read measured values" on public.measure_indicator_values
  for select to authenticated using ((select private.is_city_reader()));
grant select on table public.measure_indicator_values to authenticated, service_role;

-- Records (or corrects: same indicator, same date) a measured value; city admins only.
create function public.record_indicator_value(p_measure_id uuid, p_position integer, p_measured_on date,
                                              p_value numeric, p_source text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_source text := private.clean_line(p_source);
  v_row public.measure_indicator_values;
begin
  if not exists (select 1 from public.measures where id = p_measure_id) then
    raise exception 'no measure %', p_measure_id using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may record measured values' using errcode = '42501';
  end if;
  if not exists (select 1 from public.measure_indicators where measure_id = p_measure_id and position = p_position) then
    raise exception 'the measure has no indicator %', p_position using errcode = '22023';
  end if;
  if p_measured_on is null or p_measured_on > current_date then
    raise exception 'a measured value needs a date that is not in the future' using errcode = '22023';
  end if;
  if p_value is null or p_value < 0 then
    raise exception 'a measured value is a number of at least 0' using errcode = '22023';
  end if;
  if v_source is null or length(v_source) not between 2 and 300 then
    raise exception 'a measured value needs its source (2 to 300 characters)' using errcode = '22023';
  end if;
  insert into public.measure_indicator_values (measure_id, indicator_position, measured_on, value, source, recorded_by)
  values (p_measure_id, p_position, p_measured_on, p_value, v_source, auth.uid())
  on conflict (measure_id, indicator_position, measured_on) do update
    set value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = now()
  returning * into v_row;
  return jsonb_build_object('id', v_row.id, 'position', v_row.indicator_position,
    'measured_on', v_row.measured_on, 'value', v_row.value, 'source', v_row.source);
end;
$$;
comment on function public.record_indicator_value is 'Records a measured value of a measure''s indicator (by position) on a date with its source, or corrects the value of that date; city admins only.';

create function public.delete_indicator_value(p_id bigint) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.measure_indicator_values where id = p_id) then
    raise exception 'no measured value %', p_id using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may delete measured values' using errcode = '42501';
  end if;
  delete from public.measure_indicator_values where id = p_id;
end;
$$;
comment on function public.delete_indicator_value is 'Deletes a measured value; city admins only.';

-- ---------------------------------------------------------------------------
-- Every column of a measure, its indicators and themes, in one change. `p_expected` is the
-- updated_at the editor saw: a change made meanwhile is refused (PT409), not overwritten.
-- Indicators come in their new order; one with "position" is the indicator that had that
-- position (its measured values follow it), one without is new; values of indicators left
-- out are deleted with them. Themes are the slugs of the concept's themes.

-- The indicator list of an edit: new position, the position it had (null: new), its columns.
create function private.edited_indicators(p_list jsonb)
returns table (new_position smallint, old_position smallint, description text, target_value numeric, target_unit text)
language sql
stable
set search_path = ''
as $$
  select n::smallint, (i ->> 'position')::smallint, private.clean_line(i ->> 'description'),
         (i ->> 'target_value')::numeric, nullif(private.clean_line(i ->> 'target_unit'), '')
  from jsonb_array_elements(coalesce(p_list, '[]')) with ordinality as x (i, n);
$$;

create function public.update_measure(p_measure_id uuid, p_measure jsonb, p_expected timestamptz)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_measure public.measures;
  v_concept_id uuid;
  v_item jsonb;
  v_title text := private.clean_line(p_measure ->> 'title');
  v_starts date;
  v_ends date;
  v_text text;
  v_key text;
begin
  select m.* into v_measure from public.measures m where m.id = p_measure_id for update;
  if v_measure.id is null then
    raise exception 'no measure %', p_measure_id using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may change a measure' using errcode = '42501';
  end if;
  if p_expected is null or v_measure.updated_at <> p_expected then
    raise exception 'the measure was changed meanwhile' using errcode = 'PT409';
  end if;
  if jsonb_typeof(p_measure) <> 'object' then
    raise exception 'a measure is a JSON object' using errcode = '22023';
  end if;
  if v_title is null or length(v_title) not between 3 and 300 then
    raise exception 'title: 3 to 300 characters' using errcode = '22023';
  end if;
  foreach v_key in array array['description', 'target_group', 'responsible', 'actors', 'resources_needed'] loop
    if length(coalesce(p_measure ->> v_key, '')) > 4000 then
      raise exception '%: at most 4,000 characters', v_key using errcode = '22023';
    end if;
  end loop;
  begin
    v_starts := nullif(p_measure ->> 'starts_on', '')::date;
    v_ends := nullif(p_measure ->> 'ends_on', '')::date;
  exception when others then
    raise exception 'starts_on, ends_on: dates as YYYY-MM-DD' using errcode = '22023';
  end;
  if v_starts is not null and v_ends is not null and v_ends < v_starts then
    raise exception 'ends_on: before starts_on' using errcode = '22023';
  end if;
  if jsonb_typeof(coalesce(p_measure -> 'indicators', '[]')) <> 'array'
     or jsonb_typeof(coalesce(p_measure -> 'themes', '[]')) <> 'array' then
    raise exception 'indicators, themes: lists' using errcode = '22023';
  end if;
  for v_item in select value from jsonb_array_elements(coalesce(p_measure -> 'indicators', '[]')) loop
    v_text := private.clean_line(v_item ->> 'description');
    if v_text is null or length(v_text) not between 3 and 500 then
      raise exception 'indicators: a description of 3 to 500 characters' using errcode = '22023';
    end if;
    if jsonb_typeof(coalesce(v_item -> 'target_value', 'null')) not in ('number', 'null') then
      raise exception 'indicators: a target value is a number of at least 0' using errcode = '22023';
    elsif (v_item ->> 'target_value')::numeric < 0 then
      raise exception 'indicators: a target value is a number of at least 0' using errcode = '22023';
    end if;
    if jsonb_typeof(coalesce(v_item -> 'position', 'null')) not in ('number', 'null') then
      raise exception 'indicators: a position is a number' using errcode = '22023';
    end if;
    if v_item ? 'position' and not exists (select 1 from public.measure_indicators i
        where i.measure_id = p_measure_id and i.position = (v_item ->> 'position')::integer) then
      raise exception 'indicators: no indicator %', v_item ->> 'position' using errcode = '22023';
    end if;
  end loop;

  select f.concept_id into v_concept_id
  from public.goals g join public.fields_of_action f on f.id = g.field_of_action_id where g.id = v_measure.goal_id;
  if exists (select 1 from jsonb_array_elements_text(coalesce(p_measure -> 'themes', '[]')) s
             where not exists (select 1 from public.themes t where t.concept_id = v_concept_id and t.slug = s)) then
    raise exception 'themes: not a theme of the concept' using errcode = '22023';
  end if;

  update public.measures set
    title = v_title,
    description = nullif(private.clean_text(p_measure ->> 'description'), ''),
    target_group = nullif(private.clean_text(p_measure ->> 'target_group'), ''),
    responsible = nullif(private.clean_text(p_measure ->> 'responsible'), ''),
    actors = nullif(private.clean_text(p_measure ->> 'actors'), ''),
    resources_needed = nullif(private.clean_text(p_measure ->> 'resources_needed'), ''),
    starts_on = v_starts,
    ends_on = v_ends
  where id = p_measure_id
  returning updated_at into v_measure.updated_at;  -- touch_updated_at: the transaction's time

  -- indicators: values move with their indicator's new position, those of dropped ones go;
  -- through positions above 10,000 first, so that swapped positions never collide
  delete from public.measure_indicator_values v
  where v.measure_id = p_measure_id
    and not exists (select 1 from private.edited_indicators(p_measure -> 'indicators') e
                    where e.old_position = v.indicator_position);
  update public.measure_indicator_values v set indicator_position = 10000 + e.new_position
  from private.edited_indicators(p_measure -> 'indicators') e
  where v.measure_id = p_measure_id and e.old_position = v.indicator_position;
  update public.measure_indicator_values set indicator_position = indicator_position - 10000
  where measure_id = p_measure_id and indicator_position > 10000;
  delete from public.measure_indicators where measure_id = p_measure_id;
  insert into public.measure_indicators (measure_id, position, description, target_value, target_unit)
  select p_measure_id, e.new_position, e.description, e.target_value, e.target_unit
  from private.edited_indicators(p_measure -> 'indicators') e;

  delete from public.measure_themes where measure_id = p_measure_id;
  insert into public.measure_themes (measure_id, theme_id)
  select p_measure_id, t.id from public.themes t
  where t.concept_id = v_concept_id
    and t.slug in (select jsonb_array_elements_text(coalesce(p_measure -> 'themes', '[]')));

  return v_measure.updated_at;
end;
$$;
comment on function public.update_measure is 'Changes every column of a measure, its indicators (measured values follow their indicator) and its themes; refused with PT409 when the measure changed since p_expected; city admins only.';

-- ---------------------------------------------------------------------------
-- Which concept is the city's current one (the portal, coverage and public status show it).

create function public.set_current_concept(p_concept text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_concept public.concepts;
begin
  select * into v_concept from public.concepts where slug = p_concept;
  if v_concept.id is null then
    raise exception 'no concept %', private.quoted(p_concept) using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may choose the current concept' using errcode = '42501';
  end if;
  update public.concepts set is_current = false where city_id = v_concept.city_id and is_current and id <> v_concept.id;
  update public.concepts set is_current = true where id = v_concept.id and not is_current;
end;
$$;
comment on function public.set_current_concept is 'Makes a concept its city''s current one; city admins only.';

-- ---------------------------------------------------------------------------
-- One measure as the city office reads it: as before, plus when it last changed, its
-- indicators' positions and measured values, its themes and the concept's themes to choose from.

create or replace function public.city_measure(p_measure_id uuid) returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', m.id, 'code', m.code, 'title', m.title, 'description', m.description,
    'target_group', m.target_group, 'responsible', m.responsible, 'actors', m.actors,
    'resources_needed', m.resources_needed, 'starts_on', m.starts_on, 'ends_on', m.ends_on,
    'status', m.status, 'light', public.measure_status_light(m.status),
    'is_late', public.measure_is_late(m.status, m.ends_on), 'status_changed_at', m.status_changed_at,
    'updated_at', m.updated_at,
    'goal', jsonb_build_object('code', g.code, 'title', g.title, 'indicator', g.indicator),
    'field', jsonb_build_object('code', f.code, 'title', f.title),
    'concept', jsonb_build_object('slug', k.slug, 'title', k.title, 'level_names', k.level_names),
    'indicators', coalesce((select jsonb_agg(jsonb_build_object('position', i.position,
        'description', i.description, 'target_value', i.target_value, 'target_unit', i.target_unit,
        'values', coalesce((select jsonb_agg(jsonb_build_object('id', v.id, 'measured_on', v.measured_on,
            'value', v.value, 'source', v.source) order by v.measured_on)
          from public.measure_indicator_values v
          where v.measure_id = m.id and v.indicator_position = i.position
            and (select private.is_city_reader())), '[]')) order by i.position)
      from public.measure_indicators i where i.measure_id = m.id), '[]'),
    'themes', coalesce((select jsonb_agg(t.slug order by t.title)
      from public.measure_themes mt join public.themes t on t.id = mt.theme_id where mt.measure_id = m.id), '[]'),
    'concept_themes', coalesce((select jsonb_agg(jsonb_build_object('slug', t.slug, 'title', t.title) order by t.title)
      from public.themes t where t.concept_id = k.id), '[]'),
    'offers', coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'state', o.state,
        'title', coalesce(t.title, '')) order by t.title)
      from public.offer_measures om join public.offers o on o.id = om.offer_id
      left join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
      where om.measure_id = m.id), '[]'))
  from public.measures m
  join public.goals g on g.id = m.goal_id
  join public.fields_of_action f on f.id = g.field_of_action_id
  join public.concepts k on k.id = f.concept_id
  where m.id = p_measure_id;
$$;

revoke all on function private.edited_indicators(jsonb) from public;
revoke all on function public.record_indicator_value(uuid, integer, date, numeric, text),
  public.delete_indicator_value(bigint), public.update_measure(uuid, jsonb, timestamptz),
  public.set_current_concept(text)
  from public, anon, authenticated, service_role;
grant execute on function public.record_indicator_value(uuid, integer, date, numeric, text),
  public.delete_indicator_value(bigint), public.update_measure(uuid, jsonb, timestamptz),
  public.set_current_concept(text)
  to authenticated;
