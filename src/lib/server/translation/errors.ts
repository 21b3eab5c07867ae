/**
 * What can go wrong when a machine translates, as one typed error: the editor names the kind in
 * the staff language (`staff.translation.error.<kind>`), the log gets the provider's answer.
 */

/** Why a machine translation failed. */
export type TranslationErrorKind =
	/** The key was refused (403, 401). */
	| 'auth'
	/** The account's quota is used up (DeepL 456, LibreTranslate 403 "limit"). */
	| 'quota'
	/** Too many requests for now (429). */
	| 'rate_limit'
	/** The request is larger than the provider or this module accepts (413, size limit). */
	| 'too_large'
	/** The provider does not translate into or from this locale. */
	| 'unsupported'
	/** No answer in time. */
	| 'timeout'
	/** The provider could not be reached or failed (5xx, network). */
	| 'unavailable'
	/** The provider answered something else than translations (bad JSON, wrong count, 4xx). */
	| 'bad_response';

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
