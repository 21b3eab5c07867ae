-- The schema keeps the project's rules: RLS on every table, one policy per operation and
-- role, views with the caller's rights, security definer functions with an empty search_path.
begin;
select plan(7);

select is(
  (select array_agg(c.relname::text order by c.relname)
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity),
  null,
  'every table in public has row level security enabled'
);

select is(
  (select array_agg(c.relname::text order by c.relname)
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'r'
     and not exists (select 1 from pg_policy p where p.polrelid = c.oid)),
  null,
  'every table in public has at least one policy'
);

select is(
  (select array_agg(tablename || ': ' || policyname order by tablename) from pg_policies
   where schemaname = 'public' and cmd = 'ALL'),
  null,
  'no policy is for all operations'
);

select is(
  (select array_agg(tablename || ': ' || policyname order by tablename) from pg_policies
   where schemaname = 'public'
     and not (roles <@ array['anon', 'authenticated']::name[] and cardinality(roles) = 1)),
  null,
  'every policy is for exactly one of anon or authenticated'
);

select is(
  (select array_agg(tablename || ': ' || cmd || ' ' || roles::text order by tablename) from (
     select tablename, cmd, roles, count(*) from pg_policies where schemaname = 'public'
     group by tablename, cmd, roles having count(*) > 1) dup),
  null,
  'one policy per operation and role'
);

select is(
  (select array_agg(c.relname::text order by c.relname)
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'v'
     and not coalesce(c.reloptions @> array['security_invoker=on'] or c.reloptions @> array['security_invoker=true'], false)),
  null,
  'every view in public runs with the caller''s rights (security_invoker)'
);

select is(
  (select array_agg(n.nspname || '.' || p.proname order by p.proname)
   from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname in ('public', 'private') and p.prosecdef
     and not coalesce(p.proconfig @> array['search_path=""'], false)),
  null,
  'every security definer function sets an empty search_path'
);

select * from finish();
rollback;
