/**
 * The words for an offer's text fields and for the machine's errors on the translation pages.
 * Each key is written out, so that messages.spec.ts finds it in messages/staff/*.json.
 */
import type { I18n } from '$lib/i18n/translate';
import type { TextField, TranslationErrorKind } from '$lib/staff/translations';

type Translate = I18n['t'];

export function fieldLabel(t: Translate, field: TextField): string {
	switch (field) {
		case 'title':
			return t('staff.history.field.title');
		case 'summary':
			return t('staff.history.field.summary');
		case 'description':
			return t('staff.history.field.description');
		case 'cost_note':
			return t('staff.history.field.cost_note');
		case 'registration_note':
			return t('staff.history.field.registration_note');
	}
}

export function fieldList(t: Translate, fields: readonly TextField[]): string {
	return fields.map((field) => fieldLabel(t, field)).join(', ');
}

export function machineErrorLabel(
	t: Translate,
	kind: TranslationErrorKind | 'changed' | 'save'
): string {
	switch (kind) {
		case 'auth':
			return t('staff.translation.error.auth');
		case 'quota':
			return t('staff.translation.error.quota');
		case 'rate_limit':
			return t('staff.translation.error.rate_limit');
		case 'too_large':
			return t('staff.translation.error.too_large');
		case 'unsupported':
			return t('staff.translation.error.unsupported');
		case 'timeout':
			return t('staff.translation.error.timeout');
		case 'unavailable':
			return t('staff.translation.error.unavailable');
		case 'bad_response':
			return t('staff.translation.error.bad_response');
		case 'changed':
			return t('staff.translation.error.changed');
		case 'save':
			return t('staff.translation.error.save');
	}
}
