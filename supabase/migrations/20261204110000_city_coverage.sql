-- Coverage for the city office: which districts the published offers reach in which field of
-- action of a concept (through the measures they implement) and in which category, with the
-- districts' population for offers per 1,000 residents, and the gap lists: measures without an
-- offer, district × field cells without one, offers linked to no measure of the concept, offers
-- without a place. A target group narrows it to the offers for that group (or for everyone).
-- One call, one snapshot of the data; the numbers link to the offers behind them by the keys it
-- returns (district slug, field code, category slug).

create function public.city_coverage(p_concept text default null, p_target_group text default null)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_concept public.concepts;
begin
  select * into v_concept from public.concepts k
  where case when p_concept is null then k.is_current else k.slug = p_concept end
  limit 1;
  if v_concept.id is null then
    raise exception 'no concept %', coalesce(p_concept, '(current)') using errcode = 'PT404';
  end if;
  if p_target_group is not null and not p_target_group = any (private.target_groups()) then
    raise exception 'unknown target group %', private.quoted(p_target_group) using errcode = '22023';
  end if;

  return (
    with offers as (
      select o.id, o.district_id, o.categories, o.location is null as no_point, o.organisation_id
      from public.offers o
      join public.organisations org on org.id = o.organisation_id and org.city_id = v_concept.city_id
      where o.state = 'published'
        and (p_target_group is null or o.target_groups && array[p_target_group, 'everyone'])
    ),
    measures as (
      select m.id, m.code, m.title, m.status, f.code as field_code, f.position as field_position,
             g.position as goal_position, m.position
      from public.measures m
      join public.goals g on g.id = m.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      where f.concept_id = v_concept.id
    ),
    linked as (
      select distinct o.id as offer_id, o.district_id, me.field_code
      from offers o
      join public.offer_measures om on om.offer_id = o.id
      join measures me on me.id = om.measure_id
    ),
    districts as (
      select d.id, d.slug, d.name, d.population, d.population_migration
      from public.districts d where d.city_id = v_concept.city_id
    ),
    fields as (
      select f.code, f.title, f.position from public.fields_of_action f where f.concept_id = v_concept.id
    ),
    -- set-based throughout: a correlated lookup into a CTE has no index and made 10,000
    -- offers take seconds (scripts/bench-coverage.ts)
    implemented as (select distinct l.offer_id from linked l),
    served_measures as (
      select distinct om.measure_id from public.offer_measures om join offers o on o.id = om.offer_id
    ),
    per_district as (select o.district_id, count(*) as n from offers o group by 1),
    per_field as (select l.district_id, l.field_code, count(*) as n from linked l group by 1, 2),
    per_category as (
      select o.district_id, c.slug, count(*) as n
      from offers o cross join lateral unnest(o.categories) as c (slug) group by 1, 2
    )
    select jsonb_build_object(
      'concept', jsonb_build_object('slug', v_concept.slug, 'title', v_concept.title,
        'level_names', v_concept.level_names),
      'target_group', p_target_group,
      'offers', (select count(*) from offers),
      'districts', coalesce((select jsonb_agg(jsonb_build_object('slug', d.slug, 'name', d.name,
          'population', d.population, 'population_migration', d.population_migration,
          'offers', coalesce(pd.n, 0)) order by d.name)
        from districts d left join per_district pd on pd.district_id = d.id), '[]'),
      'fields', coalesce((select jsonb_agg(jsonb_build_object('code', f.code, 'title', f.title,
          'offers', coalesce(pff.n, 0)) order by f.position)
        from fields f left join (select l.field_code, count(distinct l.offer_id) as n from linked l group by 1) pff
          on pff.field_code = f.code), '[]'),
      'categories', coalesce((select jsonb_agg(c.slug order by c.position) from public.categories c), '[]'),
      -- district × field: offers in the district implementing a measure of the field
      'by_field', coalesce((select jsonb_agg(jsonb_build_object('district', d.slug, 'field', f.code,
          'offers', coalesce(pf.n, 0)) order by d.name, f.position)
        from districts d cross join fields f
        left join per_field pf on pf.district_id = d.id and pf.field_code = f.code), '[]'),
      -- district × category: offers in the district, in each of their categories
      'by_category', coalesce((select jsonb_agg(jsonb_build_object('district', d.slug, 'category', c.slug,
          'offers', coalesce(pc.n, 0)) order by d.name, c.position)
        from districts d cross join public.categories c
        left join per_category pc on pc.district_id = d.id and pc.slug = c.slug), '[]'),
      'gaps', jsonb_build_object(
        'measures_without_offer', coalesce((select jsonb_agg(jsonb_build_object('id', me.id, 'code', me.code,
            'title', me.title, 'field', me.field_code, 'status', me.status)
            order by me.field_position, me.goal_position, me.position)
          from measures me left join served_measures sm on sm.measure_id = me.id
          where sm.measure_id is null), '[]'),
        'district_fields_without_offer', coalesce((select jsonb_agg(jsonb_build_object('district', d.slug,
            'field', f.code) order by d.name, f.position)
          from districts d cross join fields f
          left join per_field pf on pf.district_id = d.id and pf.field_code = f.code
          where pf.n is null), '[]'),
        'offers_without_measure', coalesce((select jsonb_agg(o.id order by o.id) from offers o
          left join implemented i on i.offer_id = o.id where i.offer_id is null), '[]'),
        'offers_without_point', coalesce((select jsonb_agg(o.id order by o.id) from offers o where o.no_point), '[]'),
        'offers_without_district', coalesce((select jsonb_agg(o.id order by o.id) from offers o
          where o.district_id is null and not o.no_point), '[]')
      )
    )
  );
end;
$$;
comment on function public.city_coverage is 'Coverage of the districts by published offers per field of action of a concept (default: the current one) and per category, with population and the gap lists; optionally for one target group (offers for it or for everyone).';

revoke all on function public.city_coverage(text, text) from public, anon, authenticated, service_role;
grant execute on function public.city_coverage(text, text) to authenticated, service_role;
