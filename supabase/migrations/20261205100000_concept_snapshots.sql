-- Snapshots of a concept on a reference date (Stichtag) for the council's reports: every
-- measure's status, light and late flag, and the coverage (city_coverage's whole answer) as they
-- were when the snapshot was taken. Two snapshots are compared side by side (compare_snapshots).
--
-- Rules, chosen for reports that are handed to the council and must not change afterwards:
-- - only city admins take snapshots (42501 otherwise); a snapshot is never edited;
-- - the reference date may not lie in the future (22023): the city's today, in its time zone
--   (Europe/Berlin when the city names none), is the latest Stichtag;
-- - one snapshot per concept and reference date (PT409 for a second one; the unique key backs
--   it up): a report cites "the state on 30 June", and two different states on that date
--   would make it ambiguous;
-- - "late" is judged on the reference date: planned end before the Stichtag and not implemented.
-- Every signed-in user reads snapshots (the data is public); they are written only through
-- take_snapshot (no insert policy).

create table public.concept_snapshots (
  id uuid primary key default gen_random_uuid(),
  concept_id uuid not null references public.concepts (id) on delete cascade,
  reference_date date not null,
  note text check (note is null or length(note) <= 500),
  taken_at timestamptz not null default now(),
  taken_by uuid references auth.users (id) on delete set null,
  -- [{code, title, field, field_title, goal, status, light, is_late, offers}] in concept order
  measures jsonb not null check (jsonb_typeof(measures) = 'array'),
  -- city_coverage(concept)'s answer at taken_at
  coverage jsonb not null check (jsonb_typeof(coverage) = 'object'),
  unique (concept_id, reference_date)
);
comment on table public.concept_snapshots is 'A concept''s measure statuses and coverage on a reference date (Stichtag), for reports to the council; written only by take_snapshot, never changed.';
comment on column public.concept_snapshots.reference_date is 'The Stichtag the snapshot reports on; at most the city''s today, one per concept.';
comment on column public.concept_snapshots.measures is 'Every measure of the concept: code, title, field, field_title, goal, status, light, is_late (on the reference date), offers (published ones implementing it).';
comment on column public.concept_snapshots.coverage is 'The answer of city_coverage(concept) when the snapshot was taken.';

alter table public.concept_snapshots enable row level security;
create policy "signed-in users read snapshots" on public.concept_snapshots
  for select to authenticated using (true);
grant select on table public.concept_snapshots to authenticated, service_role;

-- no audit trigger: a snapshot is never changed, taken_by and taken_at say who took it and
-- when, and the audit log would hold a second copy of its coverage (48 KB for a big city)

