-- The offers behind a number of the city office's coverage (city_coverage): every number of the
-- matrix and of the gap lists links to the list this function gives, with exactly the rules
-- city_coverage counts by, so the list is as long as the number clicked:
--
-- - the offers: published, of an organisation of the concept's city, for the target group (or
--   for everyone) when one is given;
-- - a field of action: offers implementing at least one measure of that field of the concept;
-- - a category: offers holding it among their categories;
-- - a district: offers whose place lies in it; without a district and without a gap, the offers
--   that lie in any district (the matrix's totals are sums over its rows);
-- - a gap: 'without_measure' (linked to no measure of the concept), 'without_point' (no place),
--   'without_district' (a place outside every district).
--
-- Each offer with its title in German, or in its original language when it has no German text.

create function public.city_coverage_offers(
  p_concept text default null,
  p_district text default null,
  p_field text default null,
  p_category text default null,
  p_target_group text default null,
  p_gap text default null
)
returns table (id uuid, title text, title_locale text, organisation text, district text,
               categories text[])
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_concept public.concepts;
  v_district uuid;
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
  if p_gap is not null and p_gap not in ('without_measure', 'without_point', 'without_district') then
    raise exception 'unknown gap %', private.quoted(p_gap) using errcode = '22023';
  end if;
  if p_field is not null and p_category is not null then
    raise exception 'a field of action or a category, not both' using errcode = '22023';
  end if;
  if p_field is not null and not exists (select 1 from public.fields_of_action f
      where f.concept_id = v_concept.id and f.code = p_field) then
    raise exception 'unknown field of action %', private.quoted(p_field) using errcode = '22023';
  end if;
  if p_category is not null and not exists (select 1 from public.categories c where c.slug = p_category) then
    raise exception 'unknown category %', private.quoted(p_category) using errcode = '22023';
  end if;
  if p_district is not null then
    select d.id into v_district from public.districts d
    where d.city_id = v_concept.city_id and d.slug = p_district;
    if v_district is null then
      raise exception 'unknown district %', private.quoted(p_district) using errcode = '22023';
    end if;
  end if;

  return query
    with offers as (
      -- as city_coverage's offers
      select o.id, o.district_id, o.categories, o.location is null as no_point, o.organisation_id,
             o.original_locale
      from public.offers o
      join public.organisations org on org.id = o.organisation_id and org.city_id = v_concept.city_id
      where o.state = 'published'
        and (p_target_group is null or o.target_groups && array[p_target_group, 'everyone'])
    ),
    linked as (
      -- as city_coverage's linked: offer × field of action of the concept
      select distinct om.offer_id, f.code as field_code
      from public.offer_measures om
      join public.measures m on m.id = om.measure_id
      join public.goals g on g.id = m.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      where f.concept_id = v_concept.id
    ),
    -- set-based, as in city_coverage: a correlated lookup into a CTE has no index
    chosen as (
      select o.* from offers o
      left join (select distinct l.offer_id from linked l) any_field on any_field.offer_id = o.id
      left join (select l.offer_id from linked l where l.field_code = p_field) in_field
        on in_field.offer_id = o.id
      where (v_district is null or o.district_id = v_district)
        and (p_gap is not null or v_district is not null or o.district_id is not null)
        and (p_field is null or in_field.offer_id is not null)
        and (p_category is null or p_category = any (o.categories))
        and case p_gap
              when 'without_measure' then any_field.offer_id is null
              when 'without_point' then o.no_point
              when 'without_district' then o.district_id is null and not o.no_point
              else true
            end
    )
    select c.id,
           coalesce(de.title, orig.title, ''),
           case when de.title is not null then 'de' else c.original_locale end,
           org.name,
           d.name,
           c.categories
    from chosen c
    join public.organisations org on org.id = c.organisation_id
    left join public.districts d on d.id = c.district_id
    left join public.offer_translations de on de.offer_id = c.id and de.locale = 'de'
    left join public.offer_translations orig on orig.offer_id = c.id and orig.locale = c.original_locale
    order by lower(coalesce(de.title, orig.title, '')), c.id;
end;
$$;
comment on function public.city_coverage_offers is 'The published offers behind one number of city_coverage (a district, a field of action or a category, a target group, or a gap: without_measure, without_point, without_district), by the same rules, with German (or original) title, organisation and district.';

revoke all on function public.city_coverage_offers(text, text, text, text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.city_coverage_offers(text, text, text, text, text, text) to authenticated, service_role;
