/**
 * DeepL API (https://developers.deepl.com): `POST <host>/v2/translate` with
 * `Authorization: DeepL-Auth-Key <key>` and JSON `{text: [...], source_lang, target_lang}`; the
 * answer is `{translations: [{text}]}`. Keys of the free plan end in ':fx' and go to
 * api-free.deepl.com, others to api.deepl.com (DEEPL_API_URL overrides). 403 is a refused key,
 * 429 too many requests, 456 the quota used up, 413 a request too large.
 *
 * Persian (FA) is one of DeepL's beta languages: it is sent with `enable_beta_languages`.
 */
import { checkAnswer, checkSize } from './limits';
import { TranslationError } from './errors';
import { postJson } from './http';
import { DEFAULT_LIMITS, type MachineTranslator, type TranslatorLimits } from './types';

/** Source languages by portal locale (Einfache Sprache is German text). */
const SOURCES: Record<string, string> = {
	de: 'DE',
	'de-simple': 'DE',
	en: 'EN',
	ar: 'AR',
	tr: 'TR',
	uk: 'UK',
	ru: 'RU',
	ro: 'RO',
	fa: 'FA'
};
/** Target languages by portal locale; no target writes Einfache Sprache. */
const TARGETS: Record<string, string> = {
	de: 'DE',
	en: 'EN-GB',
	ar: 'AR',
	tr: 'TR',
	uk: 'UK',
	ru: 'RU',
	ro: 'RO',
	fa: 'FA'
};
const BETA = new Set(['FA']);

export const DEEPL_FREE_URL = 'https://api-free.deepl.com';
export const DEEPL_PRO_URL = 'https://api.deepl.com';

export interface DeepLOptions {
	apiKey: string;
	/** The API host; by default the free host for keys ending in ':fx', else the pro host. */
	url?: string;
	limits?: TranslatorLimits;
}

export function deepL(options: DeepLOptions): MachineTranslator {
	const host = options.url ?? (options.apiKey.endsWith(':fx') ? DEEPL_FREE_URL : DEEPL_PRO_URL);
	const endpoint = `${host.replace(/\/+$/, '')}/v2/translate`;
	const limits = options.limits ?? DEFAULT_LIMITS;
	return {
		name: 'DeepL',
		supports: (from, to) => from !== to && from in SOURCES && to in TARGETS,
		async translate(texts, from, to) {
			const source = SOURCES[from];
			const target = TARGETS[to];
			if (!source || !target) {
				throw new TranslationError('unsupported', `DeepL: no ${from} → ${to}`);
			}
			if (texts.length === 0) return [];
			checkSize(texts, limits);
			const answer = await postJson(
				endpoint,
				{
					text: texts,
					source_lang: source,
					target_lang: target,
					...(BETA.has(source) || BETA.has(target) ? { enable_beta_languages: true } : {})
				},
				{
					headers: { authorization: `DeepL-Auth-Key ${options.apiKey}` },
					timeoutMs: limits.timeoutMs,
					statusKinds: { 456: 'quota' }
				}
			);
			const translations = (answer as { translations?: unknown } | null)?.translations;
			return checkAnswer(
				Array.isArray(translations)
					? translations.map((entry) => (entry as { text?: unknown } | null)?.text)
					: translations,
				texts.length,
				'DeepL'
			);
		}
	};
}
