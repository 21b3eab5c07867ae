-- The staff dashboard: the offers a signed-in person may edit, and bulk actions on a selection
-- of them (confirm as still current, publish, archive, duplicate).
--
-- Every function runs with the caller's rights (security invoker): row level security on
-- offers and their parts decides what is seen and changed. An id of an offer the caller may
-- not change is left out; the bulk actions return how many offers they did change, so the page
-- can say that some were not. A selection holds at most 500 ids (22023 otherwise).

-- ---------------------------------------------------------------------------
-- The list

-- The offers the caller may edit (private.can_edit_offer: staff of the offer's organisation,
-- city admins), optionally of one organisation, with what the dashboard derives its to-do list
-- from. One statement. City admins may edit every offer, which the planner learns once
-- (is_city_admin as an init plan); for everyone else the memberships narrow the offers on their
-- organisation_id index first and can_edit_offer decides on those. Asking can_edit_offer for
-- every offer instead took about 50 ms for a city admin's 180 demo offers on PostgreSQL 15, this
-- about 11 ms.
-- Should can_edit_offer ever grant more than membership, the narrowing must follow it.
create function public.staff_offers(p_organisation_id uuid default null)
returns table (
  id uuid,
  organisation_id uuid,
  organisation_name text,
  title text,
  original_locale text,
  category text,
  state public.publication_state,
  district_name text,
  last_verified_on date,
  updated_at timestamptz,
  version integer,
  measure_count integer,
  translations jsonb,
  schedules jsonb
)
language sql
stable
set search_path = ''
as $$
  select o.id, o.organisation_id, org.name, original.title, o.original_locale, o.category,
    o.state, d.name, o.last_verified_on, o.updated_at, o.version,
    (select count(*)::integer from public.offer_measures om where om.offer_id = o.id),
    coalesce((
      select jsonb_agg(jsonb_build_object(
          'locale', t.locale,
          'provenance', t.provenance,
          'reviewed', t.reviewed,
          'outdated', t.provenance <> 'original' and t.updated_at < original.updated_at)
        order by t.locale)
      from public.offer_translations t
      where t.offer_id = o.id), '[]'),
    coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'starts_at', s.starts_at,
          'duration_minutes', s.duration_minutes, 'rrule', s.rrule, 'exdates', s.exdates,
          'timezone', s.timezone)
        order by s.starts_at, s.id)
      from public.schedules s
      where s.offer_id = o.id), '[]')
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.offer_translations original
    on original.offer_id = o.id and original.locale = o.original_locale
  left join public.districts d on d.id = o.district_id
  where (p_organisation_id is null or o.organisation_id = p_organisation_id)
    and ((select private.is_city_admin())
      or (o.organisation_id in (
            select m.organisation_id from public.memberships m where m.user_id = (select auth.uid()))
          and private.can_edit_offer(o.id)))
  order by org.name, original.title, o.id;
$$;
comment on function public.staff_offers is
  'The offers the caller may edit (optionally of one organisation) with title in the original locale, state, district, last verification, version, number of measures, translations (locale, provenance, reviewed, outdated) and schedules. For the staff dashboard.';

-- ---------------------------------------------------------------------------
-- Bulk actions

-- Sets last_verified_on to today on the given offers the caller may change, and returns how
-- many of them are now confirmed today (offers confirmed today already are counted, not
-- written again).
create function public.confirm_offers_current(p_ids uuid[])
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  if cardinality(p_ids) > 500 then
    raise exception 'at most 500 offers at once, % were given', cardinality(p_ids)
      using errcode = '22023';
  end if;
  -- both parts see the offers as they were before the update: none is counted twice
  with confirmed as (
    update public.offers set last_verified_on = current_date
    where id = any (p_ids) and last_verified_on is distinct from current_date
    returning 1
  )
  select (select count(*) from confirmed)
    + (select count(*) from public.offers o
       where o.id = any (p_ids) and o.last_verified_on = current_date
         and private.can_edit_offer(o.id))
  into v_count;
  return v_count;
end;
$$;
comment on function public.confirm_offers_current is
  'Confirms the given offers as still current (last_verified_on = today) where the caller may change them; returns how many are confirmed. At most 500 ids.';

