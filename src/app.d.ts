import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

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
			locale: string;
		}
	}
}

export {};
