-- Public reads without the database in their path: the portal serves public pages and the read
-- API from the search index and small in-memory caches, and needs to know when the data behind
-- them changed. Every transaction that changes what the public sees counts one up a counter; each
-- portal process reads it at most once a second and clears its caches when it moved, so that
-- several processes behind a load balancer all learn of a change, not only the one whose search
-- worker drained it.

create table private.data_version (
  id boolean primary key default true check (id),
  version bigint not null default 0,
  changed_at timestamptz not null default now()
);
comment on table private.data_version is
  'One row: a counter of the statements that changed what the public pages show.';
insert into private.data_version default values;

-- Counts once per transaction: its first change updates the row, the others find the
-- transaction-local mark and do nothing (an import of 10,000 offers, 40,000 statements, counts
-- one). Other processes see the new version when the transaction commits.
create function private.count_data_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if current_setting('portal.data_change_counted', true) is distinct from 'on' then
    update private.data_version set version = version + 1, changed_at = now();
    perform set_config('portal.data_change_counted', 'on', true);
  end if;
  return null;
end;
$$;

-- After each statement that changes what the public sees.
do $$
declare
  v_table text;
begin
  foreach v_table in array array[
    'locales', 'cities', 'organisations', 'districts', 'categories', 'offers',
    'offer_translations', 'schedules', 'offer_measures', 'offer_themes', 'concepts',
    'fields_of_action', 'goals', 'measures', 'measure_indicators', 'measure_status_changes',
    'themes', 'measure_themes'
  ] loop
    execute format(
      'create trigger count_data_change after insert or update or delete or truncate on public.%I
         for each statement execute function private.count_data_change()', v_table);
  end loop;
end;
$$;

-- The search index changed too when the worker marks outbox rows done: the pages that list
-- offers from the index are stale from then on, in every process.
create trigger count_data_change after update of processed_at on public.search_outbox
  for each statement execute function private.count_data_change();

-- The counter, for every role (a number that says nothing about the data).
create function public.data_version() returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select version from private.data_version;
$$;
comment on function public.data_version is
  'A counter that moves whenever what the public pages show changes; the portal''s caches follow it.';
revoke all on function public.data_version() from public, anon, authenticated, service_role;
grant execute on function public.data_version() to anon, authenticated, service_role;

-- The district page lists through the search index now, like the start page.
drop function public.list_offers(text, text, text, integer, integer);