-- Takes a snapshot of a concept (default: the current one) on a reference date.
create function public.take_snapshot(
  p_concept text default null,
  p_reference_date date default null,
  p_note text default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_concept public.concepts;
  v_today date;
  v_date date;
  v_note text := nullif(private.clean_line(p_note), '');
  v_id uuid;
begin
  -- concepts are public: an unknown one is named before the rights are checked
  select * into v_concept from public.concepts k
  where case when p_concept is null then k.is_current else k.slug = p_concept end
  limit 1;
  if v_concept.id is null then
    raise exception 'no concept %', coalesce(p_concept, '(current)') using errcode = 'PT404';
  end if;
  if not private.is_city_admin() then
    raise exception 'only the city''s administrators may take a snapshot' using errcode = '42501';
  end if;
  -- the city's today (its time zone where the city names one)
  select (now() at time zone coalesce(to_jsonb(c) ->> 'time_zone', 'Europe/Berlin'))::date
    into v_today from public.cities c where c.id = v_concept.city_id;
  v_date := coalesce(p_reference_date, v_today);
  if v_date > v_today then
    raise exception 'the reference date % lies in the future', v_date using errcode = '22023';
  end if;
  if v_note is not null and length(v_note) > 500 then
    raise exception 'the note is longer than 500 characters' using errcode = '22023';
  end if;
  if exists (select 1 from public.concept_snapshots
             where concept_id = v_concept.id and reference_date = v_date) then
    raise exception 'the concept already has a snapshot on %', v_date using errcode = 'PT409';
  end if;

  insert into public.concept_snapshots (concept_id, reference_date, note, taken_by, measures, coverage)
  values (
    v_concept.id, v_date, v_note, (select auth.uid()),
    coalesce((
      select jsonb_agg(jsonb_build_object('code', m.code, 'title', m.title, 'field', f.code,
          'field_title', f.title, 'goal', g.code, 'status', m.status,
          'light', public.measure_status_light(m.status),
          'is_late', m.ends_on is not null and m.ends_on < v_date and m.status is distinct from 'implemented',
          'offers', (select count(*) from public.offer_measures om
                     join public.offers o on o.id = om.offer_id and o.state = 'published'
                     where om.measure_id = m.id))
        order by f.position, g.position, m.position)
      from public.measures m
      join public.goals g on g.id = m.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      where f.concept_id = v_concept.id), '[]'),
    public.city_coverage(v_concept.slug, null)
  )
  returning id into v_id;
  return jsonb_build_object('id', v_id, 'concept', v_concept.slug, 'reference_date', v_date);
end;
$$;
comment on function public.take_snapshot is 'Takes a snapshot of a concept (default: the current one) on a reference date (default: the city''s today): measure statuses and coverage. City admins only (42501); a future date is 22023, a second snapshot of the concept on that date PT409.';

-- The snapshots of a concept (default: the current one), newest reference date first.
create function public.city_snapshots(p_concept text default null)
returns table (id uuid, concept text, reference_date date, note text, taken_at timestamptz,
               measures integer, offers integer)
language sql
stable
set search_path = ''
as $$
  select s.id, k.slug, s.reference_date, s.note, s.taken_at, jsonb_array_length(s.measures),
         coalesce((s.coverage ->> 'offers')::integer, 0)
  from public.concept_snapshots s
  join public.concepts k on k.id = s.concept_id
  where case when p_concept is null then k.is_current else k.slug = p_concept end
  order by s.reference_date desc;
$$;
comment on function public.city_snapshots is 'The snapshots of a concept (default: the current one), newest reference date first, with their number of measures and offers.';

-- Two snapshots of one concept side by side: each measure's status and late flag then and now,
-- each district × field cell's offers then and now, with a changed flag; measures and cells
-- present in one snapshot only (a re-imported concept) are there with null on the other side.
create function public.compare_snapshots(p_from uuid, p_to uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_from public.concept_snapshots;
  v_to public.concept_snapshots;
begin
  select * into v_from from public.concept_snapshots where id = p_from;
  select * into v_to from public.concept_snapshots where id = p_to;
  if v_from.id is null or v_to.id is null then
    raise exception 'no snapshot %', case when v_from.id is null then p_from else p_to end
      using errcode = 'PT404';
  end if;
  if v_from.concept_id <> v_to.concept_id then
    raise exception 'the snapshots belong to different concepts' using errcode = '22023';
  end if;

  return (
    with old_m as (
      select e.value as m, e.ordinality as n from jsonb_array_elements(v_from.measures) with ordinality e
    ),
    new_m as (
      select e.value as m, e.ordinality as n from jsonb_array_elements(v_to.measures) with ordinality e
    ),
    measures as (
      select coalesce(nm.m ->> 'code', om.m ->> 'code') as code,
             coalesce(nm.m ->> 'title', om.m ->> 'title') as title,
             coalesce(nm.m ->> 'field', om.m ->> 'field') as field,
             coalesce(nm.m ->> 'field_title', om.m ->> 'field_title') as field_title,
             om.m ->> 'status' as old_status, nm.m ->> 'status' as new_status,
             om.m ->> 'light' as old_light, nm.m ->> 'light' as new_light,
             (om.m ->> 'is_late')::boolean as old_late, (nm.m ->> 'is_late')::boolean as new_late,
             (om.m ->> 'offers')::integer as old_offers, (nm.m ->> 'offers')::integer as new_offers,
             om.m is null or nm.m is null
               or (om.m ->> 'status') is distinct from (nm.m ->> 'status') as changed,
             coalesce(nm.n, 100000 + om.n) as n
      from old_m om full join new_m nm on nm.m ->> 'code' = om.m ->> 'code'
    ),
    names as (
      select d ->> 'slug' as slug, d ->> 'name' as name
      from jsonb_array_elements(v_from.coverage -> 'districts') d
      union
      select d ->> 'slug', d ->> 'name' from jsonb_array_elements(v_to.coverage -> 'districts') d
    ),
    fields as (
      select f ->> 'code' as code, f ->> 'title' as title, e.n
      from jsonb_array_elements(v_to.coverage -> 'fields') with ordinality e (f, n)
      union all
      select f ->> 'code', f ->> 'title', 1000 + e.n
      from jsonb_array_elements(v_from.coverage -> 'fields') with ordinality e (f, n)
      where not (v_to.coverage -> 'fields') @> jsonb_build_array(jsonb_build_object('code', f ->> 'code'))
    ),
    old_c as (select c ->> 'district' as district, c ->> 'field' as field, (c ->> 'offers')::integer as offers
              from jsonb_array_elements(v_from.coverage -> 'by_field') c),
    new_c as (select c ->> 'district' as district, c ->> 'field' as field, (c ->> 'offers')::integer as offers
              from jsonb_array_elements(v_to.coverage -> 'by_field') c),
    cells as (
      select coalesce(nc.district, oc.district) as district, coalesce(nc.field, oc.field) as field,
             oc.offers as old_offers, nc.offers as new_offers,
             oc.offers is distinct from nc.offers as changed
      from old_c oc full join new_c nc on nc.district = oc.district and nc.field = oc.field
    )
    select jsonb_build_object(
      'from', jsonb_build_object('id', v_from.id, 'reference_date', v_from.reference_date,
        'note', v_from.note, 'taken_at', v_from.taken_at, 'offers', v_from.coverage -> 'offers'),
      'to', jsonb_build_object('id', v_to.id, 'reference_date', v_to.reference_date,
        'note', v_to.note, 'taken_at', v_to.taken_at, 'offers', v_to.coverage -> 'offers'),
      'measures', coalesce((select jsonb_agg(jsonb_build_object('code', m.code, 'title', m.title,
          'field', m.field, 'field_title', m.field_title,
          'old_status', m.old_status, 'new_status', m.new_status,
          'old_light', m.old_light, 'new_light', m.new_light,
          'old_late', m.old_late, 'new_late', m.new_late,
          'old_offers', m.old_offers, 'new_offers', m.new_offers, 'changed', m.changed) order by m.n)
        from measures m), '[]'),
      'cells', coalesce((select jsonb_agg(jsonb_build_object('district', c.district,
          'district_name', coalesce(dn.name, c.district), 'field', c.field,
          'field_title', coalesce(f.title, c.field), 'old_offers', c.old_offers,
          'new_offers', c.new_offers, 'changed', c.changed) order by dn.name, f.n)
        from cells c
        left join (select distinct on (slug) slug, name from names order by slug) dn on dn.slug = c.district
        left join (select distinct on (code) code, title, n from fields order by code, n) f
          on f.code = c.field), '[]'),
      'measures_changed', (select count(*) from measures where changed),
      'cells_changed', (select count(*) from cells where changed)
    )
  );
end;
$$;
comment on function public.compare_snapshots is 'Two snapshots of one concept side by side: per measure old/new status, light, late flag and offers, per district × field old/new offers, each with a changed flag; PT404 for an unknown snapshot, 22023 for snapshots of different concepts.';

revoke all on function public.take_snapshot(text, date, text) from public, anon, authenticated, service_role;
grant execute on function public.take_snapshot(text, date, text) to authenticated;
revoke all on function public.city_snapshots(text), public.compare_snapshots(uuid, uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.city_snapshots(text), public.compare_snapshots(uuid, uuid)
  to authenticated;
