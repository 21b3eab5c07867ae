/**
 * The server's translator: one i18next instance per locale, made on first use and shared by
 * the requests in that locale (it never changes language), holding the UI messages from
 * `messages/<locale>.json` (flat keys, JSON v4 plural suffixes). Missing keys fall back to
 * English, then German; messages.spec.ts makes sure none are missing.
 *
 * The page gets `translator.messages` (the current locale only) through the layout data and
 * translates with the small `translate()` of translate.ts, which resolves keys the same way.
 *
 * Import this from server code only: it holds every locale's messages.
 */
import i18next, { type i18n } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, STAFF_LOCALES, type Locale, type StaffLocale } from './locales';
import { bindI18n, type I18n, type Messages } from './translate';

const files = import.meta.glob<Messages>('/messages/*.json', { eager: true, import: 'default' });

/** Every locale's messages, as `messages/<locale>.json` holds them. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = Object.fromEntries(
	LOCALES.map((locale) => [locale, files[`/messages/${locale}.json`] ?? {}])
) as Record<Locale, Messages>;

const staffFiles = import.meta.glob<Messages>('/messages/staff/*.json', {
	eager: true,
	import: 'default'
});

/** The staff and city areas' own messages (`messages/staff/<de|en>.json`). */
export const STAFF_MESSAGES: Readonly<Record<StaffLocale, Messages>> = Object.fromEntries(
	STAFF_LOCALES.map((locale) => [locale, staffFiles[`/messages/staff/${locale}.json`] ?? {}])
) as Record<StaffLocale, Messages>;

/** A staff page's messages: the public ones (category names and the like) and the staff's. */
export function staffMessages(locale: StaffLocale): Messages {
	return { ...MESSAGES[locale], ...STAFF_MESSAGES[locale] };
}

/** Where a key missing in the current locale is looked up next. */
export const FALLBACK_LOCALES: readonly Locale[] = ['en', DEFAULT_LOCALE];

const resources = Object.fromEntries(
	LOCALES.map((locale) => [locale, { translation: MESSAGES[locale] }])
);

export interface Translator extends I18n {
	/** The current locale's messages, for the browser. */
	readonly messages: Messages;
	/** The locale's i18next instance. */
	readonly i18next: i18n;
}

const translators = new Map<Locale, Translator>();

/** The translator of a locale. Synchronous: the resources are in memory, no backend loads. */
export function createTranslator(locale: Locale): Translator {
	let translator = translators.get(locale);
	if (!translator) {
		translator = makeTranslator(locale);
		translators.set(locale, translator);
	}
	return translator;
}

function makeTranslator(locale: Locale): Translator {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		supportedLngs: [...LOCALES],
		fallbackLng: [...FALLBACK_LOCALES],
		resources,
		initAsync: false,
		// keys are flat ("offer.next_dates"), not paths into nested objects
		keySeparator: false,
		nsSeparator: false,
		returnNull: false,
		// Svelte escapes what it renders; i18next must not escape a second time
		interpolation: { escapeValue: false }
	});
	const t = instance.getFixedT(locale);
	return {
		...bindI18n(
			() => locale,
			(key, options) => t(key, options as Record<string, unknown>)
		),
		messages: MESSAGES[locale],
		i18next: instance
	};
}
