-- The translation editor (issue 8, step 6): an offer's original text with every translation and
-- its status per locale (offer_translation_status), and saving one translation, written by a
-- person or by a machine (save_offer_translation).
--
-- Status of a locale: missing (no text), outdated (the original changed after the translation
-- was made: the rule of staff_offers(), t.updated_at < original.updated_at), reviewed, machine,
-- human. Which FIELDS are outdated: each translation keeps the original's text it was made from
-- (source_texts); an outdated translation's field is outdated when the original's field differs
-- from it now. A field the original has and the translation lacks is missing. Machine
-- translation fills exactly the missing and outdated fields.
--
-- Both functions run with the caller's rights: private.can_edit_offer and row level security
-- decide who may read and write.

-- ---------------------------------------------------------------------------
-- The original's text each translation was made from

alter table public.offer_translations add column source_texts jsonb
  check (source_texts is null or jsonb_typeof(source_texts) = 'object');
comment on column public.offer_translations.source_texts is
  'The original''s fields (title, summary, description, cost_note, registration_note) as they were when this translation was made or last made current; null for the original and for translations older than this column (then every field counts as changed once the translation is outdated).';

-- The text fields of an offer, in the order the editor shows them.
create function private.offer_text_fields() returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['title', 'summary', 'description', 'cost_note', 'registration_note'];
$$;
comment on function private.offer_text_fields is 'The text fields of an offer translation, in the order the editor shows them.';

-- The original's text fields of an offer as source_texts keeps them.
create function private.offer_source_texts(p_offer_id uuid) returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('title', t.title, 'summary', t.summary,
    'description', t.description, 'cost_note', t.cost_note,
    'registration_note', t.registration_note)
  from public.offer_translations t
  join public.offers o on o.id = t.offer_id and t.locale = o.original_locale
  where t.offer_id = p_offer_id;
$$;
comment on function private.offer_source_texts is 'The original text fields of an offer as a JSON object (what source_texts keeps).';

-- A minor edit of the original (save_offer with minor_edit, a typo fix) touches the offer's
-- translations so they stay current (20261203090000_offer_parts.sql): they then count as made
-- from the original as it is now.
create function private.follow_minor_edit() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.provenance <> 'original'
     and current_setting('portal.minor_edit', true) = new.offer_id::text then
    new.source_texts := private.offer_source_texts(new.offer_id);
  end if;
  return new;
end;
$$;
comment on function private.follow_minor_edit is 'Before update of a translation during a minor edit of its offer''s original (portal.minor_edit names the offer): it counts as made from the original as it is now.';
create trigger offer_translations_minor_edit before update on public.offer_translations
  for each row execute function private.follow_minor_edit();

-- The history lists changed fields: what the translation was made from is bookkeeping.
create or replace function private.history_noise() returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['updated_at', 'updated_by', 'version', 'created_at', 'created_by', 'is_free',
    'published_at', 'source_texts'];
$$;

-- ---------------------------------------------------------------------------
-- Reading: the original and each locale's translation with its status

-- For an offer the caller may edit: {offer_id, version, state, original_locale,
-- original: {title, …, updated_at}, locales: [{locale, native_name, direction, status,
-- provenance, reviewed, updated_at, texts, missing_fields, outdated_fields}]} with every locale
-- but the original's, in the portal's order; null otherwise (also for an unknown id).
create function public.offer_translation_status(p_offer_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'offer_id', o.id,
    'version', o.version,
    'state', o.state,
    'original_locale', o.original_locale,
    'original', jsonb_build_object('title', orig.title, 'summary', orig.summary,
      'description', orig.description, 'cost_note', orig.cost_note,
      'registration_note', orig.registration_note, 'updated_at', orig.updated_at),
    'locales', coalesce((
      select jsonb_agg(jsonb_build_object(
          'locale', l.code,
          'native_name', l.native_name,
          'direction', l.direction,
          'status', case
            when t.locale is null then 'missing'
            when t.updated_at < orig.updated_at then 'outdated'
            when t.reviewed then 'reviewed'
            when t.provenance = 'machine' then 'machine'
            else 'human' end,
          'provenance', t.provenance,
          'reviewed', t.reviewed,
          'updated_at', t.updated_at,
          'texts', case when t.locale is not null then jsonb_build_object('title', t.title,
            'summary', t.summary, 'description', t.description, 'cost_note', t.cost_note,
            'registration_note', t.registration_note) end,
          'missing_fields', to_jsonb(array(
            select f from unnest(private.offer_text_fields()) with ordinality as x (f, n)
            where to_jsonb(orig) ->> f is not null
              and (t.locale is null or to_jsonb(t) ->> f is null)
            order by n)),
          'outdated_fields', to_jsonb(array(
            select f from unnest(private.offer_text_fields()) with ordinality as x (f, n)
            where t.locale is not null and t.updated_at < orig.updated_at
              and to_jsonb(orig) ->> f is not null and to_jsonb(t) ->> f is not null
              and (t.source_texts is null
                or t.source_texts ->> f is distinct from to_jsonb(orig) ->> f)
            order by n)))
        order by l.position)
      from public.locales l
      left join public.offer_translations t on t.offer_id = o.id and t.locale = l.code
      where l.code <> o.original_locale), '[]'))
  from public.offers o
  join public.offer_translations orig on orig.offer_id = o.id and orig.locale = o.original_locale
  where o.id = p_offer_id and private.can_edit_offer(o.id);
