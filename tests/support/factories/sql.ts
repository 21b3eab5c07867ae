/**
 * Small factories for SQL tests: each writes one thing with sensible defaults and returns what a
 * test needs to refer to it. They take any `SqlQuery`, so they run as the superuser (no RLS) on
 * the session itself, or as an actor inside `session.as(…)` to test what that actor may write.
 *
 *   const city = await createCity(db());
 *   const org = await createOrganisation(db(), city.id, { slug: 'stadtteilbuero-altstadt' });
 *   const concept = await createConcept(db(), city.id, { measureCodes: ['1.1.1', '1.1.2'] });
 *   const offer = await createOffer(db(), org.id, { point: [10.305, 47.725] });
 *
 * Slugs, names and e-mail addresses get a counter so that several of a kind fit in one session
 * (the city is `testcity` unless told otherwise).
 */
import type { SqlQuery } from '../sql-engines';

let counter = 0;
const next = () => ++counter;

/** Longitude, latitude in WGS 84. */
export type LonLat = [lon: number, lat: number];

/** A user of Supabase Auth (only the columns the portal reads). Returns the user's id. */
export async function createUser(db: SqlQuery, options: { email?: string } = {}): Promise<string> {
	const [row] = await db.query<{ id: string }>(
		`insert into auth.users (id, aud, role, email, email_confirmed_at, created_at, updated_at)
		 values (gen_random_uuid(), 'authenticated', 'authenticated', $1, now(), now(), now())
		 returning id::text`,
		[options.email ?? `user-${next()}@example.org`]
	);
	return row.id;
}

/** A user of the city's integration office, who may administer everything. */
export async function createCityAdmin(
	db: SqlQuery,
	options: { email?: string } = {}
): Promise<string> {
	const userId = await createUser(db, options);
	await db.query(`insert into public.city_admins (user_id) values ($1)`, [userId]);
	return userId;
}

export interface City {
	id: string;
	slug: string;
}

/** A city, `testcity` unless another slug is given (a second city needs one). */
export async function createCity(
	db: SqlQuery,
	options: { slug?: string; name?: string } = {}
): Promise<City> {
	const [row] = await db.query<City>(
		`insert into public.cities (slug, name) values ($1, $2) returning id::text, slug`,
		[options.slug ?? 'testcity', options.name ?? 'Teststadt']
	);
	return row;
}

export interface Organisation {
	id: string;
	slug: string;
}

/** An organisation of the city (by default a neighbourhood office). */
export async function createOrganisation(
	db: SqlQuery,
	cityId: string,
	options: { slug?: string; name?: string; kind?: string } = {}
): Promise<Organisation> {
	const n = next();
	const [row] = await db.query<Organisation>(
		`insert into public.organisations (city_id, slug, name, kind)
		 values ($1, $2, $3, $4::public.organisation_kind)
		 returning id::text, slug`,
		[
			cityId,
			options.slug ?? `organisation-${n}`,
			options.name ?? `Stadtteilbüro ${n}`,
			options.kind ?? 'neighbourhood_office'
		]
	);
	return row;
}

/** Makes a user staff of an organisation. */
export async function addMember(
	db: SqlQuery,
	organisationId: string,
	userId: string,
	role: 'editor' | 'admin' = 'editor'
): Promise<void> {
	await db.query(
		`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, $3::public.membership_role)`,
		[organisationId, userId, role]
	);
}

export interface Concept {
	id: string;
	/** Ids of the measures by code. */
	measures: Record<string, string>;
}

/**
 * A concept of the city (the current one by default) with one field of action `1`, one goal
 * `1.1` and measures with the given codes (default `1.1.1`).
 */
export async function createConcept(
	db: SqlQuery,
	cityId: string,
	options: { slug?: string; title?: string; isCurrent?: boolean; measureCodes?: string[] } = {}
): Promise<Concept> {
	const [concept] = await db.query<{ id: string }>(
		`insert into public.concepts (city_id, slug, title, is_current)
		 values ($1, $2, $3, $4) returning id::text`,
		[
			cityId,
			options.slug ?? `concept-${next()}`,
			options.title ?? 'Integrationskonzept',
			options.isCurrent ?? true
		]
	);
	const [field] = await db.query<{ id: string }>(
		`insert into public.fields_of_action (concept_id, position, code, title)
		 values ($1, 1, '1', 'Sprache und Bildung') returning id::text`,
		[concept.id]
	);
	const [goal] = await db.query<{ id: string }>(
		`insert into public.goals (field_of_action_id, position, code, title)
		 values ($1, 1, '1.1', 'Deutsch lernen für alle') returning id::text`,
		[field.id]
	);
	const measures: Record<string, string> = {};
	for (const [i, code] of (options.measureCodes ?? ['1.1.1']).entries()) {
		const [measure] = await db.query<{ id: string }>(
			`insert into public.measures (goal_id, position, code, title)
			 values ($1, $2, $3, $4) returning id::text`,
			[goal.id, i + 1, code, `Maßnahme ${code}`]
		);
		measures[code] = measure.id;
	}
	return { id: concept.id, measures };
}

/** A closed ring around a box, counter-clockwise: [west, south] to [east, north]. */
export function box(west: number, south: number, east: number, north: number): LonLat[] {
	return [
		[west, south],
		[east, south],
		[east, north],
		[west, north],
		[west, south]
	];
}

export interface District {
	id: string;
	slug: string;
}

/** A district with a polygon (one outer ring of lon/lat, default a box around Kempten). */
export async function createDistrict(
	db: SqlQuery,
	cityId: string,
	options: { name?: string; slug?: string; ring?: LonLat[]; population?: number } = {}
): Promise<District> {
	const n = next();
	const ring = options.ring ?? box(10.3, 47.7, 10.4, 47.8);
	const [row] = await db.query<District>(
		`insert into public.districts (city_id, slug, name, geom, population)
		 values ($1, $2, $3,
		         extensions.st_multi(extensions.st_setsrid(extensions.st_geomfromgeojson($4::text), 4326)),
		         $5)
		 returning id::text, slug`,
		[
			cityId,
			options.slug ?? `district-${n}`,
			options.name ?? `Stadtteil ${n}`,
			JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
			options.population ?? null
		]
	);
	return row;
}

export interface Offer {
	id: string;
}

/**
 * An offer of the organisation with its German title (published by default); `point` places it,
 * and the database assigns its district.
 */
export async function createOffer(
	db: SqlQuery,
	organisationId: string,
	options: {
		title?: string;
		category?: string;
		state?: 'draft' | 'published' | 'archived';
		point?: LonLat;
		measureIds?: string[];
	} = {}
): Promise<Offer> {
	const [offer] = await db.query<Offer>(
		`insert into public.offers (organisation_id, category, state, location)
		 values ($1, $2, $3::public.publication_state,
		         case when $4::float8 is not null
		              then extensions.st_setsrid(extensions.st_makepoint($4::float8, $5::float8), 4326) end)
		 returning id::text`,
		[
			organisationId,
			options.category ?? 'cultural_cafe',
			options.state ?? 'published',
			options.point?.[0] ?? null,
			options.point?.[1] ?? null
		]
	);
	await db.query(
		`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
		 values ($1, 'de', $2, 'original', true)`,
		[offer.id, options.title ?? `Angebot ${next()}`]
	);
	for (const measureId of options.measureIds ?? []) {
		await db.query(`insert into public.offer_measures (offer_id, measure_id) values ($1, $2)`, [
			offer.id,
			measureId
		]);
	}
	return offer;
}
