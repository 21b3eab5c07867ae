-- Concept import: a city's own implementation table (the KIK table: Handlungsfeld, Ziel,
-- Maßnahme, Beschreibung, Zielgruppe, verantwortlich, Akteur*innen, Was wird benötigt?, Beginn,
-- Umsetzung bis wann?, Indikatoren, Status), read from XLSX or CSV by
-- src/lib/server/import/concept.ts, into fields of action → goals → measures of a concept.
--
-- * Matched by code within the concept: an edited file updates a measure in place, so it keeps
--   its id, its offer links and its history; its status change lands in the history with the
--   note "Import: <file>".
-- * All or nothing: every bad row is named with its reason (22023, detail as import_offers).
-- * A dry run does everything in a subtransaction, reports it and rolls it back.
-- * Importing the same file again changes nothing: values are compared as the triggers would
--   clean them, and only rows that differ are written.
-- * A column the file does not have leaves that column as it is. Measures, goals and fields the
--   file leaves out are kept (offers may link them) and reported; they move behind the file's
--   own in their parent's order.

-- Positions are renumbered by the import; checked at the end of the transaction.
alter table public.fields_of_action drop constraint fields_of_action_concept_id_position_key,
  add constraint fields_of_action_concept_id_position_key unique (concept_id, position)
  deferrable initially immediate;
alter table public.goals drop constraint goals_field_of_action_id_position_key,
  add constraint goals_field_of_action_id_position_key unique (field_of_action_id, position)
  deferrable initially immediate;
alter table public.measures drop constraint measures_goal_id_position_key,
  add constraint measures_goal_id_position_key unique (goal_id, position)
  deferrable initially immediate;

-- The problem with one row of the file, or null. Values arrive trimmed, empty ones left out.
create function private.concept_row_problem(p_row jsonb) returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_code constant text := '^[[:alnum:]]{1,12}([.-][[:alnum:]]{1,12}){0,5}$';
  v_key text;
  v_item jsonb;
