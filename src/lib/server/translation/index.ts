/**
 * Machine translation behind one small interface (`MachineTranslator`), with the provider
 * chosen by configuration:
 *
 *   TRANSLATION_PROVIDER=libretranslate  LIBRETRANSLATE_URL=http://localhost:5000
 *                                        LIBRETRANSLATE_API_KEY=… (if the server wants one)
 *   TRANSLATION_PROVIDER=deepl           DEEPL_API_KEY=…  DEEPL_API_URL=… (optional)
 *   TRANSLATION_TIMEOUT_MS=20000         (optional, both)
 *
 * Without TRANSLATION_PROVIDER (or without its URL or key) there is no machine translation and
 * the editor shows no button.
 *
 *   import { translatorFromEnv } from '$lib/server/translation';
 *   const translator = translatorFromEnv(env);
 *   if (translator?.supports('de', 'ar')) await translator.translate(['Sprachcafé'], 'de', 'ar');
 */
import { deepL } from './deepl';
import { libreTranslate } from './libretranslate';
import { DEFAULT_LIMITS, type MachineTranslator, type TranslatorLimits } from './types';

export { TranslationError, isTranslationError, type TranslationErrorKind } from './errors';
export type { MachineTranslator, TranslatorLimits } from './types';
export { deepL, libreTranslate };

/** The configured translator, or null when none is configured. */
export function translatorFromEnv(
	env: Record<string, string | undefined>
): MachineTranslator | null {
	const timeout = Number(env.TRANSLATION_TIMEOUT_MS);
	const limits: TranslatorLimits = {
		...DEFAULT_LIMITS,
		...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {})
	};
	switch (env.TRANSLATION_PROVIDER?.trim().toLowerCase()) {
		case 'libretranslate':
			if (!env.LIBRETRANSLATE_URL) return null;
			return libreTranslate({
				url: env.LIBRETRANSLATE_URL,
				apiKey: env.LIBRETRANSLATE_API_KEY || undefined,
				limits
			});
		case 'deepl':
			if (!env.DEEPL_API_KEY) return null;
			return deepL({ apiKey: env.DEEPL_API_KEY, url: env.DEEPL_API_URL || undefined, limits });
		default:
			return null;
	}
}
