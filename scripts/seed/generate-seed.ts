// Writes supabase/seed.sql, the demo city, from the modules in this folder.
//
//   npx tsx scripts/seed/generate-seed.ts [--check]
//
// Deterministic: every random choice comes from a generator seeded with a stable key, every id
// is a name-based UUID, and no clock is read, so the same modules always give the same file.
// With --check it writes nothing and fails when supabase/seed.sql differs from what it would write.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	CONCEPT,
	FIELDS,
	KNOWN_MEASURES,
	PLACEHOLDER_MEASURE_DESCRIPTION,
	THEMES,
	placeholderGoalTitle,
	placeholderMeasureTitle,
	type ThemeSlug
} from './concept';
import { CITY, DISTRICTS, DISTRICT_SOURCE, OUTLINE, districtBySlug } from './districts';
import {
	areaKm2,
	pointInRing,
	pointInside,
	polygonWkt,
	voronoiCells,
	type LonLat
} from './geometry';
import {
	ORGANISATIONS,
	organisationBySlug,
	organisationEmail,
	organisationPhone,
	organisationWebsite
} from './organisations';
import { OFFICES } from './offices';
import { CATEGORIES, TEMPLATES, type OfferTemplate, type Placement, type Texts } from './offers';
import { Rng, hash32, uuidFor } from './prng';
import { HOLIDAYS, addDays, berlinTimestamp, firstOccurrence, occurrences } from './schedule';
import {
	date,
	insert,
	jsonb,
	raw,
	text,
	timestamptz,
	timestamptzArray,
	type SqlValue
} from './sql';
import { TRANSLATION_LOCALES, TRANSLATION_POLICY, TRANSLATIONS } from './translations';
import { DEMO_PASSWORD, USERS } from './users';

const here = dirname(fileURLToPath(import.meta.url));
const SEED_PATH = join(here, '..', '..', 'supabase', 'seed.sql');

/** The demo's "today": offers were last checked before it, events come after it. */
const DEMO_TODAY = '2026-11-21';

function fail(message: string): never {
	throw new Error(`seed: ${message}`);
}

const point = ([lon, lat]: LonLat) =>
	raw(`extensions.st_setsrid(extensions.st_makepoint(${lon}, ${lat}), 4326)`);

/** A random calendar date in [from, to]. */
function dateBetween(rng: Rng, from: string, to: string): string {
	const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
	return addDays(from, rng.int(0, span));
}

// ---------------------------------------------------------------------------------------------
// City and districts

const cityId = uuidFor('city:kempten');
const cells = voronoiCells(
	OUTLINE,
	DISTRICTS.map((d) => d.site)
);
const cellOf = new Map(DISTRICTS.map((d, i) => [d.slug, cells[i]]));
const districtId = (slug: string) => uuidFor(`district:${slug}`);

DISTRICTS.forEach((d, i) => {
	if (!pointInRing(d.site, cells[i])) fail(`the site of ${d.slug} is outside its own cell`);
});

const districtRows = DISTRICTS.map((d, i) => ({
	id: districtId(d.slug),
	city_id: cityId,
	slug: d.slug,
	name: d.name,
	geom: raw(`extensions.st_multi(extensions.st_geomfromtext(${text(polygonWkt(cells[i]))}, 4326))`),
	population: d.population,
	population_migration: Math.round((d.population * d.migrationShare) / 10) * 10,
	main_languages: d.mainLanguages,
	geometry_is_demo: true,
	source: DISTRICT_SOURCE
}));