begin
  foreach v_key in array array['field', 'goal', 'measure'] loop
    if nullif(p_row ->> (v_key || '_code'), '') is null then
      return format('column %s: no code', v_key);
    end if;
    if p_row ->> (v_key || '_code') !~ v_code then
      return format('column %s: %s is not a code such as 1, 1.2 or 1.2.3', v_key, private.quoted(p_row ->> (v_key || '_code')));
    end if;
    if nullif(private.clean_line(p_row ->> (v_key || '_title')), '') is null then
      return format('column %s: no title', v_key);
    end if;
    if length(p_row ->> (v_key || '_title')) > 1000 then
      return format('column %s: the title is longer than 1,000 characters', v_key);
    end if;
  end loop;
  if p_row ? 'status' and p_row ->> 'status' is not null
     and not p_row ->> 'status' = any (enum_range(null::public.measure_status)::text[]) then
    return format('column status: %s is not a status', private.quoted(p_row ->> 'status'));
  end if;
  foreach v_key in array array['starts_on', 'ends_on'] loop
    if p_row ->> v_key is not null and (p_row ->> v_key !~ '^\d{4}-\d{2}-\d{2}$'
        or not private.csv_is_moment(p_row ->> v_key, 'YYYY-MM-DD')) then
      return format('column %s: %s is not a date', v_key, private.quoted(p_row ->> v_key));
    end if;
  end loop;
  if (p_row ->> 'ends_on')::date < (p_row ->> 'starts_on')::date then
    return format('columns starts_on and ends_on: the end %s is before the start %s',
      p_row ->> 'ends_on', p_row ->> 'starts_on');
  end if;
  if p_row ? 'indicators' then
    if jsonb_typeof(p_row -> 'indicators') <> 'array' then
      return 'column indicators: not a list';
    end if;
    for v_item in select value from jsonb_array_elements(p_row -> 'indicators') loop
      if nullif(private.clean_line(v_item ->> 'description'), '') is null then
        return 'column indicators: an indicator without text';
      end if;
      if v_item ->> 'target_value' is not null
         and (jsonb_typeof(v_item -> 'target_value') <> 'number' or (v_item ->> 'target_value')::numeric < 0) then
        return format('column indicators: %s is not a target value', private.quoted(v_item ->> 'target_value'));
      end if;
    end loop;
  end if;
  if p_row ? 'themes' and (jsonb_typeof(p_row -> 'themes') <> 'array'
      or exists (select 1 from jsonb_array_elements(p_row -> 'themes') t
                 where jsonb_typeof(t) <> 'string' or private.slugify(t #>> '{}') = '')) then
    return 'column themes: not a list of theme names';
  end if;
  return null;
end;
$$;
comment on function private.concept_row_problem is 'Why a row of a concept import cannot be taken (codes, titles, status, dates, indicators, themes), or null.';

-- A column of a measure as the import writes it: the file's value when the file has the
-- column, cleaned as the triggers clean it; the stored value when it has not.
create function private.concept_text(p_row jsonb, p_key text, p_stored text) returns text
language sql
immutable
set search_path = ''
as $$
  select case when p_row ? p_key then private.clean_text(nullif(p_row ->> p_key, '')) else p_stored end;
$$;

create function public.import_concept(p_city text, p_concept jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_city_id uuid := private.require_city(p_city);
  v_columns constant text[] := array['row', 'field_code', 'field_title', 'goal_code', 'goal_title',
    'goal_indicator', 'measure_code', 'measure_title', 'description', 'target_group', 'responsible',
    'actors', 'resources_needed', 'starts_on', 'ends_on', 'indicators', 'status', 'themes'];
  v_rows constant jsonb := p_concept -> 'rows';
  v_unknown text[];
  v_concept public.concepts;
  v_concept_created boolean := false;
  v_row jsonb;
  v_problem text;
  v_errors jsonb := '[]';
  v_first jsonb := '{}'; -- 'f:<code>' / 'g:<code>' / 'm:<code>' → the row that named it first
  v_item record;
  v_id uuid;
  v_field_ids jsonb := '{}';
  v_goal_ids jsonb := '{}';
  v_measure public.measures;
  v_created boolean;
  v_new public.measures;
  v_changed text[];
  v_old_indicators jsonb;
  v_new_indicators jsonb;
  v_old_themes text[];
  v_new_themes text[];
  v_report jsonb;
  v_fields jsonb := jsonb_build_object('created', '[]'::jsonb, 'updated', '[]'::jsonb);
  v_goals jsonb := jsonb_build_object('created', '[]'::jsonb, 'updated', '[]'::jsonb);
  v_measures jsonb := jsonb_build_object('created', '[]'::jsonb, 'updated', '[]'::jsonb);
  v_statuses jsonb := '[]';
  v_left_out jsonb;
begin
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may import a concept' using errcode = '42501';
  end if;
  if jsonb_typeof(v_rows) is distinct from 'array' or jsonb_array_length(v_rows) = 0 then
    raise exception 'no rows to import' using errcode = '22023';
  end if;
  select array_agg(distinct k) into v_unknown
  from jsonb_array_elements(v_rows) r, jsonb_object_keys(r) k
  where not k = any (v_columns);
  if v_unknown is not null then
    raise exception 'unknown columns: %', array_to_string(v_unknown, ', ')
      using errcode = '22023', hint = 'Known columns: ' || array_to_string(v_columns[2:], ', ');
  end if;

  select * into v_concept from public.concepts
  where city_id = v_city_id
    and case when nullif(p_concept ->> 'slug', '') is null then is_current else slug = p_concept ->> 'slug' end;
  if v_concept.id is null and (nullif(p_concept ->> 'slug', '') is null
                               or nullif(trim(p_concept ->> 'title'), '') is null) then
    raise exception 'no concept % in %', coalesce(private.quoted(p_concept ->> 'slug'), '(current)'), p_city
      using errcode = '22023', hint = 'Give the slug and title of a new concept to create it.';
  end if;

  -- Every row on its own, then across rows: a code names one thing.
  for v_row in select r from jsonb_array_elements(v_rows) r loop
    v_problem := private.concept_row_problem(v_row);
    if v_problem is null and v_first ? ('m:' || (v_row ->> 'measure_code')) then
      v_problem := format('column measure: %s is also in row %s', v_row ->> 'measure_code',
        v_first #>> array['m:' || (v_row ->> 'measure_code'), 'row']);
    end if;
    if v_problem is null and v_first ? ('f:' || (v_row ->> 'field_code'))
       and private.clean_line(v_first #>> array['f:' || (v_row ->> 'field_code'), 'field_title'])
           is distinct from private.clean_line(v_row ->> 'field_title') then
      v_problem := format('column field: %s is called %s in row %s', v_row ->> 'field_code',
        private.quoted(v_first #>> array['f:' || (v_row ->> 'field_code'), 'field_title']),
        v_first #>> array['f:' || (v_row ->> 'field_code'), 'row']);
    end if;
    if v_problem is null and v_first ? ('g:' || (v_row ->> 'goal_code'))
       and (private.clean_line(v_first #>> array['g:' || (v_row ->> 'goal_code'), 'goal_title'])
              is distinct from private.clean_line(v_row ->> 'goal_title')
            or v_first #>> array['g:' || (v_row ->> 'goal_code'), 'field_code'] <> v_row ->> 'field_code') then
      v_problem := format('column goal: %s is named differently or under another field in row %s',
        v_row ->> 'goal_code', v_first #>> array['g:' || (v_row ->> 'goal_code'), 'row']);
    end if;
    if v_problem is not null then
      v_errors := v_errors || jsonb_build_object('row', v_row -> 'row', 'reason', v_problem);
    end if;
    -- the first row with a code names it, even when something else in that row is wrong
    v_first := v_first
      || case when v_row ->> 'measure_code' is null or v_first ? ('m:' || (v_row ->> 'measure_code'))
              then '{}'::jsonb else jsonb_build_object('m:' || (v_row ->> 'measure_code'), v_row) end
      || case when v_row ->> 'field_code' is null or v_first ? ('f:' || (v_row ->> 'field_code'))
              then '{}'::jsonb else jsonb_build_object('f:' || (v_row ->> 'field_code'), v_row) end
      || case when v_row ->> 'goal_code' is null or v_first ? ('g:' || (v_row ->> 'goal_code'))
              then '{}'::jsonb else jsonb_build_object('g:' || (v_row ->> 'goal_code'), v_row) end;
  end loop;
  if jsonb_array_length(v_errors) > 0 then
    perform private.refuse_import('rows', v_errors, jsonb_array_length(v_rows));
  end if;

  begin
    if v_concept.id is null then
      insert into public.concepts (city_id, slug, title, level_names, is_current)
      values (v_city_id, p_concept ->> 'slug', trim(p_concept ->> 'title'),
        coalesce(p_concept -> 'level_names', '{"field": "Handlungsfeld", "goal": "Ziel", "measure": "Maßnahme"}'),
        not exists (select 1 from public.concepts where city_id = v_city_id and is_current))
      returning * into v_concept;
      v_concept_created := true;
    elsif p_concept ? 'level_names' and v_concept.level_names is distinct from p_concept -> 'level_names' then
      update public.concepts set level_names = p_concept -> 'level_names' where id = v_concept.id;
    end if;
    perform set_config('portal.status_note',
      'Import' || coalesce(': ' || nullif(private.clean_line(p_concept ->> 'source'), ''), ''), true);
    set constraints public.fields_of_action_concept_id_position_key,
      public.goals_field_of_action_id_position_key, public.measures_goal_id_position_key deferred;

    -- Fields of action, in the order the file first names them
    for v_item in
      select r ->> 'field_code' as code, private.clean_line(r ->> 'field_title') as title,
             (row_number() over (order by n))::smallint as position
      from jsonb_array_elements(v_rows) with ordinality as x (r, n)
      where v_first -> ('f:' || (r ->> 'field_code')) = r
    loop
      select id into v_id from public.fields_of_action where concept_id = v_concept.id and code = v_item.code;
      if v_id is null then
        insert into public.fields_of_action (concept_id, position, code, title)
        values (v_concept.id, v_item.position, v_item.code, v_item.title) returning id into v_id;
        v_fields := jsonb_set(v_fields, '{created}', (v_fields -> 'created') || to_jsonb(v_item.code));
      else
        update public.fields_of_action set title = v_item.title, position = v_item.position
        where id = v_id and (title, position) is distinct from (v_item.title, v_item.position);
        if found then v_fields := jsonb_set(v_fields, '{updated}', (v_fields -> 'updated') || to_jsonb(v_item.code)); end if;
      end if;
      v_field_ids := v_field_ids || jsonb_build_object(v_item.code, v_id);
    end loop;

    -- Goals, numbered within their field in the file's order
    for v_item in
      select r ->> 'goal_code' as code, private.clean_line(r ->> 'goal_title') as title,
             (v_field_ids ->> (r ->> 'field_code'))::uuid as field_id,
             r ? 'goal_indicator' as has_indicator, private.clean_text(r ->> 'goal_indicator') as indicator,
             (row_number() over (partition by r ->> 'field_code' order by n))::smallint as position
      from jsonb_array_elements(v_rows) with ordinality as x (r, n)
      where v_first -> ('g:' || (r ->> 'goal_code')) = r
    loop
      select g.id into v_id from public.goals g join public.fields_of_action f on f.id = g.field_of_action_id
      where f.concept_id = v_concept.id and g.code = v_item.code;
      if v_id is null then
        insert into public.goals (field_of_action_id, position, code, title, indicator)
        values (v_item.field_id, v_item.position, v_item.code, v_item.title, v_item.indicator) returning id into v_id;
        v_goals := jsonb_set(v_goals, '{created}', (v_goals -> 'created') || to_jsonb(v_item.code));
      else
        update public.goals g set field_of_action_id = v_item.field_id, position = v_item.position,
          title = v_item.title, is_placeholder = false,
          indicator = case when v_item.has_indicator then v_item.indicator else g.indicator end
        where g.id = v_id and (g.field_of_action_id, g.position, g.title, g.is_placeholder,
            case when v_item.has_indicator then v_item.indicator else g.indicator end)
          is distinct from (v_item.field_id, v_item.position, v_item.title, false, g.indicator);
        if found then v_goals := jsonb_set(v_goals, '{updated}', (v_goals -> 'updated') || to_jsonb(v_item.code)); end if;
      end if;
      v_goal_ids := v_goal_ids || jsonb_build_object(v_item.code, v_id);
    end loop;

    -- Measures, numbered within their goal in the file's order
    for v_item in
      select r, (row_number() over (partition by r ->> 'goal_code' order by n))::smallint as position
      from jsonb_array_elements(v_rows) with ordinality as x (r, n)
      order by n
    loop
      v_row := v_item.r;
      v_created := false;
      select m.* into v_measure from public.measures m
      join public.goals g on g.id = m.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      where f.concept_id = v_concept.id and m.code = v_row ->> 'measure_code';
      v_new := v_measure;
      v_new.goal_id := (v_goal_ids ->> (v_row ->> 'goal_code'))::uuid;
      v_new.position := v_item.position;
      v_new.code := v_row ->> 'measure_code';
      v_new.title := private.clean_line(v_row ->> 'measure_title');
      v_new.is_placeholder := false;
      v_new.description := private.concept_text(v_row, 'description', v_measure.description);
      v_new.target_group := private.concept_text(v_row, 'target_group', v_measure.target_group);
      v_new.responsible := private.concept_text(v_row, 'responsible', v_measure.responsible);
      v_new.actors := private.concept_text(v_row, 'actors', v_measure.actors);
      v_new.resources_needed := private.concept_text(v_row, 'resources_needed', v_measure.resources_needed);
      if v_row ? 'starts_on' or v_measure.id is null then v_new.starts_on := (v_row ->> 'starts_on')::date; end if;
      if v_row ? 'ends_on' or v_measure.id is null then v_new.ends_on := (v_row ->> 'ends_on')::date; end if;
      if v_row ? 'status' or v_measure.id is null then v_new.status := (v_row ->> 'status')::public.measure_status; end if;

      if v_measure.id is null then
        insert into public.measures (goal_id, position, code, title, description, target_group, responsible,
          actors, resources_needed, starts_on, ends_on, status)
        values (v_new.goal_id, v_new.position, v_new.code, v_new.title, v_new.description, v_new.target_group,
          v_new.responsible, v_new.actors, v_new.resources_needed, v_new.starts_on, v_new.ends_on, v_new.status)
        returning * into v_measure;
        v_measures := jsonb_set(v_measures, '{created}', (v_measures -> 'created') || to_jsonb(v_new.code));
        v_created := true;
        v_changed := null;
      else
        v_changed := array_remove(array[
          case when v_new.goal_id is distinct from v_measure.goal_id then 'goal' end,
          case when v_new.position is distinct from v_measure.position then 'position' end,
          case when v_new.title is distinct from v_measure.title
                 or v_new.is_placeholder is distinct from v_measure.is_placeholder then 'title' end,
          case when v_new.description is distinct from v_measure.description then 'description' end,
          case when v_new.target_group is distinct from v_measure.target_group then 'target_group' end,
          case when v_new.responsible is distinct from v_measure.responsible then 'responsible' end,
          case when v_new.actors is distinct from v_measure.actors then 'actors' end,
          case when v_new.resources_needed is distinct from v_measure.resources_needed then 'resources_needed' end,
          case when v_new.starts_on is distinct from v_measure.starts_on then 'starts_on' end,
          case when v_new.ends_on is distinct from v_measure.ends_on then 'ends_on' end,
          case when v_new.status is distinct from v_measure.status then 'status' end
        ], null);
        if cardinality(v_changed) > 0 then
          update public.measures set goal_id = v_new.goal_id, position = v_new.position, title = v_new.title,
            is_placeholder = false, description = v_new.description, target_group = v_new.target_group,
            responsible = v_new.responsible, actors = v_new.actors, resources_needed = v_new.resources_needed,
            starts_on = v_new.starts_on, ends_on = v_new.ends_on, status = v_new.status
          where id = v_measure.id;
        end if;
        if v_new.status is distinct from v_measure.status then
          v_statuses := v_statuses || jsonb_build_object('code', v_new.code, 'from', v_measure.status, 'to', v_new.status);
        end if;
      end if;

      if v_row ? 'indicators' then
        select coalesce(jsonb_agg(jsonb_build_object('description', description, 'target_value', target_value,
                 'target_unit', target_unit) order by position), '[]')
        into v_old_indicators from public.measure_indicators where measure_id = v_measure.id;
        select coalesce(jsonb_agg(jsonb_build_object('description', private.clean_line(i ->> 'description'),
                 'target_value', (i ->> 'target_value')::numeric,
                 'target_unit', nullif(private.clean_line(i ->> 'target_unit'), '')) order by n), '[]')
        into v_new_indicators from jsonb_array_elements(v_row -> 'indicators') with ordinality as y (i, n);
        if v_old_indicators is distinct from v_new_indicators then
          delete from public.measure_indicators where measure_id = v_measure.id;
          insert into public.measure_indicators (measure_id, position, description, target_value, target_unit)
          select v_measure.id, n, i ->> 'description', (i ->> 'target_value')::numeric, i ->> 'target_unit'
          from jsonb_array_elements(v_new_indicators) with ordinality as y (i, n);
          v_changed := v_changed || 'indicators'::text;
        end if;
      end if;

      if v_row ? 'themes' then
        insert into public.themes (concept_id, slug, title)
        select distinct on (private.slugify(t)) v_concept.id, private.slugify(t), private.clean_line(t)
        from jsonb_array_elements_text(v_row -> 'themes') t
        on conflict (concept_id, slug) do nothing;
        select coalesce(array_agg(t.slug order by t.slug), '{}') into v_old_themes
        from public.measure_themes mt join public.themes t on t.id = mt.theme_id where mt.measure_id = v_measure.id;
        select coalesce(array_agg(distinct private.slugify(t) order by private.slugify(t)), '{}') into v_new_themes
        from jsonb_array_elements_text(v_row -> 'themes') t;
        if v_old_themes is distinct from v_new_themes then
          delete from public.measure_themes where measure_id = v_measure.id;
          insert into public.measure_themes (measure_id, theme_id)
          select v_measure.id, id from public.themes where concept_id = v_concept.id and slug = any (v_new_themes);
          v_changed := v_changed || 'themes'::text;
        end if;
      end if;

      if not v_created and cardinality(v_changed) > 0 then
        v_measures := jsonb_set(v_measures, '{updated}', (v_measures -> 'updated') || jsonb_build_object('code', v_new.code, 'columns', to_jsonb(v_changed)));
      end if;
    end loop;

    perform set_config('portal.status_note', '', true);

    -- What the file leaves out stays, behind the file's own in its parent's order
    with listed as (
      select (v_goal_ids ->> (r ->> 'goal_code'))::uuid as goal_id, count(*) as n,
             array_agg(r ->> 'measure_code') as codes
      from jsonb_array_elements(v_rows) r group by 1
    ), moved as (
      select m.id, (l.n + row_number() over (partition by m.goal_id order by m.position))::smallint as position
      from public.measures m join listed l on l.goal_id = m.goal_id
      where not m.code = any (l.codes)
    )
    update public.measures m set position = moved.position
    from moved where m.id = moved.id and m.position <> moved.position;
    with listed as (
      select (v_field_ids ->> (r ->> 'field_code'))::uuid as field_id, count(distinct r ->> 'goal_code') as n,
             array_agg(distinct r ->> 'goal_code') as codes
      from jsonb_array_elements(v_rows) r group by 1
    ), moved as (
      select g.id, (l.n + row_number() over (partition by g.field_of_action_id order by g.position))::smallint as position
      from public.goals g join listed l on l.field_id = g.field_of_action_id
      where not g.code = any (l.codes)
    )
    update public.goals g set position = moved.position
    from moved where g.id = moved.id and g.position <> moved.position;
    with moved as (
      select f.id, ((select count(*) from jsonb_object_keys(v_field_ids))
               + row_number() over (order by f.position))::smallint as position
      from public.fields_of_action f
      where f.concept_id = v_concept.id and not v_field_ids ? f.code
    )
    update public.fields_of_action f set position = moved.position
    from moved where f.id = moved.id and f.position <> moved.position;

    select coalesce(jsonb_agg(m.code order by f.position, g.position, m.position), '[]') into v_left_out
    from public.measures m
    join public.goals g on g.id = m.goal_id
    join public.fields_of_action f on f.id = g.field_of_action_id
    where f.concept_id = v_concept.id
      and not exists (select 1 from jsonb_array_elements(v_rows) r where r ->> 'measure_code' = m.code);
    set constraints public.fields_of_action_concept_id_position_key,
      public.goals_field_of_action_id_position_key, public.measures_goal_id_position_key immediate;

    v_report := jsonb_build_object(
      'dry_run', p_dry_run,
      'concept', jsonb_build_object('slug', v_concept.slug, 'title', v_concept.title, 'created', v_concept_created),
      'rows', jsonb_array_length(v_rows),
      'fields', v_fields, 'goals', v_goals, 'measures', v_measures,
      'status_changes', v_statuses,
      'left_out', v_left_out);
    if p_dry_run then
      raise exception 'dry run' using errcode = 'DRYRN';
    end if;
  exception when sqlstate 'DRYRN' then
    null; -- everything above is undone; the report stays
  end;
  return v_report;
end;
$$;
comment on function public.import_concept is 'Imports a concept''s fields of action, goals and measures from the rows of its implementation table (see README), matched by code; all rows or none; p_dry_run reports the changes and makes none.';

revoke all on function private.concept_row_problem(jsonb), private.concept_text(jsonb, text, text)
  from public, anon, authenticated, service_role;
grant execute on function private.concept_row_problem(jsonb), private.concept_text(jsonb, text, text)
  to authenticated, service_role;
revoke all on function public.import_concept(text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_concept(text, jsonb, boolean) to authenticated, service_role;

-- The city office's list of concepts to import into (the embedded Supabase serves RPCs only).
create function public.city_concepts()
returns table (slug text, title text, is_current boolean, measure_count integer)
language sql
stable
set search_path = ''
as $$
  select c.slug, c.title, c.is_current,
         (select count(*)::integer from public.measures m
          join public.goals g on g.id = m.goal_id
          join public.fields_of_action f on f.id = g.field_of_action_id
          where f.concept_id = c.id)
  from public.concepts c
  order by c.is_current desc, c.created_at desc, c.slug;
$$;
comment on function public.city_concepts is 'The concepts of the portal''s cities, the current one first, with their number of measures.';
revoke all on function public.city_concepts() from public, anon, authenticated, service_role;
grant execute on function public.city_concepts() to authenticated;

-- The CLI imports as service_role (README "Bring your own city"): it writes the concept tables.
grant insert, update, delete on table
  public.concepts, public.fields_of_action, public.goals, public.measures,
  public.measure_indicators, public.themes, public.measure_themes
  to service_role;
