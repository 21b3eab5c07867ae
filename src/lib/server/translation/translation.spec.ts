/**
 * The machine translation adapters at the HTTP boundary: against a local fake provider, the
 * requests they send (path, headers, body) and how they read answers and errors (a refused key,
 * too many requests, quota, server errors, no answer in time, a wrong answer).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	startFakeTranslationServer,
	type FakeTranslationServer
} from '$test/fake-translation-server';
import { deepL, libreTranslate, translatorFromEnv, type TranslationErrorKind } from './index';

let fake: FakeTranslationServer;
beforeAll(async () => {
	fake = await startFakeTranslationServer();
});
afterAll(() => fake.close());
beforeEach(() => {
	fake.requests.length = 0;
});

const kindOf = (promise: Promise<unknown>): Promise<TranslationErrorKind | 'none' | string> =>
	promise.then(
		() => 'none',
		(error: { kind?: TranslationErrorKind; message: string }) => error.kind ?? error.message
	);

describe('LibreTranslate', () => {
	const translator = () => libreTranslate({ url: `${fake.url}/`, apiKey: 'secret' });

	it('posts the texts as q with source, target, format text and api_key', async () => {
		fake.respond(({ body }) => ({
			status: 200,
			body: { translatedText: (body as { q: string[] }).q.map((text) => `ar:${text}`) }
		}));
		const texts = await translator().translate(['Sprachcafé', 'Jeden Dienstag'], 'de', 'ar');
		expect(texts).toEqual(['ar:Sprachcafé', 'ar:Jeden Dienstag']);
		const [request] = fake.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/translate');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.body).toEqual({
			q: ['Sprachcafé', 'Jeden Dienstag'],
			source: 'de',
			target: 'ar',
			format: 'text',
			api_key: 'secret'
		});
	});

	it('sends no api_key without one and nothing for no texts', async () => {
		fake.respond(() => ({ status: 200, body: { translatedText: ['x'] } }));
		await libreTranslate({ url: fake.url }).translate(['a'], 'de', 'en');
		expect(fake.requests[0].body).not.toHaveProperty('api_key');
		expect(await translator().translate([], 'de', 'en')).toEqual([]);
		expect(fake.requests).toHaveLength(1);
	});

	it('supports the portal locales but Einfache Sprache', () => {
		expect(translator().supports('de', 'fa')).toBe(true);
		expect(translator().supports('de', 'de-simple')).toBe(false);
		expect(translator().supports('de', 'de')).toBe(false);
	});

	it('names refused keys, rate limits, server errors and wrong answers', async () => {
		const cases: [number, unknown, TranslationErrorKind][] = [
			[403, { error: 'Invalid API key' }, 'auth'],
			[429, { error: 'Too many request limits violations' }, 'rate_limit'],
			[500, { error: 'boom' }, 'unavailable'],
			[503, 'unavailable', 'unavailable'],
			[400, { error: 'ar is not supported' }, 'bad_response'],
			[200, { translatedText: 'one string' }, 'bad_response'],
			[200, 'not json', 'bad_response']
		];
		for (const [status, body, kind] of cases) {
			fake.respond(() => ({ status, body }));
			expect(await kindOf(translator().translate(['a', 'b'], 'de', 'en'))).toBe(kind);
		}
	});
});

describe('DeepL', () => {
	const translator = (apiKey = 'key-123') => deepL({ apiKey, url: fake.url });

	it('posts text, source_lang and target_lang with the DeepL-Auth-Key header', async () => {
		fake.respond(({ body }) => ({
			status: 200,
			body: {
				translations: (body as { text: string[] }).text.map((text) => ({
					detected_source_language: 'DE',
					text: `en:${text}`
				}))
			}
		}));
		expect(await translator().translate(['Sprachcafé', 'Kostenlos'], 'de', 'en')).toEqual([
			'en:Sprachcafé',
			'en:Kostenlos'
		]);
		const [request] = fake.requests;
		expect(request.path).toBe('/v2/translate');
		expect(request.headers.authorization).toBe('DeepL-Auth-Key key-123');
		expect(request.body).toEqual({
			text: ['Sprachcafé', 'Kostenlos'],
			source_lang: 'DE',
			target_lang: 'EN-GB'
		});
	});

	it('asks for Persian as a beta language, and has no Einfache Sprache', async () => {
		fake.respond(() => ({ status: 200, body: { translations: [{ text: 'fa' }] } }));
		await translator().translate(['a'], 'de', 'fa');
		expect(fake.requests[0].body).toMatchObject({ target_lang: 'FA', enable_beta_languages: true });
		expect(translator().supports('de', 'de-simple')).toBe(false);
		expect(await kindOf(translator().translate(['a'], 'de', 'de-simple'))).toBe('unsupported');
		expect(fake.requests).toHaveLength(1);
	});

	it('names a refused key, too many requests, used-up quota, too large and server errors', async () => {
		const cases: [number, TranslationErrorKind][] = [
			[403, 'auth'],
			[429, 'rate_limit'],
			[456, 'quota'],
			[413, 'too_large'],
			[500, 'unavailable'],
			[503, 'unavailable']
		];
		for (const [status, kind] of cases) {
			fake.respond(() => ({ status, body: { message: `status ${status}` } }));
			expect(await kindOf(translator().translate(['a'], 'de', 'ar'))).toBe(kind);
		}
		fake.respond(() => ({ status: 200, body: { translations: [] } }));
		expect(await kindOf(translator().translate(['a'], 'de', 'ar'))).toBe('bad_response');
	});

	it('gives up after the timeout', async () => {
		fake.respond(() => ({
			status: 200,
			body: { translations: [{ text: 'late' }] },
			delayMs: 2_000
		}));
		const slow = deepL({ apiKey: 'k', url: fake.url, limits: { timeoutMs: 200, maxChars: 100 } });
		const started = performance.now();
		expect(await kindOf(slow.translate(['a'], 'de', 'ar'))).toBe('timeout');
		expect(performance.now() - started).toBeLessThan(1_500);
	});

	it('refuses more characters than its limit before any request', async () => {
		const small = deepL({ apiKey: 'k', url: fake.url, limits: { timeoutMs: 1_000, maxChars: 10 } });
		expect(await kindOf(small.translate(['12345', '678901'], 'de', 'ar'))).toBe('too_large');
		expect(fake.requests).toHaveLength(0);
	});

	it('says when the provider cannot be reached', async () => {
		const gone = deepL({ apiKey: 'k', url: 'http://127.0.0.1:1' });
		expect(await kindOf(gone.translate(['a'], 'de', 'ar'))).toBe('unavailable');
	});
});

describe('translatorFromEnv', () => {
	it('is null without a provider, URL or key', () => {
		expect(translatorFromEnv({})).toBeNull();
		expect(translatorFromEnv({ TRANSLATION_PROVIDER: 'libretranslate' })).toBeNull();
		expect(translatorFromEnv({ TRANSLATION_PROVIDER: 'deepl' })).toBeNull();
		expect(translatorFromEnv({ TRANSLATION_PROVIDER: 'google', DEEPL_API_KEY: 'k' })).toBeNull();
	});

	it('picks the configured adapter', async () => {
		expect(
			translatorFromEnv({ TRANSLATION_PROVIDER: 'LibreTranslate', LIBRETRANSLATE_URL: fake.url })
				?.name
		).toBe('LibreTranslate');
		const deepl = translatorFromEnv({
			TRANSLATION_PROVIDER: 'deepl',
			DEEPL_API_KEY: 'k:fx',
			DEEPL_API_URL: fake.url
		});
		expect(deepl?.name).toBe('DeepL');
		fake.respond(() => ({ status: 200, body: { translations: [{ text: 'x' }] } }));
		await deepl?.translate(['a'], 'de', 'tr');
		expect(fake.requests[0].headers.authorization).toBe('DeepL-Auth-Key k:fx');
	});
});
