-- Staff access: who a signed-in person is in the portal, and the staff of an organisation.
--
-- The staff pages ask my_access() once per request for the organisations a person works for
-- and whether they are a city admin. Organisation admins (and city admins, for every
-- organisation) list, add, re-role and remove staff; row level security on memberships decides
-- who may, these functions only make the calls and their errors plain. An organisation keeps
-- at least one admin.

-- ---------------------------------------------------------------------------
-- Who am I

-- The caller's access: user id, city admin or not, and memberships with the organisation's
-- slug and name. Security invoker: the policies let a person see their own memberships and
-- their own city_admins row.
create function public.my_access()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'user_id', (select auth.uid()),
    'city_admin', exists (select 1 from public.city_admins where user_id = (select auth.uid())),
    'memberships', coalesce((
      select jsonb_agg(jsonb_build_object(
          'organisation_id', o.id, 'slug', o.slug, 'name', o.name, 'role', m.role)
        order by o.name)
      from public.memberships m
      join public.organisations o on o.id = m.organisation_id
      where m.user_id = (select auth.uid())
    ), '[]'::jsonb)
  );
$$;
comment on function public.my_access is
  'The signed-in caller: user id, whether a city admin, and memberships (organisation id, slug, name, role).';

-- The organisations whose staff the caller manages: all for city admins, otherwise those they
-- are an admin of; with the number of staff.
create function public.managed_organisations()
returns table (id uuid, slug text, name text, kind public.organisation_kind, staff_count integer)
language sql
stable
set search_path = ''
as $$
  select o.id, o.slug, o.name, o.kind,
    (select count(*)::integer from public.memberships m where m.organisation_id = o.id)
  from public.organisations o
  where (select private.is_city_admin()) or private.is_admin_of(o.id)
  order by o.name;
$$;
comment on function public.managed_organisations is
  'Organisations whose staff the caller manages (city admins: all), with their staff count.';

-- ---------------------------------------------------------------------------
-- The staff of an organisation

-- The staff with their addresses and whether they have signed in yet. Security definer, as the
-- addresses live in auth.users; only the organisation's admins and city admins may ask (42501
-- for others). An unknown organisation has no staff.
create function public.organisation_staff(p_organisation_id uuid)
returns table (
  user_id uuid,
  email text,
  role public.membership_role,
  member_since timestamptz,
  last_sign_in_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.organisations where id = p_organisation_id) then
    return;
  end if;
  if not (private.is_admin_of(p_organisation_id) or private.is_city_admin()) then
    raise exception 'only the organisation''s admins see its staff' using errcode = '42501';
  end if;
  return query
    select m.user_id, u.email::text, m.role, m.created_at, u.last_sign_in_at::timestamptz
    from public.memberships m
    join auth.users u on u.id = m.user_id
    where m.organisation_id = p_organisation_id
    order by lower(u.email::text);
end;
$$;
comment on function public.organisation_staff is
  'Staff of an organisation (address, role, since, last sign-in), for its admins and city admins.';

-- Adds a person to an organisation's staff, or changes their role if they are already. The
-- person must exist in auth.users (the server invites them first). Row level security lets
-- only the organisation's admins and city admins do this (42501).
create function public.add_staff_member(
  p_organisation_id uuid,
  p_user_id uuid,
  p_role public.membership_role
)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from public.organisations where id = p_organisation_id) then
    raise exception 'no such organisation' using errcode = '22023';
  end if;
  insert into public.memberships (organisation_id, user_id, role)
  values (p_organisation_id, p_user_id, p_role)
  on conflict (organisation_id, user_id) do update set role = excluded.role;
end;
$$;
comment on function public.add_staff_member is
  'Adds a user to an organisation''s staff with a role, or sets the role of a member. Organisation admins and city admins.';

-- Changes a member's role; PT404 (PostgREST answers 404) when there is no such member the
-- caller may change.
create function public.set_staff_role(
  p_organisation_id uuid,
  p_user_id uuid,
  p_role public.membership_role
)
returns void
language plpgsql
set search_path = ''
as $$
begin
  update public.memberships set role = p_role
  where organisation_id = p_organisation_id and user_id = p_user_id;
  if not found then
    raise exception 'no such member' using errcode = 'PT404';
  end if;
end;
$$;
comment on function public.set_staff_role is
  'Sets a member''s role (admin or editor). Organisation admins and city admins.';

-- Removes a member; PT404 (PostgREST answers 404) when there is no such member the caller
-- may remove.
create function public.remove_staff_member(p_organisation_id uuid, p_user_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
begin
  delete from public.memberships
  where organisation_id = p_organisation_id and user_id = p_user_id;
  if not found then
    raise exception 'no such member' using errcode = 'PT404';
  end if;
end;
$$;
comment on function public.remove_staff_member is
  'Removes a member from an organisation''s staff. Organisation admins and city admins.';

-- The user id of an address, for the server's invitations: an address that already has an
-- account is added to the staff without a new invitation. Service role only.
create function public.user_id_by_email(p_email text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select id from auth.users where lower(email) = lower(trim(p_email)) limit 1;
$$;
comment on function public.user_id_by_email is
  'The auth user id of an e-mail address (case-insensitive), or null. Server only (service role).';

-- ---------------------------------------------------------------------------
-- An organisation keeps an admin

-- Refuses to remove or demote an organisation's last admin (check_violation). A cascade from
-- deleting the organisation itself passes: the organisation is gone by then. Security definer:
-- the check must see every membership, not only those the caller's policies show (an admin who
-- leaves no longer sees the organisation's memberships once their own is gone).
create function private.keep_an_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role <> 'admin' then
    return null;
  end if;
  -- two admins demoting each other at once: the second waits for the first and then sees it
  perform 1 from public.organisations where id = old.organisation_id for update;
  if found
    and not exists (
      select 1 from public.memberships
      where organisation_id = old.organisation_id and role = 'admin'
    )
  then
    raise exception 'an organisation keeps at least one admin'
      using errcode = '23514', hint = 'Make another member admin first.';
  end if;
  return null;
end;
$$;

create trigger memberships_keep_an_admin
  after update of role or delete on public.memberships
  for each row execute function private.keep_an_admin();

-- ---------------------------------------------------------------------------
-- Grants (see src/lib/server/data/rpc-access.ts)

revoke execute on function public.my_access(), public.managed_organisations(),
  public.organisation_staff(uuid),
  public.add_staff_member(uuid, uuid, public.membership_role),
  public.set_staff_role(uuid, uuid, public.membership_role),
  public.remove_staff_member(uuid, uuid), public.user_id_by_email(text)
  from public, anon, authenticated, service_role;
grant execute on function public.my_access(), public.managed_organisations(),
  public.organisation_staff(uuid),
  public.add_staff_member(uuid, uuid, public.membership_role),
  public.set_staff_role(uuid, uuid, public.membership_role),
  public.remove_staff_member(uuid, uuid)
  to authenticated;
grant execute on function public.user_id_by_email(text) to service_role;
revoke execute on function private.keep_an_admin() from public;
