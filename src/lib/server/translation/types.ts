/**
 * The one interface the portal translates through. An adapter per provider (LibreTranslate,
 * DeepL) implements it; `translatorFromEnv` picks one by configuration.
 */

/** A machine translation provider. */
export interface MachineTranslator {
	/** The provider's name for people ("DeepL", "LibreTranslate"). */
	readonly name: string;
	/** Whether it translates from `from` into `to` (portal locale codes such as 'de', 'ar'). */
	supports(from: string, to: string): boolean;
	/**
	 * Translates each text from `from` into `to`; the answer has one text per input, in order.
	 * Plain text, no markup. Throws TranslationError.
	 */
	translate(texts: readonly string[], from: string, to: string): Promise<string[]>;
}

/** Limits every adapter keeps to. */
export interface TranslatorLimits {
	/** Abort a request after this many milliseconds. */
	timeoutMs: number;
	/** Refuse more characters than this in one call (sum of all texts). */
	maxChars: number;
}

export const DEFAULT_LIMITS: TranslatorLimits = { timeoutMs: 20_000, maxChars: 30_000 };
