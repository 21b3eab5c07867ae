/**
 * An embedded Supabase for the search specs (src/lib/server/search/index.spec.ts,
 * worker.spec.ts): a migrated in-memory PGlite without the seed, the supabase-js clients the
 * app would use (anon and service role), and small helpers that write a place and offers as the
 * superuser. Only imported by specs.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
	createClient,
	type SupabaseClient,
	type SupabaseClientOptions
} from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '$lib/database.types';
import {
	createEmbeddedFetch,
	createKeys,
	createTestDatabase,
	EMBEDDED_URL
} from '$lib/server/embedded/index';

type RealtimeTransport = NonNullable<
	NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

export interface TestSupabase {
	db: PGlite;
	anon: SupabaseClient<Database>;
	service: SupabaseClient<Database>;
	close(): Promise<void>;
}

const SECRET = 'search-spec-secret-of-at-least-32-characters';

export async function startTestSupabase(): Promise<TestSupabase> {
	const db = await createTestDatabase({ seed: false });
	const { anonKey, serviceRoleKey } = await createKeys(SECRET);
	const fetch = createEmbeddedFetch(db, { jwtSecret: SECRET });
	const client = (key: string) =>
		createClient<Database>(EMBEDDED_URL, key, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			global: { fetch },
			realtime: { transport: ws as unknown as RealtimeTransport }
		});
	return { db, anon: client(anonKey), service: client(serviceRoleKey), close: () => db.close() };
}

/** A city with one district (a box around Kempten's centre) and one organisation. */
export async function createPlace(db: PGlite): Promise<{ organisationId: string }> {
	const [city] = (
		await db.query<{ id: string }>(
			`insert into public.cities (slug, name) values ('testcity', 'Teststadt')
			 on conflict (slug) do update set name = excluded.name returning id::text`
		)
	).rows;
	await db.query(
		`insert into public.districts (city_id, slug, name, geom)
		 values ($1, 'altstadt', 'Altstadt', extensions.st_multi(extensions.st_makeenvelope(10.30, 47.70, 10.34, 47.74, 4326)))
		 on conflict (city_id, slug) do nothing`,
		[city.id]
	);
	const [org] = (
		await db.query<{ id: string }>(
			`insert into public.organisations (city_id, slug, name, kind)
			 values ($1, 'buero-' || substr(md5(random()::text), 1, 8), 'Stadtteilbüro Altstadt', 'neighbourhood_office')
			 returning id::text`,
			[city.id]
		)
	).rows;
	return { organisationId: org.id };
}

/** A published offer with a German title, at a point in the Altstadt; returns its id. */
export async function createOffer(
	db: PGlite,
	organisationId: string,
	options: { title: string; category?: string; state?: string; free?: boolean }
): Promise<string> {
	const [offer] = (
		await db.query<{ id: string }>(
			`insert into public.offers (organisation_id, category, state, cost_eur, location)
			 values ($1, $2, $3::public.publication_state, $4,
			         extensions.st_setsrid(extensions.st_makepoint(10.3139, 47.7261), 4326))
			 returning id::text`,
			[
				organisationId,
				options.category ?? 'language_course',
				options.state ?? 'published',
				options.free === false ? 10 : 0
			]
		)
	).rows;
	await db.query(
		`insert into public.offer_translations (offer_id, locale, title, provenance, reviewed)
		 values ($1, 'de', $2, 'original', true)`,
		[offer.id, options.title]
	);
	return offer.id;
}

/** Outbox rows not processed yet. */
export async function pendingOutbox(db: PGlite) {
	return (
		await db.query<{ offer_id: string; attempts: number; last_error: string | null }>(
			`select offer_id::text, attempts, last_error from public.search_outbox where processed_at is null order by id`
		)
	).rows;
}
