-- The measures the offer editor offers to link: those of the city's current concept (chosen as
-- portal_info chooses it), plus any of another concept the offer is linked to already, so that
-- a save never drops a link the form did not show.

create function public.measure_choices(p_offer_id uuid default null)
returns table (
  id uuid,
  code text,
  title text,
  is_placeholder boolean,
  status public.measure_status,
  light text,
  goal_code text,
  goal_title text,
  goal_is_placeholder boolean,
  field_code text,
  field_title text,
  is_current boolean
)
language sql
stable
set search_path = ''
as $$
  select m.id, m.code, m.title, m.is_placeholder, m.status, public.measure_status_light(m.status),
         g.code, g.title, g.is_placeholder, f.code, f.title,
         k.id = (select c.id from public.concepts c where c.is_current
                 order by c.adopted_on desc nulls last limit 1)
  from public.measures m
  join public.goals g on g.id = m.goal_id
  join public.fields_of_action f on f.id = g.field_of_action_id
  join public.concepts k on k.id = f.concept_id
  where k.id = (select c.id from public.concepts c where c.is_current
                order by c.adopted_on desc nulls last limit 1)
     or m.id in (select om.measure_id from public.offer_measures om where om.offer_id = p_offer_id)
  order by 12 desc, f.position, g.position, m.position;
$$;
comment on function public.measure_choices is
  'The measures of the current concept (code, title, status, goal, field of action), and those of other concepts p_offer_id is linked to (is_current false). For the offer editor''s measure picker.';

revoke execute on function public.measure_choices(uuid) from public, anon, authenticated, service_role;
grant execute on function public.measure_choices(uuid) to authenticated;
