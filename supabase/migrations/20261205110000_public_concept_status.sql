-- The public implementation status of the current integration concept, as the city promises it
-- on its website: per field of action its goals, their measures with status light and label, the
-- late flag, the published offers that implement each and the date of the last change. Only what
-- is public anyway: no justification of a status change, no person.
--
-- A measure's last change is the later of its last status change and its last update (the
-- measures' updated_at is touched by every update, the status history by every change of status).

create function private.measure_changed_at(p_measure_id uuid, p_updated_at timestamptz) returns timestamptz
language sql
stable
set search_path = ''
as $$
  select greatest(p_updated_at,
    (select max(c.changed_at) from public.measure_status_changes c where c.measure_id = p_measure_id));
$$;
comment on function private.measure_changed_at is 'When a measure last changed: its last update or its last status change, whichever is later.';
grant execute on function private.measure_changed_at(uuid, timestamptz) to anon, authenticated, service_role;

-- The current concept with its fields of action in order, each with the number of its goals and
-- measures, measures per light (green, yellow, red, grey, none = no status reported), late
-- measures, published offers implementing any of its measures, and its last change. Null when
-- the city has no current concept.
create function public.public_concept_fields() returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'concept', jsonb_build_object('slug', k.slug, 'title', k.title, 'adopted_on', k.adopted_on,
                                  'level_names', k.level_names, 'is_demo', k.is_demo),
    'fields', coalesce((
      select jsonb_agg(jsonb_build_object(
        'code', f.code, 'title', f.title,
        'goals', (select count(*) from public.goals g where g.field_of_action_id = f.id),
        'measures', s.measures,
        'lights', jsonb_build_object('green', s.green, 'yellow', s.yellow, 'red', s.red,
                                     'grey', s.grey, 'none', s.none),
        'late', s.late,
        'offers', (select count(distinct o.id) from public.goals g
                   join public.measures m on m.goal_id = g.id
                   join public.offer_measures om on om.measure_id = m.id
                   join public.offers o on o.id = om.offer_id and o.state = 'published'
                   where g.field_of_action_id = f.id),
        'last_changed_at', s.last_changed_at
      ) order by f.position)
      from public.fields_of_action f
      cross join lateral (
        select count(m.id) as measures,
               count(m.id) filter (where public.measure_status_light(m.status) = 'green') as green,
               count(m.id) filter (where public.measure_status_light(m.status) = 'yellow') as yellow,
               count(m.id) filter (where public.measure_status_light(m.status) = 'red') as red,
               count(m.id) filter (where public.measure_status_light(m.status) = 'grey') as grey,
               count(m.id) filter (where m.id is not null and m.status is null) as none,
               count(m.id) filter (where public.measure_is_late(m.status, m.ends_on)) as late,
               max(private.measure_changed_at(m.id, m.updated_at)) as last_changed_at
        from public.goals g
        join public.measures m on m.goal_id = g.id
        where g.field_of_action_id = f.id
      ) s
      where f.concept_id = k.id), '[]'))
  from public.concepts k
  where k.is_current
  order by k.adopted_on desc nulls last
  limit 1;
$$;
comment on function public.public_concept_fields is 'The current concept''s fields of action in order with their number of goals and measures, measures per status light, late measures, published offers and last change; null without a current concept.';

-- One field of action of the current concept by its code: its goals in order, each with its
-- measures (code, title, status, light, late flag, planned end, last change) and the published
-- offers implementing each (id and title in p_locale, else English, German, the original: the
-- offer lists' fallback, with the locale of the text given; those in p_locale first, as the lists
-- put the reader's language first). Null when there is no such field.
create function public.public_concept_field(p_field text, p_locale text default 'de') returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'concept', jsonb_build_object('slug', k.slug, 'title', k.title, 'adopted_on', k.adopted_on,
                                  'level_names', k.level_names, 'is_demo', k.is_demo),
    'field', jsonb_build_object('code', f.code, 'title', f.title, 'vision', f.vision),
    'last_changed_at', (select max(private.measure_changed_at(m.id, m.updated_at))
                        from public.goals g join public.measures m on m.goal_id = g.id
                        where g.field_of_action_id = f.id),
    'goals', coalesce((
      select jsonb_agg(jsonb_build_object(
        'code', g.code, 'title', g.title, 'is_placeholder', g.is_placeholder,
        'measures', coalesce((
          select jsonb_agg(jsonb_build_object(
            'code', m.code, 'title', m.title, 'is_placeholder', m.is_placeholder,
            'status', m.status, 'light', public.measure_status_light(m.status),
            'is_late', public.measure_is_late(m.status, m.ends_on), 'ends_on', m.ends_on,
            'last_changed_at', private.measure_changed_at(m.id, m.updated_at),
            'offers', coalesce((
              select jsonb_agg(jsonb_build_object('id', o.id, 'title', t.title, 'text_locale', t.locale)
                               order by t.locale = p_locale desc, t.title collate "C", o.id)
              from public.offer_measures om
              join public.offers o on o.id = om.offer_id and o.state = 'published'
              cross join lateral private.offer_text(o.id, p_locale) t
              where om.measure_id = m.id), '[]')
          ) order by m.position)
          from public.measures m where m.goal_id = g.id), '[]')
      ) order by g.position)
      from public.goals g where g.field_of_action_id = f.id), '[]'))
  from public.concepts k
  join public.fields_of_action f on f.concept_id = k.id and f.code = p_field
  where k.is_current
  order by k.adopted_on desc nulls last
  limit 1;
$$;
comment on function public.public_concept_field is 'One field of action of the current concept by code: goals in order with their measures (status, light, late flag, last change) and the published offers implementing each, titles in p_locale with the offer lists'' fallback; null when there is none.';

revoke all on function public.public_concept_fields(), public.public_concept_field(text, text)
  from public, anon, authenticated, service_role;
grant execute on function public.public_concept_fields(), public.public_concept_field(text, text)
  to anon, authenticated;
