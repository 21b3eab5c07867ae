-- Cross-cutting themes tag offers too: the staff of an offer choose among the themes of their
-- city's current concept (participation, volunteering, women …) on the offer's page. Themes of
-- other concepts an offer was tagged with stay as they are.

create function public.offer_theme_choices(p_offer_id uuid)
returns table (slug text, title text, chosen boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_city uuid;
begin
  select org.city_id into v_city
  from public.offers o join public.organisations org on org.id = o.organisation_id
  where o.id = p_offer_id;
  if v_city is null then
    raise exception 'no offer %', p_offer_id using errcode = 'PT404';
  end if;
  if not private.can_edit_offer(p_offer_id) then
    raise exception 'only the offer''s staff and the city''s administrators choose its themes' using errcode = '42501';
  end if;
  return query
    select t.slug, t.title,
           exists (select 1 from public.offer_themes ot where ot.offer_id = p_offer_id and ot.theme_id = t.id)
    from public.themes t
    join public.concepts k on k.id = t.concept_id and k.is_current and k.city_id = v_city
    order by t.title;
end;
$$;
comment on function public.offer_theme_choices is 'The themes of the current concept of the offer''s city, with whether the offer serves each; for its staff and city admins.';

create function public.set_offer_themes(p_offer_id uuid, p_themes text[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_city uuid;
  v_unknown text;
begin
  select org.city_id into v_city
  from public.offers o join public.organisations org on org.id = o.organisation_id
  where o.id = p_offer_id;
  if v_city is null then
    raise exception 'no offer %', p_offer_id using errcode = 'PT404';
  end if;
  if not private.can_edit_offer(p_offer_id) then
    raise exception 'only the offer''s staff and the city''s administrators choose its themes' using errcode = '42501';
  end if;
  select s into v_unknown from unnest(coalesce(p_themes, '{}')) s
  where not exists (select 1 from public.themes t
                    join public.concepts k on k.id = t.concept_id and k.is_current and k.city_id = v_city
                    where t.slug = s)
  limit 1;
  if v_unknown is not null then
    raise exception 'not a theme of the current concept: %', private.quoted(v_unknown) using errcode = '22023';
  end if;
  delete from public.offer_themes ot
  using public.themes t, public.concepts k
  where ot.offer_id = p_offer_id and t.id = ot.theme_id and k.id = t.concept_id
    and k.is_current and k.city_id = v_city and not t.slug = any (coalesce(p_themes, '{}'));
  insert into public.offer_themes (offer_id, theme_id)
  select p_offer_id, t.id from public.themes t
  join public.concepts k on k.id = t.concept_id and k.is_current and k.city_id = v_city
  where t.slug = any (coalesce(p_themes, '{}'))
  on conflict do nothing;
end;
$$;
comment on function public.set_offer_themes is 'Sets which themes of the current concept an offer serves (slugs); for its staff and city admins.';

revoke all on function public.offer_theme_choices(uuid), public.set_offer_themes(uuid, text[])
  from public, anon, authenticated, service_role;
grant execute on function public.offer_theme_choices(uuid), public.set_offer_themes(uuid, text[])
  to authenticated;
