/**
 * The schedule part of the offer editor's form actions (new and edit), wrapped around the
 * action so that the action itself changes in one place: it saves `{ ...toSaveOffer(…),
 * ...schedules }` in its one call of save_offer.
 *
 *   default: withSchedules(adapter, async ({ locals }, schedules, formData) => { … })
 *
 * The wrapper reads the posted form once and hands it to the action with the schedule part. A `schedule_op` button (add or remove a row, show the dates) shows
 * the form again with the change and saves nothing; invalid schedule fields show the form again
 * with their errors; every failure the action returns carries the schedule part as typed
 * (`schedule`), so nothing is lost. A form without the schedule fields leaves the offer's
 * schedules as they are.
 */
import { fail, isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import type { ValidationAdapter } from 'sveltekit-superforms/adapters';
import {
	checkScheduleForm,
	fromStoredSchedules,
	hasScheduleFields,
	readScheduleForm,
	type SaveSchedule,
	type ScheduleFormState,
	type StoredSchedule
} from '$lib/schemas/schedule-form';

/** What the action adds to save_offer's argument: `{ schedules }`, or nothing. */
export type SchedulePart = { schedules: SaveSchedule[] } | Record<string, never>;

/** The schedule fields' state for a page load: an offer's stored schedules, or none. */
export function scheduleState(offer?: Record<string, unknown> | null): ScheduleFormState | null {
	if (offer && !Array.isArray(offer.schedules)) return null; // a read without schedules
	const stored = (offer?.schedules ?? []) as StoredSchedule[];
	return { form: fromStoredSchedules(stored), errors: {} };
}

/** Wraps an offer editor action with the schedule part. */
export function withSchedules<E extends RequestEvent, R>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any superforms adapter
	adapter: ValidationAdapter<any, any>,
	action: (event: E, schedules: SchedulePart, formData: FormData) => Promise<R>
): (event: E) => Promise<R> {
	return async (event) => {
		const formData = await event.request.formData();
		if (!hasScheduleFields(formData)) return action(event, {}, formData);
		const { form: rows, op } = readScheduleForm(formData);
		if (op) {
			// a row added or removed, or the dates asked for: shown again, nothing saved
			const form = await superValidate(formData, adapter, { errors: false });
			const schedule: ScheduleFormState = { form: rows, errors: {} };
			return fail(400, { form, schedule }) as R;
		}
		const checked = checkScheduleForm(rows);
		const schedule: ScheduleFormState = { form: rows, errors: checked.errors };
		if (!checked.ok) {
			const form = await superValidate(formData, adapter);
			return fail(400, { form, schedule }) as R;
		}
		const result = await action(event, { schedules: checked.schedules }, formData);
		if (isActionFailure(result) && result.data && typeof result.data === 'object') {
			(result.data as Record<string, unknown>).schedule = schedule;
		}
		return result;
	};
}
