/**
 * The public implementation status of the city's current integration concept, as
 * `public_concept_fields()` and `public_concept_field()` give it (the pages under /concept and
 * /api/concept read the same shapes). Texts of the concept are German as the city wrote them.
 */
import type { I18n } from '$lib/i18n/translate';
import type { MeasureStatus, StatusLight } from '$lib/types';

/** The concept the status belongs to. */
export interface StatusConcept {
	slug: string;
	title: string;
	adopted_on: string | null;
	/** The concept's own names of its levels, e.g. `{ field: 'Handlungsfeld', … }`. */
	level_names: Record<'field' | 'goal' | 'measure', string>;
	is_demo: boolean;
}

/** Measures per traffic light; `none` counts measures with no status reported. */
export type LightCounts = Record<StatusLight | 'none', number>;

/** The lights in the order a summary names them. */
export const LIGHTS: readonly (StatusLight | 'none')[] = ['green', 'yellow', 'red', 'grey', 'none'];

/** A field of action in the overview. */
export interface FieldSummary {
	code: string;
	title: string;
	goals: number;
	measures: number;
	lights: LightCounts;
	/** Measures whose planned end has passed without being implemented. */
	late: number;
	/** Published offers implementing any of its measures. */
	offers: number;
	/** The latest change of any of its measures (ISO timestamp); null without measures. */
	last_changed_at: string | null;
}

export interface ConceptOverview {
	concept: StatusConcept;
	fields: FieldSummary[];
}

/** A published offer implementing a measure; its title in the reader's language or a fallback. */
export interface StatusOffer {
	id: string;
	title: string;
	/** The locale of `title`. */
	text_locale: string;
}

export interface StatusMeasure {
	code: string;
	title: string;
	/** The concept has not published this text (the title is a stand-in). */
	is_placeholder: boolean;
	status: MeasureStatus | null;
	light: StatusLight | null;
	is_late: boolean;
	/** Planned end (YYYY-MM-DD). */
	ends_on: string | null;
	last_changed_at: string;
	offers: StatusOffer[];
}

export interface StatusGoal {
	code: string;
	title: string;
	is_placeholder: boolean;
	measures: StatusMeasure[];
}

export interface FieldStatus {
	concept: StatusConcept;
	field: { code: string; title: string; vision: string | null };
	last_changed_at: string | null;
	goals: StatusGoal[];
}

/** A field code as it may appear in a path (codes like `1`, `HF-2`, `A.3`). */
export const FIELD_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;

/** Measures per light over the given measures (a field page's summary). */
export function lightCounts(measures: readonly Pick<StatusMeasure, 'light'>[]): LightCounts {
	const counts: LightCounts = { green: 0, yellow: 0, red: 0, grey: 0, none: 0 };
	for (const measure of measures) counts[measure.light ?? 'none']++;
	return counts;
}

/** The message key naming the measures of one light (the six states fold into five lights). */
export const LIGHT_LABELS: Readonly<Record<StatusLight | 'none', string>> = {
	green: 'status.implemented',
	yellow: 'concept.in_progress',
	red: 'status.at_risk',
	grey: 'status.scheduled',
	none: 'status.none'
};

/** The message keys naming a level with its code, e.g. "Handlungsfeld 1", in any locale. */
const LEVEL_KEYS = { field: 'concept.field_label', goal: 'concept.goal_label' } as const;

/**
 * "Handlungsfeld 1", "Themenfeld 1": in German the concept's own name of the level (a city's
 * concept may say Themenfeld), in the other locales the translated one.
 */
export function levelLabel(
	i18n: Pick<I18n, 'locale' | 't'>,
	concept: StatusConcept,
	level: keyof typeof LEVEL_KEYS,
	code: string
): string {
	const own = concept.level_names?.[level]?.trim();
	return i18n.locale === 'de' && own ? `${own} ${code}` : i18n.t(LEVEL_KEYS[level], { code });
}
