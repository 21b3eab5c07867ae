/**
 * Registering a calendar feed on the organisation's calendar page: a name, where the events
 * come from (a URL fetched on a schedule, or an uploaded .ics file), whether new offers are
 * drafts or published, and their category. Messages are keys of `messages/staff/*.json`.
 */
import * as z from 'zod';
import { CATEGORIES } from '$lib/types';

/** An uploaded file is read up to this size, as a fetched one. */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

export const calendarFeedSchema = z
	.object({
		name: z.string().trim().min(1, 'staff.field.required').max(200, 'staff.office.text_long'),
		source: z.enum(['url', 'upload']).default('url'),
		url: z.string().trim().max(2000, 'staff.office.text_long').default(''),
		publish_mode: z.enum(['draft', 'published']).default('draft'),
		category: z.enum(CATEGORIES).default('event')
	})
	.refine((form) => form.source !== 'url' || /^https?:\/\/\S+$/i.test(form.url), {
		message: 'staff.calendar.url_invalid',
		path: ['url']
	});

export type CalendarFeedForm = z.infer<typeof calendarFeedSchema>;
