/**
 * The translation editor's form: one locale's texts of an offer and whether a person reviewed
 * them, validated on the server (superforms, `zod4` adapter). Errors are message keys of
 * `messages/staff/*.json`. The limits are those of offer_translations.
 *
 *   const form = await superValidate(request, zod4(translationFormSchema));
 *   if (form.valid) await offerTranslations.save(supabase, { …, texts: toTexts(form.data) });
 */
import * as z from 'zod';
import type { Texts } from '$lib/staff/translations';

const REQUIRED = 'staff.field.required';
const TOO_LONG = 'staff.field.too_long';

const text = (max: number) => z.string().max(max, TOO_LONG).default('');

export const translationFormSchema = z.object({
	title: z
		.string()
		.max(200, TOO_LONG)
		.default('')
		.refine((value) => value.trim() !== '', REQUIRED),
	summary: text(500),
	description: text(10_000),
	cost_note: text(500),
	registration_note: text(500),
	reviewed: z.boolean().default(false),
	/** When the original shown was last changed (a hidden field): a later change is a conflict. */
	original_updated_at: z.string().max(100).default('')
});

export type TranslationForm = z.infer<typeof translationFormSchema>;

/** The form's texts as save_offer_translation takes them (blank fields are cleared). */
export function toTexts(form: TranslationForm): Texts {
	const orNull = (value: string) => (value.trim() === '' ? null : value);
	return {
		title: form.title.trim(),
		summary: orNull(form.summary),
		description: orNull(form.description),
		cost_note: orNull(form.cost_note),
		registration_note: orNull(form.registration_note)
	};
}

/** The form's start from a translation's texts (empty fields for a missing one). */
export function fromTexts(
	texts: Texts | null,
	reviewed: boolean | null,
	originalUpdatedAt: string
): TranslationForm {
	return {
		original_updated_at: originalUpdatedAt,
		title: texts?.title ?? '',
		summary: texts?.summary ?? '',
		description: texts?.description ?? '',
		cost_note: texts?.cost_note ?? '',
		registration_note: texts?.registration_note ?? '',
		reviewed: reviewed ?? false
	};
}
