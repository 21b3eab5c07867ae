/**
 * The staff dashboard, derived from the rows of `staff_offers()`: for each offer when it takes
 * place next, whether all its dates have passed, whether it is due for verification, the status
 * of its texts in every portal locale and whether it implements no measure of the integration
 * concept; the dashboard's filters (read from and written to the query string), its to-do list
 * and the selection of its bulk actions. Pure: the server load gives it `now` and the number of
 * days after which an offer is due for verification.
 *
 *   const offers = deriveOffers(rows, { now: new Date(), verifyAfterDays: 180 });
 *   const filter = parseFilter(url.searchParams); // null: a bad query string
 *   const shown = filterOffers(offers, filter);
 *   const list = todos(offers, filter.organisation);
 */
import * as z from 'zod';
import { Constants, type Database } from '$lib/database.types';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { DEFAULT_TIME_ZONE, dayNumber, lastOccurrence, toWallClock } from '$lib/schedule/rrule';
import { upcoming } from '$lib/schedule/upcoming';
import type { PublicationState, Schedule, TranslationProvenance } from '$lib/types';

/** How far ahead the next date is looked for. */
export const HORIZON_DAYS = 400;
/** After how many days without confirmation an offer is due, unless VERIFY_AFTER_DAYS says. */
export const DEFAULT_VERIFY_AFTER_DAYS = 180;
/** The most offers one bulk action takes (the SQL functions refuse more). */
export const MAX_SELECTION = 500;

/** One text of an offer as `staff_offers()` describes it. */
export interface TranslationState {
	locale: string;
	provenance: TranslationProvenance;
	reviewed: boolean;
	/** A translation older than the original text. */
	outdated: boolean;
}

type Row = Database['public']['Functions']['staff_offers']['Returns'][number];

/** A row of `staff_offers()`, with the JSON columns typed and the nullable columns nullable. */
export interface StaffOfferRow extends Omit<
	Row,
	'title' | 'district_name' | 'last_verified_on' | 'translations' | 'schedules'
> {
	/** The title in the original locale; null when the offer has no original text. */
	title: string | null;
	district_name: string | null;
	/** `2026-06-01`; null when nobody has confirmed the offer yet. */
	last_verified_on: string | null;
	translations: TranslationState[];
	schedules: Schedule[];
}

/** How far the text of an offer in one locale is. */
export type TranslationStatus =
	'original' | 'reviewed' | 'human' | 'machine' | 'outdated' | 'missing';

/** What the dashboard shows and filters on for one offer. */
export interface DashboardOffer {
	id: string;
	organisationId: string;
	organisationName: string;
	title: string | null;
	originalLocale: string;
	category: string;
	state: PublicationState;
	districtName: string | null;
	lastVerifiedOn: string | null;
	/** The start of the next (or running) date within HORIZON_DAYS, ISO 8601; null if none. */
	nextDate: string | null;
	/** The time zone of the schedule of the next date, to show it in. */
	nextTimeZone: string | null;
	/** Has any schedule at all. */
	hasSchedules: boolean;
	/** Has dates, and all of them have passed. */
	past: boolean;
	/** Never confirmed as current, or longer ago than the configured number of days. */
	dueForVerification: boolean;
	/** Linked to no measure of the integration concept. */
	withoutMeasure: boolean;
	/** The status of its text in every portal locale, in the order of LOCALES. */
	translations: { locale: Locale; status: TranslationStatus }[];
	/** Portal locales without a text. */
	missingTranslations: number;
	/** Translations older than the original text. */
	outdatedTranslations: number;
}

export interface DeriveOptions {
	/** The moment the dashboard is shown. */
	now: Date;
	/** Days after the last confirmation that an offer is due again. */
	verifyAfterDays: number;
	/** Called with a schedule that cannot be expanded; it is then left out. */
	onScheduleError?: (error: unknown, schedule: Schedule) => void;
}

/** The status of a text: original, or its translation's state; missing without one. */
export function translationStatus(text: TranslationState | undefined): TranslationStatus {
	if (!text) return 'missing';
	if (text.provenance === 'original') return 'original';
	if (text.outdated) return 'outdated';
	if (text.reviewed) return 'reviewed';
	return text.provenance;
}

/** Day number of a calendar date `2026-06-01`. */
function dayOfDate(date: string): number {
	const [year, month, day] = date.split('-').map(Number);
	return dayNumber(year, month, day);
}

