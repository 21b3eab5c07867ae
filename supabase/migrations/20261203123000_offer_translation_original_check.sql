-- The translation editor, a refinement (20261203100000_offer_translation_editor.sql):
-- save_offer_translation takes the moment of the original text the translation was made from
-- (p_original_updated_at, as offer_translation_status answered it in original.updated_at). When
-- the original changed since, the save is refused with PT409 instead of recording a translation
-- of the old text as current: a person sees the new original and checks, a machine run reports
-- the locale as not saved. Without it (null) the save behaves as before.

drop function public.save_offer_translation(uuid, text, jsonb, public.translation_provenance,
  boolean);

create function public.save_offer_translation(
  p_offer_id uuid,
  p_locale text,
  p_texts jsonb,
  p_provenance public.translation_provenance,
  p_reviewed boolean default false,
  p_original_updated_at timestamptz default null
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
  if p_original_updated_at is not null and p_original_updated_at is distinct from (
    select t.updated_at from public.offer_translations t
    where t.offer_id = p_offer_id and t.locale = v_offer.original_locale
  ) then
    raise exception 'the original text of offer % changed since it was read', p_offer_id
      using errcode = 'PT409', hint = 'Read the original again and check the translation.';
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
  'Writes the given fields of an offer''s translation to one locale (not the original''s), as human or machine translation, reviewed or not; it then counts as made from the original as it is now. With p_original_updated_at, PT409 when the original changed since. 22023 for bad input, 42501 for an offer the caller may not edit. For the staff translation editor.';

-- ---------------------------------------------------------------------------
-- Grants (see src/lib/server/data/rpc-access.ts)

revoke execute on function public.save_offer_translation(uuid, text, jsonb,
  public.translation_provenance, boolean, timestamptz)
  from public, anon, authenticated, service_role;
grant execute on function public.save_offer_translation(uuid, text, jsonb,
  public.translation_provenance, boolean, timestamptz)
  to authenticated;
