-- The API the portal calls with supabase.rpc(): read functions for the public pages
-- and the views the integration office reads. All run with the caller's rights (RLS applies).

-- The text of an offer in the wanted locale, else English, else German, else its original.
create function private.offer_text(p_offer_id uuid, p_locale text) returns public.offer_translations
language sql
stable
set search_path = ''
as $$
  select t.*
  from public.offer_translations t
  join public.offers o on o.id = t.offer_id
  where t.offer_id = p_offer_id
  order by array_position(array[p_locale, 'en', 'de', o.original_locale], t.locale) nulls last
  limit 1;
$$;
grant execute on function private.offer_text(uuid, text) to anon, authenticated, service_role;

create function public.portal_info() returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'city', (select jsonb_build_object('slug', c.slug, 'name', c.name, 'is_demo', c.is_demo)
             from public.cities c order by c.created_at limit 1),
    'concept', (select jsonb_build_object('slug', k.slug, 'title', k.title, 'is_demo', k.is_demo,
                                          'level_names', k.level_names)
                from public.concepts k where k.is_current order by k.adopted_on desc nulls last limit 1),
    'offer_count', (select count(*) from public.offers where state = 'published'),
    'district_count', (select count(*) from public.districts)
  );
$$;
comment on function public.portal_info is 'The city, its current concept and counts, for the page frame.';

create function public.list_offers(
  p_locale text default 'de',
  p_district text default null,
  p_category text default null,
  p_limit integer default 50,
  p_offset integer default 0
) returns table (
  id uuid,
  title text,
  summary text,
  text_locale text,
  category text,
  organisation_name text,
  district_slug text,
  district_name text,
  longitude double precision,
  latitude double precision,
  languages text[],
  is_free boolean,
  childcare boolean,
  women_only boolean,
  wheelchair_accessible boolean,
  german_level public.german_level,
  is_demo boolean,
  total_count bigint
)
language sql
stable
set search_path = ''
as $$
  select o.id, t.title, t.summary, t.locale, o.category, org.name, d.slug, d.name,
         extensions.st_x(o.location), extensions.st_y(o.location),
         o.languages, o.is_free, o.childcare, o.women_only, o.wheelchair_accessible, o.german_level,
         o.is_demo, count(*) over ()
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.districts d on d.id = o.district_id
  cross join lateral private.offer_text(o.id, p_locale) t
  where o.state = 'published'
    and (p_district is null or d.slug = p_district)
    and (p_category is null or o.category = p_category)
  order by t.title collate "C", o.id
  limit least(greatest(p_limit, 1), 200)
  offset greatest(p_offset, 0);
$$;
comment on function public.list_offers is 'Published offers with their text in p_locale (falling back to en, de, original), filtered by district slug and category.';

create function public.get_offer(p_id uuid, p_locale text default 'de') returns jsonb
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
    'schedules', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'starts_at', s.starts_at,
        'duration_minutes', s.duration_minutes, 'rrule', s.rrule, 'exdates', s.exdates,
        'timezone', s.timezone) order by s.starts_at)
      from public.schedules s where s.offer_id = o.id), '[]'),
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
    'available_locales', (select jsonb_agg(tt.locale order by tt.locale)
                          from public.offer_translations tt where tt.offer_id = o.id)
  )
  from public.offers o
  join public.organisations org on org.id = o.organisation_id
  left join public.districts d on d.id = o.district_id
  left join lateral private.offer_text(o.id, p_locale) t on true
  where o.id = p_id;
$$;
comment on function public.get_offer is 'One offer as the offer page shows it, or null when it does not exist or is not visible to the caller.';

create function public.list_districts() returns table (
  slug text,
  name text,
  population integer,
  population_migration integer,
  offer_count bigint,
  geometry_is_demo boolean
)
language sql
stable
set search_path = ''
as $$
  select d.slug, d.name, d.population, d.population_migration,
         (select count(*) from public.offers o where o.district_id = d.id and o.state = 'published'),
         d.geometry_is_demo
  from public.districts d
  order by d.name collate "C";
$$;

create function public.get_district(p_slug text) returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'slug', d.slug,
    'name', d.name,
    'population', d.population,
    'population_migration', d.population_migration,
    'main_languages', d.main_languages,
    'geometry_is_demo', d.geometry_is_demo,
    'source', d.source,
    'bbox', jsonb_build_array(extensions.st_xmin(d.geom), extensions.st_ymin(d.geom),
                              extensions.st_xmax(d.geom), extensions.st_ymax(d.geom)),
    'geometry', extensions.st_asgeojson(d.geom, 6)::jsonb
  )
  from public.districts d
  where d.slug = p_slug;
$$;

create function public.districts_geojson() returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(jsonb_agg(jsonb_build_object(
      'type', 'Feature',
      'id', d.slug,
      'properties', jsonb_build_object('slug', d.slug, 'name', d.name, 'population', d.population,
                                       'geometry_is_demo', d.geometry_is_demo),
      'geometry', extensions.st_asgeojson(d.geom, 5)::jsonb
    ) order by d.name), '[]'))
  from public.districts d;
$$;

-- ---------------------------------------------------------------------------
-- Views for the integration office (caller's rights)

create view public.district_coverage with (security_invoker = on) as
  select d.slug as district_slug, d.name as district_name, c.slug as category,
         count(o.id) filter (where o.state = 'published') as published_offers
  from public.districts d
  cross join public.categories c
  left join public.offers o on o.district_id = d.id and o.category = c.slug
  group by d.slug, d.name, c.slug;
comment on view public.district_coverage is 'Published offers per district and category, zero included.';

create view public.measure_coverage with (security_invoker = on) as
  select k.slug as concept_slug, f.code as field_code, f.title as field_title,
         g.code as goal_code, m.id as measure_id, m.code as measure_code, m.title as measure_title,
         m.status, public.measure_status_light(m.status) as light, m.is_placeholder,
         count(o.id) filter (where o.state = 'published') as published_offers
  from public.measures m
  join public.goals g on g.id = m.goal_id
  join public.fields_of_action f on f.id = g.field_of_action_id
  join public.concepts k on k.id = f.concept_id
  left join public.offer_measures om on om.measure_id = m.id
  left join public.offers o on o.id = om.offer_id
  group by k.slug, f.code, f.title, f.position, g.code, g.position, m.id, m.code, m.title, m.status,
           m.is_placeholder, m.position;
comment on view public.measure_coverage is 'Every measure with its status light and how many published offers implement it; 0 is a gap.';
