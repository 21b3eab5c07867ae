-- The first city admin of a new city (npm run city:create -- … --admin-email): the command
-- makes the account (an invitation with a one-time link) and then names it a city admin here.
-- service_role only. Security definer: the city_admins table is written by no API role.

create function public.add_city_admin(p_user_id uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from auth.users where id = p_user_id) then
    raise exception 'no user %', p_user_id using errcode = 'PT404';
  end if;
  insert into public.city_admins (user_id) values (p_user_id) on conflict do nothing;
  return found;
end;
$$;
comment on function public.add_city_admin is 'Makes an existing user a city admin; true when they were not one. Server only (service role).';

revoke execute on function public.add_city_admin(uuid) from public, anon, authenticated, service_role;
grant execute on function public.add_city_admin(uuid) to service_role;
