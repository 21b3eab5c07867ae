/**
 * The public suggestion forms: "suggest an offer" (what, where, when, for whom, a contact) and
 * "report a mistake" (what is wrong, a contact). Errors are message keys of
 * `messages/<locale>.json`. Besides the fields each form carries the honeypot
 * ({@link HONEYPOT}, to stay empty) and the signed time it was rendered ({@link STARTED}); the
 * server's spam guard reads those ($lib/server/suggestions/spam).
 *
 * The lengths are the database's (submit_suggestion): 3 to 2,000 characters for the text, 300
 * for a line, 200 for the contact.
 */
import * as z from 'zod';
import { HONEYPOT, STARTED } from '$lib/suggestion-fields';
import { cleanLine, cleanText } from './safe-text';

const what = z
	.string()
	.transform((value) => cleanText(value).trim())
	.pipe(
		z
			.string()
			.min(3, { error: 'suggest.error_what_short' })
			.max(2000, { error: 'suggest.error_what_long' })
	);

const line = (max: number, error: string) =>
	z
		.string()
		.default('')
		.transform((value) => cleanLine(value))
		.pipe(z.string().max(max, { error }));

const spamFields = {
	[HONEYPOT]: z.string().default(''),
	[STARTED]: z.string().default('')
};

export const newOfferSchema = z.object({
	what,
	place: line(300, 'suggest.error_line_long'),
	time: line(300, 'suggest.error_line_long'),
	audience: line(300, 'suggest.error_line_long'),
	contact: line(200, 'suggest.error_contact_long'),
	...spamFields
});

export const mistakeSchema = z.object({
	what,
	contact: line(200, 'suggest.error_contact_long'),
	...spamFields
});

export type NewOfferForm = z.output<typeof newOfferSchema>;
export type MistakeForm = z.output<typeof mistakeSchema>;

/** The staff's forms on a suggestion: accept, answer, reject. Errors: staff message keys. */
export const acceptSchema = z.object({
	id: z.guid(),
	organisation: z.union([z.guid(), z.literal('')]).default(''),
	category: z.string().default('event')
});

export const answerSchema = z.object({
	id: z.guid(),
	answer: z
		.string()
		.transform((value) => cleanText(value).trim())
		.pipe(
			z
				.string()
				.min(1, { error: 'staff.suggestions.error.answer' })
				.max(2000, { error: 'staff.suggestions.error.answer' })
		)
});

export const rejectSchema = z.object({
	id: z.guid(),
	note: z
		.string()
		.default('')
		.transform((value) => cleanText(value).trim())
		.pipe(z.string().max(2000, { error: 'staff.suggestions.error.note' }))
});
