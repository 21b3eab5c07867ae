import { TranslationError } from './errors';
import type { TranslatorLimits } from './types';

/** Refuses a call before any request when it is larger than the limits allow. */
export function checkSize(texts: readonly string[], limits: TranslatorLimits): void {
	const chars = texts.reduce((sum, text) => sum + text.length, 0);
	if (chars > limits.maxChars) {
		throw new TranslationError(
			'too_large',
			`${chars} characters to translate, at most ${limits.maxChars} in one call`
		);
	}
}

/** Checks the provider answered one string per text. */
export function checkAnswer(answer: unknown, count: number, provider: string): string[] {
	if (!Array.isArray(answer) || answer.length !== count) {
		throw new TranslationError(
			'bad_response',
			`${provider} answered ${Array.isArray(answer) ? answer.length : 'no list of'} texts for ${count}`
		);
	}
	if (!answer.every((text) => typeof text === 'string')) {
		throw new TranslationError('bad_response', `${provider} answered something else than texts`);
	}
	return answer as string[];
}