/** Whether an offer last confirmed on `lastVerifiedOn` is due at `now`. */
export function isDueForVerification(
	lastVerifiedOn: string | null,
	now: Date,
	verifyAfterDays: number
): boolean {
	if (lastVerifiedOn === null) return true;
	const today = toWallClock(now, DEFAULT_TIME_ZONE);
	return (
		dayNumber(today.year, today.month, today.day) - dayOfDate(lastVerifiedOn) > verifyAfterDays
	);
}

/**
 * Whether a schedule with no date in the horizon has ended: it started before `now` and is a
 * one-off or a finite rule whose last date has passed. A rule that runs on (a date every two
 * years) has not; neither has one that cannot be read.
 */
function hasEnded(schedule: Schedule, now: Date): boolean {
	if (new Date(schedule.starts_at) > now) return false;
	if (schedule.rrule === null) return true;
	try {
		const last = lastOccurrence(schedule);
		return last !== null && last <= now;
	} catch {
		return false;
	}
}

/** What the dashboard derives from one row. */
export function deriveOffer(row: StaffOfferRow, options: DeriveOptions): DashboardOffer {
	const { now } = options;
	const [next] = upcoming(row.schedules, {
		from: now,
		days: HORIZON_DAYS,
		limit: 1,
		onError: options.onScheduleError ?? (() => undefined)
	});
	const past =
		row.schedules.length > 0 &&
		next === undefined &&
		row.schedules.every((schedule) => hasEnded(schedule, now));
	const byLocale = new Map(row.translations.map((text) => [text.locale, text]));
	const translations = LOCALES.map((locale) => ({
		locale,
		status: translationStatus(byLocale.get(locale))
	}));
	return {
		id: row.id,
		organisationId: row.organisation_id,
		organisationName: row.organisation_name,
		title: row.title,
		originalLocale: row.original_locale,
		category: row.category,
		state: row.state,
		districtName: row.district_name,
		lastVerifiedOn: row.last_verified_on,
		nextDate: next ? next.start.toISOString() : null,
		nextTimeZone: next ? (next.schedule.timezone ?? DEFAULT_TIME_ZONE) : null,
		hasSchedules: row.schedules.length > 0,
		past,
		dueForVerification: isDueForVerification(row.last_verified_on, now, options.verifyAfterDays),
		withoutMeasure: row.measure_count === 0,
		translations,
		missingTranslations: translations.filter((text) => text.status === 'missing').length,
		outdatedTranslations: translations.filter((text) => text.status === 'outdated').length
	};
}

export function deriveOffers(rows: readonly StaffOfferRow[], options: DeriveOptions) {
	return rows.map((row) => deriveOffer(row, options));
}

/** VERIFY_AFTER_DAYS: a whole number of days from 1 to 3650; the default otherwise. */
export function verifyAfterDays(value: string | undefined): number {
	const days = Number(value?.trim() || NaN);
	return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_VERIFY_AFTER_DAYS;
}

// ---------------------------------------------------------------------------------------------
// Filters

/** An organisation the list can be narrowed to. */
export interface OrganisationChoice {
	id: string;
	name: string;
}

/** `active` is every offer not archived (the default); `all` includes the archived ones. */
export const STATE_FILTERS = [
	'active',
	'all',
	...Constants.public.Enums.publication_state
] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const TRANSLATION_FILTERS = ['missing', 'outdated'] as const;
export type TranslationFilter = (typeof TRANSLATION_FILTERS)[number];

export interface DashboardFilter {
	state: StateFilter;
	/** Only offers whose dates have all passed. */
	past: boolean;
	/** Only offers due for verification. */
	due: boolean;
	/** Only offers with a missing or an outdated text in some portal locale. */
	translations: TranslationFilter | null;
	/** Only offers linked to no measure. */
	withoutMeasure: boolean;
	/** Only offers of this organisation (the select of city admins and staff of several). */
	organisation: string | null;
}

export const DEFAULT_FILTER: Readonly<DashboardFilter> = {
	state: 'active',
	past: false,
	due: false,
	translations: null,
	withoutMeasure: false,
	organisation: null
};

/** A checkbox: `1` when ticked; absent (or empty) when not. */
const flag = z
	.enum(['', '1'])
	.optional()
	.transform((value) => value === '1');

/** `''` is what a select's "all" option sends. */
const orNull = <T extends z.ZodType<string>>(schema: T) =>
	z
		.union([z.literal(''), schema])
		.optional()
		.transform((value) => (value ? (value as z.output<T>) : null));

const filterSchema = z.object({
	state: z
		.union([z.literal(''), z.enum(STATE_FILTERS)])
		.optional()
		.transform((value) => value || DEFAULT_FILTER.state),
	past: flag,
	due: flag,
	translations: orNull(z.enum(TRANSLATION_FILTERS)),
	no_measure: flag,
	organisation: orNull(z.guid())
});

