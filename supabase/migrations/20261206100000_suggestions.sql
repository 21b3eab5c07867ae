-- Suggestions from the public (issue 11, part 2): visitors suggest a new offer or report a
-- mistake on an offer's page, without an account. A suggestion lands in the queue of the
-- organisation responsible for it (the offer's organisation for a mistake report; the city's
-- integration office for a new offer: organisation_id null), which accepts it (a new offer
-- becomes a DRAFT offer; a mistake report is marked accepted and its offer is edited by hand),
-- answers it (the answer is kept; the staff reply by mail or phone themselves) or rejects it.
--
-- Visitors write only through submit_suggestion(), which checks every field's length; nobody
-- reads anything anonymously. Nothing a visitor wrote reaches a public page unless a person
-- accepted it and then published the draft through the offer editor. Nothing about the visitor
-- (address, browser) is stored; the contact is only what they chose to type.

create type public.suggestion_kind as enum ('new_offer', 'mistake');
create type public.suggestion_state as enum ('new', 'accepted', 'answered', 'rejected');

create table public.suggestions (
  id uuid primary key default gen_random_uuid(),
  kind public.suggestion_kind not null,
  -- the offer a mistake report is about (kept when the offer goes: the report stays readable)
  offer_id uuid references public.offers (id) on delete set null,
  -- the responsible organisation; null: the city's integration office
  organisation_id uuid references public.organisations (id) on delete cascade,
  locale text not null references public.locales (code),
  -- a new offer: what is offered; a mistake report: what is wrong
  what text not null check (length(btrim(what)) between 3 and 2000),
  place text check (length(place) <= 300),
  time_text text check (length(time_text) <= 300),
  audience text check (length(audience) <= 300),
  contact text check (length(contact) <= 200),
  state public.suggestion_state not null default 'new',
  answer text check (length(answer) <= 2000),
  handled_by uuid references auth.users (id) on delete set null,
  handled_at timestamptz,
  draft_offer_id uuid references public.offers (id) on delete set null,
  created_at timestamptz not null default now(),
  check ((state = 'new') = (handled_at is null)),
  check (state <> 'answered' or answer is not null)
);
comment on table public.suggestions is 'Suggestions of new offers and reports of mistakes from visitors, in the queue of the responsible organisation (null: the city''s integration office). Written by submit_suggestion() only; read and handled by the organisation''s staff and city admins.';
comment on column public.suggestions.contact is 'What the visitor chose to give to be answered (e-mail or phone), or null. The portal sends nothing itself.';
create index suggestions_organisation_state_idx on public.suggestions (organisation_id, state);
create index suggestions_offer_id_idx on public.suggestions (offer_id);
create index suggestions_draft_offer_id_idx on public.suggestions (draft_offer_id);
alter table public.suggestions enable row level security;

