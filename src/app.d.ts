import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Error {
			/** Message key, translated by the error page. */
			key?: string;
		}
		interface Locals {
			/** Supabase client acting with the visitor's rights (anon unless signed in). */
			supabase: SupabaseClient<Database>;
			/** UI locale of this request. */
			locale: Locale;
		}
	}
}

export {};
