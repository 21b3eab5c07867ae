-- Search: what a complete search index holds, for the search worker to compare with its index
-- at start. An index that missed changes (a Meilisearch restored from an old snapshot, an
-- outbox purged while the worker was away, documents of an older shape) is rebuilt then,
-- instead of staying incomplete until the daily rebuild.

-- The number of published offers (one search document each) and the newest `updated_at` of
-- their documents, computed as search_documents() computes it (the offer, its organisation, its
-- district, its newest translation). null when there is none. One row.
--
-- Security invoker: the worker calls it as service_role, which reads these tables (and is not
-- bound by row level security).
create function public.search_index_state()
returns table (documents integer, newest timestamptz)
language sql
stable
set search_path = ''
as $$
  select count(*)::integer,
    max(greatest(o.updated_at, org.updated_at, dis.updated_at,
      (select max(t.updated_at) from public.offer_translations t where t.offer_id = o.id)))
  from public.offers o
  left join public.organisations org on org.id = o.organisation_id
  left join public.districts dis on dis.id = o.district_id
  where o.state = 'published';
$$;
comment on function public.search_index_state is
  'Published offers (documents of a complete search index) and the newest updated_at of their documents, as search_documents() builds them. Search worker only (service role).';

-- Supabase grants nothing by itself: the worker's role gets the function and the tables it
-- reads, nobody else gets the function.
revoke execute on function public.search_index_state() from public, anon, authenticated;
grant execute on function public.search_index_state() to service_role;
grant select on table public.offers, public.organisations, public.districts,
  public.offer_translations
  to service_role;
