import { fail, isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { zod4 } from 'sveltekit-superforms/adapters';
import { describe, expect, it, vi } from 'vitest';
import { offerFormSchema } from '$lib/schemas/offer-form';
import type { ScheduleFormState } from '$lib/schemas/schedule-form';
import { scheduleState, withSchedules } from './schedule-part.server';

const adapter = zod4(offerFormSchema);

function event(fields: [string, string][]): RequestEvent {
	const body = new URLSearchParams(fields);
	const request = new Request('http://localhost/staff/offers/new', { method: 'POST', body });
	return { request } as unknown as RequestEvent;
}

const offer: [string, string][] = [
	['title', 'Sprachcafé'],
	['organisation_id', '11111111-2222-4333-8444-555555555555']
];
const weekly: [string, string][] = [
	['sched_rows', '1'],
	['sched_0_kind', 'weekly'],
	['sched_0_start_date', '2026-12-01'],
	['sched_0_start_time', '18:00'],
	['sched_0_end_time', '19:30'],
	['sched_0_weekdays', 'TU'],
	['sched_0_interval', '1'],
	['sched_0_ends', 'never']
];

/** The failure's data, or throws. */
function failure(result: unknown): {
	schedule: ScheduleFormState;
	form: { data: { title: string } };
} {
	if (!isActionFailure(result)) throw new Error('not a failure');
	return result.data as never;
}

describe('withSchedules', () => {
	it('saves the schedules in the action’s one call, with the form it read once', async () => {
		const action = vi.fn(async (_e: RequestEvent, part: object, form: FormData) => {
			return { title: form.get('title'), part };
		});
		const result = await withSchedules(adapter, action)(event([...offer, ...weekly]));
		expect(result).toEqual({
			title: 'Sprachcafé',
			part: {
				schedules: [
					{
						starts_at: '2026-12-01T17:00:00.000Z',
						duration_minutes: 90,
						rrule: 'FREQ=WEEKLY;BYDAY=TU',
						timezone: 'Europe/Berlin',
						exceptions: []
					}
				]
			}
		});
	});

	it('posts a rule the form cannot express back as kept, whatever its shown data says', async () => {
		const id = '99999999-2222-4333-8444-555555555555';
		const action = vi.fn(async (_e: RequestEvent, part: object) => part);
		const result = await withSchedules(
			adapter,
			action
		)(
			event([
				...offer,
				['sched_rows', '1'],
				['sched_0_kind', 'keep'],
				['sched_0_id', id],
				['sched_0_stored', '{"rrule":"FREQ=DAILY","tampered":true}']
			])
		);
		expect(result).toEqual({ schedules: [{ id, keep: true }] });
	});

	it('leaves the schedules alone when the form has no schedule part', async () => {
		const action = vi.fn(async (_e: RequestEvent, part: object) => part);
		expect(await withSchedules(adapter, action)(event(offer))).toEqual({});
	});

	it('shows the form again for a button, with the change and without saving', async () => {
		const action = vi.fn();
		const result = await withSchedules(
			adapter,
			action
		)(event([...offer, ...weekly, ['schedule_op', 'add_dates']]));
		expect(action).not.toHaveBeenCalled();
		const data = failure(result);
		expect(data.schedule.form.rows.map((r) => r.kind)).toEqual(['weekly', 'dates']);
		expect(data.schedule.errors).toEqual({});
		expect(data.form.data.title).toBe('Sprachcafé');
	});

	it('refuses invalid schedules with their errors, the input kept', async () => {
		const action = vi.fn();
		const result = await withSchedules(
			adapter,
			action
		)(event([...offer, ...weekly.filter(([name]) => name !== 'sched_0_weekdays')]));
		expect(action).not.toHaveBeenCalled();
		expect(failure(result).schedule.errors).toEqual({
			sched_0_weekdays: ['staff.schedule.weekdays_required']
		});
	});

	it('adds the typed schedules to a failure of the action (a conflict, a database error)', async () => {
		const result = await withSchedules(adapter, async () => fail(409, { form: 'x' }))(
			event([...offer, ...weekly])
		);
		expect(failure(result).schedule.form.rows[0]).toMatchObject({
			kind: 'weekly',
			weekdays: ['TU']
		});
	});
});

describe('scheduleState', () => {
	it('starts empty for a new offer and has no part for a read without schedules', () => {
		expect(scheduleState()).toEqual({ form: { rows: [] }, errors: {} });
		expect(scheduleState({ id: 'x' })).toBeNull();
	});
});
