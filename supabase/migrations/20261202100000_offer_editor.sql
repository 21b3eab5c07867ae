-- The offer editor (issue 8, step 3, first slice): one offer with every field the staff edit
-- (get_offer_for_edit), and saving it with its original text in one transaction (save_offer).
--
-- Both run with the caller's rights (security invoker): row level security decides who may
-- create or change an offer. Phone numbers become free text as people write them
-- ("030 – 746 900 50", "0157 … oder 030 …"): one line, 5 to 100 characters, at least 3 digits,
-- no < or >. The same rule is phoneNumberProblem() in src/lib/schemas/safe-text.ts; the import
-- and the check constraints call this function, so all three ways in accept the same numbers.

-- ---------------------------------------------------------------------------
-- Phone numbers as free text

create or replace function private.phone_number_problem(p_value text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when p_value is null then null
    when p_value ~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]'
      then 'it contains line breaks, control or bidirectional formatting characters'
    when p_value ~ '[<>]' then 'it contains < or >'
    when length(p_value) not between 5 and 100 then 'it is not 5 to 100 characters long'
    when p_value !~ '[0-9].*[0-9].*[0-9]' then 'it has fewer than 3 digits'
  end;
$$;
comment on function private.phone_number_problem is 'Why a value is not a phone number (one line of 5 to 100 characters with at least 3 digits, no < or >, no control or bidirectional formatting characters); null when it is one. Same rules as phoneNumberProblem() in src/lib/schemas/safe-text.ts.';

-- ---------------------------------------------------------------------------
-- A save of the texts alone is an edit too

