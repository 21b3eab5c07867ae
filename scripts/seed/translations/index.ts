// Translations of the offer templates, one module per locale, keyed by template key.
// Written per template so every offer of a kind reads the same; the generator appends the
// district to the title exactly as in German.

import type { Texts } from '../offers';
import { ar } from './ar';
import { deSimple } from './de-simple';
import { en } from './en';
import { fa } from './fa';
import { ro } from './ro';
import { ru } from './ru';
import { tr } from './tr';
import { uk } from './uk';

export type TranslationLocale = 'de-simple' | 'en' | 'ar' | 'fa' | 'tr' | 'uk' | 'ru' | 'ro';

export const TRANSLATION_LOCALES: TranslationLocale[] = [
	'de-simple',
	'en',
	'ar',
	'fa',
	'tr',
	'uk',
	'ru',
	'ro'
];

/**
 * Which offers of a translated template get the translation (share), and how many of those
 * a person wrote and reviewed (human) rather than a machine (unreviewed). An offer held in a
 * language always has the translation into it when the template has one.
 */
export const TRANSLATION_POLICY: Record<TranslationLocale, { share: number; human: number }> = {
	'de-simple': { share: 0.7, human: 1 },
	en: { share: 0.75, human: 0.6 },
	ar: { share: 0.66, human: 0.5 },
	tr: { share: 0.66, human: 0.5 },
	uk: { share: 0.66, human: 0.5 },
	ru: { share: 0.5, human: 0.4 },
	fa: { share: 0.55, human: 0.4 },
	ro: { share: 0.55, human: 0.4 }
};

export const TRANSLATIONS: Record<TranslationLocale, Record<string, Texts>> = {
	'de-simple': deSimple,
	en,
	ar,
	fa,
	tr,
	uk,
	ru,
	ro
};
