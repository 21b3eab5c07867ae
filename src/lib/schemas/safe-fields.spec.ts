import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
	emailAddress,
	multiLine,
	optional,
	phoneNumber,
	singleLine,
	webAddress
} from './safe-fields';

const form = z.object({
	title: singleLine({ min: 1, max: 200 }),
	description: optional(multiLine({ max: 10_000 })),
	registration_url: optional(webAddress()),
	contact_email: optional(emailAddress()),
	contact_phone: optional(phoneNumber())
});

describe('safe fields for staff forms', () => {
	it('clean texts and take good addresses, trimming spaces and reading empty as null', () => {
		const parsed = form.parse({
			title: ' \u202eSprachcafé\u202c ',
			description: 'Tee\r\nund Kuchen\u2067',
			registration_url: ' https://example.org/anmeldung ',
			contact_email: '',
			contact_phone: '   '
		});
		expect(parsed).toEqual({
			title: 'Sprachcafé',
			description: 'Tee\nund Kuchen',
			registration_url: 'https://example.org/anmeldung',
			contact_email: null,
			contact_phone: null
		});
	});

	it('refuse bad addresses with the reason and the rule, field by field', () => {
		const result = form.safeParse({
			title: '\u202e',
			registration_url: 'http://javascript:alert(72)',
			contact_email: 'x@x.example?subject=Hallo',
			contact_phone: '0831 2525\r\n0'
		});
		expect(result.success).toBe(false);
		const issues = result.error!.issues.map((issue) => ({
			path: issue.path.join('.'),
			message: issue.message,
			rule: issue.code === 'custom' ? issue.params?.rule : undefined
		}));
		expect(issues).toEqual([
			{ path: 'title', message: expect.any(String), rule: undefined },
			{
				path: 'registration_url',
				message: 'it has no host name such as example.org',
				rule: 'web_address'
			},
			{
				path: 'contact_email',
				message: 'it has a "?" (an address takes no subject or other additions)',
				rule: 'email_address'
			},
			{
				path: 'contact_phone',
				message: 'it contains line breaks, control or bidirectional formatting characters',
				rule: 'phone_number'
			}
		]);
	});

	it('refuse a line break inside an address rather than cleaning it away', () => {
		expect(webAddress().safeParse('https://x.example/\r\nX-INJ:74').success).toBe(false);
		expect(webAddress().safeParse('https://x.example/\n').success).toBe(false);
	});
});