// Venues: one point per venue, inside its district, at least 150 m from the others.
const venuePoints = new Map<string, LonLat>();
for (const d of DISTRICTS) {
	const cell = cellOf.get(d.slug)!;
	const taken: LonLat[] = [];
	d.venues.forEach((venue, i) => {
		const rng = new Rng(`venue:${d.slug}:${venue.street}`);
		for (let attempt = 0; ; attempt++) {
			if (attempt > 200) fail(`no room for venue ${venue.street} in ${d.slug}`);
			const p = pointInside(cell, d.site, rng, 1100, 150);
			const farEnough = taken.every(
				(q) => Math.hypot((p[0] - q[0]) * 75_000, (p[1] - q[1]) * 111_000) >= 150
			);
			if (farEnough) {
				taken.push(p);
				venuePoints.set(`${d.slug}:${i}`, p);
				break;
			}
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Concept: fields of action → goals → measures, themes

const conceptId = uuidFor('concept:kik');
const themeId = (slug: ThemeSlug) => uuidFor(`theme:kik:${slug}`);
const measureId = (code: string) => uuidFor(`measure:kik:${code}`);
const knownByCode = new Map(KNOWN_MEASURES.map((m) => [m.code, m]));

const fieldRows: Record<string, SqlValue>[] = [];
const goalRows: Record<string, SqlValue>[] = [];
const measureRows: Record<string, SqlValue>[] = [];
const measureCodes = new Set<string>();

FIELDS.forEach((field, fieldIndex) => {
	const sum = field.measuresPerGoal.reduce((a, b) => a + b, 0);
	if (field.measuresPerGoal.length !== field.goals || sum !== field.measures) {
		fail(
			`field ${field.code}: ${field.measuresPerGoal.length} goals / ${sum} measures, expected ${field.goals}/${field.measures}`
		);
	}
	const fieldId = uuidFor(`field:kik:${field.code}`);
	fieldRows.push({
		id: fieldId,
		concept_id: conceptId,
		position: fieldIndex + 1,
		code: field.code,
		title: field.title,
		vision: null
	});
	field.measuresPerGoal.forEach((count, goalIndex) => {
		const goalCode = `${field.code}.${goalIndex + 1}`;
		const goalId = uuidFor(`goal:kik:${goalCode}`);
		// The documents quote no goal in full: every goal is a placeholder.
		goalRows.push({
			id: goalId,
			field_of_action_id: fieldId,
			position: goalIndex + 1,
			code: goalCode,
			title: placeholderGoalTitle(goalCode),
			indicator: null,
			is_placeholder: true
		});
		for (let m = 1; m <= count; m++) {
			const code = `${goalCode}.${m}`;
			measureCodes.add(code);
			const known = knownByCode.get(code);
			measureRows.push({
				id: measureId(code),
				goal_id: goalId,
				position: m,
				code,
				title: known?.title ?? placeholderMeasureTitle(code),
				description: known?.description ?? PLACEHOLDER_MEASURE_DESCRIPTION,
				target_group: known?.targetGroup ?? null,
				actors: known?.actors ?? null,
				status: known?.status ?? null,
				status_changed_at: known?.status
					? timestamptz(berlinTimestamp(known.statusSince ?? '2026-01-15', '10:00'))
					: null,
				is_placeholder: !known
			});
		}
	});
});

for (const known of KNOWN_MEASURES) {
	if (!measureCodes.has(known.code))
		fail(`known measure ${known.code} has no place in the structure`);
	if (known.status && !known.statusSince) fail(`measure ${known.code} has a status but no date`);
}

const indicatorRows = KNOWN_MEASURES.flatMap((m) =>
	(m.indicators ?? []).map((indicator, i) => ({
		id: uuidFor(`indicator:kik:${m.code}:${i + 1}`),
		measure_id: measureId(m.code),
		position: i + 1,
		description: indicator.description,
		target_value: indicator.value,
		target_unit: indicator.unit
	}))
);

const themeRows = THEMES.map((t) => ({
	id: themeId(t.slug),
	concept_id: conceptId,
	slug: t.slug,
	title: t.title
}));

const measureThemeRows = KNOWN_MEASURES.flatMap((m) =>
	(m.themes ?? []).map((slug) => ({ measure_id: measureId(m.code), theme_id: themeId(slug) }))
);

// ---------------------------------------------------------------------------------------------
// Organisations and users

const organisationId = (slug: string) => uuidFor(`organisation:${slug}`);

/** The venue index of an organisation's office. */
const officeVenue = (slug: string) => organisationBySlug(slug).venue ?? 0;

const organisationRows = ORGANISATIONS.map((o) => {
	const d = districtBySlug(o.district);
	const venue =
		d.venues[officeVenue(o.slug)] ??
		fail(`organisation ${o.slug}: no venue ${officeVenue(o.slug)}`);
	return {
		id: organisationId(o.slug),
		city_id: cityId,
		slug: o.slug,
		name: o.name,
		kind: o.kind,
		website: organisationWebsite(o.slug),
		email: organisationEmail(o.slug),
		phone: organisationPhone(o.slug),
		street: venue.street,
		postal_code: d.postalCode,
		locality: CITY.locality,
		is_demo: true
	};
});

// A Stadtteilbüro's facts: its door is its office venue; its languages are the organisation's.
const officeFactRows = OFFICES.map((office) => {
	const o = organisationBySlug(office.organisation);
	const door =
		venuePoints.get(`${o.district}:${officeVenue(o.slug)}`) ??
		fail(`office ${o.slug}: no venue point`);
	return {
		organisation_id: organisationId(o.slug),
		opening_hours: jsonb(office.hours),
		hours_note: jsonb(office.hoursNote),
		languages: o.languages,
		directions: jsonb(office.directions),
		location: point(door)
	};
});
const organisationDistrictRows = OFFICES.flatMap((office) =>
	office.serves.map((slug) => {
		districtBySlug(slug); // fails on an unknown district
		return { organisation_id: organisationId(office.organisation), district_id: districtId(slug) };
	})
);

const userId = (key: string) => uuidFor(`user:${key}`);
const authUserRows = USERS.map((u) => ({
	id: userId(u.key),
	instance_id: '00000000-0000-0000-0000-000000000000',
	aud: 'authenticated',
	role: 'authenticated',
	email: u.email,
	encrypted_password: raw(`extensions.crypt(${text(DEMO_PASSWORD)}, extensions.gen_salt('bf'))`),
	email_confirmed_at: raw('now()'),
	raw_app_meta_data: jsonb({ provider: 'email', providers: ['email'] }),
	raw_user_meta_data: jsonb({}),
	created_at: raw('now()'),
	updated_at: raw('now()'),
	confirmation_token: '',
	recovery_token: '',
	email_change_token_new: '',
	email_change: ''
}));
const cityAdminRows = USERS.filter((u) => u.cityAdmin).map((u) => ({ user_id: userId(u.key) }));
const cityObserverRows = USERS.filter((u) => u.cityObserver).map((u) => ({
	user_id: userId(u.key)
}));
const membershipRows = USERS.flatMap((u) =>
	u.memberships.map((m) => {
		organisationBySlug(m.organisation); // fails on an unknown organisation
		return {
			organisation_id: organisationId(m.organisation),
			user_id: userId(u.key),
			role: m.role
		};
	})
);

// ---------------------------------------------------------------------------------------------
// Offers

interface Offer {
	key: string;
	id: string;
	template: OfferTemplate;
	placement: Placement;
	title: (texts: Texts) => string;
}

const offers: Offer[] = [];
const seenKeys = new Set<string>();
for (const template of TEMPLATES) {
	if (template.at.length === 0) fail(`template ${template.key} is nowhere`);
	for (const placement of template.at) {
		const key = `${template.key}:${placement.district}`;
		if (seenKeys.has(key)) fail(`offer ${key} twice: a template is placed once per district`);
		seenKeys.add(key);
		const districtName = districtBySlug(placement.district).name;
		// The same kind of offer in several districts: the district tells them apart.
		const title = (texts: Texts) =>
			template.at.length > 1 ? `${texts.title} – ${districtName}` : texts.title;
		offers.push({ key, id: uuidFor(`offer:${key}`), template, placement, title });
	}
}

const offerRows: Record<string, SqlValue>[] = [];
const scheduleRows: Record<string, SqlValue>[] = [];
const offerMeasureRows: Record<string, SqlValue>[] = [];
const offerThemeRows: Record<string, SqlValue>[] = [];
const translationRows: Record<string, SqlValue>[] = [];
const intendedDistrict = new Map<string, string>();

const slotCounter = new Map<string, number>();
for (const offer of offers) {
	const { template, placement } = offer;
	const rng = new Rng(`offer:${offer.key}`);
	const d = districtBySlug(placement.district);
	const organisation = organisationBySlug(placement.organisation);

	// Where: the given venue, else the organisation's office in its own district, else any venue.
	const venueIndex =
		placement.venue ??
		(organisation.district === d.slug
			? officeVenue(organisation.slug)
			: hash32(offer.key) % d.venues.length);
	const venue =
		d.venues[venueIndex] ?? fail(`offer ${offer.key}: ${d.slug} has no venue ${venueIndex}`);
	const location = venuePoints.get(`${d.slug}:${venueIndex}`)!;
	DISTRICTS.forEach((other) => {
		const inside = pointInRing(location, cellOf.get(other.slug)!);
		if (inside !== (other.slug === d.slug))
			fail(
				`offer ${offer.key}: point ${location} is ${inside ? 'inside' : 'outside'} ${other.slug}`
			);
	});
	intendedDistrict.set(offer.id, d.slug);

	const languages =
		template.languages === 'organisation' ? organisation.languages : template.languages;
	const draft = placement.draft === true;
	const lastVerified = dateBetween(rng, '2026-01-20', addDays(DEMO_TODAY, -1));
	const created = dateBetween(rng, '2025-10-01', lastVerified);
	const published = draft ? null : addDays(created, rng.int(0, 4));
	if (template.de.title.length > 80 || offer.title(template.de).length > 80) {
		fail(`offer ${offer.key}: German title longer than 80 characters`);
	}

	offerRows.push({
		id: offer.id,
		organisation_id: organisationId(organisation.slug),
		category: template.category,
		categories: [template.category, ...(template.alsoIn ?? [])],
		original_locale: 'de',
		street: venue.street,
		postal_code: d.postalCode,
		locality: CITY.locality,
		location: point(location),
		languages,
		target_groups: template.targetGroups,
		cost_eur: template.cost,
		childcare: template.childcare ?? false,
		women_only: template.womenOnly ?? false,
		wheelchair_accessible: venue.wheelchair,
		german_level: template.germanLevel,
		registration: template.registration,
		registration_url:
			template.registration === 'required' && organisation.slug === 'vhs-kempten'
				? `${organisationWebsite(organisation.slug)}/anmeldung`
				: null,
		contact_email: organisationEmail(organisation.slug),
		contact_phone: organisationPhone(organisation.slug),
		state: draft ? 'draft' : 'published',
		published_at: published ? timestamptz(berlinTimestamp(published, '10:00')) : null,
		last_verified_on: date(lastVerified),
		is_demo: true,
		created_at: timestamptz(berlinTimestamp(created, '09:00')),
		updated_at: timestamptz(berlinTimestamp(lastVerified, '16:00'))
	});

	// When
	if (placement.date) {
		if (template.slots) fail(`offer ${offer.key}: a one-off date on a recurring template`);
		const [day, time] = placement.date.split(' ');
		if (day <= DEMO_TODAY) fail(`offer ${offer.key}: the event lies in the past`);
		scheduleRows.push({
			id: uuidFor(`schedule:${offer.key}:1`),
			offer_id: offer.id,
			starts_at: timestamptz(berlinTimestamp(day, time)),
			duration_minutes: template.minutes ?? fail(`offer ${offer.key}: one-off without minutes`),
			rrule: null,
			exdates: timestamptzArray([]),
			timezone: 'Europe/Berlin'
		});
	} else {
		const slots = template.slots ?? fail(`offer ${offer.key}: neither slots nor a date`);
		const n = slotCounter.get(template.key) ?? 0;
		slotCounter.set(template.key, n + 1);
		const slot = slots[n % slots.length];
		const start = firstOccurrence(slot.rrule, slot.since ?? '2026-01-12');
		if (!start.startsWith('2026')) fail(`offer ${offer.key}: starts outside 2026`);
		const exdates = slot.holidays
			? occurrences(slot.rrule, start, HOLIDAYS.from, HOLIDAYS.to).map((day) =>
					berlinTimestamp(day, slot.time)
				)
			: [];
		if (occurrences(slot.rrule, start, DEMO_TODAY, '2027-03-31').length === 0) {
			fail(`offer ${offer.key}: no upcoming date`);
		}
		scheduleRows.push({
			id: uuidFor(`schedule:${offer.key}:1`),
			offer_id: offer.id,
			starts_at: timestamptz(berlinTimestamp(start, slot.time)),
			duration_minutes: slot.minutes,
			rrule: slot.rrule,
			exdates: timestamptzArray(exdates),
			timezone: 'Europe/Berlin'
		});
	}

	// Which measures and themes
	if (template.measures.length === 0) fail(`template ${template.key} implements no measure`);
	for (const code of template.measures) {
		if (!knownByCode.has(code))
			fail(`template ${template.key}: measure ${code} is a placeholder or unknown`);
		offerMeasureRows.push({ offer_id: offer.id, measure_id: measureId(code) });
	}
	const themes = new Set<ThemeSlug>(template.themes ?? []);
	if (template.womenOnly) themes.add('frauen');
	for (const slug of themes) offerThemeRows.push({ offer_id: offer.id, theme_id: themeId(slug) });

	// Texts: the German original, then translations as the policy decides.
	const textRow = (locale: string, texts: Texts, provenance: string, reviewed: boolean) => ({
		offer_id: offer.id,
		locale,
		title: offer.title(texts),
		summary: texts.summary,
		description: texts.description,
		cost_note: texts.costNote ?? null,
		registration_note: texts.registrationNote ?? null,
		provenance,
		reviewed
	});
	translationRows.push(textRow('de', template.de, 'original', true));
	for (const locale of TRANSLATION_LOCALES) {
		const texts = TRANSLATIONS[locale][template.key];
		if (!texts) continue;
		const policy = TRANSLATION_POLICY[locale];
		const pick = new Rng(`translation:${offer.key}:${locale}`);
		const heldInIt = languages.includes(locale);
		if (!heldInIt && !pick.chance(policy.share)) continue;
		const human = pick.chance(policy.human);
		translationRows.push(textRow(locale, texts, human ? 'human' : 'machine', human));
	}
}

// ---------------------------------------------------------------------------------------------
// Consistency of the data, before anything is written

for (const [locale, byKey] of Object.entries(TRANSLATIONS)) {
	for (const [key, texts] of Object.entries(byKey)) {
		const template = TEMPLATES.find((t) => t.key === key) ?? fail(`${locale}: no template ${key}`);
		for (const note of ['costNote', 'registrationNote'] as const) {
			if (Boolean(texts[note]) !== Boolean(template.de[note]))
				fail(`${locale}/${key}: ${note} differs from German`);
		}
		if (texts.title.length > 100) fail(`${locale}/${key}: title longer than 100 characters`);
	}
}

for (const category of CATEGORIES) {
	if (!offers.some((o) => o.template.category === category))
		fail(`no offer in category ${category}`);
}
for (const d of DISTRICTS) {
	if (!offers.some((o) => o.placement.district === d.slug)) fail(`no offer in ${d.slug}`);
}
const publishedCount = offerRows.filter((r) => r.state === 'published').length;
if (offers.length < 170) fail(`only ${offers.length} offers`);

// ---------------------------------------------------------------------------------------------
// SQL

const authIdentities = `-- GoTrue signs in through auth.identities too; the embedded Supabase has no such table.
do $$
begin
  if exists (select from information_schema.tables where table_schema = 'auth' and table_name = 'identities') then
    if exists (select from information_schema.columns
               where table_schema = 'auth' and table_name = 'identities' and column_name = 'provider_id') then
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      select u.id::text, u.id,
             jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
             'email', now(), now(), now()
      from auth.users u
      where u.id in (${USERS.map((u) => text(userId(u.key))).join(', ')});
    else
      -- GoTrue before provider_id: the identity's id is the user's id
      insert into auth.identities (id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      select u.id::text, u.id,
             jsonb_build_object('sub', u.id::text, 'email', u.email),
             'email', now(), now(), now()
      from auth.users u
      where u.id in (${USERS.map((u) => text(userId(u.key))).join(', ')});
    end if;
  end if;
end
$$;
`;

// The seed checks itself where the database decides: the trigger assigns each offer's district
// from its point, and the concept must keep the KIK's counts.
const selfCheck = `do $$
declare
  v_wrong text;
begin
  select string_agg(v.offer_id || ' in ' || coalesce(d.slug, 'no district') || ', meant for ' || v.slug, '; ')
  into v_wrong
  from (values
${[...intendedDistrict].map(([id, slug]) => `    (${text(id)}::uuid, ${text(slug)})`).join(',\n')}
  ) as v (offer_id, slug)
  join public.offers o on o.id = v.offer_id
  left join public.districts d on d.id = o.district_id
  where d.slug is distinct from v.slug;
  if v_wrong is not null then
    raise exception 'demo seed: offers outside their intended district: %', v_wrong;
  end if;
  if (select count(*) from public.goals g join public.fields_of_action f on f.id = g.field_of_action_id
      where f.concept_id = ${text(conceptId)}) <> ${goalRows.length}
     or (select count(*) from public.measures m join public.goals g on g.id = m.goal_id
         join public.fields_of_action f on f.id = g.field_of_action_id
         where f.concept_id = ${text(conceptId)}) <> ${measureRows.length} then
    raise exception 'demo seed: the KIK must have ${goalRows.length} goals and ${measureRows.length} measures';
  end if;
end
$$;
`;

const section = (title: string) => `\n-- ${'-'.repeat(96)}\n-- ${title}\n\n`;

const sql = [
	`-- GENERATED FILE – do not edit by hand. Written by
--
--   npx tsx scripts/seed/generate-seed.ts
--
-- from the modules in scripts/seed/ (districts.ts, concept.ts, organisations.ts, offers.ts,
-- translations/, users.ts); change those and run the command again.
--
-- EVERYTHING IN THIS FILE IS DEMO DATA.
-- * The city is flagged is_demo. District names are Kempten's, their polygons are an
--   approximate Voronoi tessellation ("${DISTRICT_SOURCE}"); population figures and main
--   languages per district are invented, plausible values for a city of about 70,000.
-- * The integration concept has the structure of Kempten's KIK (6 fields of action, 43 goals,
--   144 measures). Only texts quoted in the public council presentation of 18.11.2021 are
--   real measures; everything else is a placeholder (is_placeholder = true) that refers to
--   the KIK. Which goal a quoted example sits under, and all statuses beyond the three the
--   presentation's table shows, are demo values (the concept is flagged is_demo).
-- * Organisations carry names of the kind the KIK lists, with fake contact data
--   (example.org, 0831 000 00xx). Offers, schedules and translations are invented; no person
--   is named.
-- * Demo sign-in (password "${DEMO_PASSWORD}"): ${USERS.map((u) => u.email).join(', ')}.
--
-- Apply once to a freshly migrated database, as a superuser, in one transaction
-- (psql --single-transaction, or PGlite exec). The file opens no transaction of its own.
-- Counts: ${DISTRICTS.length} districts, ${goalRows.length} goals, ${measureRows.length} measures, ${ORGANISATIONS.length} organisations, ${offers.length} offers
-- (${publishedCount} published), ${scheduleRows.length} schedules, ${translationRows.length} offer texts.
`,
	section('City'),
	insert('public.cities', [{ id: cityId, slug: CITY.slug, name: CITY.name, is_demo: true }]),
	section('Districts (demo geometry, demo population)'),
	insert('public.districts', districtRows),
	section('Integration concept: KIK'),
	insert('public.concepts', [
		{
			id: conceptId,
			city_id: cityId,
			slug: CONCEPT.slug,
			title: CONCEPT.title,
			adopted_on: date(CONCEPT.adoptedOn),
			is_current: true,
			level_names: jsonb(CONCEPT.levelNames),
			source_url: null,
			is_demo: true
		}
	]),
	'\n',
	insert('public.fields_of_action', fieldRows),
	'\n',
	insert('public.goals', goalRows),
	'\n',
	insert('public.measures', measureRows),
	'\n',
	insert('public.measure_indicators', indicatorRows),
	'\n',
	insert('public.themes', themeRows),
	'\n',
	insert('public.measure_themes', measureThemeRows),
	section('Organisations (fake contact data)'),
	insert('public.organisations', organisationRows),
	section('Stadtteilbüros: districts served, opening hours, languages, directions (demo values)'),
	insert('public.organisation_districts', organisationDistrictRows),
	'\n',
	insert('public.office_facts', officeFactRows),
	section(`Demo users (password "${DEMO_PASSWORD}")`),
	insert('auth.users', authUserRows),
	'\n',
	authIdentities,
	'\n',
	insert('public.city_admins', cityAdminRows),
	'\n',
	insert('public.city_observers', cityObserverRows),
	'\n',
	insert('public.memberships', membershipRows),
	section('Offers; district_id is assigned by the database from the location'),
	insert('public.offers', offerRows),
	section('Offer texts: German originals and translations'),
	insert('public.offer_translations', translationRows),
	section('Schedules (local Europe/Berlin times with their offsets)'),
	insert('public.schedules', scheduleRows),
	section('Links to the measures of the KIK and to cross-cutting themes'),
	insert('public.offer_measures', offerMeasureRows, 400),
	'\n',
	insert('public.offer_themes', offerThemeRows, 400),
	section('Self-check: districts assigned by the database, counts of the concept'),
	selfCheck
].join('');

// ---------------------------------------------------------------------------------------------
// Write (or check) and report

if (process.argv.includes('--check')) {
	const current = readFileSync(SEED_PATH, 'utf8');
	if (current !== sql) {
		console.error('supabase/seed.sql is stale: run npx tsx scripts/seed/generate-seed.ts');
		process.exit(1);
	}
	console.log('supabase/seed.sql is up to date');
} else {
	writeFileSync(SEED_PATH, sql);
	console.log(`wrote ${SEED_PATH} (${(sql.length / 1024).toFixed(0)} KB)`);
}

const byDistrict = DISTRICTS.map((d) => {
	const n = offers.filter((o) => o.placement.district === d.slug).length;
	return `${d.name} ${n} (${areaKm2(cellOf.get(d.slug)!).toFixed(1)} km²)`;
});
const byLocale = ['de', ...TRANSLATION_LOCALES].map(
	(l) =>
		`${l} ${Math.round((100 * translationRows.filter((r) => r.locale === l).length) / offers.length)} %`
);
console.log(
	`${offers.length} offers, ${publishedCount} published; ${scheduleRows.filter((r) => r.rrule === null).length} one-off events`
);
console.log(`per district: ${byDistrict.join(', ')}`);
console.log(`texts per locale: ${byLocale.join(', ')}`);
