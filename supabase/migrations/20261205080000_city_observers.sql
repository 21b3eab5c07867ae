-- Observers of the city's concept: council members and working-group leads read the city
-- office's pages (concept, coverage, reports) and change nothing. Appointed by city admins.

create table public.city_observers (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table public.city_observers is 'Users who read the city office''s pages (council members, working-group leads) without changing anything.';
alter table public.city_observers enable row level security;

create trigger city_observers_audit after insert or update or delete on public.city_observers
  for each row execute function private.audit();

create policy "city admins see observers and users see themselves" on public.city_observers
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_city_admin()));
create policy "city admins appoint observers" on public.city_observers for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins remove observers" on public.city_observers for delete to authenticated
  using ((select private.is_city_admin()));

grant select, insert, delete on table public.city_observers to authenticated;
grant select on table public.city_observers to service_role;

-- my_access() also says whether the caller observes the concept
create or replace function public.my_access()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'user_id', (select auth.uid()),
    'city_admin', exists (select 1 from public.city_admins where user_id = (select auth.uid())),
    'city_observer', exists (select 1 from public.city_observers where user_id = (select auth.uid())),
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
  'The signed-in caller: user id, whether a city admin or a city observer, and memberships (organisation id, slug, name, role).';

-- Who reads the city office's pages: its admins and observers.
create function private.is_city_reader() returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_city_admin()
      or exists (select 1 from public.city_observers where user_id = (select auth.uid()));
$$;
revoke all on function private.is_city_reader() from public;
grant execute on function private.is_city_reader() to authenticated, service_role;

-- Observers read a measure's history too (the working groups ask who changed what and why).
create or replace function public.measure_history(p_measure_id uuid)
returns table (changed_at timestamptz, from_status public.measure_status, to_status public.measure_status,
               note text, changed_by_email text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.measures where id = p_measure_id) then
    raise exception 'no measure %', p_measure_id using errcode = 'PT404';
  end if;
  if not private.is_city_reader() then
    raise exception 'only the city''s administrators and observers may read who changed a status'
      using errcode = '42501';
  end if;
  return query
    select c.changed_at, c.from_status, c.to_status, c.note, u.email::text
    from public.measure_status_changes c
    left join auth.users u on u.id = c.changed_by
    where c.measure_id = p_measure_id
    order by c.changed_at desc, c.id desc;
end;
$$;
comment on function public.measure_history is 'A measure''s status changes, newest first, with the e-mail of who made each; for city admins and observers.';
