/**
 * The rules of `safe-text.ts` as zod schemas, for the staff forms (server side; the browser
 * uses `safe-text.ts` directly and never loads zod). Text fields clean, address fields refuse:
 *
 *   const offerContact = z.object({
 *     title: singleLine({ min: 1, max: 200 }),
 *     description: multiLine({ max: 10_000 }),
 *     registration_url: optional(webAddress()),
 *     contact_email: optional(emailAddress()),
 *     contact_phone: optional(phoneNumber())
 *   });
 *
 * A refused value gets one issue whose `message` is the English reason the database would give
 * ("it has no host name such as example.org") and whose `params.rule` (`web_address`,
 * `email_address`, `phone_number`) lets a form show its own translated message.
 */
import * as z from 'zod';
import {
	cleanLine,
	cleanText,
	emailAddressProblem,
	phoneNumberProblem,
	webAddressProblem
} from './safe-text';

/** Spaces at the ends go, as the CSV import trims them; anything else stays to be judged. */
const trimSpaces = (value: string) => value.replace(/^ +| +$/g, '');

/** Which rule refused a value. */
export type SafeFieldRule = 'web_address' | 'email_address' | 'phone_number';

function refusing(rule: SafeFieldRule, problem: (value: string) => string | undefined) {
	return z
		.string()
		.transform(trimSpaces)
		.superRefine((value, ctx) => {
			const reason = problem(value);
			if (reason !== undefined) {
				ctx.addIssue({ code: 'custom', message: reason, params: { rule }, input: value });
			}
		});
}

/** A title, name or street: cleaned (see `cleanLine`), then between `min` and `max` characters. */
export function singleLine(options: { min?: number; max: number }) {
	return z
		.string()
		.transform(cleanLine)
		.pipe(
			z
				.string()
				.min(options.min ?? 0)
				.max(options.max)
		);
}

/** A description or note: cleaned (see `cleanText`), then at most `max` characters. */
export function multiLine(options: { max: number }) {
	return z.string().transform(cleanText).pipe(z.string().max(options.max));
}

/** A web address the portal links to (see `webAddressProblem`). */
export function webAddress() {
	return refusing('web_address', webAddressProblem);
}

/** An e-mail address (see `emailAddressProblem`). */
export function emailAddress() {
	return refusing('email_address', emailAddressProblem);
}

/** A phone number (see `phoneNumberProblem`). */
export function phoneNumber() {
	return refusing('phone_number', phoneNumberProblem);
}

/** `schema`, or null for a field left empty (nothing but spaces) or not sent at all. */
export function optional<Output>(schema: z.ZodType<Output, string>) {
	return z.preprocess(
		(value) =>
			value === undefined || (typeof value === 'string' && trimSpaces(value) === '') ? null : value,
		schema.nullable()
	);
}
