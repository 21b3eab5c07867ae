import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { Locale } from '$lib/i18n/locales';
import type { SignedInUser } from '$lib/staff/user';

declare global {
	namespace App {
		interface Error {
			/** Message key, translated by the error page. */
			key?: string;
		}
		interface Locals {
			/** Supabase client acting with the visitor's rights (anon unless signed in). */
			supabase: SupabaseClient<Database>;
			/** The signed-in person, in the staff and city areas; null elsewhere and when signed out. */
			user: SignedInUser | null;
			/** UI locale of this request. */
			locale: Locale;
		}
	}
}

export {};
