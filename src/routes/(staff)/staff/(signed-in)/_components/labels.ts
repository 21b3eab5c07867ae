/**
 * The words for a state and a translation status on the dashboard. Each key is written out, so
 * that messages.spec.ts finds it in messages/staff/*.json.
 */
import type { I18n } from '$lib/i18n/translate';
import type { TranslationStatus } from '$lib/staff/dashboard';
import type { PublicationState } from '$lib/types';

type Translate = I18n['t'];

export function stateLabel(t: Translate, state: PublicationState): string {
	switch (state) {
		case 'draft':
			return t('staff.dashboard.state.draft');
		case 'published':
			return t('staff.dashboard.state.published');
		case 'archived':
			return t('staff.dashboard.state.archived');
	}
}

export function translationLabel(t: Translate, status: TranslationStatus): string {
	switch (status) {
		case 'original':
			return t('staff.dashboard.translation.original');
		case 'reviewed':
			return t('staff.dashboard.translation.reviewed');
		case 'human':
			return t('staff.dashboard.translation.human');
		case 'machine':
			return t('staff.dashboard.translation.machine');
		case 'outdated':
			return t('staff.dashboard.translation.outdated');
		case 'missing':
			return t('staff.dashboard.translation.missing');
	}
}

/** The locale as the compact row shows it: `DE`, `AR`; plain German `DE-E`. */
export function localeCode(locale: string): string {
	return locale === 'de-simple' ? 'DE-E' : locale.toUpperCase();
}

/** Every status, in the order the legend explains them. */
export const TRANSLATION_STATUSES: readonly TranslationStatus[] = [
	'original',
	'reviewed',
	'human',
	'machine',
	'outdated',
	'missing'
];
