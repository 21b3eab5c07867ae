-- An imported offer shows its source to visitors: one line on its page saying its dates come
-- from the organisation's calendar and on which day that calendar was last fetched. The day,
-- not the time: the public caches follow data_version() (20261130100000_data_version.sql), and
-- a feed fetched every hour moves the counter once a day, not every hour.
--
-- calendar_feeds.fetched_on: the day (in the city's time zone) of the feed's last successful
-- run (applied, or not modified: the calendar was read and still says the same). A trigger on
-- calendar_runs keeps it; a change of it, a detached offer and a removed link move
-- data_version(), so that the line appears, moves on and disappears in every portal process.

alter table public.calendar_feeds add column fetched_on date;
comment on column public.calendar_feeds.fetched_on is
  'The day, in the city''s time zone, of the last run that read the feed (applied or not modified); null before the first. The offer page shows it.';

update public.calendar_feeds f set fetched_on = (
  select (max(r.ran_at) at time zone c.time_zone)::date
  from public.calendar_runs r
  join public.organisations o on o.id = f.organisation_id
  join public.cities c on c.id = o.city_id
  where r.feed_id = f.id and r.outcome <> 'failed'
  group by c.time_zone);

create function private.calendar_feed_fetched() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.calendar_feeds f set fetched_on = v.day
  from (select (new.ran_at at time zone c.time_zone)::date as day
        from public.calendar_feeds ff
        join public.organisations o on o.id = ff.organisation_id
        join public.cities c on c.id = o.city_id
        where ff.id = new.feed_id) v
  where f.id = new.feed_id and f.fetched_on is distinct from v.day;
  return null;
end;
$$;
revoke all on function private.calendar_feed_fetched() from public;

create trigger calendar_runs_fetched after insert on public.calendar_runs
  for each row when (new.outcome <> 'failed') execute function private.calendar_feed_fetched();

-- what the offer page shows moves: another day, an offer detached, a link made or removed
create trigger count_data_change after update of fetched_on on public.calendar_feeds
  for each row when (old.fetched_on is distinct from new.fetched_on)
  execute function private.count_data_change();
create trigger count_data_change_detached after update of detached_at on public.calendar_offers
  for each row when (old.detached_at is distinct from new.detached_at)
  execute function private.count_data_change();
create trigger count_data_change after insert or delete or truncate on public.calendar_offers
  for each statement execute function private.count_data_change();

-- For the offer page, with the visitor's rights (get_offer runs as the caller, and visitors
-- cannot read the calendar tables): the day the offer's feed was last read, when the offer is
-- still kept by its feed (not detached). Nothing else of the feed: neither its name nor its URL.
create function private.offer_calendar_source(p_offer_id uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('fetched_on', f.fetched_on)
  from public.calendar_offers l
  join public.calendar_feeds f on f.id = l.feed_id
  where l.offer_id = p_offer_id and l.detached_at is null and f.fetched_on is not null;
$$;
comment on function private.offer_calendar_source is
  'For the offer page: {fetched_on} when the offer comes from a calendar feed that keeps it (not detached) and was read; else null.';
revoke all on function private.offer_calendar_source(uuid) from public;
grant execute on function private.offer_calendar_source(uuid) to anon, authenticated, service_role;

-- As in 20261203140000_offer_categories.sql, with 'calendar_source'.
create or replace function public.get_offer(p_id uuid, p_locale text default 'de') returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id,
    'title', t.title,
    'summary', t.summary,
    'description', t.description,
    'cost_note', t.cost_note,
    'registration_note', t.registration_note,
    'text_locale', t.locale,
    'original_locale', o.original_locale,
    'provenance', t.provenance,
    'reviewed', t.reviewed,
    'category', o.category,
    'categories', to_jsonb(o.categories),
    'state', o.state,
    'organisation', jsonb_build_object('id', org.id, 'name', org.name, 'kind', org.kind,
      'website', org.website, 'email', org.email, 'phone', org.phone),
    'street', o.street,
    'postal_code', o.postal_code,
    'locality', o.locality,
    'longitude', extensions.st_x(o.location),
    'latitude', extensions.st_y(o.location),
    'district', case when d.id is not null then jsonb_build_object('slug', d.slug, 'name', d.name) end,
    'languages', o.languages,
    'target_groups', o.target_groups,
    'cost_eur', o.cost_eur,
    'is_free', o.is_free,
    'childcare', o.childcare,
    'women_only', o.women_only,
    'wheelchair_accessible', o.wheelchair_accessible,
    'german_level', o.german_level,
    'registration', o.registration,
    'registration_url', o.registration_url,
    'contact_email', o.contact_email,
    'contact_phone', o.contact_phone,
    'last_verified_on', o.last_verified_on,
    'version', o.version,
    'is_demo', o.is_demo,
    'schedules', private.schedules_json(o.id),
    'measures', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', m.id, 'code', m.code, 'title', m.title, 'status', m.status,
        'light', public.measure_status_light(m.status), 'is_placeholder', m.is_placeholder,
        'goal', jsonb_build_object('code', g.code, 'title', g.title, 'is_placeholder', g.is_placeholder),
        'field_of_action', jsonb_build_object('code', f.code, 'title', f.title),
        'concept', jsonb_build_object('slug', k.slug, 'title', k.title, 'level_names', k.level_names)
      ) order by f.position, g.position, m.position)
      from public.offer_measures om
      join public.measures m on m.id = om.measure_id
      join public.goals g on g.id = m.goal_id
      join public.fields_of_action f on f.id = g.field_of_action_id
      join public.concepts k on k.id = f.concept_id
      where om.offer_id = o.id), '[]'),
    'calendar_source', private.offer_calendar_source(o.id),
    'available_locales', (select jsonb_agg(tt.locale order by tt.locale)
                          from public.offer_translations tt where tt.offer_id = o.id)
  )
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.districts d on d.id = o.district_id
  left join lateral private.offer_text(o.id, p_locale) t on true
  where o.id = p_id;
$$;
comment on function public.get_offer is 'One offer as the offer page shows it (schedules with their exceptions; calendar_source: {fetched_on} for an offer its organisation''s calendar feed keeps, else null), or null when it does not exist or is not visible to the caller.';
