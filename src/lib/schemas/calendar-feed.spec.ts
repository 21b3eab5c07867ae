import { describe, expect, it } from 'vitest';
import { calendarFeedSchema, calendarFeedSettingsSchema } from './calendar-feed';

const FEED = '3f1c2b9e-5d7a-4c1e-9b2a-1d4e5f6a7b8c';
const errorsOf = (result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('calendar feed forms', () => {
	it('registers a URL feed only with a web address, an upload without one', () => {
		expect(
			errorsOf(calendarFeedSchema.safeParse({ name: 'Programm', url: 'kalender.example.org' }))
		).toEqual([['url', 'staff.calendar.url_invalid']]);
		expect(calendarFeedSchema.safeParse({ name: 'Programm', source: 'upload' }).success).toBe(true);
	});

	it('changes a feed: name trimmed and required, its URL checked when it has one', () => {
		const settings = (data: Record<string, unknown>) =>
			calendarFeedSettingsSchema.safeParse({
				feed_id: FEED,
				name: ' Programm ',
				source: 'url',
				url: 'https://kalender.example.org/programm.ics',
				publish_mode: 'published',
				on_removal: 'delete',
				...data
			});
		expect(settings({}).data).toMatchObject({
			name: 'Programm',
			url: 'https://kalender.example.org/programm.ics',
			publish_mode: 'published',
			on_removal: 'delete'
		});
		expect(errorsOf(settings({ name: '  ', url: 'webcal://x' }))).toEqual([
			['name', 'staff.field.required'],
			['url', 'staff.calendar.url_invalid']
		]);
		expect(errorsOf(settings({ url: '' }))).toEqual([['url', 'staff.calendar.url_invalid']]);
		// an uploaded feed has no address to change
		expect(settings({ source: 'upload', url: '' }).success).toBe(true);
		expect(settings({ feed_id: 'nope' }).success).toBe(false);
	});
});
