/**
 * An offer's texts for the translation pages, as `offer_translation_status(p_offer_id)` answers
 * (supabase/migrations/20261203100000_offer_translation_editor.sql): the original and, for every
 * other portal locale, its translation with a status and the fields a machine would translate.
 */
import type { TranslationStatus } from './dashboard';

/** The text fields of an offer, in the order the editor shows them. */
export const TEXT_FIELDS = [
	'title',
	'summary',
	'description',
	'cost_note',
	'registration_note'
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

export type Texts = Record<TextField, string | null>;

/** A locale's status on the translation pages (never 'original': that locale is not listed). */
export type LocaleStatus = Exclude<TranslationStatus, 'original'>;

export interface LocaleTranslation {
	locale: string;
	native_name: string;
	direction: 'ltr' | 'rtl';
	status: LocaleStatus;
	provenance: 'human' | 'machine' | null;
	reviewed: boolean | null;
	updated_at: string | null;
	/** The translation's texts; null while it is missing. */
	texts: Texts | null;
	/** Fields the original has and the translation lacks. */
	missing_fields: TextField[];
	/** Fields the original changed since the translation was made. */
	outdated_fields: TextField[];
}

export interface OfferTranslations {
	offer_id: string;
	version: number;
	state: string;
	original_locale: string;
	original: Texts & { updated_at: string };
	/** Every portal locale but the original's, in the portal's order. */
	locales: LocaleTranslation[];
}

/** The fields a machine fills for a locale: the missing and the outdated ones, in order. */
export function fieldsToTranslate(locale: LocaleTranslation): TextField[] {
	const wanted = new Set([...locale.missing_fields, ...locale.outdated_fields]);
	return TEXT_FIELDS.filter((field) => wanted.has(field));
}

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

/** What machine translation did for one locale. */
export interface MachineResult {
	locale: string;
	/** The fields translated and saved; empty when there was nothing to do or it failed. */
	fields: TextField[];
	/**
	 * Why it failed: a provider's error kind, 'changed' when the original changed meanwhile, or
	 * 'save' when the database refused the text (e.g. too long).
	 */
	error?: TranslationErrorKind | 'changed' | 'save';
}
