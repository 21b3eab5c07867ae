/** The Supabase client a data function works with: the request's, with the visitor's rights. */
export type Supabase = App.Locals['supabase'];
