import { describe, expect, it } from 'vitest';
import { STAFF_MESSAGES } from '$lib/i18n/translator';
import {
	NAMED_FIELDS,
	actorKey,
	changeKey,
	fieldKey,
	isAutoArchive,
	type HistoryEntry
} from './history';

const entry = (overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
	id: 1,
	occurred_at: '2026-11-30T12:00:00Z',
	actor_kind: 'person',
	actor_email: 'editor@example.org',
	subject: 'offer',
	locale: null,
	operation: 'update',
	fields: ['state'],
	new_state: 'archived',
	...overrides
});

describe('the history of an offer', () => {
	it('has a message for every change, actor and named field, in German and English', () => {
		const keys = [
			...['offer', 'text', 'schedule', 'measure'].flatMap((subject) =>
				['insert', 'update', 'delete'].map((operation) =>
					changeKey({
						subject: subject as HistoryEntry['subject'],
						operation: operation as HistoryEntry['operation']
					})
				)
			),
			...(['former_person', 'service', 'system'] as const).map(actorKey),
			...[...NAMED_FIELDS].map((field) => fieldKey(field)!)
		];
		for (const messages of [STAFF_MESSAGES.de, STAFF_MESSAGES.en]) {
			expect(keys.filter((key) => !(key in messages))).toEqual([]);
		}
	});

	it('shows a column without a name by its own name', () => {
		expect(fieldKey('title')).toBe('staff.history.field.title');
		expect(fieldKey('a_new_column')).toBeNull();
		expect(fieldKey('__proto__')).toBeNull();
	});

	it('tells the server archiving past events from a person archiving an offer', () => {
		expect(isAutoArchive(entry({ actor_kind: 'service', actor_email: null }))).toBe(true);
		expect(isAutoArchive(entry())).toBe(false);
		expect(
			isAutoArchive(entry({ actor_kind: 'service', actor_email: null, new_state: 'published' }))
		).toBe(false);
		expect(
			isAutoArchive(entry({ actor_kind: 'service', actor_email: null, subject: 'schedule' }))
		).toBe(false);
	});
});
