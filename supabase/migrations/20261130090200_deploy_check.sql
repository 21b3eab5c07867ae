-- What `npm run check:deploy` asks the database from the outside.

-- The migrations applied to this database, as the Supabase CLI (`supabase db push`) and the
-- embedded Supabase record them; null when nothing records them (pushed by hand with psql).
-- Security definer: the bookkeeping schema is not exposed to the API roles.
create function public.applied_migrations() returns text[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    return null;
  end if;
  return array(select version from supabase_migrations.schema_migrations order by version);
end;
$$;
comment on function public.applied_migrations is
  'Versions of the migrations applied to this database, oldest first; null when the Supabase CLI''s bookkeeping table is missing. For the deploy check (service role).';

revoke all on function public.applied_migrations() from public, anon, authenticated;
grant execute on function public.applied_migrations() to service_role;
