/**
 * LibreTranslate (https://libretranslate.com, self-hostable): `POST <url>/translate` with JSON
 * `{q: [...], source, target, format: 'text', api_key?}`; the answer is
 * `{translatedText: [...]}` for a list. 403 is a refused key, 429 too many requests.
 */
import { checkAnswer, checkSize } from './limits';
import { TranslationError } from './errors';
import { postJson } from './http';
import { DEFAULT_LIMITS, type MachineTranslator, type TranslatorLimits } from './types';

/** Portal locales LibreTranslate's models translate (Einfache Sprache is no target). */
const LOCALES: Record<string, string> = {
	de: 'de',
	en: 'en',
	ar: 'ar',
	fa: 'fa',
	tr: 'tr',
	uk: 'uk',
	ru: 'ru',
	ro: 'ro'
};

export interface LibreTranslateOptions {
	/** The server, e.g. http://localhost:5000 (no trailing /translate). */
	url: string;
	/** The API key, for servers that require one. */
	apiKey?: string;
	limits?: TranslatorLimits;
}

export function libreTranslate(options: LibreTranslateOptions): MachineTranslator {
	const endpoint = `${options.url.replace(/\/+$/, '')}/translate`;
	const limits = options.limits ?? DEFAULT_LIMITS;
	return {
		name: 'LibreTranslate',
		supports: (from, to) => from !== to && from in LOCALES && to in LOCALES,
		async translate(texts, from, to) {
			if (!(from in LOCALES) || !(to in LOCALES)) {
				throw new TranslationError('unsupported', `LibreTranslate: no ${from} → ${to}`);
			}
			if (texts.length === 0) return [];
			checkSize(texts, limits);
			const answer = await postJson(
				endpoint,
				{
					q: texts,
					source: LOCALES[from],
					target: LOCALES[to],
					format: 'text',
					...(options.apiKey ? { api_key: options.apiKey } : {})
				},
				{ timeoutMs: limits.timeoutMs }
			);
			return checkAnswer(
				(answer as { translatedText?: unknown } | null)?.translatedText,
				texts.length,
				'LibreTranslate'
			);
		}
	};
}
