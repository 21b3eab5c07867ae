/**
 * One POST with a JSON or form body, a timeout and the provider's status mapped to a
 * TranslationError; shared by the adapters.
 */
import { TranslationError, type TranslationErrorKind } from './errors';

export interface PostOptions {
	/** Request headers (content type is set from the body). */
	headers?: Record<string, string>;
	/** Abort after this many milliseconds. */
	timeoutMs: number;
	/** Status codes with a provider-specific meaning, checked before the common ones. */
	statusKinds?: Record<number, TranslationErrorKind>;
}

const COMMON: Record<number, TranslationErrorKind> = {
	401: 'auth',
	403: 'auth',
	413: 'too_large',
	414: 'too_large',
	429: 'rate_limit'
};

/** Posts `body` as JSON to `url` and returns the parsed JSON answer of a 2xx response. */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<unknown> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...options.headers },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(options.timeoutMs)
		});
	} catch (error) {
		const name = (error as { name?: string }).name;
		if (name === 'TimeoutError' || name === 'AbortError') {
			throw new TranslationError('timeout', `no answer from ${url} in ${options.timeoutMs} ms`);
		}
		throw new TranslationError('unavailable', `${url} could not be reached: ${String(error)}`);
	}
	let text: string;
	try {
		text = await response.text();
	} catch {
		throw new TranslationError('timeout', `the answer of ${url} did not arrive in time`);
	}
	if (!response.ok) {
		const kind =
			options.statusKinds?.[response.status] ??
			COMMON[response.status] ??
			(response.status >= 500 ? 'unavailable' : 'bad_response');
		throw new TranslationError(
			kind,
			`${url} answered ${response.status}: ${text.slice(0, 300)}`,
			response.status
		);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new TranslationError('bad_response', `${url} answered no JSON: ${text.slice(0, 300)}`);
	}
}