-- Who handles a suggestion: the responsible organisation's staff, and city admins (all of them;
-- the new-offer ones are their queue).
create function private.can_handle_suggestion(p_organisation_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_city_admin()
      or (p_organisation_id is not null and private.is_member_of(p_organisation_id));
$$;
revoke all on function private.can_handle_suggestion(uuid) from public;
grant execute on function private.can_handle_suggestion(uuid) to authenticated, service_role;

create policy "the responsible staff and city admins read suggestions" on public.suggestions
  for select to authenticated
  using ((select private.can_handle_suggestion(organisation_id)));
-- no insert, update or delete policy: visitors write through submit_suggestion(), staff handle
-- them through accept_/answer_/reject_suggestion()

grant select on table public.suggestions to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Visitors

-- A visitor's suggestion: p_kind 'new_offer' (no offer) or 'mistake' (a published offer). Texts
-- are cleaned as the portal keeps text; lengths are checked (22023), an unknown or unpublished
-- offer is PT404. Returns nothing, so that a visitor learns nothing about the queue.
create function public.submit_suggestion(
  p_kind text,
  p_locale text,
  p_what text,
  p_offer_id uuid default null,
  p_place text default null,
  p_time text default null,
  p_audience text default null,
  p_contact text default null
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_kind public.suggestion_kind;
  v_organisation uuid;
  v_what text := private.clean_text(btrim(coalesce(p_what, '')));
  v_place text := nullif(private.clean_line(p_place), '');
  v_time text := nullif(private.clean_line(p_time), '');
  v_audience text := nullif(private.clean_line(p_audience), '');
  v_contact text := nullif(private.clean_line(p_contact), '');
begin
  if p_kind is null or p_kind not in ('new_offer', 'mistake') then
    raise exception 'a suggestion is a new_offer or a mistake' using errcode = '22023';
  end if;
  v_kind := p_kind::public.suggestion_kind;
  if not exists (select 1 from public.locales where code = p_locale) then
    raise exception 'unknown locale' using errcode = '22023';
  end if;
  if length(v_what) not between 3 and 2000 then
    raise exception 'the text must have 3 to 2,000 characters' using errcode = '22023';
  end if;
  if length(v_place) > 300 or length(v_time) > 300 or length(v_audience) > 300 then
    raise exception 'place, time and audience have at most 300 characters' using errcode = '22023';
  end if;
  if length(v_contact) > 200 then
    raise exception 'a contact has at most 200 characters' using errcode = '22023';
  end if;
  if v_kind = 'mistake' then
    select o.organisation_id into v_organisation
    from public.offers o where o.id = p_offer_id and o.state = 'published';
    if v_organisation is null then
      raise exception 'no published offer %', p_offer_id using errcode = 'PT404';
    end if;
    v_place := null;
    v_time := null;
    v_audience := null;
  elsif p_offer_id is not null then
    raise exception 'a new offer is about no offer' using errcode = '22023';
  end if;
  insert into public.suggestions (kind, offer_id, organisation_id, locale, what, place, time_text,
    audience, contact)
  values (v_kind, p_offer_id, v_organisation, p_locale, v_what, v_place, v_time, v_audience,
    v_contact);
end;
$$;
comment on function public.submit_suggestion is 'A visitor''s suggestion of a new offer or report of a mistake on a published offer (lengths checked, 22023; an unknown offer PT404). Returns nothing.';

-- ---------------------------------------------------------------------------
-- The staff's queue

-- The suggestions the caller handles (their organisations'; city admins: all), newest first,
-- optionally of one state, with the offer's title (original text) and the organisation's name.
create function public.suggestion_queue(p_state public.suggestion_state default null)
returns table (
  id uuid,
  kind public.suggestion_kind,
  state public.suggestion_state,
  created_at timestamptz,
  locale text,
  what text,
  place text,
  time_text text,
  audience text,
  contact text,
  answer text,
  handled_at timestamptz,
  handled_by_email text,
  offer_id uuid,
  offer_title text,
  organisation_id uuid,
  organisation_name text,
  draft_offer_id uuid
)
language sql
stable
security definer
set search_path = ''
as $$
  select s.id, s.kind, s.state, s.created_at, s.locale, s.what, s.place, s.time_text, s.audience,
    s.contact, s.answer, s.handled_at, u.email::text, s.offer_id, t.title, s.organisation_id,
    org.name, s.draft_offer_id
  from public.suggestions s
  left join public.offers o on o.id = s.offer_id
  left join public.offer_translations t on t.offer_id = o.id and t.locale = o.original_locale
  left join public.organisations org on org.id = s.organisation_id
  left join auth.users u on u.id = s.handled_by
  where private.can_handle_suggestion(s.organisation_id)
    and (p_state is null or s.state = p_state)
  order by s.created_at desc, s.id
  limit 500;
$$;
comment on function public.suggestion_queue is 'The suggestions the caller handles (their organisations''; city admins: all, the city''s new-offer queue included), newest first, optionally of one state; at most 500.';

-- The suggestion p_id, locked, when the caller may handle it and it is still new.
create function private.open_suggestion(p_id uuid) returns public.suggestions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v public.suggestions;
begin
  select * into v from public.suggestions s where s.id = p_id for update;
  if not found then
    raise exception 'no suggestion %', p_id using errcode = 'PT404';
  end if;
  if not private.can_handle_suggestion(v.organisation_id) then
    raise exception 'only the responsible staff and city admins handle a suggestion'
      using errcode = '42501';
  end if;
  if v.state <> 'new' then
    raise exception 'suggestion % was handled already', p_id using errcode = 'PT409';
  end if;
  return v;
end;
$$;
revoke all on function private.open_suggestion(uuid) from public;
grant execute on function private.open_suggestion(uuid) to authenticated, service_role;

-- Accepts a suggestion. A mistake report is marked accepted (its offer is then edited by hand;
-- returns {offer_id}). A new offer becomes a DRAFT offer of p_organisation_id (default: the
-- responsible organisation; for the city's queue one must be chosen) in p_category, its text
-- in the visitor's locale (Einfache Sprache as German) made of the visitor's words: the first
-- line of "what" as title, everything as description; returns {offer_id, draft: true}.
create function public.accept_suggestion(
  p_id uuid,
  p_organisation_id uuid default null,
  p_category text default 'event'
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v public.suggestions := private.open_suggestion(p_id);
  v_organisation uuid := coalesce(p_organisation_id, v.organisation_id);
  v_title text;
  v_description text;
  v_saved jsonb;
begin
  if v.kind = 'mistake' then
    update public.suggestions set state = 'accepted', handled_by = (select auth.uid()),
      handled_at = now()
    where id = p_id;
    return jsonb_build_object('offer_id', v.offer_id, 'draft', false);
  end if;

  if v_organisation is null then
    raise exception 'a new offer needs an organisation' using errcode = '22023';
  end if;
  if not (private.is_city_admin() or private.is_member_of(v_organisation)) then
    raise exception 'a draft is made only for an organisation of yours' using errcode = '42501';
  end if;
  if not exists (select 1 from public.categories where slug = p_category) then
    raise exception 'unknown category' using errcode = '22023';
  end if;
  v_title := left(private.clean_line(split_part(v.what, E'\n', 1)), 200);
  if length(v_title) = 0 then
    v_title := left(private.clean_line(v.what), 200);
  end if;
  v_description := concat_ws(E'\n\n', v.what,
    case when v.place is not null then 'Wo: ' || v.place end,
    case when v.time_text is not null then 'Wann: ' || v.time_text end,
    case when v.audience is not null then 'Für wen: ' || v.audience end);
  v_saved := public.save_offer(jsonb_build_object(
    'organisation_id', v_organisation,
    'category', p_category,
    'original_locale', case when v.locale = 'de-simple' then 'de' else v.locale end,
    'languages', jsonb_build_array(case when v.locale = 'de-simple' then 'de' else v.locale end),
    'title', v_title,
    'description', left(v_description, 10000)));
  update public.suggestions set state = 'accepted', handled_by = (select auth.uid()),
    handled_at = now(), draft_offer_id = (v_saved ->> 'id')::uuid
  where id = p_id;
  return jsonb_build_object('offer_id', v_saved -> 'id', 'draft', true);
end;
$$;
comment on function public.accept_suggestion is 'Accepts a new suggestion: a mistake report is marked accepted ({offer_id}); a new offer becomes a draft offer of the chosen (or responsible) organisation in the visitor''s words ({offer_id, draft: true}). 42501 for others, PT409 when handled already.';

-- Answers a suggestion: the answer is kept with who answered and when. The portal sends
-- nothing: the staff reply to the contact themselves.
create function public.answer_suggestion(p_id uuid, p_answer text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v public.suggestions := private.open_suggestion(p_id);
  v_answer text := private.clean_text(btrim(coalesce(p_answer, '')));
begin
  if length(v_answer) not between 1 and 2000 then
    raise exception 'an answer has 1 to 2,000 characters' using errcode = '22023';
  end if;
  update public.suggestions set state = 'answered', answer = v_answer,
    handled_by = (select auth.uid()), handled_at = now()
  where id = v.id;
end;
$$;
comment on function public.answer_suggestion is 'Answers a new suggestion (1 to 2,000 characters; kept, not sent). 42501 for others, PT409 when handled already.';

-- Rejects a suggestion, with an optional note for colleagues.
create function public.reject_suggestion(p_id uuid, p_note text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v public.suggestions := private.open_suggestion(p_id);
  v_note text := nullif(private.clean_text(btrim(coalesce(p_note, ''))), '');
begin
  if length(v_note) > 2000 then
    raise exception 'a note has at most 2,000 characters' using errcode = '22023';
  end if;
  update public.suggestions set state = 'rejected', answer = v_note,
    handled_by = (select auth.uid()), handled_at = now()
  where id = v.id;
end;
$$;
comment on function public.reject_suggestion is 'Rejects a new suggestion (with an optional note). 42501 for others, PT409 when handled already.';

revoke all on function public.submit_suggestion(text, text, text, uuid, text, text, text, text),
  public.suggestion_queue(public.suggestion_state),
  public.accept_suggestion(uuid, uuid, text),
  public.answer_suggestion(uuid, text),
  public.reject_suggestion(uuid, text)
  from public, anon, authenticated, service_role;
grant execute on function public.submit_suggestion(text, text, text, uuid, text, text, text, text)
  to anon, authenticated;
grant execute on function public.suggestion_queue(public.suggestion_state),
  public.accept_suggestion(uuid, uuid, text),
  public.answer_suggestion(uuid, text),
  public.reject_suggestion(uuid, text)
  to authenticated;
