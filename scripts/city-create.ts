/**
 * npm run city:create -- --slug kaiserslautern --name "Kaiserslautern" --time-zone Europe/Berlin --locale de
 *
 * Creates the city of a new database; see `--help`.
 */
import { parseArgs } from 'node:util';
import { adoptCity, configuredCity } from '../src/lib/server/city';
import { closeBackend, createServiceSupabase } from '../src/lib/server/supabase';

const usage = `Usage: npm run city:create -- --slug <slug> --name <name> [--time-zone <zone>] [--locale <locale>]

Creates the city a portal serves, in a database of its own: the portal serves one city per
database, so a second city gets its own DATA_DIR (or Supabase project). With the embedded
database and a new DATA_DIR, the Kempten demo is not loaded when CITY (or, if CITY is not set,
--slug) names another city. Then import its districts, organisations, concept and offers, and
start the portal with CITY=<slug> (README: "Set up a second city from files").

Options:
  --slug <slug>        lower-case letters a-z, digits and single hyphens, e.g. kaiserslautern
  --name <name>        the city's name as the pages show it, e.g. "Kaiserslautern"
  --time-zone <zone>   an IANA time zone (default Europe/Berlin)
  --locale <locale>    the default locale: de (default), de-simple, en, ar, fa, tr, uk, ru or ro
  -h, --help           show this text

Without SUPABASE_URL the embedded database in DATA_DIR (default .data/pglite) is used: stop the
portal first. With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.

Exit status: 0 created, 1 refused or failed (nothing was created), 2 wrong usage.`;

async function main(): Promise<number> {
	const usageError = (message: string) => {
		console.error(`${message}\n\n${usage}`);
		return 2;
	};
	let values;
	try {
		({ values } = parseArgs({
			options: {
				slug: { type: 'string' },
				name: { type: 'string' },
				'time-zone': { type: 'string', default: 'Europe/Berlin' },
				locale: { type: 'string', default: 'de' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (error) {
		return usageError((error as Error).message);
	}
	if (values.help) {
		console.log(usage);
		return 0;
	}
	if (!values.slug) return usageError('--slug is missing.');
	if (!values.name) return usageError('--name is missing.');
	try {
		adoptCity(values.slug);
		const city = configuredCity();
		if (city !== values.slug) {
			console.warn(
				`Note: CITY=${city}, not ${values.slug}; start the portal with CITY=${values.slug}.`
			);
		}
		const supabase = await createServiceSupabase();
		console.log(`Creating the city ${values.slug} …`);
		const { data, error } = await supabase.rpc('create_city', {
			p_slug: values.slug,
			p_name: values.name,
			p_time_zone: values['time-zone'],
			p_default_locale: values.locale
		});
		if (error) {
			console.error(`Nothing was created. ${error.message}.${error.hint ? `\n${error.hint}` : ''}`);
			return 1;
		}
		const created = data as {
			slug: string;
			name: string;
			time_zone: string;
			default_locale: string;
		};
		console.log(
			`Created ${created.name} (${created.slug}): time zone ${created.time_zone}, default locale ${created.default_locale}.`,
			`\nNext: import its districts, organisations, concept and offers with --city ${created.slug},` +
				` then start the portal with CITY=${created.slug}.`
		);
		return 0;
	} catch (error) {
		console.error(`Nothing was created. ${(error as Error).message}`);
		return 1;
	} finally {
		await closeBackend();
	}
}

process.exitCode = await main();