/** The parameter names of the filter form, in its order. */
export const FILTER_PARAMETERS = [
	'state',
	'past',
	'due',
	'translations',
	'no_measure',
	'organisation'
] as const;

/**
 * The filter of a query string, or null when a parameter has a value the form cannot send.
 * Other parameters (a form action's `/confirm`) are no filter and ignored.
 */
export function parseFilter(params: URLSearchParams): DashboardFilter | null {
	const raw = Object.fromEntries(
		FILTER_PARAMETERS.filter((name) => params.has(name)).map((name) => [name, params.get(name)])
	);
	const parsed = filterSchema.safeParse(raw);
	if (!parsed.success) return null;
	const { no_measure, ...rest } = parsed.data;
	return { ...rest, withoutMeasure: no_measure };
}

/** The query string of a filter (`?state=published&due=1`), without what is the default. */
export function filterQuery(filter: Partial<DashboardFilter>): string {
	const params = new URLSearchParams();
	const full = { ...DEFAULT_FILTER, ...filter };
	if (full.state !== DEFAULT_FILTER.state) params.set('state', full.state);
	if (full.past) params.set('past', '1');
	if (full.due) params.set('due', '1');
	if (full.translations) params.set('translations', full.translations);
	if (full.withoutMeasure) params.set('no_measure', '1');
	if (full.organisation) params.set('organisation', full.organisation);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Whether the filter differs from the default (the page then offers to reset it). */
export function isFiltered(filter: DashboardFilter): boolean {
	return filterQuery({ ...filter, organisation: null }) !== '';
}

function matchesState(state: PublicationState, filter: StateFilter): boolean {
	if (filter === 'all') return true;
	if (filter === 'active') return state !== 'archived';
	return state === filter;
}

export function matchesFilter(offer: DashboardOffer, filter: DashboardFilter): boolean {
	return (
		matchesState(offer.state, filter.state) &&
		(!filter.past || offer.past) &&
		(!filter.due || offer.dueForVerification) &&
		(filter.translations !== 'missing' || offer.missingTranslations > 0) &&
		(filter.translations !== 'outdated' || offer.outdatedTranslations > 0) &&
		(!filter.withoutMeasure || offer.withoutMeasure) &&
		(filter.organisation === null || offer.organisationId === filter.organisation)
	);
}

export function filterOffers(offers: readonly DashboardOffer[], filter: DashboardFilter) {
	return offers.filter((offer) => matchesFilter(offer, filter));
}

// ---------------------------------------------------------------------------------------------
// To-do list

export const TODO_KINDS = ['due', 'past', 'outdated', 'without_measure'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/**
 * The filter behind each to-do: published offers due for verification (drafts are checked when
 * they are published, archived ones no longer matter); offers not archived whose dates have all
 * passed (to archive), with outdated translations, without a measure.
 */
export const TODO_FILTERS: Readonly<Record<TodoKind, Partial<DashboardFilter>>> = {
	due: { state: 'published', due: true },
	past: { state: 'active', past: true },
	outdated: { state: 'active', translations: 'outdated' },
	without_measure: { state: 'active', withoutMeasure: true }
};

export interface Todo {
	kind: TodoKind;
	/** How many offers need it; exactly those the filter shows. */
	count: number;
	/** The filter that shows them. */
	filter: DashboardFilter;
}

/** The to-do list of the offers (of `organisation`, when one is chosen), in a fixed order. */
export function todos(offers: readonly DashboardOffer[], organisation: string | null): Todo[] {
	return TODO_KINDS.map((kind) => {
		const filter = { ...DEFAULT_FILTER, ...TODO_FILTERS[kind], organisation };
		return { kind, count: filterOffers(offers, filter).length, filter };
	});
}

// ---------------------------------------------------------------------------------------------
// Selection of the bulk actions

/** The ticked offers of the bulk form (`id` repeated): 1 to MAX_SELECTION ids, no repeats. */
export const selectionSchema = z
	.array(z.guid('staff.dashboard.invalid_selection'))
	.min(1, 'staff.dashboard.none_selected')
	.transform((ids) => [...new Set(ids)])
	.pipe(z.array(z.string()).max(MAX_SELECTION, 'staff.dashboard.too_many'));

/** The ids of a bulk form, or the message key of what is wrong with them. */
export function parseSelection(
	form: FormData
): { ok: true; ids: string[] } | { ok: false; error: string } {
	const parsed = selectionSchema.safeParse(form.getAll('id'));
	return parsed.success
		? { ok: true, ids: parsed.data }
		: { ok: false, error: parsed.error.issues[0]?.message ?? 'error.invalid_input' };
}
