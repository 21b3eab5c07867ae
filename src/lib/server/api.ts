/**
 * Responses of the public read API (`/api/…`): open data, so any origin may read it (CORS `*`),
 * cached for a minute, and errors as `{ "error": { "parameter"?, "message" } }` with an English
 * message for developers. A database failure is logged by the data layer and answered 503.
 *
 *   return apiJson({ offers, total });
 *   return apiError(400, { parameter: 'category', message: "category: 'x' is not one of …" });
 */
import { isDataError } from './data/errors';

/** Headers every API answer carries. */
export const API_HEADERS: Readonly<Record<string, string>> = {
	'access-control-allow-origin': '*',
	// offers are edited during the day; a minute old is fine for a list
	'cache-control': 'public, max-age=60'
};

/** A JSON answer with the API's headers. */
export function apiJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
	const headers = new Headers(API_HEADERS);
	headers.set('content-type', 'application/json; charset=utf-8');
	for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
	return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** What went wrong, for the caller. */
export interface ApiErrorBody {
	/** The query or path parameter at fault, when one is. */
	parameter?: string;
	message: string;
}

/** An error answer; not cached (but readable from any origin). */
export function apiError(status: number, error: ApiErrorBody): Response {
	return apiJson({ error }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Awaits `work`; a database failure becomes a 503 (or the status that fits) with a message that
 * names no database detail. Other errors pass on.
 */
export async function orApiError<T>(work: Promise<T>): Promise<T | Response> {
	try {
		return await work;
	} catch (caught) {
		if (!isDataError(caught)) throw caught;
		const message =
			caught.status === 503
				? 'the offers cannot be read right now; please try again in a few minutes'
				: `the request could not be answered (${caught.key})`;
		return apiError(caught.status, { message });
	}
}

/** The open read APIs' paths: `/api/…` and the HSDS API `/hsds/…` (CORS, JSON errors). */
export const isApiPath = (pathname: string) => /^\/(?:api|hsds)(?:\/|$)/.test(pathname);

/** A UUID as the database writes them (any case). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
