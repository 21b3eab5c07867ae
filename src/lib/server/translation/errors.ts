/**
 * What can go wrong when a machine translates, as one typed error: the editor names the kind in
 * the staff language (`staff.translation.error.<kind>`), the log gets the provider's answer.
 */

import type { TranslationErrorKind } from '$lib/staff/translations';

export type { TranslationErrorKind };

export class TranslationError extends Error {
	readonly kind: TranslationErrorKind;
	/** The provider's HTTP status, when it answered. */
	readonly status?: number;

	constructor(kind: TranslationErrorKind, message: string, status?: number) {
		super(message);
		this.name = 'TranslationError';
		this.kind = kind;
		this.status = status;
	}
}

export function isTranslationError(error: unknown): error is TranslationError {
	return error instanceof TranslationError;
}
