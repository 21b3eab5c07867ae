/**
 * An organisation's calendar import, for its staff (editors and admins) and city admins:
 * register the iCalendar URL of its own calendar or upload an .ics file (new offers as drafts
 * or published), fetch now ("Jetzt abrufen", also a new file for an uploaded feed), change
 * whether new offers are published and whether offers whose event disappeared are archived or
 * deleted, remove a feed; per feed the offers it made with their next dates, and its latest runs with what they
 * did and every event not taken with its reason. The server fetches URL feeds on its own too
 * (src/lib/server/jobs/calendar-import.ts).
 */
import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as z from 'zod';
import { shownDates } from '$lib/schedule/exceptions';
import { calendarFeedSchema, UPLOAD_MAX_BYTES } from '$lib/schemas/calendar-feed';
import { runFeed } from '$lib/server/calendar-import/run';
import * as calendarFeeds from '$lib/server/data/calendar-feeds';
import { isFailure, orFail, orHttpError } from '$lib/server/data/errors';
import * as staff from '$lib/server/data/staff';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const adapter = zod4(calendarFeedSchema);
const feedIdSchema = z.guid();
const settingsSchema = z.object({
	feed_id: z.guid(),
	publish_mode: z.enum(['draft', 'published']),
	on_removal: z.enum(['archive', 'delete'])
});

/** How far ahead the next dates of an imported offer are listed, and how many. */
const DATES_DAYS = 400;
const DATES_LIMIT = 10;

/** What an action tells the page besides field errors. */
export interface CalendarMessage {
	key: string;
}

/** The organisation: the person's own, or any for a city admin; 404 otherwise. */
async function organisationOf({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const own = locals.user?.memberships.find((membership) => membership.slug === params.slug);
	if (own) return { id: own.organisation_id, slug: own.slug, name: own.name };
	if (locals.user?.cityAdmin) {
		const all = await orHttpError(staff.managedOrganisations(locals.supabase));
		const organisation = all.find((candidate) => candidate.slug === params.slug);
		if (organisation) {
			return { id: organisation.id, slug: organisation.slug, name: organisation.name };
		}
	}
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

/** An uploaded .ics file's text; a message key when it is missing or too large. */
async function uploadedText(formData: FormData): Promise<string | { error: string }> {
	const file = formData.get('file');
	if (!(file instanceof File) || file.size === 0) return { error: 'staff.calendar.file_missing' };
	if (file.size > UPLOAD_MAX_BYTES) return { error: 'staff.calendar.error.too_large' };
	return file.text();
}

export const load: PageServerLoad = async (event) => {
	const organisation = await organisationOf(event);
	const supabase = event.locals.supabase;
	const list = await orHttpError(calendarFeeds.ofOrganisation(supabase, organisation.id));
	const now = new Date();
	const feeds = await Promise.all(
		list.map(async (feed) => {
			const full = await orHttpError(calendarFeeds.get(supabase, feed.id, 5));
			return {
				...full,
				imported: full.imported.map((offer) => ({
					...offer,
					dates: shownDates(offer.schedules, {
						from: now,
						days: DATES_DAYS,
						limit: DATES_LIMIT,
						onError: (cause) => console.error(`[calendar] offer ${offer.offer_id}: ${cause}`)
					})
						.slice(0, DATES_LIMIT)
						.map((date) => ({
							start: date.start.toISOString(),
							status: date.status,
							timeZone: date.schedule.timezone ?? feed.time_zone
						}))
				}))
			};
		})
	);
	return {
		organisation,
		feeds,
		form: await superValidate(adapter, { errors: false })
	};
};

export const actions: Actions = {
	/** Registers a feed; a URL is fetched and an uploaded file read at once. */
	register: async (event) => {
		const organisation = await organisationOf(event);
		const formData = await event.request.formData();
		const form = await superValidate<typeof calendarFeedSchema._zod.output, CalendarMessage>(
			formData,
			adapter
		);
		if (!form.valid) return fail(400, { form });
		let text: string | undefined;
		if (form.data.source === 'upload') {
			const uploaded = await uploadedText(formData);
			if (typeof uploaded !== 'string') {
				return message(form, { key: uploaded.error }, { status: 400 });
			}
			text = uploaded;
		}
		const supabase = event.locals.supabase;
		const id = await orFail(
			calendarFeeds.save(supabase, {
				organisation_id: organisation.id,
				name: form.data.name,
				url: form.data.source === 'url' ? form.data.url : null,
				publish_mode: form.data.publish_mode,
				category: form.data.category
			})
		);
		if (isFailure(id)) return message(form, { key: id.data.error }, { status: id.status as 400 });
		const feed = await orFail(calendarFeeds.get(supabase, id, 1));
		if (isFailure(feed)) return feed;
		const run = await orFail(
			runFeed(supabase, feed, { trigger: text === undefined ? 'manual' : 'upload', text })
		);
		if (isFailure(run)) return run;
		return message(await superValidate(adapter, { errors: false }), {
			key: 'staff.calendar.registered'
		});
	},
	/** Fetches a feed now; for an uploaded feed, reads the new file. */
	fetch: async (event) => {
		await organisationOf(event);
		const formData = await event.request.formData();
		const feedId = feedIdSchema.safeParse(formData.get('feed_id'));
		if (!feedId.success) return fail(400, { error: 'error.invalid_input' });
		const supabase = event.locals.supabase;
		const feed = await orFail(calendarFeeds.get(supabase, feedId.data, 1));
		if (isFailure(feed)) return feed;
		let text: string | undefined;
		if (!feed.url) {
			const uploaded = await uploadedText(formData);
			if (typeof uploaded !== 'string') return fail(400, { error: uploaded.error });
			text = uploaded;
		}
		const run = await orFail(
			runFeed(supabase, feed, { trigger: text === undefined ? 'manual' : 'upload', text })
		);
		if (isFailure(run)) return run;
		return { fetched: feed.id, outcome: run.outcome };
	},
	/** Changes what a feed does with new offers and with offers whose event disappeared. */
	settings: async (event) => {
		await organisationOf(event);
		const formData = await event.request.formData();
		const settings = settingsSchema.safeParse({
			feed_id: formData.get('feed_id'),
			publish_mode: formData.get('publish_mode'),
			on_removal: formData.get('on_removal')
		});
		if (!settings.success) return fail(400, { error: 'error.invalid_input' });
		const { feed_id: id, ...changes } = settings.data;
		const saved = await orFail(calendarFeeds.save(event.locals.supabase, { id, ...changes }));
		if (isFailure(saved)) return saved;
		return { settingsSaved: true };
	},
	/** Removes a feed; its offers stay as offers edited by hand. */
	remove: async (event) => {
		await organisationOf(event);
		const feedId = feedIdSchema.safeParse((await event.request.formData()).get('feed_id'));
		if (!feedId.success) return fail(400, { error: 'error.invalid_input' });
		const removed = await orFail(calendarFeeds.remove(event.locals.supabase, feedId.data));
		if (isFailure(removed)) return removed;
		return { removed: true };
	}
};
