/**
 * The deploy check of a Supabase project, from the outside: through the Data API with the keys
 * the portal uses, as the portal calls it. Works the same on the embedded Supabase.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { API_ROLES, rpcAccessList, type ApiRole, type RpcName } from '../data/rpc-access';
import type { Finding } from './report';

type Supabase = SupabaseClient<Database>;

export interface SupabaseTarget {
	/** Where it is, for the report: a project URL or the embedded data directory. */
	label: string;
	/** A client with the anon key. */
	anon: Supabase;
	/** A client with the service-role key. */
	service: Supabase;
	/** A client signed in as a staff member, if the check was given an account. */
	user?: Supabase;
	/** Directory of the migrations this code expects (default supabase/migrations). */
	migrationsDir?: string;
}

interface RpcError {
	code?: string;
	message?: string;
}

const AREA = 'Supabase';
const PUSH_FIX =
	'push the migrations: npx supabase db push --db-url "<the pooler connection string>" (README, Deploying)';

/** Versions of the migration files, e.g. 20261130090000, oldest first. */
export function expectedMigrations(dir = 'supabase/migrations'): string[] {
	return fs
		.readdirSync(path.resolve(dir))
		.map((file) => /^(\d{14})_.+\.sql$/.exec(file)?.[1])
		.filter((version): version is string => version !== undefined)
		.sort();
}

/** Calls a function with its probe; null when it was allowed, else the error. */
async function probe(client: Supabase, name: RpcName, args: Record<string, unknown>) {
	const { error } = await (
		client.rpc as (n: string, a: object) => PromiseLike<{ error: RpcError | null }>
	)(name, args);
	return error;
}

const describe = (error: RpcError) =>
	`${error.code ? `${error.code} ` : ''}${error.message ?? 'no message'}`;

/** A permission error: a missing grant answers 42501 (PostgREST: 401 for anon, 403 else). */
const refused = (error: RpcError | null) => error?.code === '42501';

async function reachability(target: SupabaseTarget): Promise<Finding[]> {
	const findings: Finding[] = [];
	const anon = await probe(target.anon, 'portal_info', {});
	findings.push(
		anon === null || refused(anon)
			? {
					area: AREA,
					check: 'reachable',
					status: 'ok',
					detail: `the Data API answers (${target.label})`
				}
			: {
					area: AREA,
					check: 'reachable',
					status: 'fail',
					detail: `the Data API at ${target.label} does not answer with the anon key: ${describe(anon)}`,
					fix: 'check SUPABASE_URL and SUPABASE_ANON_KEY (Project Settings → API keys), and that the project is not paused'
				}
	);
	const service = await probe(target.service, 'search_outbox_status', {});
	if (service !== null && !refused(service)) {
		findings.push({
			area: AREA,
			check: 'service key',
			status: 'fail',
			detail: `the service-role key is refused: ${describe(service)}`,
			fix: 'set SUPABASE_SERVICE_ROLE_KEY to the project’s service_role (secret) key'
		});
	}
	return findings;
}

async function migrations(target: SupabaseTarget): Promise<Finding> {
	const expected = expectedMigrations(target.migrationsDir);
	const { data, error } = await target.service.rpc('applied_migrations');
	if (error) {
		const missingFunction = error.code === 'PGRST202' || error.code === '42883';
		return {
			area: AREA,
			check: 'migrations',
			status: 'fail',
			detail: missingFunction
				? 'the database lacks applied_migrations(): migrations up to 20261130090200 are missing'
				: `cannot read the applied migrations: ${describe(error)}`,
			fix: PUSH_FIX
		};
	}
	if (data === null) {
		return {
			area: AREA,
			check: 'migrations',
			status: 'warn',
			detail:
				'the database does not record its migrations (supabase_migrations.schema_migrations is missing): they were applied by hand',
			fix: 'apply migrations with npx supabase db push, which records them, so that later deploys know what is missing'
		};
	}
	const applied = new Set(data);
	const missing = expected.filter((version) => !applied.has(version));
	const unknown = data.filter((version) => !expected.includes(version));
	if (missing.length > 0) {
		return {
			area: AREA,
			check: 'migrations',
			status: 'fail',
			detail: `${missing.length} of ${expected.length} migrations are not applied: ${missing.join(', ')}`,
			fix: PUSH_FIX
		};
	}
	if (unknown.length > 0) {
		return {
			area: AREA,
			check: 'migrations',
			status: 'warn',
			detail: `all ${expected.length} migrations are applied, and ${unknown.length} this version of the portal does not know (${unknown.join(', ')})`,
			fix: 'the database is newer than this portal: deploy the portal version that brought those migrations'
		};
	}
	return {
		area: AREA,
		check: 'migrations',
		status: 'ok',
		detail: `all ${expected.length} migrations are applied, up to ${expected.at(-1)}`
	};
}

