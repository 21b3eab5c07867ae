/**
 * npm run check:deploy — checks a deployment from the outside and prints what to fix.
 *
 * Supabase (SUPABASE_URL and its keys, or the embedded database in DATA_DIR): reachable, every
 * migration applied, every function callable by the roles that need it and by no other, the
 * search outbox drained. Meilisearch (MEILI_HOST and its keys): reachable, the keys' rights, the
 * index's settings and documents against the database. Exits 1 when a check fails.
 */
import { parseArgs } from 'node:util';
import { formatReport, type Finding } from '../src/lib/server/deploy/report';
import { checkSearch } from '../src/lib/server/deploy/search-checks';
import { checkSupabase, type SupabaseTarget } from '../src/lib/server/deploy/supabase-checks';
import {
	closeBackend,
	createServiceSupabase,
	createSupabase,
	DEFAULT_DATA_DIR
} from '../src/lib/server/supabase';

const usage = `Usage: npm run check:deploy [-- --json]

Checks the Supabase project (SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY; without
SUPABASE_URL the database of DATABASE_URL, or the embedded one in DATA_DIR with the portal
stopped) and the search engine
(MEILI_HOST, MEILI_SEARCH_KEY, MEILI_ADMIN_KEY; without MEILI_HOST the embedded engine) from the
outside, as the portal uses them. DEPLOY_CHECK_EMAIL and DEPLOY_CHECK_PASSWORD: a staff account,
to check what signed-in staff can call too. Prints what to fix; exits 1 when a check fails.

  --json   print the findings as JSON`;

const { values } = parseArgs({
	options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } }
});
if (values.help) {
	console.log(usage);
	process.exit(0);
}

/** A client signed in as the staff account of the environment, if one is given. */
async function signedIn(findings: Finding[]): Promise<SupabaseTarget['user']> {
	const email = process.env.DEPLOY_CHECK_EMAIL;
	const password = process.env.DEPLOY_CHECK_PASSWORD;
	if (!email || !password) return undefined;
	// a client of its own: it carries the session once signed in
	const auth = await createSupabase();
	const { data, error } = await auth.auth.signInWithPassword({ email, password });
	if (error || !data.session) {
		findings.push({
			area: 'Supabase',
			check: 'sign-in',
			status: 'fail',
			detail: `${email} cannot sign in: ${error?.message ?? 'no session'}`,
			fix: 'check DEPLOY_CHECK_EMAIL and DEPLOY_CHECK_PASSWORD, and that Auth allows e-mail sign-in'
		});
		return undefined;
	}
	findings.push({ area: 'Supabase', check: 'sign-in', status: 'ok', detail: `${email} signs in` });
	return createSupabase({ accessToken: data.session.access_token });
}

let exitCode = 0;
try {
	const findings: Finding[] = [];
	const label = process.env.SUPABASE_URL
		? process.env.SUPABASE_URL
		: process.env.DATABASE_URL
			? `embedded handlers on PostgreSQL at ${new URL(process.env.DATABASE_URL).host} (DATABASE_URL)`
			: `embedded, in ${process.env.DATA_DIR || DEFAULT_DATA_DIR}`;
	const target: SupabaseTarget = {
		label,
		anon: await createSupabase(),
		service: await createServiceSupabase(),
		user: await signedIn(findings)
	};
	findings.push(...(await checkSupabase(target)));
	findings.push(...(await checkSearch(target.service)));
	if (values.json) console.log(JSON.stringify(findings, null, '\t'));
	else console.log(`Deploy check${formatReport(findings)}`.replace('\n\n', '\n'));
	if (findings.some((finding) => finding.status === 'fail')) exitCode = 1;
} catch (error) {
	console.error('check:deploy: could not run the checks');
	console.error(error instanceof Error ? error.message : error);
	exitCode = 1;
} finally {
	await closeBackend();
}
process.exit(exitCode);
