/**
 * The CITY setting: the slug of the city this portal serves. The portal serves one city per
 * database (the public read functions show "the" city of the database), so a second city runs
 * on a database of its own: a new DATA_DIR (or Supabase project) with CITY set to its slug.
 *
 * - The embedded database loads the Kempten demo (supabase/seed.sql) into a new data directory
 *   only when CITY is unset or names the demo's city, so a second city's directory holds only
 *   its own data.
 * - At start the server checks that the database holds the city CITY names, and says how to
 *   create it when it does not.
 *
 * Reads process.env rather than $env so that the command-line scripts can use it too.
 */

/** The slug of the demo city in supabase/seed.sql. */
export const DEMO_CITY_SLUG = 'kempten';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * CITY, trimmed; undefined when unset or empty.
 * @throws Error when it is not a slug (lower-case letters, digits, single hyphens)
 */
export function configuredCity(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const city = env.CITY?.trim();
	if (!city) return undefined;
	if (!SLUG.test(city)) {
		throw new Error(
			`CITY=${JSON.stringify(city)} is not a city's slug: lower-case letters a-z, digits and single hyphens, e.g. CITY=kaiserslautern`
		);
	}
	return city;
}

/** Whether a new embedded database gets the demo seed: CITY unset, or the demo's city. */
export function seedsDemo(city: string | undefined): boolean {
	return city === undefined || city === DEMO_CITY_SLUG;
}

/** The city as portal_info() names it. */
export interface DatabaseCity {
	slug: string;
	name: string;
}

/**
 * Why the database does not serve the configured city, with what to do; null when it does (or
 * when CITY is not set).
 */
export function cityProblem(city: string | undefined, found: DatabaseCity | null): string | null {
	if (city === undefined || found?.slug === city) return null;
	const create =
		`Create it with the same DATA_DIR (or SUPABASE_URL) as the portal:\n` +
		`  CITY=${city} npm run city:create -- --slug ${city} --name "<the city's name>" --time-zone Europe/Berlin --locale de\n` +
		`then import its districts, organisations, concept and offers (README: "Set up a second city from files").`;
	if (found === null) return `CITY=${city}, but the database holds no city yet. ${create}`;
	return (
		`CITY=${city}, but this database serves the city "${found.slug}" (${found.name}): the portal ` +
		`serves one city per database. Start it on ${city}'s own database (its DATA_DIR), or set ` +
		`CITY=${found.slug}. ${create}`
	);
}

/**
 * At start: with CITY set, the database must serve that city.
 * @param readCity the database's city (portal_info's), null when it holds none
 * @throws Error saying what is wrong and how to create the city
 */
export async function checkConfiguredCity(
	readCity: () => Promise<DatabaseCity | null>,
	env: NodeJS.ProcessEnv = process.env
): Promise<void> {
	const city = configuredCity(env);
	if (city === undefined) return;
	const problem = cityProblem(city, await readCity());
	if (problem !== null) throw new Error(problem);
}

/**
 * For the commands that name a city (`--city`, `--slug`): CITY takes that slug when it is not
 * set, so that a new data directory for that city gets no demo seed.
 */
export function adoptCity(slug: string, env: NodeJS.ProcessEnv = process.env): void {
	if (!env.CITY?.trim() && SLUG.test(slug)) env.CITY = slug;
}
