import type { ParamMatcher } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/i18n/locales';

/** `[[locale=locale]]`: one of the portal's locale codes (`de`, `de-simple`, `ar`, …). */
export const match = ((param: string): param is Locale => isLocale(param)) satisfies ParamMatcher;