$$;
comment on function public.offer_translation_status is
  'An offer''s original text and, per locale, its translation with status (missing, outdated, reviewed, machine, human) and the missing and outdated fields; null when the caller may not edit the offer. For the staff translation pages.';

-- ---------------------------------------------------------------------------
-- Writing one translation

-- Writes the fields given in p_texts (keys of offer_text_fields(); a string, or null/'' to
-- clear) into the offer's translation to p_locale, creating it if needed (then a title is
-- needed), with the provenance (human or machine) and reviewed flag given. The translation then
-- counts as made from the original as it is now. Refused: the original's locale, an unknown
-- locale, provenance original, unknown keys or non-text values (22023); an offer the caller may
-- not edit (42501). Returns {locale, status, updated_at}.
create function public.save_offer_translation(
  p_offer_id uuid,
  p_locale text,
  p_texts jsonb,
  p_provenance public.translation_provenance,
  p_reviewed boolean default false
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_offer public.offers;
  v_unknown text[];
  v_row public.offer_translations;
  v_texts jsonb := coalesce(p_texts, '{}');
begin
  if jsonb_typeof(v_texts) <> 'object' then
    raise exception 'the texts must be a JSON object' using errcode = '22023';
  end if;
  select array_agg(k order by k) into v_unknown
  from jsonb_object_keys(v_texts) k where k <> all (private.offer_text_fields());
  if v_unknown is not null then
    raise exception 'unknown fields: %', array_to_string(v_unknown, ', ') using errcode = '22023';
  end if;
  if exists (select 1 from jsonb_each(v_texts) e where jsonb_typeof(e.value) not in ('string', 'null')) then
    raise exception 'every text must be a string or null' using errcode = '22023';
  end if;
  if p_provenance is null or p_provenance = 'original' then
    raise exception 'a translation is written by a person (human) or a machine (machine)'
      using errcode = '22023';
  end if;
  if not exists (select 1 from public.locales l where l.code = p_locale) then
    raise exception 'unknown locale %', p_locale using errcode = '22023';
  end if;

  select * into v_offer from public.offers o
  where o.id = p_offer_id and private.can_edit_offer(o.id)
  for update;
  if not found then
    raise exception 'offer % does not exist or may not be changed by you', p_offer_id
      using errcode = '42501';
  end if;
  if p_locale = v_offer.original_locale then
    raise exception 'the original text is written in the offer editor' using errcode = '22023';
  end if;

  select * into v_row from public.offer_translations t
  where t.offer_id = p_offer_id and t.locale = p_locale
  for update;
  if not found and nullif(btrim(v_texts ->> 'title'), '') is null then
    raise exception 'a new translation needs a title' using errcode = '23514';
  end if;
  if found and (v_texts ? 'title') and nullif(btrim(v_texts ->> 'title'), '') is null then
    raise exception 'a translation needs a title' using errcode = '23514';
  end if;

  insert into public.offer_translations as t (offer_id, locale, title, summary, description,
    cost_note, registration_note, provenance, reviewed, source_texts)
  values (p_offer_id, p_locale,
    -- an existing title stands in when none is given (the insert's row must be valid)
    coalesce(v_texts ->> 'title', v_row.title),
    nullif(btrim(v_texts ->> 'summary'), ''),
    nullif(btrim(v_texts ->> 'description'), ''),
    nullif(btrim(v_texts ->> 'cost_note'), ''),
    nullif(btrim(v_texts ->> 'registration_note'), ''),
    p_provenance, coalesce(p_reviewed, false), private.offer_source_texts(p_offer_id))
  on conflict (offer_id, locale) do update set
    title = case when v_texts ? 'title' then excluded.title else t.title end,
    summary = case when v_texts ? 'summary' then excluded.summary else t.summary end,
    description = case when v_texts ? 'description' then excluded.description
      else t.description end,
    cost_note = case when v_texts ? 'cost_note' then excluded.cost_note else t.cost_note end,
    registration_note = case when v_texts ? 'registration_note' then excluded.registration_note
      else t.registration_note end,
    provenance = excluded.provenance,
    reviewed = excluded.reviewed,
    source_texts = excluded.source_texts,
    updated_by = (select auth.uid())
  returning * into v_row;

  return jsonb_build_object('locale', v_row.locale,
    'status', case when v_row.reviewed then 'reviewed' else v_row.provenance::text end,
    'updated_at', v_row.updated_at);
end;
$$;
comment on function public.save_offer_translation is
  'Writes the given fields of an offer''s translation to one locale (not the original''s), as human or machine translation, reviewed or not; it then counts as made from the original as it is now. 22023 for bad input, 42501 for an offer the caller may not edit. For the staff translation editor.';

-- ---------------------------------------------------------------------------
-- Grants (see src/lib/server/data/rpc-access.ts)

revoke execute on function private.offer_text_fields(), private.offer_source_texts(uuid),
  private.follow_minor_edit()
  from public, anon, authenticated, service_role;
grant execute on function private.offer_text_fields(), private.offer_source_texts(uuid)
  to authenticated, service_role;

revoke execute on function public.offer_translation_status(uuid),
  public.save_offer_translation(uuid, text, jsonb, public.translation_provenance, boolean)
  from public, anon, authenticated, service_role;
grant execute on function public.offer_translation_status(uuid),
  public.save_offer_translation(uuid, text, jsonb, public.translation_provenance, boolean)
  to authenticated;
