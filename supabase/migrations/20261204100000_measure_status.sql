-- A measure's status is changed by the city office with a short justification, and every change
-- lands in the measure's history (measure_status_changes, written by the status trigger with
-- the note) with who and when. The timeline names the person by e-mail for the city office.
-- A measure is late by itself: its planned end has passed and it is not implemented.

create function public.measure_is_late(p_status public.measure_status, p_ends_on date) returns boolean
language sql
stable
set search_path = ''
as $$
  select p_ends_on is not null and p_ends_on < current_date
     and p_status is distinct from 'implemented';
$$;
comment on function public.measure_is_late is 'Whether a measure is late: its planned end (ends_on) has passed and its status is not implemented.';

-- Sets a measure's status with the reason for it; p_expected is the status the person saw, so a
-- change made meanwhile by someone else is refused (PT409) rather than overwritten.
create function public.set_measure_status(
  p_measure_id uuid,
  p_status public.measure_status,
  p_note text,
  p_expected public.measure_status default null
) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_measure public.measures;
  v_note text := private.clean_line(p_note);
  v_change public.measure_status_changes;
begin
  -- measures are public: an unknown one is named before the rights are checked
  if not exists (select 1 from public.measures where id = p_measure_id) then
    raise exception 'no measure %', p_measure_id using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may change a measure''s status' using errcode = '42501';
  end if;
  select * into v_measure from public.measures where id = p_measure_id for update;
  if v_note is null or length(v_note) < 3 then
    raise exception 'a status change needs a justification' using errcode = '22023';
  end if;
  if length(v_note) > 1000 then
    raise exception 'the justification is longer than 1,000 characters' using errcode = '22023';
  end if;
  if v_measure.status is distinct from p_expected then
    raise exception 'the status was changed meanwhile' using errcode = 'PT409',
      detail = jsonb_build_object('status', v_measure.status, 'changed_at', v_measure.status_changed_at)::text;
  end if;
  if v_measure.status is not distinct from p_status then
    raise exception 'the measure already has this status' using errcode = '22023';
  end if;
  perform set_config('portal.status_note', v_note, true);
  update public.measures set status = p_status where id = p_measure_id;
  perform set_config('portal.status_note', '', true);
  select * into v_change from public.measure_status_changes
  where measure_id = p_measure_id order by id desc limit 1;
  return jsonb_build_object('measure_id', p_measure_id, 'from', v_change.from_status, 'to', v_change.to_status,
    'note', v_change.note, 'changed_at', v_change.changed_at);
end;
$$;
comment on function public.set_measure_status is 'Changes a measure''s status with a justification (3–1,000 characters), refused with PT409 when the status differs from the one expected; the change lands in measure_status_changes.';

-- The history of a measure's status for the city office: when, from, to, why, and who (e-mail).
create function public.measure_history(p_measure_id uuid)
returns table (changed_at timestamptz, from_status public.measure_status, to_status public.measure_status,
               note text, changed_by_email text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.measures where id = p_measure_id) then
    raise exception 'no measure %', p_measure_id using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may read who changed a status' using errcode = '42501';
  end if;
  return query
    select c.changed_at, c.from_status, c.to_status, c.note, u.email::text
    from public.measure_status_changes c
    left join auth.users u on u.id = c.changed_by
    where c.measure_id = p_measure_id
    order by c.changed_at desc, c.id desc;
end;
$$;
comment on function public.measure_history is 'A measure''s status changes, newest first, with the e-mail of who made each; for city admins.';

revoke all on function public.measure_is_late(public.measure_status, date) from public, anon, authenticated, service_role;
grant execute on function public.measure_is_late(public.measure_status, date) to anon, authenticated, service_role;
revoke all on function public.set_measure_status(uuid, public.measure_status, text, public.measure_status)
  from public, anon, authenticated, service_role;
grant execute on function public.set_measure_status(uuid, public.measure_status, text, public.measure_status)
  to authenticated;
revoke all on function public.measure_history(uuid) from public, anon, authenticated, service_role;
grant execute on function public.measure_history(uuid) to authenticated;

-- The city office's view of a concept: every measure with its field and goal, status light, the
-- late flag and how many published offers implement it (the embedded Supabase serves RPCs only).
create function public.city_measures(p_concept text default null)
returns table (field_code text, field_title text, goal_code text, goal_title text, measure_id uuid,
               measure_code text, measure_title text, status public.measure_status, light text,
               ends_on date, is_late boolean, published_offers integer)
language sql
stable
set search_path = ''
as $$
  select f.code, f.title, g.code, g.title, m.id, m.code, m.title, m.status,
         public.measure_status_light(m.status), m.ends_on, public.measure_is_late(m.status, m.ends_on),
         (select count(*)::integer from public.offer_measures om
          join public.offers o on o.id = om.offer_id and o.state = 'published'
          where om.measure_id = m.id)
  from public.measures m
  join public.goals g on g.id = m.goal_id
  join public.fields_of_action f on f.id = g.field_of_action_id
  join public.concepts k on k.id = f.concept_id
  where case when p_concept is null then k.is_current else k.slug = p_concept end
  order by f.position, g.position, m.position;
$$;
comment on function public.city_measures is 'The measures of a concept (default: the current one) with status light, late flag and number of published offers, in the concept''s order.';

-- One measure with every column of the implementation table, its indicators and its offers.
create function public.city_measure(p_measure_id uuid) returns jsonb
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
    'goal', jsonb_build_object('code', g.code, 'title', g.title, 'indicator', g.indicator),
    'field', jsonb_build_object('code', f.code, 'title', f.title),
    'concept', jsonb_build_object('slug', k.slug, 'title', k.title, 'level_names', k.level_names),
    'indicators', coalesce((select jsonb_agg(jsonb_build_object('description', i.description,
        'target_value', i.target_value, 'target_unit', i.target_unit) order by i.position)
      from public.measure_indicators i where i.measure_id = m.id), '[]'),
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
comment on function public.city_measure is 'A measure with every column of the implementation table, its goal, field and concept, indicators and the offers linked to it; null when there is none.';

revoke all on function public.city_measures(text), public.city_measure(uuid) from public, anon, authenticated, service_role;
grant execute on function public.city_measures(text), public.city_measure(uuid) to authenticated;