-- Sets the publication state of the given offers the caller may change, and returns how many
-- of them are now in that state (offers in it already are counted, not written again).
create function public.set_offers_state(p_ids uuid[], p_state public.publication_state)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  if cardinality(p_ids) > 500 then
    raise exception 'at most 500 offers at once, % were given', cardinality(p_ids)
      using errcode = '22023';
  end if;
  if p_state is null then
    raise exception 'a state is needed' using errcode = '22023';
  end if;
  with changed as (
    update public.offers set state = p_state
    where id = any (p_ids) and state <> p_state
    returning 1
  )
  select (select count(*) from changed)
    + (select count(*) from public.offers o
       where o.id = any (p_ids) and o.state = p_state and private.can_edit_offer(o.id))
  into v_count;
  return v_count;
end;
$$;
comment on function public.set_offers_state is
  'Publishes, archives or withdraws (draft) the given offers where the caller may change them; returns how many are in that state now. At most 500 ids.';

-- Copies each given offer the caller may edit as a draft of the same organisation: the offer's
-- fields, its texts in every locale (the title in the original locale marked " (Kopie)", cut to
-- fit 200 characters; every text keeps its provenance, review and age, so an outdated
-- translation stays outdated), its schedules and its links to measures and themes. Not copied:
-- the state (draft), publication and verification dates. Returns the copies' ids in the order
-- of the given ids. A new column of public.offers must be added here to be copied.
create function public.duplicate_offers(p_ids uuid[])
returns uuid[]
language plpgsql
set search_path = ''
as $$
declare
  v_suffix constant text := ' (Kopie)';
  v_source public.offers;
  v_copy uuid;
  v_copies uuid[] := '{}';
begin
  if cardinality(p_ids) > 500 then
    raise exception 'at most 500 offers at once, % were given', cardinality(p_ids)
      using errcode = '22023';
  end if;
  for v_source in
    select o.* from public.offers o
    where o.id = any (p_ids) and private.can_edit_offer(o.id)
    order by array_position(p_ids, o.id)
  loop
    insert into public.offers (organisation_id, category, original_locale, street, postal_code,
      locality, location, languages, target_groups, cost_eur, childcare, women_only,
      wheelchair_accessible, german_level, registration, registration_url, contact_email,
      contact_phone, state, is_demo)
    values (v_source.organisation_id, v_source.category, v_source.original_locale,
      v_source.street, v_source.postal_code, v_source.locality, v_source.location,
      v_source.languages, v_source.target_groups, v_source.cost_eur, v_source.childcare,
      v_source.women_only, v_source.wheelchair_accessible, v_source.german_level,
      v_source.registration, v_source.registration_url, v_source.contact_email,
      v_source.contact_phone, 'draft', v_source.is_demo)
    returning id into v_copy;

    insert into public.offer_translations (offer_id, locale, title, summary, description,
      cost_note, registration_note, provenance, reviewed, updated_at)
    select v_copy, t.locale,
      case when t.locale = v_source.original_locale
        then rtrim(left(btrim(t.title), 200 - length(v_suffix))) || v_suffix
        else t.title end,
      t.summary, t.description, t.cost_note, t.registration_note, t.provenance, t.reviewed,
      t.updated_at
    from public.offer_translations t
    where t.offer_id = v_source.id;

    insert into public.schedules (offer_id, starts_at, duration_minutes, rrule, exdates, timezone)
    select v_copy, s.starts_at, s.duration_minutes, s.rrule, s.exdates, s.timezone
    from public.schedules s
    where s.offer_id = v_source.id;

    insert into public.offer_measures (offer_id, measure_id)
    select v_copy, om.measure_id from public.offer_measures om where om.offer_id = v_source.id;

    insert into public.offer_themes (offer_id, theme_id)
    select v_copy, ot.theme_id from public.offer_themes ot where ot.offer_id = v_source.id;

    v_copies := v_copies || v_copy;
  end loop;
  return v_copies;
end;
$$;
comment on function public.duplicate_offers is
  'Copies the given offers the caller may edit as drafts (texts with the title marked as a copy, schedules, measure and theme links); returns the ids of the copies. At most 500 ids.';

-- ---------------------------------------------------------------------------
-- Grants (see src/lib/server/data/rpc-access.ts)

revoke execute on function public.staff_offers(uuid),
  public.confirm_offers_current(uuid[]),
  public.set_offers_state(uuid[], public.publication_state),
  public.duplicate_offers(uuid[])
  from public, anon, authenticated, service_role;
grant execute on function public.staff_offers(uuid),
  public.confirm_offers_current(uuid[]),
  public.set_offers_state(uuid[], public.publication_state),
  public.duplicate_offers(uuid[])
  to authenticated;
