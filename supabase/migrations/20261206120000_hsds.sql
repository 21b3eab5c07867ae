-- Open data in the standards others read: the pages of the Open Referral HSDS 3.0 API
-- (/hsds/services, /hsds/service_at_locations, /hsds/organizations) and the offers of the
-- sitemap. Both return only which published offers or organisations are on a page and when
-- they last changed; the texts come from get_offer() (the offer page's own read), the search
-- (`search`) from the search interface. Read as the caller (anon sees published offers only).

-- One page of published offers: those among p_ids (a search's hits, kept in their order) or
-- all, changed on or after p_modified_after, of one organisation, with a place (p_located);
-- without p_ids ordered by last change, then id. At most 5000 a page.
create function public.hsds_service_page(
  p_ids uuid[] default null,
  p_modified_after timestamptz default null,
  p_organization uuid default null,
  p_located boolean default false,
  p_limit integer default 20,
  p_offset integer default 0
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with wanted as (
    select w.id, w.ord from unnest(p_ids) with ordinality as w (id, ord)
  ),
  matching as (
    select o.id, o.updated_at, w.ord
    from public.offers o
    left join wanted w on w.id = o.id
    where o.state = 'published'
      and (p_ids is null or w.id is not null)
      and (p_modified_after is null or o.updated_at >= p_modified_after)
      and (p_organization is null or o.organisation_id = p_organization)
      and (not coalesce(p_located, false) or o.location is not null or o.street is not null)
  ),
  page as (
    select m.id, m.updated_at, m.ord
    from matching m
    order by m.ord nulls last, m.updated_at, m.id
    limit least(greatest(coalesce(p_limit, 20), 0), 5000)
    offset greatest(coalesce(p_offset, 0), 0)
  )
  select jsonb_build_object(
    'total', (select count(*) from matching),
    'items', coalesce(
      (select jsonb_agg(jsonb_build_object('id', p.id, 'updated_at', p.updated_at)
                        order by p.ord nulls last, p.updated_at, p.id)
       from page p),
      '[]'::jsonb)
  );
$$;
comment on function public.hsds_service_page is
  'Ids and last change of one page of published offers (optionally among given ids in their order, changed since, of an organisation, with a place) and how many match: the HSDS API and the sitemap.';

-- One page of the organisations that hold published offers, by name; p_search matches a part
-- of the name (any case), p_id one organisation. With the ids of their published offers.
create function public.hsds_organization_page(
  p_search text default null,
  p_id uuid default null,
  p_limit integer default 20,
  p_offset integer default 0
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with matching as (
    select org.id, org.name, org.kind, org.website, org.email, org.phone, org.street,
           org.postal_code, org.locality, org.updated_at
    from public.organisations org
    where exists (
        select 1 from public.offers o where o.organisation_id = org.id and o.state = 'published')
      and (p_id is null or org.id = p_id)
      and (nullif(trim(p_search), '') is null
           or strpos(lower(org.name), lower(trim(p_search))) > 0)
  ),
  page as (
    select m.* from matching m
    order by m.name, m.id
    limit least(greatest(coalesce(p_limit, 20), 0), 100)
    offset greatest(coalesce(p_offset, 0), 0)
  )
  select jsonb_build_object(
    'total', (select count(*) from matching),
    'items', coalesce(
      (select jsonb_agg(jsonb_build_object(
          'id', p.id, 'name', p.name, 'kind', p.kind, 'website', p.website, 'email', p.email,
          'phone', p.phone, 'street', p.street, 'postal_code', p.postal_code,
          'locality', p.locality, 'updated_at', p.updated_at,
          'service_ids', (select coalesce(jsonb_agg(o.id order by o.updated_at, o.id), '[]'::jsonb)
                          from public.offers o
                          where o.organisation_id = p.id and o.state = 'published'))
        order by p.name, p.id)
       from page p),
      '[]'::jsonb)
  );
$$;
comment on function public.hsds_organization_page is
  'One page of the organisations holding published offers (by name, optionally a part of the name or one id), with their published offers'' ids, and how many match: the HSDS API.';

revoke all on function public.hsds_service_page(uuid[], timestamptz, uuid, boolean, integer, integer),
  public.hsds_organization_page(text, uuid, integer, integer)
  from public, anon, authenticated, service_role;
grant execute on function public.hsds_service_page(uuid[], timestamptz, uuid, boolean, integer, integer),
  public.hsds_organization_page(text, uuid, integer, integer)
  to anon, authenticated;
