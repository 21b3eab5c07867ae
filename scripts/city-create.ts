/**
 * npm run city:create -- --slug kaiserslautern --name "Kaiserslautern" --time-zone Europe/Berlin --locale de
 *
 * Creates the city of a new database; see `--help`.
 */
import { parseArgs } from 'node:util';
import { adoptCity, configuredCity } from '../src/lib/server/city';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../src/lib/database.types';
import { WELCOME_PATH, welcomeLink } from '../src/lib/server/auth/invitations';
import { closeBackend, createServiceSupabase, getBackend } from '../src/lib/server/supabase';

const usage = `Usage: npm run city:create -- --slug <slug> --name <name> [--time-zone <zone>] [--locale <locale>]
                            [--admin-email <email> [--origin <url>]]

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
  --admin-email <a>    the city office's first administrator: their account is made and named a
                       city admin; with the embedded database the command prints a one-time link
                       (valid 24 hours) with which they set their password, with Supabase the
                       project mails the invitation. For a city that exists, this only adds the
                       administrator
  --origin <url>       the portal's address for that link (default: ORIGIN, else
                       http://localhost:3000)
  -h, --help           show this text

Without SUPABASE_URL the embedded database in DATA_DIR (default .data/pglite) is used: stop the
portal first. With SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY are needed.

Exit status: 0 created, 1 refused or failed (nothing was created), 2 wrong usage.`;

/**
 * Makes the account of `email` (unless it exists) and names it a city admin; returns what to
 * tell the person running the command.
 */
async function inviteCityAdmin(
	supabase: SupabaseClient<Database>,
	email: string,
	origin: string
): Promise<string> {
	const existing = await supabase.rpc('user_id_by_email', { p_email: email });
	if (existing.error) throw new Error(existing.error.message);
	let userId = existing.data;
	let line = `${email} has an account already and signs in with it at ${origin}/staff.`;
	if (!userId) {
		const embedded = (await getBackend()).embedded !== null;
		if (embedded) {
			const { data, error } = await supabase.auth.admin.generateLink({ type: 'invite', email });
			if (error || !data.user) throw new Error(`no account for ${email}: ${error?.message}`);
			userId = data.user.id;
			line =
				`Send ${email} this one-time link (valid 24 hours) to set a password:\n` +
				`  ${welcomeLink(origin, data.properties.hashed_token, 'invite')}`;
		} else {
			const { data, error } = await supabase.auth.admin.inviteUserByEmail(email, {
				redirectTo: `${origin}${WELCOME_PATH}`
			});
			if (error || !data.user) throw new Error(`no invitation for ${email}: ${error?.message}`);
			userId = data.user.id;
			line = `The Supabase project has mailed ${email} an invitation.`;
		}
	}
	const { error } = await supabase.rpc('add_city_admin', { p_user_id: userId });
	if (error) throw new Error(error.message);
	return `${email} is a city admin (the city office at ${origin}/city). ${line}`;
}

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
				'admin-email': { type: 'string' },
				origin: { type: 'string' },
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
		const adminEmail = values['admin-email'];
		if (error && !(error.code === '23505' && adminEmail)) {
			const reason = error.message.charAt(0).toUpperCase() + error.message.slice(1);
			console.error(`Nothing was created. ${reason}.${error.hint ? `\n${error.hint}` : ''}`);
			return 1;
		}
		if (!error && values['time-zone'] !== 'Europe/Berlin') {
			console.warn(
				`Note: ${values['time-zone']} is stored with the city, but the portal still computes dates ` +
					`(schedules, the week, calendar files) in Europe/Berlin.`
			);
		}
		if (error) {
			// run again with --admin-email: the city is there, its administrator is added
			console.log(`The city ${values.slug} exists already; adding its administrator.`);
		} else {
			const created = data as {
				slug: string;
				name: string;
				time_zone: string;
				default_locale: string;
			};
			console.log(
				`Created ${created.name} (${created.slug}): time zone ${created.time_zone}, default locale ${created.default_locale}.\n` +
					`Next: import its districts, organisations, concept and offers with --city ${created.slug},` +
					` then start the portal with CITY=${created.slug}.`
			);
		}
		if (adminEmail) {
			const origin = values.origin ?? process.env.ORIGIN ?? 'http://localhost:3000';
			try {
				console.log(await inviteCityAdmin(supabase, adminEmail, origin));
			} catch (failure) {
				console.error(
					`The city is there, but ${adminEmail} is not its administrator: ${(failure as Error).message}\n` +
						`Run the command again with the same --slug and --admin-email.`
				);
				return 1;
			}
		}
		return 0;
	} catch (error) {
		console.error(`Nothing was created. ${(error as Error).message}`);
		return 1;
	} finally {
		await closeBackend();
	}
}

process.exitCode = await main();
