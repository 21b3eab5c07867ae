import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import {
	DEFAULT_FILTER,
	DEFAULT_VERIFY_AFTER_DAYS,
	MAX_SELECTION,
	deriveOffer,
	deriveOffers,
	filterOffers,
	filterQuery,
	isDueForVerification,
	isFiltered,
	parseFilter,
	parseSelection,
	todos,
	translationStatus,
	verifyAfterDays,
	type DashboardFilter,
	type StaffOfferRow
} from './dashboard';

/** Tuesday, 1 December 2026, 10:00 in Kempten. */
const now = new Date('2026-12-01T09:00:00Z');
const options = { now, verifyAfterDays: 180 };

let n = 0;
function row(overrides: Partial<StaffOfferRow> = {}): StaffOfferRow {
	n++;
	return {
		id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		organisation_id: 'org-a',
		organisation_name: 'Stadtteilbüro A',
		title: `Angebot ${n}`,
		original_locale: 'de',
		category: 'cultural_cafe',
		state: 'published',
		district_name: 'Sankt Mang',
		last_verified_on: '2026-11-01',
		updated_at: '2026-11-01T10:00:00Z',
		version: 1,
		measure_count: 1,
		translations: [{ locale: 'de', provenance: 'original', reviewed: true, outdated: false }],
		schedules: [],
		...overrides
	};
}

const schedule = (starts_at: string, rrule: string | null = null, timezone = 'Europe/Berlin') => ({
	id: `schedule-${starts_at}`,
	starts_at,
	duration_minutes: 60,
	rrule,
	exdates: [],
	timezone
});

describe('deriveOffer: dates', () => {
	it('finds the next date of a weekly rule from now', () => {
		// Wednesdays 18:00 in Kempten
		const offer = deriveOffer(
			row({ schedules: [schedule('2026-10-07T16:00:00Z', 'FREQ=WEEKLY;BYDAY=WE')] }),
			options
		);
		expect(offer.nextDate).toBe('2026-12-02T17:00:00.000Z');
		expect(offer.nextTimeZone).toBe('Europe/Berlin');
		expect(offer.past).toBe(false);
	});

	it('takes the earliest date of several schedules', () => {
		const offer = deriveOffer(
			row({
				schedules: [
					schedule('2026-12-20T10:00:00Z'),
					schedule('2026-12-05T10:00:00Z'),
					schedule('2026-11-05T10:00:00Z')
				]
			}),
			options
		);
		expect(offer.nextDate).toBe('2026-12-05T10:00:00.000Z');
	});

	it('marks an offer whose dates have all passed as past', () => {
		const offer = deriveOffer(
			row({
				schedules: [
					schedule('2026-11-05T10:00:00Z'),
					schedule('2026-09-01T10:00:00Z', 'FREQ=WEEKLY;COUNT=4')
				]
			}),
			options
		);
		expect(offer).toMatchObject({
			nextDate: null,
			nextTimeZone: null,
			hasSchedules: true,
			past: true
		});
	});

	it('does not call an offer without schedules past', () => {
		expect(deriveOffer(row(), options)).toMatchObject({
			nextDate: null,
			hasSchedules: false,
			past: false
		});
	});

	it('does not call a date beyond the horizon past', () => {
		const offer = deriveOffer(row({ schedules: [schedule('2028-06-01T10:00:00Z')] }), options);
		expect(offer).toMatchObject({ nextDate: null, past: false });
	});

	it('does not call a rule that runs on past, even with no date in the horizon', () => {
		const offer = deriveOffer(
			row({ schedules: [schedule('2025-06-01T10:00:00Z', 'FREQ=YEARLY;INTERVAL=3')] }),
			options
		);
		expect(offer).toMatchObject({ nextDate: null, past: false });
	});

	it('counts a date still running as next', () => {
		const offer = deriveOffer(row({ schedules: [schedule('2026-12-01T08:30:00Z')] }), options);
		expect(offer.nextDate).toBe('2026-12-01T08:30:00.000Z');
	});

	it('leaves out a schedule that cannot be read and tells the callback', () => {
		const broken: unknown[] = [];
		const offer = deriveOffer(
			row({
				schedules: [
					schedule('2026-12-03T10:00:00Z', 'FREQ=WEEKLY', 'Mars/Olympus'),
					schedule('2026-12-10T10:00:00Z')
				]
			}),
			{ ...options, onScheduleError: (_error, bad) => broken.push(bad) }
		);
		expect(offer.nextDate).toBe('2026-12-10T10:00:00.000Z');
		expect(broken).toHaveLength(1);
	});
});

