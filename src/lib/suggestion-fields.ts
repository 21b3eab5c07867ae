/**
 * Names shared by the suggestion forms' pages and their schemas ($lib/schemas/suggestion), in a
 * module of their own: the public pages must not load zod into the browser for two names.
 */

/** The honeypot's field name: one no browser fills in by itself. */
export const HONEYPOT = 'leave_empty';
/** The field with the signed time the form was rendered. */
export const STARTED = 'started';

/** The states of a suggestion, as the staff's filter offers them. */
export const SUGGESTION_STATES = ['new', 'accepted', 'answered', 'rejected'] as const;
