-- Foundation: extensions, the private schema for helpers, locales, cities,
-- organisations with staff memberships, city administrators and the audit log.

create extension if not exists postgis with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;

-- Helpers that policies and triggers call. Not exposed through the API.
create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Generic triggers

create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- Lower-case ASCII slug of a name: 'Sankt Mang' → 'sankt-mang', 'Bühl' → 'buehl'.
create function private.slugify(p_text text) returns text
language sql
immutable
set search_path = ''
as $$
  select trim(both '-' from regexp_replace(
    extensions.unaccent(replace(replace(replace(replace(lower(p_text), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')),
    '[^a-z0-9]+', '-', 'g'));
$$;

-- ---------------------------------------------------------------------------
-- Locales of the portal (UI and offer texts)

create table public.locales (
  code text primary key check (code ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})?$'),
  position smallint not null,
  native_name text not null,
  direction text not null default 'ltr' check (direction in ('ltr', 'rtl'))
);
comment on table public.locales is 'Locales the portal speaks; offer translations and UI messages exist per locale.';
alter table public.locales enable row level security;

insert into public.locales (code, position, native_name, direction) values
  ('de', 1, 'Deutsch', 'ltr'),
  ('de-simple', 2, 'Einfache Sprache', 'ltr'),
  ('en', 3, 'English', 'ltr'),
  ('ar', 4, 'العربية', 'rtl'),
  ('fa', 5, 'فارسی', 'rtl'),
  ('tr', 6, 'Türkçe', 'ltr'),
  ('uk', 7, 'Українська', 'ltr'),
  ('ru', 8, 'Русский', 'ltr'),
  ('ro', 9, 'Română', 'ltr');

-- ---------------------------------------------------------------------------
-- Cities

create table public.cities (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name text not null check (length(trim(name)) > 0),
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);
comment on table public.cities is 'A city (or district) running the portal; concepts, districts and organisations belong to one.';
alter table public.cities enable row level security;

-- ---------------------------------------------------------------------------
-- City administrators: the city's integration office, administers everything.

create table public.city_admins (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table public.city_admins is 'Users of the city''s integration office; they may administer all data.';
alter table public.city_admins enable row level security;

create function private.is_city_admin() returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select auth.role()) = 'service_role', false)
      or exists (select 1 from public.city_admins where user_id = (select auth.uid()));
$$;

-- ---------------------------------------------------------------------------
-- Organisations and memberships

create type public.organisation_kind as enum (
  'neighbourhood_office', 'provider', 'counselling_service', 'club', 'authority',
  'migrant_organisation', 'education', 'religious_community', 'welfare_association', 'other'
);

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  city_id uuid not null references public.cities (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9-]+$'),
  name text not null check (length(trim(name)) > 0),
  kind public.organisation_kind not null,
  website text check (website ~ '^https?://'),
  email text check (email ~ '^[^@\s]+@[^@\s]+$'),
  phone text,
  street text,
  postal_code text,
  locality text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (city_id, slug)
);
comment on table public.organisations is 'Stadtteilbüros, providers, counselling services, clubs, authorities and migrant organisations that hold offers.';
create index organisations_city_id_idx on public.organisations (city_id);
alter table public.organisations enable row level security;
create trigger organisations_touch before update on public.organisations
  for each row execute function private.touch_updated_at();

create type public.membership_role as enum ('admin', 'editor');

create table public.memberships (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.membership_role not null default 'editor',
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
comment on table public.memberships is 'Staff of an organisation: editors keep its offers current, admins also manage its staff.';
create index memberships_user_id_idx on public.memberships (user_id);
alter table public.memberships enable row level security;

create function private.is_member_of(p_organisation_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships
    where organisation_id = p_organisation_id and user_id = (select auth.uid())
  );
$$;

create function private.is_admin_of(p_organisation_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships
    where organisation_id = p_organisation_id and user_id = (select auth.uid()) and role = 'admin'
  );
$$;

revoke execute on all functions in schema private from public;
grant execute on function private.is_city_admin(), private.is_member_of(uuid), private.is_admin_of(uuid),
  private.slugify(text) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Audit log: who changed what. Written by triggers only.

create table public.audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_role text,
  table_name text not null,
  record_id text,
  action text not null check (action in ('insert', 'update', 'delete')),
  old_data jsonb,
  new_data jsonb
);
comment on table public.audit_log is 'Every change to the portal''s data: who, when, what before and after. Written by triggers.';
create index audit_log_table_record_idx on public.audit_log (table_name, record_id);
alter table public.audit_log enable row level security;

create function private.audit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_row jsonb := coalesce(v_new, v_old);
begin
  if tg_op = 'UPDATE' and v_old = v_new then
    return null;
  end if;
  insert into public.audit_log (actor_id, actor_role, table_name, record_id, action, old_data, new_data)
  values (
    (select auth.uid()),
    coalesce((select auth.role()), current_user),
    tg_table_name,
    coalesce(v_row ->> 'id', v_row ->> 'user_id', v_row ->> 'offer_id'),
    lower(tg_op),
    -- geometries are large and not what an auditor reads
    v_old - 'geom',
    v_new - 'geom'
  );
  return null;
end;
$$;

create trigger organisations_audit after insert or update or delete on public.organisations
  for each row execute function private.audit();
create trigger memberships_audit after insert or update or delete on public.memberships
  for each row execute function private.audit();
create trigger city_admins_audit after insert or update or delete on public.city_admins
  for each row execute function private.audit();

-- ---------------------------------------------------------------------------
-- Policies

create policy "locales are public" on public.locales for select to anon using (true);
create policy "locales are readable by staff" on public.locales for select to authenticated using (true);
create policy "city admins add locales" on public.locales for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change locales" on public.locales for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove locales" on public.locales for delete to authenticated
  using ((select private.is_city_admin()));

create policy "cities are public" on public.cities for select to anon using (true);
create policy "cities are readable by staff" on public.cities for select to authenticated using (true);
create policy "city admins add cities" on public.cities for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change cities" on public.cities for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove cities" on public.cities for delete to authenticated
  using ((select private.is_city_admin()));

create policy "city admins see city admins and users see themselves" on public.city_admins
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_city_admin()));
create policy "city admins appoint city admins" on public.city_admins for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "city admins change city admins" on public.city_admins for update to authenticated
  using ((select private.is_city_admin())) with check ((select private.is_city_admin()));
