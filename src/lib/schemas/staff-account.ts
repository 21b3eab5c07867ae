/**
 * The forms of signing in, setting a password and inviting staff. Messages are message keys of
 * `messages/staff/*.json`, so that a form shows them in the staff member's language.
 */
import * as z from 'zod';
import { MEMBERSHIP_ROLES } from '$lib/types';

/** Supabase's default minimum; bcrypt reads no more than 72 bytes. */
export const PASSWORD_MIN = 8;
const PASSWORD_MAX_BYTES = 72;

const email = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'staff.field.required')
	.max(254, 'staff.field.email_invalid')
	.pipe(z.email('staff.field.email_invalid'));

export const signInSchema = z.object({
	email,
	password: z.string().min(1, 'staff.field.required').max(1000, 'staff.field.password_long'),
	/** Where to go afterwards (checked by safeReturnPath). */
	redirectTo: z.string().max(1000).default('')
});

export const newPasswordSchema = z
	.object({
		password: z
			.string()
			.min(PASSWORD_MIN, 'staff.field.password_short')
			.refine(
				(value) => new TextEncoder().encode(value).byteLength <= PASSWORD_MAX_BYTES,
				'staff.field.password_long'
			),
		confirm: z.string()
	})
	.refine((form) => form.password === form.confirm, {
		message: 'staff.field.password_mismatch',
		path: ['confirm']
	});

export const inviteSchema = z.object({
	email,
	role: z.enum(MEMBERSHIP_ROLES, 'staff.field.role_invalid').default('editor')
});

export const memberSchema = z.object({
	user_id: z.uuid('staff.field.required'),
	role: z.enum(MEMBERSHIP_ROLES, 'staff.field.role_invalid').optional()
});