describe('deriveOffer: verification', () => {
	it('is due when never confirmed', () => {
		expect(deriveOffer(row({ last_verified_on: null }), options).dueForVerification).toBe(true);
	});

	it('is due only after more than the given number of days', () => {
		// 1 December 2026 is 180 days after 4 June 2026
		expect(isDueForVerification('2026-06-04', now, 180)).toBe(false);
		expect(isDueForVerification('2026-06-03', now, 180)).toBe(true);
		expect(isDueForVerification('2026-11-30', now, 1)).toBe(false);
		expect(isDueForVerification('2026-11-29', now, 1)).toBe(true);
	});

	it("counts days in Kempten's calendar", () => {
		// 23:30 UTC on 30 November is already 1 December in Kempten
		const lateEvening = new Date('2026-11-30T23:30:00Z');
		expect(isDueForVerification('2026-11-29', lateEvening, 1)).toBe(true);
	});

	it('reads VERIFY_AFTER_DAYS, falling back to the default', () => {
		expect(verifyAfterDays(undefined)).toBe(DEFAULT_VERIFY_AFTER_DAYS);
		expect(verifyAfterDays('')).toBe(DEFAULT_VERIFY_AFTER_DAYS);
		expect(verifyAfterDays('90')).toBe(90);
		expect(verifyAfterDays(' 365 ')).toBe(365);
		for (const bad of ['0', '-5', '1.5', 'abc', '99999']) {
			expect(verifyAfterDays(bad), bad).toBe(DEFAULT_VERIFY_AFTER_DAYS);
		}
	});
});

describe('deriveOffer: translations and measures', () => {
	it('gives every portal locale a status, in the order of LOCALES', () => {
		const offer = deriveOffer(
			row({
				translations: [
					{ locale: 'ar', provenance: 'machine', reviewed: false, outdated: false },
					{ locale: 'de', provenance: 'original', reviewed: true, outdated: false },
					{ locale: 'en', provenance: 'human', reviewed: true, outdated: false },
					{ locale: 'fa', provenance: 'human', reviewed: false, outdated: false },
					{ locale: 'tr', provenance: 'machine', reviewed: true, outdated: true }
				]
			}),
			options
		);
		expect(offer.translations.map((text) => text.locale)).toEqual([...LOCALES]);
		expect(
			Object.fromEntries(offer.translations.map((text) => [text.locale, text.status]))
		).toEqual({
			de: 'original',
			'de-simple': 'missing',
			en: 'reviewed',
			ar: 'machine',
			fa: 'human',
			tr: 'outdated',
			uk: 'missing',
			ru: 'missing',
			ro: 'missing'
		});
		expect(offer.missingTranslations).toBe(4);
		expect(offer.outdatedTranslations).toBe(1);
	});

	it('tells the status of one text', () => {
		expect(translationStatus(undefined)).toBe('missing');
		expect(
			translationStatus({ locale: 'en', provenance: 'machine', reviewed: false, outdated: true })
		).toBe('outdated');
		expect(
			translationStatus({ locale: 'en', provenance: 'machine', reviewed: true, outdated: false })
		).toBe('reviewed');
	});

	it('notes an offer without a measure', () => {
		expect(deriveOffer(row({ measure_count: 0 }), options).withoutMeasure).toBe(true);
		expect(deriveOffer(row({ measure_count: 3 }), options).withoutMeasure).toBe(false);
	});
});

