-- Input that is accepted is safe (issue 7, part 5).
--
-- Text is cleaned: bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E,
-- U+2066–U+2069), which can make a title read backwards in a page's <title>, JSON or
-- iCalendar, and control characters are removed by a trigger before every write. Single-line
-- fields (titles, names, streets, localities) also turn line breaks and tabs into spaces and
-- lose spaces at their ends; multi-line texts (summary, description, cost and registration
-- notes, the measures' texts) keep line breaks, written as \n, and tabs.
--
-- Addresses are refused when they are not one, by check constraints: web addresses
-- (http:// or https://, a host name with a dot and a last label of letters, no user or
-- password, no spaces, control or invisible characters), e-mail addresses (name@example.org,
-- no mailto:, no ?), phone numbers (digits, spaces and + ( ) / - .). No cleaning could tell
-- what `https://x.example/\r\nX-INJ:74` was meant to be.
--
-- The same rules, with the same reasons, are in src/lib/schemas/safe-text.ts for forms and
-- tests/sql/safe-input.spec.ts checks both. import_offers reports a bad address with its row and
-- the reason, and echoes values with invisible characters escaped.

-- ---------------------------------------------------------------------------
-- The rules

-- A single line: line breaks and tabs become spaces; control and bidirectional formatting
-- characters go; spaces at the ends go.
create function private.clean_line(p_value text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select btrim(regexp_replace(
    regexp_replace(p_value, '\r\n|[\t\n\v\f\r\u0085\u2028\u2029]', ' ', 'g'),
    '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g'), ' ');
$$;
comment on function private.clean_line is 'A single line of text as the portal keeps it: no line breaks, control or bidirectional formatting characters, no spaces at the ends.';

-- A text of several lines: every line break becomes \n, tabs stay, other control and
-- bidirectional formatting characters go.
create function private.clean_text(p_value text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select regexp_replace(
    regexp_replace(p_value, '\r\n|[\v\f\r\u0085\u2028\u2029]', E'\n', 'g'),
    '[\u0001-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g');
$$;
comment on function private.clean_text is 'A text of several lines as the portal keeps it: line breaks as \n, tabs, no other control or bidirectional formatting characters.';

-- Why a value is not a web address the portal links to; null when it is one (or null).
create function private.web_address_problem(p_value text) returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  v_authority text;
  v_host text;
  v_port text;
begin
  if p_value is null then
    return null;
  end if;
  if length(p_value) > 2000 then
    return 'it is longer than 2000 characters';
  end if;
  if p_value ~ '[\u0001-\u0020\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]' then
    return 'it contains a space, a line break or an invisible control character';
  end if;
  if p_value ~ '["<>\\^`{|}]' then
    return 'it contains one of the characters " < > \ ^ ` { | }';
  end if;
  if p_value !~* '^https?://' then
    return 'it does not start with http:// or https://';
  end if;
  v_authority := substring(p_value from '^[A-Za-z]+://([^/?#]*)');
  if position('@' in v_authority) > 0 then
    return 'it has a user name or password before the host name';
  end if;
  v_host := split_part(v_authority, ':', 1);
  if length(v_host) > 253
     or v_host !~ '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$' then
    return 'it has no host name such as example.org';
  end if;
  if v_authority <> v_host then
    v_port := substr(v_authority, length(v_host) + 2);
    if v_port !~ '^[0-9]{1,5}$' or v_port::integer > 65535 then
      return 'its port is not a number from 0 to 65535';
    end if;
  end if;
  return null;
end;
$$;
comment on function private.web_address_problem is 'Why a value is not a web address (http(s), a host name with a dot, no user, no invisible characters); null when it is one. Same rules as webAddressProblem() in src/lib/schemas/safe-text.ts.';

-- Why a value is not an e-mail address; null when it is one (or null).
create function private.email_address_problem(p_value text) returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  if p_value is null then
    return null;
  end if;
  if length(p_value) > 254 then
    return 'it is longer than 254 characters';
  end if;
  if p_value ~ '[\u0001-\u0020\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]' then
    return 'it contains a space, a line break or an invisible control character';
  end if;
  if p_value ~* '^mailto:' then
    return 'it starts with mailto: (give the address alone)';
  end if;
  if position('?' in p_value) > 0 then
    return 'it has a "?" (an address takes no subject or other additions)';
  end if;
  if p_value !~ '^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$'
     or length(split_part(p_value, '@', 1)) > 64
     or length(split_part(p_value, '@', 2)) > 253 then
    return 'it is not of the form name@example.org';
  end if;
  return null;
end;
$$;
comment on function private.email_address_problem is 'Why a value is not an e-mail address (name@example.org, no mailto:, no ?, no invisible characters); null when it is one. Same rules as emailAddressProblem() in src/lib/schemas/safe-text.ts.';

-- Why a value is not a phone number; null when it is one (or null).
create function private.phone_number_problem(p_value text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when p_value is null then null
    when p_value !~ '^[0-9 +()/.-]*$' then 'it contains characters other than digits, spaces and + ( ) / - .'
    when length(p_value) not between 5 and 40 then 'it is not 5 to 40 characters long'
    when p_value !~ '[0-9].*[0-9].*[0-9]' then 'it has fewer than 3 digits'
  end;
$$;
comment on function private.phone_number_problem is 'Why a value is not a phone number (5 to 40 digits, spaces and + ( ) / - ., at least 3 digits); null when it is one. Same rules as phoneNumberProblem() in src/lib/schemas/safe-text.ts.';

-- A value for an error message: in double quotes as JSON writes it, with control, invisible and
-- bidirectional formatting characters as \uXXXX, so a reason printed on a terminal or a page
-- shows them instead of obeying them.
create function private.quoted(p_value text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select string_agg(
    case when c ~ '[\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]'
      then '\u' || lpad(to_hex(ascii(c)), 4, '0') else c end,
    '' order by n)
  from regexp_split_to_table(to_json(coalesce(p_value, ''))::text, '') with ordinality as t(c, n);
$$;
comment on function private.quoted is 'A value quoted for an error message, invisible characters escaped as \uXXXX.';

-- The writers: staff (authenticated), imports and the worker (service_role). Check constraints
-- and the trigger below call these with the writer's rights; PUBLIC has no EXECUTE here.
revoke all on function private.clean_line(text), private.clean_text(text),
  private.web_address_problem(text), private.email_address_problem(text),
  private.phone_number_problem(text), private.quoted(text)
  from public, anon;
grant execute on function private.clean_line(text), private.clean_text(text),
  private.web_address_problem(text), private.email_address_problem(text),
  private.phone_number_problem(text), private.quoted(text)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Cleaning on every write. The trigger's name sorts before the tables' other before-triggers
-- (offers_prepare compares the cleaned row with the old one to count a version).

create function private.clean_text_columns() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  case tg_table_name
    when 'offer_translations' then
      new.title := private.clean_line(new.title);
      new.summary := private.clean_text(new.summary);
      new.description := private.clean_text(new.description);
      new.cost_note := private.clean_text(new.cost_note);
      new.registration_note := private.clean_text(new.registration_note);
    when 'offers' then
      new.street := private.clean_line(new.street);
      new.locality := private.clean_line(new.locality);
    when 'organisations' then
      new.name := private.clean_line(new.name);
      new.street := private.clean_line(new.street);
      new.locality := private.clean_line(new.locality);
    when 'cities', 'districts' then
      new.name := private.clean_line(new.name);
    when 'concepts', 'themes' then
      new.title := private.clean_line(new.title);
    when 'fields_of_action' then
      new.title := private.clean_line(new.title);
      new.vision := private.clean_text(new.vision);
    when 'goals' then
      new.title := private.clean_line(new.title);
      new.indicator := private.clean_text(new.indicator);
    when 'measures' then
      new.title := private.clean_line(new.title);
      new.description := private.clean_text(new.description);
      new.target_group := private.clean_text(new.target_group);
      new.responsible := private.clean_text(new.responsible);
      new.actors := private.clean_text(new.actors);
      new.resources_needed := private.clean_text(new.resources_needed);
  end case;
  return new;
end;
$$;
comment on function private.clean_text_columns is 'Before insert or update: cleans the text columns of the row (clean_line for single lines, clean_text for texts).';

create trigger offer_translations_clean_text
  before insert or update of title, summary, description, cost_note, registration_note
  on public.offer_translations for each row execute function private.clean_text_columns();
create trigger offers_clean_text before insert or update of street, locality
  on public.offers for each row execute function private.clean_text_columns();
create trigger organisations_clean_text before insert or update of name, street, locality
  on public.organisations for each row execute function private.clean_text_columns();
create trigger cities_clean_text before insert or update of name
  on public.cities for each row execute function private.clean_text_columns();
create trigger districts_clean_text before insert or update of name
  on public.districts for each row execute function private.clean_text_columns();
create trigger concepts_clean_text before insert or update of title
  on public.concepts for each row execute function private.clean_text_columns();
create trigger themes_clean_text before insert or update of title
  on public.themes for each row execute function private.clean_text_columns();
create trigger fields_of_action_clean_text before insert or update of title, vision
  on public.fields_of_action for each row execute function private.clean_text_columns();
create trigger goals_clean_text before insert or update of title, indicator
  on public.goals for each row execute function private.clean_text_columns();
create trigger measures_clean_text
  before insert or update of title, description, target_group, responsible, actors, resources_needed
  on public.measures for each row execute function private.clean_text_columns();

-- Rows written before this migration: the triggers clean them when they are touched.
update public.offer_translations set title = title
where title is distinct from private.clean_line(title)
   or summary is distinct from private.clean_text(summary)
   or description is distinct from private.clean_text(description)
   or cost_note is distinct from private.clean_text(cost_note)
   or registration_note is distinct from private.clean_text(registration_note);
update public.offers set street = street
where street is distinct from private.clean_line(street)
   or locality is distinct from private.clean_line(locality);
update public.organisations set name = name
where name is distinct from private.clean_line(name)
   or street is distinct from private.clean_line(street)
   or locality is distinct from private.clean_line(locality);
update public.cities set name = name where name is distinct from private.clean_line(name);
update public.districts set name = name where name is distinct from private.clean_line(name);
update public.concepts set title = title where title is distinct from private.clean_line(title);
update public.themes set title = title where title is distinct from private.clean_line(title);
update public.fields_of_action set title = title
where title is distinct from private.clean_line(title) or vision is distinct from private.clean_text(vision);
update public.goals set title = title
where title is distinct from private.clean_line(title) or indicator is distinct from private.clean_text(indicator);
update public.measures set title = title
where title is distinct from private.clean_line(title)
   or description is distinct from private.clean_text(description)
   or target_group is distinct from private.clean_text(target_group)
   or responsible is distinct from private.clean_text(responsible)
   or actors is distinct from private.clean_text(actors)
   or resources_needed is distinct from private.clean_text(resources_needed);

-- ---------------------------------------------------------------------------
-- Addresses: refused unless they are one. Values written before this migration lose spaces at
-- their ends; what is still not an address is removed (the audit log keeps the old value of
-- offers and organisations), since a page must not link to it.

update public.offers set registration_url = nullif(btrim(registration_url), '')
where registration_url is distinct from nullif(btrim(registration_url), '');
update public.offers set contact_email = nullif(btrim(contact_email), '')
where contact_email is distinct from nullif(btrim(contact_email), '');
update public.offers set contact_phone = nullif(btrim(contact_phone), '')
where contact_phone is distinct from nullif(btrim(contact_phone), '');
update public.offers set registration_url = null
where private.web_address_problem(registration_url) is not null;
update public.offers set contact_email = null
where private.email_address_problem(contact_email) is not null;
update public.offers set contact_phone = null
where private.phone_number_problem(contact_phone) is not null;

update public.organisations set website = nullif(btrim(website), '')
where website is distinct from nullif(btrim(website), '');
update public.organisations set email = nullif(btrim(email), '')
where email is distinct from nullif(btrim(email), '');
update public.organisations set phone = nullif(btrim(phone), '')
where phone is distinct from nullif(btrim(phone), '');
update public.organisations set website = null where private.web_address_problem(website) is not null;
update public.organisations set email = null where private.email_address_problem(email) is not null;
update public.organisations set phone = null where private.phone_number_problem(phone) is not null;

update public.concepts set source_url = nullif(btrim(source_url), '')
where source_url is distinct from nullif(btrim(source_url), '');
update public.concepts set source_url = null where private.web_address_problem(source_url) is not null;

alter table public.offers
  drop constraint offers_registration_url_check,
  drop constraint offers_contact_email_check,
  drop constraint offers_contact_phone_check,
  add constraint offers_registration_url_is_web_address
    check (private.web_address_problem(registration_url) is null),
  add constraint offers_contact_email_is_email_address
    check (private.email_address_problem(contact_email) is null),
  add constraint offers_contact_phone_is_phone_number
    check (private.phone_number_problem(contact_phone) is null);

alter table public.organisations
  drop constraint organisations_website_check,
  drop constraint organisations_email_check,
  add constraint organisations_website_is_web_address
    check (private.web_address_problem(website) is null),
  add constraint organisations_email_is_email_address
    check (private.email_address_problem(email) is null),
  add constraint organisations_phone_is_phone_number
    check (private.phone_number_problem(phone) is null);

alter table public.concepts
  add constraint concepts_source_url_is_web_address
    check (private.web_address_problem(source_url) is null);

-- ---------------------------------------------------------------------------
-- The CSV import of offers: the same rules, each bad value named with its row and reason, and
-- every value it repeats in a reason quoted with invisible characters escaped.

create or replace function private.csv_invalid(p_column text, p_value text, p_expected text) returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception 'column %: % is not %', p_column, private.quoted(p_value), p_expected using errcode = '22023';
end;
$$;

create or replace function public.import_offers(p_city text, p_rows jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_city_id uuid := private.require_city(p_city);
  v_columns constant text[] := array['row', 'organisation', 'category', 'locale', 'title', 'summary',
    'description', 'cost_note', 'registration_note', 'street', 'postal_code', 'locality', 'latitude',
    'longitude', 'languages', 'target_groups', 'cost_eur', 'childcare', 'women_only',
    'wheelchair_accessible', 'german_level', 'registration', 'registration_url', 'contact_email',
    'contact_phone', 'state', 'last_verified_on', 'measures', 'starts_at', 'duration_minutes', 'rrule'];
  v_unknown text[];
  v_row jsonb;
  v_org public.organisations;
  v_offer_id uuid;
  v_code text;
  v_measure_id uuid;
  v_lat text;
  v_lon text;
  v_problem text;
  v_errors jsonb := '[]';
  v_ids uuid[] := '{}';
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) = 0 then
    raise exception 'no rows to import' using errcode = '22023';
  end if;
  select array_agg(distinct k) into v_unknown
  from jsonb_array_elements(p_rows) r, jsonb_object_keys(r) k
  where not k = any (v_columns);
  if v_unknown is not null then
    raise exception 'unknown columns: %', array_to_string(v_unknown, ', ')
      using errcode = '22023', hint = 'Known columns: ' || array_to_string(v_columns[2:], ', ');
  end if;

  for v_row in select r from jsonb_array_elements(p_rows) r loop
    begin
      select * into v_org from public.organisations
      where city_id = v_city_id and slug = trim(v_row ->> 'organisation');
      if v_org.id is null then
        raise exception 'column organisation: no organisation % in %', private.quoted(v_row ->> 'organisation'), p_city
          using errcode = '22023';
      end if;
      if not (private.is_city_admin() or private.is_member_of(v_org.id)) then
        raise exception 'column organisation: you are not staff of %', private.quoted(v_org.slug) using errcode = '42501';
      end if;
      if nullif(private.clean_line(v_row ->> 'title'), '') is null then
        raise exception 'column title: empty' using errcode = '22023';
      end if;
      v_lat := replace(nullif(trim(v_row ->> 'latitude'), ''), ',', '.');
      v_lon := replace(nullif(trim(v_row ->> 'longitude'), ''), ',', '.');
      if (v_lat is null) <> (v_lon is null) then
        raise exception 'columns latitude and longitude: give both or neither' using errcode = '22023';
      end if;
      if v_lat is not null and (v_lat !~ '^-?[0-9]{1,3}(\.[0-9]+)?$' or v_lon !~ '^-?[0-9]{1,3}(\.[0-9]+)?$'
                                or abs(v_lat::numeric) > 90 or abs(v_lon::numeric) > 180) then
        raise exception 'columns latitude and longitude: % is not a position in decimal degrees', private.quoted(v_lat || ', ' || v_lon) using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'cost_eur'), '') !~ '^[0-9]{1,6}([.,][0-9]{1,2})?$' then
        raise exception 'column cost_eur: % is not an amount in euros', private.quoted(v_row ->> 'cost_eur') using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'category'), '') is null
         or not exists (select 1 from public.categories where slug = trim(v_row ->> 'category')) then
        raise exception 'column category: % is not one of %', private.quoted(v_row ->> 'category'),
          (select string_agg(slug, ', ' order by position) from public.categories) using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'german_level'), '') is not null
         and not trim(v_row ->> 'german_level') = any (enum_range(null::public.german_level)::text[]) then
        raise exception 'column german_level: % is not one of none, a1, a2, b1, b2, c1', private.quoted(v_row ->> 'german_level') using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'registration'), '') is not null
         and not trim(v_row ->> 'registration') = any (enum_range(null::public.registration_kind)::text[]) then
        raise exception 'column registration: % is not one of none, recommended, required', private.quoted(v_row ->> 'registration') using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'state'), '') is not null
         and not trim(v_row ->> 'state') = any (enum_range(null::public.publication_state)::text[]) then
        raise exception 'column state: % is not one of draft, published, archived', private.quoted(v_row ->> 'state') using errcode = '22023';
      end if;
      if not private.csv_list(v_row ->> 'target_groups') <@ private.target_groups() then
        raise exception 'column target_groups: % has a group that is not one of %', private.quoted(v_row ->> 'target_groups'),
          array_to_string(private.target_groups(), ', ') using errcode = '22023';
      end if;
      if not private.csv_is_moment(trim(v_row ->> 'last_verified_on'), 'YYYY-MM-DD') then
        raise exception 'column last_verified_on: % is not a date (YYYY-MM-DD)', private.quoted(v_row ->> 'last_verified_on') using errcode = '22023';
      end if;
      if not private.csv_is_moment(replace(trim(v_row ->> 'starts_at'), 'T', ' '), 'YYYY-MM-DD HH24:MI') then
        raise exception 'column starts_at: % is not a local date and time (YYYY-MM-DD HH:MM)', private.quoted(v_row ->> 'starts_at') using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'duration_minutes'), '') !~ '^[0-9]{1,4}$'
         or nullif(trim(v_row ->> 'duration_minutes'), '')::integer not between 1 and 1440 then
        raise exception 'column duration_minutes: % is not a number of minutes from 1 to 1440', private.quoted(v_row ->> 'duration_minutes') using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'locale'), '') is not null
         and not exists (select 1 from public.locales where code = trim(v_row ->> 'locale')) then
        raise exception 'column locale: % is not one of %', private.quoted(v_row ->> 'locale'),
          (select string_agg(code, ', ' order by position) from public.locales) using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'postal_code'), '') !~ '^[0-9]{5}$' then
        raise exception 'column postal_code: % is not a German postal code (5 digits)', private.quoted(v_row ->> 'postal_code') using errcode = '22023';
      end if;
      if array_to_string(private.csv_list(v_row ->> 'languages'), ',') !~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$' then
        raise exception 'column languages: % is not a list of ISO 639 codes such as de, ar, uk', private.quoted(v_row ->> 'languages') using errcode = '22023';
      end if;
      v_problem := private.email_address_problem(nullif(trim(v_row ->> 'contact_email'), ''));
      if v_problem is not null then
        raise exception 'column contact_email: % is not an e-mail address: %',
          private.quoted(v_row ->> 'contact_email'), v_problem using errcode = '22023';
      end if;
      v_problem := private.phone_number_problem(nullif(trim(v_row ->> 'contact_phone'), ''));
      if v_problem is not null then
        raise exception 'column contact_phone: % is not a phone number: %',
          private.quoted(v_row ->> 'contact_phone'), v_problem using errcode = '22023';
      end if;
      v_problem := private.web_address_problem(nullif(trim(v_row ->> 'registration_url'), ''));
      if v_problem is not null then
        raise exception 'column registration_url: % is not a web address: %',
          private.quoted(v_row ->> 'registration_url'), v_problem using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'rrule'), '') is not null and nullif(trim(v_row ->> 'starts_at'), '') is null then
        raise exception 'column rrule: a recurrence needs starts_at' using errcode = '22023';
      end if;
      if nullif(trim(v_row ->> 'rrule'), '') is not null and not private.is_valid_rrule(trim(v_row ->> 'rrule')) then
        raise exception 'column rrule: % is not an RFC 5545 RRULE this portal understands (e.g. FREQ=WEEKLY;BYDAY=TU)', private.quoted(v_row ->> 'rrule') using errcode = '22023';
      end if;

      insert into public.offers (organisation_id, category, original_locale, street, postal_code, locality,
        location, languages, target_groups, cost_eur, childcare, women_only, wheelchair_accessible,
        german_level, registration, registration_url, contact_email, contact_phone, state, last_verified_on)
      values (
        v_org.id,
        trim(v_row ->> 'category'),
        coalesce(nullif(trim(v_row ->> 'locale'), ''), 'de'),
        nullif(trim(v_row ->> 'street'), ''),
        nullif(trim(v_row ->> 'postal_code'), ''),
        nullif(trim(v_row ->> 'locality'), ''),
        case when v_lat is not null
          then extensions.st_setsrid(extensions.st_makepoint(v_lon::float8, v_lat::float8), 4326) end,
        coalesce(nullif(private.csv_list(v_row ->> 'languages'), '{}'), '{de}'),
        coalesce(nullif(private.csv_list(v_row ->> 'target_groups'), '{}'), '{everyone}'),
        replace(nullif(trim(v_row ->> 'cost_eur'), ''), ',', '.')::numeric,
        coalesce(private.csv_boolean(v_row ->> 'childcare', 'childcare'), false),
        coalesce(private.csv_boolean(v_row ->> 'women_only', 'women_only'), false),
        private.csv_boolean(v_row ->> 'wheelchair_accessible', 'wheelchair_accessible'),
        nullif(trim(v_row ->> 'german_level'), '')::public.german_level,
        coalesce(nullif(trim(v_row ->> 'registration'), ''), 'none')::public.registration_kind,
        nullif(trim(v_row ->> 'registration_url'), ''),
        nullif(trim(v_row ->> 'contact_email'), ''),
        nullif(trim(v_row ->> 'contact_phone'), ''),
        coalesce(nullif(trim(v_row ->> 'state'), ''), 'draft')::public.publication_state,
        nullif(trim(v_row ->> 'last_verified_on'), '')::date
      )
      returning id into v_offer_id;

      insert into public.offer_translations (offer_id, locale, title, summary, description, cost_note,
        registration_note, provenance, reviewed)
      values (v_offer_id, coalesce(nullif(trim(v_row ->> 'locale'), ''), 'de'), trim(v_row ->> 'title'),
        nullif(trim(v_row ->> 'summary'), ''), nullif(trim(v_row ->> 'description'), ''),
        nullif(trim(v_row ->> 'cost_note'), ''), nullif(trim(v_row ->> 'registration_note'), ''),
        'original', true);

      foreach v_code in array private.csv_list(v_row ->> 'measures') loop
        select m.id into v_measure_id
        from public.measures m
        join public.goals g on g.id = m.goal_id
        join public.fields_of_action f on f.id = g.field_of_action_id
        join public.concepts k on k.id = f.concept_id
        where k.city_id = v_org.city_id and k.is_current and m.code = v_code;
        if v_measure_id is null then
          raise exception 'column measures: no measure % in the current concept', private.quoted(v_code) using errcode = '22023';
        end if;
        insert into public.offer_measures (offer_id, measure_id) values (v_offer_id, v_measure_id)
        on conflict do nothing;
      end loop;

      if nullif(trim(v_row ->> 'starts_at'), '') is not null then
        insert into public.schedules (offer_id, starts_at, duration_minutes, rrule)
        values (v_offer_id,
          (replace(trim(v_row ->> 'starts_at'), 'T', ' ')::timestamp) at time zone 'Europe/Berlin',
          coalesce(nullif(trim(v_row ->> 'duration_minutes'), '')::integer, 60),
          nullif(trim(v_row ->> 'rrule'), ''));
      end if;

      v_ids := v_ids || v_offer_id;
    exception when others then
      v_errors := v_errors || jsonb_build_object('row', v_row -> 'row', 'reason', sqlerrm);
    end;
  end loop;

  if jsonb_array_length(v_errors) > 0 then
    perform private.refuse_import('rows', v_errors, jsonb_array_length(p_rows));
  end if;
  return jsonb_build_object('offers_imported', cardinality(v_ids), 'ids', to_jsonb(v_ids));
end;
$$;
comment on function public.import_offers is 'Imports offers from CSV rows (see README); every bad row is reported with its number and reason, and then nothing is imported.';

revoke all on function public.import_offers(text, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.import_offers(text, jsonb) to authenticated, service_role;
