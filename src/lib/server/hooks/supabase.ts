/**
 * The request's Supabase client. Visitors are anonymous: they share one client with the anon
 * key (it holds no session), made once per process rather than per request.
 */
import type { Handle } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { createSupabase } from '../supabase';

let anonymous: Promise<SupabaseClient<Database>> | undefined;

export const supabase: Handle = async ({ event, resolve }) => {
	anonymous ??= createSupabase().catch((error: unknown) => {
		anonymous = undefined;
		throw error;
	});
	event.locals.supabase = await anonymous;
	return resolve(event);
};
