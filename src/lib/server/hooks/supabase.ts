/**
 * The request's Supabase client. Visitors are anonymous: they share the process's client with
 * the anon key (it holds no session), made once rather than per request.
 */
import type { Handle } from '@sveltejs/kit';
import { anonymousSupabase } from '../supabase';

export const supabase: Handle = async ({ event, resolve }) => {
	event.locals.supabase = await anonymousSupabase();
	return resolve(event);
};