/**
 * Each function as each role: the roles that need it can call it, the others are refused.
 * One finding per role.
 */
async function functions(target: SupabaseTarget): Promise<Finding[]> {
	const clients: Record<ApiRole, Supabase | undefined> = {
		anon: target.anon,
		authenticated: target.user,
		service_role: target.service
	};
	const findings: Finding[] = [];
	for (const role of API_ROLES) {
		const client = clients[role];
		const check = `functions as ${role}`;
		if (!client) {
			findings.push({
				area: AREA,
				check,
				status: 'skip',
				detail: 'no staff account given',
				fix: 'set DEPLOY_CHECK_EMAIL and DEPLOY_CHECK_PASSWORD of a staff account to check what signed-in staff can call'
			});
			continue;
		}
		const cannot: string[] = [];
		const mayButShouldNot: string[] = [];
		let needed = 0;
		for (const [name, access] of rpcAccessList()) {
			const error = await probe(client, name, access.probe);
			if (access.roles.includes(role)) {
				needed++;
				const allowed =
					error === null || (access.probeError !== undefined && error.code === access.probeError);
				if (!allowed) cannot.push(`${name} (${describe(error!)})`);
			} else if (!refused(error)) {
				mayButShouldNot.push(name);
			}
		}
		if (cannot.length > 0) {
			findings.push({
				area: AREA,
				check,
				status: 'fail',
				detail: `${cannot.length} of ${needed} functions fail: ${cannot.join('; ')}`,
				fix: `${PUSH_FIX}; the grants are in 20261130090000_explicit_grants.sql`
			});
		} else if (mayButShouldNot.length > 0) {
			findings.push({
				area: AREA,
				check,
				status: 'warn',
				detail: `all ${needed} functions it needs answer, but it may also call ${mayButShouldNot.join(', ')}`,
				fix: `revoke execute on those functions from ${role} (someone granted more than the migrations do)`
			});
		} else {
			findings.push({
				area: AREA,
				check,
				status: 'ok',
				detail: `all ${needed} functions it needs answer; the others refuse it`
			});
		}
	}
	return findings;
}

async function outbox(target: SupabaseTarget): Promise<Finding> {
	const { data, error } = await target.service.rpc('search_outbox_status');
	if (error) {
		return {
			area: AREA,
			check: 'search outbox',
			status: 'fail',
			detail: `cannot read it: ${describe(error)}`,
			fix: PUSH_FIX
		};
	}
	const status = data as {
		pending: number;
		failing: number;
		oldest_pending_at: string | null;
		now: string;
	};
	const waiting = status.oldest_pending_at
		? (Date.parse(status.now) - Date.parse(status.oldest_pending_at)) / 60_000
		: 0;
	if (status.failing > 0 || waiting > 10) {
		return {
			area: AREA,
			check: 'search outbox',
			status: 'warn',
			detail: `${status.pending} changes wait for the search index (the oldest for ${Math.round(waiting)} min), ${status.failing} failing`,
			fix: 'the search worker runs inside the portal: check that the portal runs and its log for "[search]" lines'
		};
	}
	return {
		area: AREA,
		check: 'search outbox',
		status: 'ok',
		detail: `${status.pending} changes waiting, none failing`
	};
}

/** Everything the check asks Supabase, in report order. */
export async function checkSupabase(target: SupabaseTarget): Promise<Finding[]> {
	const reachable = await reachability(target);
	if (reachable.some((finding) => finding.status === 'fail')) return reachable;
	return [
		...reachable,
		await migrations(target),
		...(await functions(target)),
		await outbox(target)
	];
}
