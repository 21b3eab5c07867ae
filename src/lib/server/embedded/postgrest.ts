/**
 * The PostgREST RPC endpoint of the embedded Supabase: `/rest/v1/rpc/<function>`.
 *
 * Follows PostgREST's documented behaviour (docs.postgrest.org, "Functions as RPC" and
 * "Errors"), so that supabase-js cannot tell it from a real project:
 * - named arguments from the JSON body (POST) or the query string (GET/HEAD), typed by the
 *   function's own argument types from pg_proc, overloads chosen by argument names;
 * - one transaction per request: `role` from the verified JWT, `request.jwt.claims`,
 *   `request.method`, `request.path`, `request.headers`, `request.cookies`; read only for
 *   GET/HEAD and for stable or immutable functions; rolled back on any error;
 * - results shaped like PostgREST: scalar → the JSON value, set or table → array,
 *   composite → object, void → 204; `Accept: application/vnd.pgrst.object+json` (`.single()`),
 *   `nulls=stripped`, `Prefer: count=exact`, `limit`/`offset` and `Range`, `Content-Range`;
 * - errors as `{ code, details, hint, message }` with PostgREST's SQLSTATE → HTTP status table.
 *
 * A call costs four statements, as in PostgREST: begin; one `select set_config(…), …` for the
 * search path, role, claims, request GUCs and read-only mode; the call, which also reads the
 * response GUCs; commit. Functions are read from pg_catalog once and kept in a
 * {@link SchemaCache} (one more statement on the first call of a name).
 *
 * Tables and views, filters, `order` and embedding are not served: it refuses them with a clear
 * error. SQL is never assembled from request strings: the function name is looked up in
 * pg_catalog, and only names and types read from the catalog are quoted into the statement;
 * argument values travel as one JSON parameter.
 */
import { JwtError, verifyJwt, type JwtClaims } from './jwt';
import { isSqlError, type SqlDatabase, type SqlError, type SqlTransaction } from './sql';

/** Settings of the REST handler. */
export interface RestOptions {
	/** The project's JWT secret: bearer tokens must be signed with it. */
	jwtSecret: string;
	/** The functions read from pg_catalog so far; without it, every call reads them anew. */
	schemaCache?: SchemaCache;
}

/** The roles a JWT may name, as on Supabase. A token without a role claim acts as anon. */
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);
const ANON_ROLE = 'anon';
/** Supabase's PostgREST: db-schemas = public, db-extra-search-path = public, extensions. */
const SEARCH_PATH = '"public", "extensions"';
const EXPOSED_SCHEMA = 'public';
/** Query parameters PostgREST reserves; all others are arguments (GET) or filters. */
const RESERVED_PARAMS = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict']);
const UNSUPPORTED_HINT =
	'The embedded Supabase (used when SUPABASE_URL is not set) serves supabase.rpc() only: ' +
	'filter, order and shape results inside the SQL function.';

/** A PostgREST error body. */
interface ErrorBody {
	code: string;
	details: string | null;
	hint: string | null;
	message: string;
}

/** An error answered to the client as a PostgREST error body. */
export class RestError extends Error {
	constructor(
		readonly status: number,
		readonly body: ErrorBody,
		readonly headers: Record<string, string> = {}
	) {
		super(body.message);
		this.name = 'RestError';
	}
}

function restError(
	status: number,
	code: string,
	message: string,
	details: string | null = null,
	hint: string | null = null
): RestError {
	return new RestError(status, { code, details, hint, message });
}