describe('filters', () => {
	const filter = (params: string) => parseFilter(new URLSearchParams(params));

	it('reads the default from an empty query string', () => {
		expect(filter('')).toEqual(DEFAULT_FILTER);
		expect(filter('state=&translations=&organisation=')).toEqual(DEFAULT_FILTER);
	});

	it('reads every filter', () => {
		expect(
			filter(
				'state=archived&past=1&due=1&translations=outdated&no_measure=1&organisation=00000000-0000-4000-8000-00000000000a'
			)
		).toEqual({
			state: 'archived',
			past: true,
			due: true,
			translations: 'outdated',
			withoutMeasure: true,
			organisation: '00000000-0000-4000-8000-00000000000a'
		} satisfies DashboardFilter);
	});

	it('ignores the parameter of a form action', () => {
		expect(filter('state=draft&/confirm')).toEqual({ ...DEFAULT_FILTER, state: 'draft' });
	});

	it('refuses values the form cannot send', () => {
		for (const bad of [
			'state=deleted',
			'past=yes',
			'translations=all',
			'organisation=org-a',
			'no_measure=true'
		]) {
			expect(filter(bad), bad).toBeNull();
		}
	});

	it('writes a filter as the query string it is read from, defaults left out', () => {
		const full: DashboardFilter = {
			state: 'all',
			past: true,
			due: true,
			translations: 'missing',
			withoutMeasure: true,
			organisation: '00000000-0000-4000-8000-00000000000a'
		};
		expect(filter(filterQuery(full).slice(1))).toEqual(full);
		expect(filterQuery(DEFAULT_FILTER)).toBe('');
		expect(filterQuery({ state: 'published', due: true })).toBe('?state=published&due=1');
		expect(isFiltered(DEFAULT_FILTER)).toBe(false);
		expect(isFiltered({ ...DEFAULT_FILTER, organisation: 'x' })).toBe(false);
		expect(isFiltered({ ...DEFAULT_FILTER, past: true })).toBe(true);
	});

	it('shows what is not archived by default, and each state when asked', () => {
		const offers = deriveOffers(
			[row({ state: 'draft' }), row({ state: 'published' }), row({ state: 'archived' })],
			options
		);
		const states = (state: DashboardFilter['state']) =>
			filterOffers(offers, { ...DEFAULT_FILTER, state }).map((offer) => offer.state);
		expect(states('active')).toEqual(['draft', 'published']);
		expect(states('all')).toEqual(['draft', 'published', 'archived']);
		expect(states('archived')).toEqual(['archived']);
		expect(states('draft')).toEqual(['draft']);
	});

	it('combines filters', () => {
		const [pastDue, past, due, missing, org] = deriveOffers(
			[
				row({ schedules: [schedule('2026-01-01T10:00:00Z')], last_verified_on: null }),
				row({ schedules: [schedule('2026-01-01T10:00:00Z')] }),
				row({ last_verified_on: '2025-01-01' }),
				row({ translations: [] }),
				row({ organisation_id: 'org-b' })
			],
			options
		);
		const all = [pastDue, past, due, missing, org];
		const ids = (f: Partial<DashboardFilter>) =>
			filterOffers(all, { ...DEFAULT_FILTER, ...f }).map((offer) => offer.id);
		expect(ids({ past: true })).toEqual([pastDue.id, past.id]);
		expect(ids({ past: true, due: true })).toEqual([pastDue.id]);
		expect(ids({ due: true })).toEqual([pastDue.id, due.id]);
		// every offer but one lacks a text in some locale; the one without texts lacks all
		expect(ids({ translations: 'missing' })).toHaveLength(5);
		expect(ids({ translations: 'outdated' })).toEqual([]);
		expect(ids({ organisation: 'org-b' })).toEqual([org.id]);
	});
});

describe('todos', () => {
	it('counts exactly what the filter behind each to-do shows', () => {
		const offers = deriveOffers(
			[
				// published, due, past, outdated, no measure
				row({
					last_verified_on: null,
					schedules: [schedule('2026-01-01T10:00:00Z')],
					measure_count: 0,
					translations: [
						{ locale: 'de', provenance: 'original', reviewed: true, outdated: false },
						{ locale: 'en', provenance: 'machine', reviewed: false, outdated: true }
					]
				}),
				// a draft: never confirmed, but only published offers count as due; past, no measure
				row({
					state: 'draft',
					last_verified_on: null,
					schedules: [schedule('2026-01-01T10:00:00Z')],
					measure_count: 0
				}),
				// archived: needs nothing
				row({
					state: 'archived',
					last_verified_on: null,
					schedules: [schedule('2026-01-01T10:00:00Z')],
					measure_count: 0
				}),
				// published and in order
				row()
			],
			options
		);
		const list = todos(offers, null);
		expect(list.map((todo) => [todo.kind, todo.count])).toEqual([
			['due', 1],
			['past', 2],
			['outdated', 1],
			['without_measure', 2]
		]);
		for (const todo of list) {
			expect(filterOffers(offers, todo.filter)).toHaveLength(todo.count);
		}
		expect(filterQuery(list[0].filter)).toBe('?state=published&due=1');
	});

	it('keeps the chosen organisation in its links', () => {
		const [todo] = todos([], 'org-b');
		expect(todo.filter.organisation).toBe('org-b');
		expect(todo.count).toBe(0);
	});
});

describe('parseSelection', () => {
	const form = (ids: string[]) => {
		const data = new FormData();
		for (const id of ids) data.append('id', id);
		return data;
	};
	const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

	it('takes the ticked ids once each', () => {
		expect(parseSelection(form([id(1), id(2), id(1)]))).toEqual({ ok: true, ids: [id(1), id(2)] });
	});

	it('says when nothing is ticked, too much is, or an id is not one', () => {
		expect(parseSelection(form([]))).toEqual({ ok: false, error: 'staff.dashboard.none_selected' });
		expect(
			parseSelection(form(Array.from({ length: MAX_SELECTION + 1 }, (_, i) => id(i))))
		).toEqual({ ok: false, error: 'staff.dashboard.too_many' });
		expect(parseSelection(form(Array.from({ length: MAX_SELECTION }, (_, i) => id(i)))).ok).toBe(
			true
		);
		expect(parseSelection(form(['nope']))).toEqual({
			ok: false,
			error: 'staff.dashboard.invalid_selection'
		});
	});
});
