/**
 * Registering a calendar feed on the organisation's calendar page: a name, where the events
 * come from (a URL fetched on a schedule, or an uploaded .ics file), whether new offers are
 * drafts or published, and their category; and changing a registered feed (its name, its URL
 * when it has one, and its choices). Messages are keys of `messages/staff/*.json`.
 */
import * as z from 'zod';
import { CATEGORIES } from '$lib/types';

/** An uploaded file is read up to this size, as a fetched one. */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

/** A web address the server fetches, as the database takes it. */
export const FEED_URL = /^https?:\/\/\S+$/i;

const name = z.string().trim().min(1, 'staff.field.required').max(200, 'staff.office.text_long');
const source = z.enum(['url', 'upload']).default('url');
const url = z.string().trim().max(2000, 'staff.office.text_long').default('');
const publishMode = z.enum(['draft', 'published']).default('draft');
/** A feed with a URL needs a web address the server can fetch. */
const urlWhenFetched = (form: { source: string; url: string }) =>
	form.source !== 'url' || FEED_URL.test(form.url);
const urlInvalid = () => ({ message: 'staff.calendar.url_invalid', path: ['url'] });

export const calendarFeedSchema = z
	.object({
		name,
		source,
		url,
		publish_mode: publishMode,
		category: z.enum(CATEGORIES).default('event')
	})
	.refine(urlWhenFetched, urlInvalid());

export type CalendarFeedForm = z.infer<typeof calendarFeedSchema>;

/**
 * Changing a registered feed. `source` is the feed's (the server sets it from the stored
 * feed): a feed with a URL keeps one, an uploaded feed has none to change.
 */
export const calendarFeedSettingsSchema = z
	.object({
		feed_id: z.guid(),
		name,
		source,
		url,
		publish_mode: publishMode,
		on_removal: z.enum(['archive', 'delete']).default('archive')
	})
	.refine(urlWhenFetched, urlInvalid());

export type CalendarFeedSettingsForm = z.infer<typeof calendarFeedSettingsSchema>;