-- As before (20261121100200_districts_and_offers.sql), but the version also counts up when
-- save_offer changed only the offer's original text (portal.offer_text_changed names the offer
-- for the rest of the transaction), so a second editor holding the old version gets a conflict.
create or replace function private.prepare_offer() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- the district always follows the point, among the districts of the organisation's city
  new.district_id := private.district_at(
    (select city_id from public.organisations where id = new.organisation_id), new.location);

  if tg_op = 'UPDATE' then
    if new.version is distinct from old.version then
      raise exception 'offer % was changed by someone else (version % is current, % was sent)',
        old.id, old.version, new.version
        using errcode = 'PT409', hint = 'Reload the offer and apply your changes again.';
    end if;
    -- a re-assignment of the district alone is no edit
    -- is_free follows cost_eur and is not computed yet in a before trigger (null in new), so
    -- it is left out: before, every save of an offer with a cost counted as a change
    if (to_jsonb(new) - array['district_id', 'updated_at', 'version', 'is_free'])
       is distinct from (to_jsonb(old) - array['district_id', 'updated_at', 'version', 'is_free'])
       or current_setting('portal.offer_text_changed', true) = new.id::text then
      new.version := old.version + 1;
      new.updated_at := now();
    end if;
  end if;

  if new.state = 'published' and (tg_op = 'INSERT' or old.state is distinct from 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end;
$$;

-- ---------------------------------------------------------------------------
-- Reading an offer for the editor

-- Every editable field of an offer the caller may edit, its version, its original text and the
-- name of its district; null for any other id (and for one that does not exist).
create function public.get_offer_for_edit(p_offer_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id,
    'version', o.version,
    'organisation_id', o.organisation_id,
    'organisation_name', org.name,
    'state', o.state,
    'category', o.category,
    'original_locale', o.original_locale,
    'street', o.street,
    'postal_code', o.postal_code,
    'locality', o.locality,
    'lat', extensions.st_y(o.location),
    'lng', extensions.st_x(o.location),
    'district_name', d.name,
    'languages', to_jsonb(o.languages),
    'target_groups', to_jsonb(o.target_groups),
    'cost_eur', o.cost_eur,
    'childcare', o.childcare,
    'women_only', o.women_only,
    'wheelchair_accessible', o.wheelchair_accessible,
    'german_level', o.german_level,
    'registration', o.registration,
    'registration_url', o.registration_url,
    'contact_email', o.contact_email,
    'contact_phone', o.contact_phone,
    'title', t.title,
    'summary', t.summary,
    'description', t.description,
    'cost_note', t.cost_note,
    'registration_note', t.registration_note)
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.districts d on d.id = o.district_id
  left join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
  where o.id = p_offer_id and private.can_edit_offer(o.id);
$$;
comment on function public.get_offer_for_edit is
  'Every editable field of an offer the caller may edit, with version, original text and district name; null otherwise. For the staff offer editor.';

-- ---------------------------------------------------------------------------
-- Saving an offer

-- Creates an offer (no id: organisation_id and title needed, state draft) or changes one (id
-- and the version read: a different version is PT409), with its text in the original locale
-- (provenance original, reviewed), in one transaction. Keys other than the editable fields are
-- refused with 22023, as is a point with only one of lat/lng; bad values fail with the
-- constraint that refuses them (23514 and friends). An offer the caller may not change is
-- 42501. Returns {id, version}.
create function public.save_offer(p_offer jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_keys constant text[] := array['id', 'version', 'organisation_id', 'category',
    'original_locale', 'street', 'postal_code', 'locality', 'lat', 'lng', 'languages',
    'target_groups', 'cost_eur', 'childcare', 'women_only', 'wheelchair_accessible',
    'german_level', 'registration', 'registration_url', 'contact_email', 'contact_phone',
    'title', 'summary', 'description', 'cost_note', 'registration_note'];
  v_unknown text[];
  v_id uuid;
  v_old public.offers;
  v_location extensions.geometry;
  v_locale text;
  v_version integer;
  v_title text;
  v_summary text;
  v_description text;
  v_cost_note text;
  v_registration_note text;
begin
  if p_offer is null or jsonb_typeof(p_offer) <> 'object' then
    raise exception 'an offer must be a JSON object' using errcode = '22023';
  end if;
  select array_agg(k order by k) into v_unknown
  from jsonb_object_keys(p_offer) k where k <> all (v_keys);
  if v_unknown is not null then
    raise exception 'unknown fields: %', array_to_string(v_unknown, ', ') using errcode = '22023';
  end if;
  if (p_offer ? 'lat') and jsonb_typeof(p_offer -> 'lat') <> 'null'
     or (p_offer ? 'lng') and jsonb_typeof(p_offer -> 'lng') <> 'null' then
    if jsonb_typeof(p_offer -> 'lat') is distinct from 'number'
       or jsonb_typeof(p_offer -> 'lng') is distinct from 'number' then
      raise exception 'a point needs lat and lng as numbers' using errcode = '22023';
    end if;
    v_location := extensions.st_setsrid(extensions.st_makepoint(
      (p_offer ->> 'lng')::float8, (p_offer ->> 'lat')::float8), 4326);
  end if;
  if nullif(btrim(p_offer ->> 'title'), '') is null then
    raise exception 'an offer needs a title' using errcode = '23514';
  end if;
  v_title := p_offer ->> 'title';
  v_summary := nullif(btrim(p_offer ->> 'summary'), '');
  v_description := nullif(btrim(p_offer ->> 'description'), '');
  v_cost_note := nullif(btrim(p_offer ->> 'cost_note'), '');
  v_registration_note := nullif(btrim(p_offer ->> 'registration_note'), '');

  if p_offer ->> 'id' is null then
    if p_offer ->> 'organisation_id' is null then
      raise exception 'a new offer needs an organisation' using errcode = '22023';
    end if;
    insert into public.offers (organisation_id, category, original_locale, street, postal_code,
      locality, location, languages, target_groups, cost_eur, childcare, women_only,
      wheelchair_accessible, german_level, registration, registration_url, contact_email,
      contact_phone, state)
    values ((p_offer ->> 'organisation_id')::uuid,
      p_offer ->> 'category',
      coalesce(p_offer ->> 'original_locale', 'de'),
      nullif(btrim(p_offer ->> 'street'), ''),
      nullif(btrim(p_offer ->> 'postal_code'), ''),
      nullif(btrim(p_offer ->> 'locality'), ''),
      v_location,
      coalesce((select array_agg(x) from jsonb_array_elements_text(p_offer -> 'languages') x),
        '{de}'),
      coalesce((select array_agg(x) from jsonb_array_elements_text(p_offer -> 'target_groups') x),
        '{everyone}'),
      (p_offer ->> 'cost_eur')::numeric,
      coalesce((p_offer ->> 'childcare')::boolean, false),
      coalesce((p_offer ->> 'women_only')::boolean, false),
      (p_offer ->> 'wheelchair_accessible')::boolean,
      (p_offer ->> 'german_level')::public.german_level,
      coalesce((p_offer ->> 'registration')::public.registration_kind, 'none'),
      nullif(btrim(p_offer ->> 'registration_url'), ''),
      nullif(btrim(p_offer ->> 'contact_email'), ''),
      nullif(btrim(p_offer ->> 'contact_phone'), ''),
      'draft')
    returning id, original_locale, version into v_id, v_locale, v_version;
    insert into public.offer_translations (offer_id, locale, title, summary, description,
      cost_note, registration_note, provenance, reviewed)
    values (v_id, v_locale, v_title, v_summary, v_description, v_cost_note, v_registration_note,
      'original', true);
    return jsonb_build_object('id', v_id, 'version', v_version);
  end if;

  v_id := (p_offer ->> 'id')::uuid;
  if jsonb_typeof(p_offer -> 'version') is distinct from 'number' then
    raise exception 'a change needs the version it read' using errcode = '22023';
  end if;
  select * into v_old from public.offers o where o.id = v_id and private.can_edit_offer(o.id)
  for update;
  if not found then
    raise exception 'offer % does not exist or may not be changed by you', v_id
      using errcode = '42501';
  end if;
  if p_offer ->> 'organisation_id' is not null
     and (p_offer ->> 'organisation_id')::uuid <> v_old.organisation_id then
    raise exception 'an offer cannot move to another organisation here' using errcode = '22023';
  end if;
  if p_offer ->> 'original_locale' is not null
     and p_offer ->> 'original_locale' <> v_old.original_locale then
    raise exception 'the original locale of an offer cannot change here' using errcode = '22023';
  end if;

  -- the text first (cleaned as the trigger will), so the offer's version counts a text change
  if not exists (
    select 1 from public.offer_translations t
    where t.offer_id = v_id and t.locale = v_old.original_locale
      and t.title = private.clean_line(v_title)
      and t.summary is not distinct from private.clean_text(v_summary)
      and t.description is not distinct from private.clean_text(v_description)
      and t.cost_note is not distinct from private.clean_text(v_cost_note)
      and t.registration_note is not distinct from private.clean_text(v_registration_note)
  ) then
    perform set_config('portal.offer_text_changed', v_id::text, true);
    insert into public.offer_translations (offer_id, locale, title, summary, description,
      cost_note, registration_note, provenance, reviewed)
    values (v_id, v_old.original_locale, v_title, v_summary, v_description, v_cost_note,
      v_registration_note, 'original', true)
    on conflict (offer_id, locale) do update set title = excluded.title,
      summary = excluded.summary, description = excluded.description,
      cost_note = excluded.cost_note, registration_note = excluded.registration_note,
      provenance = 'original', reviewed = true;
  end if;

  update public.offers set
    version = (p_offer ->> 'version')::integer,
    category = coalesce(p_offer ->> 'category', v_old.category),
    street = nullif(btrim(p_offer ->> 'street'), ''),
    postal_code = nullif(btrim(p_offer ->> 'postal_code'), ''),
    locality = nullif(btrim(p_offer ->> 'locality'), ''),
    location = v_location,
    languages = coalesce(
      (select array_agg(x) from jsonb_array_elements_text(p_offer -> 'languages') x), '{}'),
    target_groups = coalesce(
      (select array_agg(x) from jsonb_array_elements_text(p_offer -> 'target_groups') x), '{}'),
    cost_eur = (p_offer ->> 'cost_eur')::numeric,
    childcare = coalesce((p_offer ->> 'childcare')::boolean, false),
    women_only = coalesce((p_offer ->> 'women_only')::boolean, false),
    wheelchair_accessible = (p_offer ->> 'wheelchair_accessible')::boolean,
    german_level = (p_offer ->> 'german_level')::public.german_level,
    registration = coalesce((p_offer ->> 'registration')::public.registration_kind, 'none'),
    registration_url = nullif(btrim(p_offer ->> 'registration_url'), ''),
    contact_email = nullif(btrim(p_offer ->> 'contact_email'), ''),
    contact_phone = nullif(btrim(p_offer ->> 'contact_phone'), '')
  where id = v_id
  returning version into v_version;
  perform set_config('portal.offer_text_changed', '', true);
  return jsonb_build_object('id', v_id, 'version', v_version);
end;
$$;
comment on function public.save_offer is
  'Creates (no id) or changes (id and the version read; PT409 otherwise) an offer with its original text in one transaction; unknown keys are refused (22023). Returns {id, version}. For the staff offer editor.';

-- ---------------------------------------------------------------------------
-- Grants (see src/lib/server/data/rpc-access.ts)

revoke execute on function public.get_offer_for_edit(uuid), public.save_offer(jsonb)
  from public, anon, authenticated, service_role;
grant execute on function public.get_offer_for_edit(uuid), public.save_offer(jsonb)
  to authenticated;