create policy "city admins remove city admins" on public.city_admins for delete to authenticated
  using ((select private.is_city_admin()));

create policy "organisations are public" on public.organisations for select to anon using (true);
create policy "organisations are readable by staff" on public.organisations for select to authenticated using (true);
create policy "city admins add organisations" on public.organisations for insert to authenticated
  with check ((select private.is_city_admin()));
create policy "organisation admins and city admins change organisations" on public.organisations
  for update to authenticated
  using (private.is_admin_of(id) or (select private.is_city_admin()))
  with check (private.is_admin_of(id) or (select private.is_city_admin()));
create policy "city admins remove organisations" on public.organisations for delete to authenticated
  using ((select private.is_city_admin()));

create policy "staff see the memberships of their organisations" on public.memberships
  for select to authenticated
  using (private.is_member_of(organisation_id) or (select private.is_city_admin()));
create policy "organisation admins add staff" on public.memberships for insert to authenticated
  with check (private.is_admin_of(organisation_id) or (select private.is_city_admin()));
create policy "organisation admins change staff roles" on public.memberships for update to authenticated
  using (private.is_admin_of(organisation_id) or (select private.is_city_admin()))
  with check (private.is_admin_of(organisation_id) or (select private.is_city_admin()));
create policy "organisation admins remove staff" on public.memberships for delete to authenticated
  using (private.is_admin_of(organisation_id) or (select private.is_city_admin()));

create policy "city admins read the audit log" on public.audit_log for select to authenticated
  using ((select private.is_city_admin()));