function unsupported(message: string, status = 400): RestError {
	return restError(status, 'PGRST100', message, null, UNSUPPORTED_HINT);
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

function errorResponse(error: RestError, method: string): Response {
	if (method === 'HEAD')
		return new Response(null, { status: error.status, headers: error.headers });
	return jsonResponse(error.status, error.body, error.headers);
}

// ---------------------------------------------------------------------------------------------
// Errors from PostgreSQL

/**
 * PostgREST's translation of SQLSTATE to HTTP status ("HTTP Status Codes" in its errors
 * reference). `authenticated` is PostgREST's test: the request's role is not the anon role.
 */
export function statusForSqlState(code: string, authenticated: boolean): number {
	const custom = /^PT(\d{3})$/.exec(code);
	if (custom) return Number(custom[1]);
	switch (code) {
		case '23503': // foreign key violation
		case '23505': // uniqueness violation
			return 409;
		case '25006': // read only sql transaction
			return 405;
		case '53400': // config limit exceeded
			return 500;
		case 'P0001': // default code for "raise"
			return 400;
		case '42883': // undefined function
		case '42P01': // undefined table
			return 404;
		case '42P17': // infinite recursion
			return 500;
		case '42501': // insufficient privileges
			return authenticated ? 403 : 401;
	}
	switch (code.slice(0, 2)) {
		case '08':
			return 503;
		case '09':
			return 500;
		case '0L':
		case '0P':
			return 403;
		case '25':
			return 500;
		case '28':
			return 403;
		case '2D':
		case '38':
		case '39':
		case '3B':
		case '40':
			return 500;
		case '53':
			return 503;
		case '54':
		case '55':
		case '57':
		case '58':
		case 'F0':
		case 'HV':
		case 'P0':
		case 'XX':
			return 500;
	}
	return 400;
}

function fromSqlError(error: SqlError, authenticated: boolean): RestError {
	const status = statusForSqlState(error.code, authenticated);
	const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
	return new RestError(
		status,
		{
			code: error.code,
			details: error.detail || null,
			hint: error.hint || null,
			message: error.message
		},
		headers
	);
}

// ---------------------------------------------------------------------------------------------
// The request: role, preferences, media type, arguments

interface Identity {
	role: string;
	claims: JwtClaims;
}

async function identify(request: Request, jwtSecret: string): Promise<Identity> {
	const authorization = request.headers.get('authorization');
	if (!authorization) return { role: ANON_ROLE, claims: { role: ANON_ROLE } };
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	if (!match) {
		throw restError(401, 'PGRST301', 'Authorization header is not of the form "Bearer <JWT>"');
	}
	let claims: JwtClaims;
	try {
		claims = await verifyJwt(match[1], jwtSecret);
	} catch (error) {
		if (!(error instanceof JwtError)) throw error;
		const code = error.reason === 'expired' || error.reason === 'claims' ? 'PGRST303' : 'PGRST301';
		const message =
			error.reason === 'signature' ? 'No suitable key or wrong key type' : error.message;
		throw new RestError(
			401,
			{ code, details: null, hint: null, message },
			{ 'www-authenticate': `Bearer error="invalid_token", error_description="${message}"` }
		);
	}
	const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : ANON_ROLE;
	if (!API_ROLES.has(role)) {
		// What PostgreSQL answers when PostgREST's authenticator may not switch to the role.
		throw restError(403, '42501', `permission denied to set role "${role}"`);
	}
	return { role, claims };
}

interface Preferences {
	count: boolean;
}

/** `Prefer` as PostgREST reads it for functions; `handling=strict` refuses what it ignores. */
function parsePreferences(request: Request): Preferences {
	const items = (request.headers.get('prefer') ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
	const strict = items.includes('handling=strict');
	const invalid: string[] = [];
	let count = false;
	for (const item of items) {
		if (item === 'params=single-object') {
			throw unsupported('Prefer: params=single-object (deprecated by PostgREST) is not supported');
		}
		if (/^count=(exact|planned|estimated)$/.test(item)) count = true;
		else if (
			!/^(return=(minimal|headers-only|representation)|handling=(strict|lenient))$/.test(item)
		) {
			invalid.push(item);
		}
	}
	if (strict && invalid.length > 0) {
		throw restError(
			400,
			'PGRST122',
			'Invalid preferences given with handling=strict',
			`Invalid preferences: ${invalid.join(', ')}`
		);
	}
	return { count };
}

interface MediaType {
	object: boolean;
	stripNulls: boolean;
}

/** The response media type from `Accept`: JSON array (default) or a single object. */
function negotiate(request: Request): MediaType {
	const accept = request.headers.get('accept');
	if (!accept) return { object: false, stripNulls: false };
	for (const range of accept.split(',')) {
		const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
		const stripNulls = params.includes('nulls=stripped');
		switch (type) {
			case '*/*':
			case 'application/*':
			case 'application/json':
				return { object: false, stripNulls: false };
			case 'application/vnd.pgrst.array':
			case 'application/vnd.pgrst.array+json':
				return { object: false, stripNulls };
			case 'application/vnd.pgrst.object':
			case 'application/vnd.pgrst.object+json':
				return { object: true, stripNulls };
		}
	}
	throw new RestError(406, {
		code: 'PGRST107',
		details: null,
		hint: 'The embedded Supabase answers JSON only (application/json, application/vnd.pgrst.object+json).',
		message: `None of these media types are available: ${accept}`
	});
}

function checkProfile(request: Request, method: string): void {
	const header = method === 'POST' ? 'content-profile' : 'accept-profile';
	const schema = request.headers.get(header);
	if (schema !== null && schema !== EXPOSED_SCHEMA) {
		throw restError(
			406,
			'PGRST106',
			`Invalid schema: ${schema}`,
			null,
			`Only the following schemas are exposed: ${EXPOSED_SCHEMA}`
		);
	}
}

interface Paging {
	offset: number;
	limit: number | null;
}

function nonNegativeInteger(value: string, what: string): number {
	if (!/^\d{1,15}$/.test(value)) {
		throw restError(400, 'PGRST100', `"${value}" is not a valid ${what}`, null, null);
	}
	return Number(value);
}

/** `limit`/`offset` query parameters, or a `Range: from-to` header. */
function parsePaging(request: Request, query: URLSearchParams): Paging {
	let offset = 0;
	let limit: number | null = null;
	const range = request.headers.get('range');
	if (range !== null) {
		const match = /^(?:items=)?\s*(\d{1,15})-(\d{0,15})\s*$/.exec(range);
		if (!match || (match[2] !== '' && Number(match[2]) < Number(match[1]))) {
			throw restError(
				416,
				'PGRST103',
				'Requested range not satisfiable',
				`Invalid Range: ${range}`
			);
		}
		offset = Number(match[1]);
		if (match[2] !== '') limit = Number(match[2]) - offset + 1;
	}
	const limitParam = query.getAll('limit');
	const offsetParam = query.getAll('offset');
	if (limitParam.length > 1 || offsetParam.length > 1) {
		throw restError(400, 'PGRST100', 'limit and offset may be given once each');
	}
	if (limitParam.length === 1) {
		const value = nonNegativeInteger(limitParam[0], 'limit');
		limit = limit === null ? value : Math.min(limit, value);
	}
	if (offsetParam.length === 1) offset += nonNegativeInteger(offsetParam[0], 'offset');
	return { offset, limit };
}

/** Arguments from the body (POST) or the query string (GET/HEAD), and what else was asked. */
interface Call {
	args: Record<string, unknown>;
	/** Query parameters that are not arguments: filters, which are refused. */
	filters: string[];
	/** The whole JSON body, for a function with a single unnamed json/jsonb parameter. */
	rawBody: string | null;
}

function parseCall(request: Request, method: string, query: URLSearchParams, body: string): Call {
	for (const key of query.keys()) {
		if (key === 'select') {
			if (query.getAll('select').some((value) => value.trim() !== '*' && value.trim() !== '')) {
				throw unsupported(`select=${query.get('select')} is not supported on rpc results`);
			}
		} else if (key === 'order') {
			throw unsupported(`order=${query.get('order')} is not supported on rpc results`);
		} else if (key === 'columns' || key === 'on_conflict') {
			throw unsupported(`"${key}" is not supported on rpc calls`);
		}
	}
	const nonReserved = [...new Set(query.keys())].filter((key) => !RESERVED_PARAMS.has(key));
	if (method !== 'POST') {
		const args: Record<string, unknown> = {};
		for (const key of nonReserved) {
			const values = query.getAll(key);
			args[key] = values.length === 1 ? values[0] : values;
		}
		return { args, filters: [], rawBody: null };
	}
	const contentType = (request.headers.get('content-type') ?? 'application/json')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (contentType !== 'application/json') {
		throw restError(
			415,
			'PGRST107',
			`Content-Type not acceptable: ${contentType}`,
			null,
			'The embedded Supabase accepts application/json request bodies only.'
		);
	}
	let parsed: unknown = {};
	if (body.trim() !== '') {
		try {
			parsed = JSON.parse(body);
		} catch {
			throw restError(400, 'PGRST102', 'Empty or invalid json');
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw restError(
			400,
			'PGRST102',
			'The body of an rpc call must be a JSON object of named arguments',
			null,
			'Calling a function once per element of a JSON array is not supported by the embedded Supabase.'
		);
	}
	return {
		args: parsed as Record<string, unknown>,
		filters: nonReserved,
		rawBody: body.trim() === '' ? '{}' : body
	};
}

// ---------------------------------------------------------------------------------------------
// The function, from pg_catalog

interface RoutineArg {
	name: string;
	/** format_type() of the argument: trusted catalog text, safe to put in the statement. */
	type: string;
	variadic: boolean;
	required: boolean;
}

interface Routine {
	name: string;
	/** Input arguments in declaration order. */
	args: RoutineArg[];
	volatile: boolean;
	returnsSet: boolean;
	returnsVoid: boolean;
	/** Rows have columns: a composite type, or OUT/INOUT/TABLE parameters. */
	returnsColumns: boolean;
	/** `returns record` or `setof record` without OUT parameters. */
	returnsUntypedRecord: boolean;
}

interface RoutineRow {
	name: string;
	volatility: string;
	returns_set: boolean;
	returns_void: boolean;
	returns_record: boolean;
	composite: boolean;
	arg_names: string[];
	arg_modes: string[];
	arg_types: string[];
	defaults: number;
}

const ROUTINES_SQL = `
select p.proname as name,
       p.provolatile::text as volatility,
       p.proretset as returns_set,
       p.prorettype = 'pg_catalog.void'::pg_catalog.regtype as returns_void,
       p.prorettype = 'pg_catalog.record'::pg_catalog.regtype as returns_record,
       coalesce(rt.typtype = 'c', false)
         or coalesce(bt.typtype = 'c', false) as composite,
       coalesce(p.proargnames, '{}'::text[]) as arg_names,
       coalesce(p.proargmodes::text[], '{}'::text[]) as arg_modes,
       array(select pg_catalog.format_type(a.oid, null)
               from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(oid, n)
              order by a.n) as arg_types,
       p.pronargdefaults::int as defaults
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  join pg_catalog.pg_type rt on rt.oid = p.prorettype
  left join pg_catalog.pg_type bt on rt.typtype = 'd' and bt.oid = rt.typbasetype
 where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'
 order by p.oid`;

function toRoutine(row: RoutineRow): Routine {
	const modes = row.arg_modes.length > 0 ? row.arg_modes : row.arg_types.map(() => 'i');
	const args: RoutineArg[] = [];
	let hasOutColumns = false;
	modes.forEach((mode, index) => {
		if (mode === 'o' || mode === 't' || mode === 'b') hasOutColumns = true;
		if (mode === 'i' || mode === 'b' || mode === 'v') {
			args.push({
				name: row.arg_names[index] ?? '',
				type: row.arg_types[index],
				variadic: mode === 'v',
				required: true
			});
		}
	});
	// pronargdefaults counts the trailing input arguments that have defaults.
	for (let i = args.length - row.defaults; i < args.length; i++) args[i].required = false;
	return {
		name: row.name,
		args,
		volatile: row.volatility === 'v',
		returnsSet: row.returns_set,
		returnsVoid: row.returns_void,
		returnsColumns: row.composite || hasOutColumns,
		returnsUntypedRecord: row.returns_record && !hasOutColumns
	};
}

/** Reads the functions called `name` in the exposed schema from pg_catalog. */
async function lookUp(tx: SqlTransaction, name: string): Promise<Routine[]> {
	const { rows } = await tx.query<RoutineRow>(ROUTINES_SQL, [EXPOSED_SCHEMA, name]);
	return rows.map(toRoutine);
}

/**
 * The functions of the exposed schema read from pg_catalog so far, by name: PostgREST's schema
 * cache, for functions. The embedded database applies its migrations only at start, so an entry
 * stays right for the life of the process. Where the schema can change under a running handler
 * (a shared PostgreSQL that is migrated), the handler reads a name again when its entry has no
 * overload that fits the call, and drops the entry and retries the request once when a call
 * fails with 42883 (undefined function); `clear()` forgets everything, like PostgREST's
 * `NOTIFY pgrst, 'reload schema'`. Only names that exist are kept, so its size is bounded by
 * the schema.
 */
export class SchemaCache {
	readonly #routines = new Map<string, Routine[]>();

	get(name: string): Routine[] | undefined {
		return this.#routines.get(name);
	}

	set(name: string, routines: Routine[]): void {
		if (routines.length > 0) this.#routines.set(name, routines);
		else this.#routines.delete(name);
	}

	delete(name: string): void {
		this.#routines.delete(name);
	}

	/** Forgets every function: the next call of each reads pg_catalog again. */
	clear(): void {
		this.#routines.clear();
	}
}

function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

function signature(routine: Routine): string {
	const names = routine.args.map((arg) => arg.name).sort();
	return `${EXPOSED_SCHEMA}.${routine.name}(${names.join(', ')})`;
}

interface Resolved {
	routine: Routine;
	/** The arguments passed, by name; null when the whole body goes to an unnamed json parameter. */
	args: RoutineArg[] | null;
	filters: string[];
}

/** Chooses the overload whose argument names fit, as PostgREST does. */
function resolve(name: string, routines: Routine[], call: Call, method: string): Resolved {
	const keys = Object.keys(call.args);
	const candidates: Resolved[] = [];
	for (const routine of routines) {
		const byName = new Map(routine.args.map((arg) => [arg.name, arg]));
		if (
			routine.args.some(
				(arg) => arg.required && (arg.name === '' || !Object.hasOwn(call.args, arg.name))
			)
		) {
			continue;
		}
		const passed = keys.filter((key) => byName.has(key));
		const rest = keys.filter((key) => !byName.has(key));
		// In a POST every key is an argument; in a GET the others are filters on the result.
		if (method === 'POST' && rest.length > 0) continue;
		candidates.push({
			routine,
			args: passed.map((key) => byName.get(key)!),
			filters: method === 'POST' ? call.filters : rest
		});
	}
	if (candidates.length === 0 && method === 'POST' && call.rawBody !== null) {
		// Fallback: a single unnamed json or jsonb parameter receives the whole body.
		for (const routine of routines) {
			const [only] = routine.args;
			if (routine.args.length === 1 && only.name === '' && /^jsonb?$/.test(only.type)) {
				candidates.push({ routine, args: null, filters: call.filters });
			}
		}
	}
	if (candidates.length === 1) return candidates[0];
	if (candidates.length > 1) {
		const list = candidates
			.map(
				({ routine }) =>
					`${EXPOSED_SCHEMA}.${routine.name}(${routine.args
						.map((arg) => `${arg.name} => ${arg.type}`)
						.join(', ')})`
			)
			.join(', ');
		throw restError(
			300,
			'PGRST203',
			`Could not choose the best candidate function between: ${list}`,
			null,
			'Try renaming the parameters or the function itself in the database so function overloading can be resolved'
		);
	}
	const qualified = `${EXPOSED_SCHEMA}.${name}`;
	const sorted = [...keys].sort();
	const wanted = sorted.length > 0 ? `(${sorted.join(', ')})` : ' without parameters';
	const searched =
		sorted.length > 0 ? `with parameters ${sorted.join(', ')}` : 'without parameters';
	throw restError(
		404,
		'PGRST202',
		`Could not find the function ${qualified}${wanted} in the schema cache`,
		`Searched for the function ${qualified} ${searched} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
		routines.length > 0 ? `Perhaps you meant to call the function ${signature(routines[0])}` : null
	);
}

// ---------------------------------------------------------------------------------------------
// The call

/** What the call statement answers: the result and the response GUCs the function set. */
interface CallRow {
	/** Rows of the whole result. */
	total: number;
	/** Rows of the requested page. */
	rows: number;
	/** The page as JSON text. */
	body: string | null;
	response_status: string | null;
	response_headers: string | null;
}

/**
 * Builds the call statement of a resolved call. Only catalog names and types are quoted into it.
 * Like PostgREST's, it reads `response.status` and `response.headers` in the same statement, after
 * the function ran: both scalar subqueries in its FROM consume the whole result first.
 */
function buildStatement(
	resolved: Resolved,
	media: MediaType,
	paging: Paging,
	call: Call
): { sql: string; params: unknown[] } {
	const { routine } = resolved;
	const params: unknown[] = [];
	let from: string;
	const callee = `${quoteIdent(EXPOSED_SCHEMA)}.${quoteIdent(routine.name)}`;
	if (resolved.args === null) {
		params.push(call.rawBody);
		from = `${callee}($1::${routine.args[0].type})`;
	} else if (resolved.args.length === 0) {
		from = `${callee}()`;
	} else {
		params.push(
			JSON.stringify(
				Object.fromEntries(resolved.args.map((arg) => [arg.name, call.args[arg.name]]))
			)
		);
		const columns = resolved.args.map((arg) => `${quoteIdent(arg.name)} ${arg.type}`).join(', ');
		const named = resolved.args
			.map(
				(arg) =>
					`${arg.variadic ? 'variadic ' : ''}${quoteIdent(arg.name)} => pgrst_args.${quoteIdent(arg.name)}`
			)
			.join(', ');
		// The body's values are read with the argument types, like PostgREST's json_to_record.
		from = `json_to_record($1::json) as pgrst_args(${columns}), lateral ${callee}(${named})`;
	}
	const source = routine.returnsColumns
		? `select pgrst_call.* from ${from} as pgrst_call`
		: `select pgrst_call.pgrst_scalar from ${from} as pgrst_call(pgrst_scalar)`;
	const value = routine.returnsColumns ? 'pgrst_page' : 'pgrst_page.pgrst_scalar';
	let aggregate: string;
	if (routine.returnsSet && !media.object) aggregate = `coalesce(json_agg(${value}), '[]')`;
	else aggregate = `coalesce(json_agg(${value}) -> 0, 'null')`;
	if (media.stripNulls) aggregate = `json_strip_nulls(${aggregate})`;
	const paged = routine.returnsSet;
	params.push(paged ? paging.limit : null, paged ? paging.offset : 0);
	const limit = `$${params.length - 1}::bigint`;
	const offset = `$${params.length}::bigint`;
	const sql =
		`with pgrst_source as materialized (${source}) ` +
		`select pgrst_total.total, pgrst_paged.rows, pgrst_paged.body, ` +
		`nullif(current_setting('response.status', true), '') as response_status, ` +
		`nullif(current_setting('response.headers', true), '') as response_headers ` +
		`from (select count(*)::int as total from pgrst_source) pgrst_total, ` +
		`(select count(*)::int as rows, (${aggregate})::text as body ` +
		`from (select * from pgrst_source limit ${limit} offset ${offset}) pgrst_page) pgrst_paged`;
	return { sql, params };
}

interface Outcome {
	routine: Routine;
	total: number;
	rows: number;
	body: string | null;
	status: number | null;
	headers: Record<string, string>;
}

const INVALID_HEADERS =
	'response.headers guc must be a JSON array composed of objects with a single key and a string value';

/** Checks `response.status` and `response.headers`, which a function may set (PostgREST GUCs). */
function responseSettings(
	statusText: string | null,
	headersText: string | null
): { status: number | null; headers: Record<string, string> } {
	let status: number | null = null;
	if (statusText !== null) {
		status = Number(statusText);
		if (!Number.isInteger(status) || status < 100 || status > 599) {
			throw restError(
				500,
				'PGRST112',
				'Invalid response.status',
				`"${statusText}" is not a status code`
			);
		}
	}
	const headers: Record<string, string> = {};
	if (headersText !== null) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(headersText);
		} catch {
			parsed = null;
		}
		if (!Array.isArray(parsed)) throw restError(500, 'PGRST111', INVALID_HEADERS);
		for (const item of parsed) {
			const entries = item && typeof item === 'object' ? Object.entries(item) : [];
			if (entries.length !== 1 || typeof entries[0][1] !== 'string') {
				throw restError(500, 'PGRST111', INVALID_HEADERS);
			}
			headers[entries[0][0].toLowerCase()] = entries[0][1];
		}
	}
	return { status, headers };
}

function requestHeadersJson(request: Request): string {
	const headers: Record<string, string> = {};
	request.headers.forEach((value, key) => {
		headers[key.toLowerCase()] = value;
	});
	return JSON.stringify(headers);
}

function requestCookiesJson(request: Request): string {
	const cookies: Record<string, string> = {};
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const index = part.indexOf('=');
		if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
	}
	return JSON.stringify(cookies);
}

/** The transaction settings of a request, all set by one statement. */
const SETTINGS_SQL = `select set_config('search_path', $1, true), set_config('role', $2, true),
	set_config('request.jwt.claims', $3, true), set_config('request.method', $4, true),
	set_config('request.path', $5, true), set_config('request.headers', $6, true),
	set_config('request.cookies', $7, true)`;
/**
 * The same, read only: like `set transaction read only`, allowed at any point of a
 * transaction (only the way back to read-write must come before its first query).
 */
const READ_ONLY_SETTINGS_SQL = `${SETTINGS_SQL}, set_config('transaction_read_only', 'on', true)`;

/** The request after parsing: what {@link execute} runs. */
interface Invocation {
	request: Request;
	method: string;
	name: string;
	identity: Identity;
	call: Call;
	media: MediaType;
	paging: Paging;
}

/**
 * Runs one call in its transaction: two statements when the function is in the schema cache
 * (the settings, the call), three when it is read from pg_catalog first. `usedCache` is set
 * when the call relied on a cached entry.
 */
async function execute(
	tx: SqlTransaction,
	invocation: Invocation,
	cache: SchemaCache | undefined,
	used: { cache: boolean }
): Promise<Outcome> {
	const { request, method, name, identity, call, media, paging } = invocation;
	let resolved: Resolved | undefined;
	const cached = cache?.get(name);
	if (cached) {
		try {
			resolved = resolve(name, cached, call, method);
			used.cache = true;
		} catch (error) {
			// No overload of the cached entry fits: read the catalog, it may have changed.
			if (!(error instanceof RestError)) throw error;
		}
	}
	if (!resolved) {
		const routines = await lookUp(tx, name);
		cache?.set(name, routines);
		resolved = resolve(name, routines, call, method);
	}
	if (resolved.filters.length > 0) {
		throw unsupported(
			`Filters on rpc results are not supported: ${resolved.filters.join(', ')}`,
			400
		);
	}
	const { routine } = resolved;
	if (routine.returnsUntypedRecord) {
		throw unsupported(
			`${EXPOSED_SCHEMA}.${routine.name} returns an untyped record, which the embedded Supabase cannot shape: declare "returns table (...)" or a composite type`
		);
	}
	const readOnly = method !== 'POST' || !routine.volatile;
	await tx.query(readOnly ? READ_ONLY_SETTINGS_SQL : SETTINGS_SQL, [
		SEARCH_PATH,
		identity.role,
		JSON.stringify(identity.claims),
		method,
		`/rpc/${name}`,
		requestHeadersJson(request),
		requestCookiesJson(request)
	]);
	const { sql, params } = buildStatement(resolved, media, paging, call);
	const { rows } = await tx.query<CallRow>(sql, params);
	const result = rows[0];
	// Both thrown inside the transaction: PostgREST rolls back what the call did.
	if (media.object && routine.returnsSet && result.rows !== 1) {
		throw restError(
			406,
			'PGRST116',
			'Cannot coerce the result to a single JSON object',
			`The result contains ${result.rows} rows`
		);
	}
	const settings = responseSettings(result.response_status, result.response_headers);
	return { routine, total: result.total, rows: result.rows, body: result.body, ...settings };
}

/**
 * Runs the call; when it fails with 42883 (undefined function) after relying on the schema
 * cache, the function changed since it was read: drop its entry and run the request once more.
 * Nothing of the failed attempt remains, its transaction was rolled back.
 */
async function run(
	db: SqlDatabase,
	invocation: Invocation,
	cache: SchemaCache | undefined
): Promise<Outcome> {
	const used = { cache: false };
	try {
		return await db.transaction((tx) => execute(tx, invocation, cache, used));
	} catch (error) {
		if (!cache || !used.cache || !isSqlError(error) || error.code !== '42883') throw error;
		cache.delete(invocation.name);
		return await db.transaction((tx) => execute(tx, invocation, cache, { cache: false }));
	}
}

function contentRange(outcome: Outcome, paging: Paging, count: boolean): string {
	const total = count ? String(outcome.routine.returnsSet ? outcome.total : 1) : '*';
	if (!outcome.routine.returnsSet) return `0-0/${total}`;
	if (outcome.rows === 0) return `*/${total}`;
	return `${paging.offset}-${paging.offset + outcome.rows - 1}/${total}`;
}

/**
 * Answers a request under /rest/v1. `path` is the part after /rest/v1 (e.g. `/rpc/search`);
 * `body` is the request body read as text.
 */
export async function handleRest(
	db: SqlDatabase,
	request: Request,
	path: string,
	body: string,
	options: RestOptions
): Promise<Response> {
	const method = request.method.toUpperCase();
	try {
		const match = /^\/rpc\/([^/]+)\/?$/.exec(path);
		if (!match) {
			throw restError(
				404,
				'PGRST205',
				`The embedded Supabase does not serve ${path === '/' || path === '' ? 'the OpenAPI root' : `tables or views (${path})`}: call SQL functions with supabase.rpc()`,
				null,
				UNSUPPORTED_HINT
			);
		}
		if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
			throw restError(405, 'PGRST101', 'Only GET or POST is allowed');
		}
		let name: string;
		try {
			name = decodeURIComponent(match[1]);
		} catch {
			throw restError(404, 'PGRST202', `Could not find the function ${EXPOSED_SCHEMA}.${match[1]}`);
		}
		const identity = await identify(request, options.jwtSecret);
		checkProfile(request, method);
		const preferences = parsePreferences(request);
		const media = negotiate(request);
		const query = new URL(request.url).searchParams;
		const paging = parsePaging(request, query);
		const call = parseCall(request, method, query, body);

		let outcome: Outcome;
		try {
			outcome = await run(
				db,
				{ request, method, name, identity, call, media, paging },
				options.schemaCache
			);
		} catch (error) {
			if (isSqlError(error)) throw fromSqlError(error, identity.role !== ANON_ROLE);
			throw error;
		}

		const headers: Record<string, string> = { ...outcome.headers };
		if (outcome.routine.returnsVoid) {
			return new Response(null, { status: outcome.status ?? 204, headers });
		}
		headers['content-type'] = media.object
			? 'application/vnd.pgrst.object+json; charset=utf-8'
			: 'application/json; charset=utf-8';
		headers['content-range'] = contentRange(outcome, paging, preferences.count);
		if (preferences.count) headers['preference-applied'] = 'count=exact';
		const partial =
			preferences.count &&
			outcome.routine.returnsSet &&
			outcome.rows > 0 &&
			outcome.rows < outcome.total;
		const status = outcome.status ?? (partial ? 206 : 200);
		return new Response(method === 'HEAD' ? null : outcome.body, { status, headers });
	} catch (error) {
		if (error instanceof RestError) return errorResponse(error, method);
		console.error('[embedded supabase] rest: unexpected error', error);
		return errorResponse(
			restError(500, 'PGRSTX00', error instanceof Error ? error.message : String(error)),
			method
		);
	}
}
