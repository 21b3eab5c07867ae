-- A Stadtteilbüro's facts (20261203141700_office_facts.sql) are what the district page shows:
-- a change to them or to the districts an office serves moves data_version(), so that every
-- portal process clears its caches of public pages (see 20261130100000_data_version.sql).

create trigger count_data_change after insert or update or delete or truncate on public.office_facts
  for each statement execute function private.count_data_change();
create trigger count_data_change after insert or update or delete or truncate
  on public.organisation_districts
  for each statement execute function private.count_data_change();
