import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toICS, unfold, vtimezone, type CalendarEvent } from './ics';
import { fromWallClock, occurrences, type Schedule } from './rrule';

const NOW = new Date('2026-11-21T10:00:00Z');

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
	return {
		uid: 'schedule-1@stadtteil.example',
		title: 'Sprachcafé',
		start: '2026-11-24T09:00:00Z', // Tuesday 10:00 in Berlin
		durationMinutes: 120,
		timezone: 'Europe/Berlin',
		...overrides
	};
}

function calendar(events: CalendarEvent[]): string {
	return toICS({ prodId: '-//Stadt Beispiel//Stadtteil-Portal//DE', events, now: NOW });
}

/** Content lines after unfolding, without the final empty string. */
function contentLines(ics: string): string[] {
	return unfold(ics).split('\r\n').slice(0, -1);
}

/** The value of a property of the first VEVENT, in the unfolded text. */
function value(ics: string, name: string): string | undefined {
	const lines = contentLines(ics);
	const line = lines
		.slice(lines.indexOf('BEGIN:VEVENT'))
		.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
	return line?.slice(line.indexOf(':') + 1);
}

const REQUIRED: Record<string, string[]> = {
	VCALENDAR: ['VERSION', 'PRODID'],
	VEVENT: ['UID', 'DTSTAMP', 'DTSTART'],
	VTIMEZONE: ['TZID'],
	STANDARD: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'],
	DAYLIGHT: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO']
};

/** Structural checks of RFC 5545 that a calendar app relies on; returns the problems found. */
function problems(ics: string): string[] {
	const found: string[] = [];
	if (!ics.endsWith('\r\n')) found.push('does not end with CRLF');
	if (/[^\r]\n|\r[^\n]/.test(ics)) found.push('has a line break other than CRLF');
	for (const physical of ics.split('\r\n')) {
		if (new TextEncoder().encode(physical).length > 75)
			found.push(`longer than 75 octets: ${physical}`);
		if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(physical)) {
			found.push(`splits a character: ${physical}`);
		}
	}
	const stack: { name: string; properties: string[] }[] = [];
	const timeZones = new Set<string>();
	const referenced = new Set<string>();
	let calendars = 0;
	for (const line of contentLines(ics)) {
		const match =
			/^([A-Z0-9-]+)((?:;[A-Z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(
				line
			);
		if (!match) {
			found.push(`not a content line: ${line}`);
			continue;
		}
		const [, name, params, text] = match as unknown as [string, string, string, string];
		if (name === 'BEGIN') {
			if (text === 'VCALENDAR') calendars++;
			stack.push({ name: text, properties: [] });
		} else if (name === 'END') {
			const open = stack.pop();
			if (open?.name !== text) found.push(`END:${text} closes ${open?.name ?? 'nothing'}`);
			else {
				for (const required of REQUIRED[text] ?? []) {
					if (!open.properties.includes(required)) found.push(`${text} without ${required}`);
				}
				if (text === 'VTIMEZONE' && !open.properties.includes('BEGIN-OBSERVANCE')) {
					found.push('VTIMEZONE without STANDARD or DAYLIGHT');
				}
			}
		} else {
			const current = stack.at(-1);
			if (!current) found.push(`${name} outside any component`);
			else current.properties.push(name);
			if (name === 'TZID' && current?.name === 'VTIMEZONE') timeZones.add(text);
			const tzid = /;TZID=([^;:]+)/.exec(params)?.[1];
			if (tzid) referenced.add(tzid);
		}
		if (name === 'BEGIN' && (text === 'STANDARD' || text === 'DAYLIGHT')) {
			stack.at(-2)?.properties.push('BEGIN-OBSERVANCE');
		}
	}
	if (stack.length) found.push(`not closed: ${stack.map((c) => c.name).join(', ')}`);
	if (calendars !== 1) found.push(`${calendars} VCALENDARs`);
	for (const tzid of referenced) {
		if (!timeZones.has(tzid)) found.push(`TZID ${tzid} without VTIMEZONE`);
	}
	return found;
}

describe('toICS', () => {
	it('produces a structurally valid calendar', () => {
		const ics = calendar([
			event({ rrule: 'FREQ=WEEKLY;BYDAY=TU', exdates: ['2026-12-29T09:00:00Z'] }),
			event({
				uid: 'schedule-2@stadtteil.example',
				rrule: null,
				description: 'Mit Kinderbetreuung'
			}),
			event({ uid: 'schedule-3@stadtteil.example', timezone: 'America/New_York' })
		]);
		expect(problems(ics)).toEqual([]);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
		expect(contentLines(ics).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
		expect(contentLines(ics).filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(2);
	});

	it('keeps the recurrence with the zone’s wall clock', () => {
		const ics = calendar([
			event({
				rrule: 'FREQ=WEEKLY;BYDAY=TU',
				exdates: ['2026-12-29T09:00:00Z', new Date('2027-04-06T08:00:00Z')],
				lastModified: '2026-11-01T12:00:00Z'
			})
		]);
		const lines = contentLines(ics);
		expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20261124T100000');
		expect(lines).toContain('DTEND;TZID=Europe/Berlin:20261124T120000');
		expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
		// the April date is in summer time: still 10:00 on the wall clock
		expect(lines).toContain('EXDATE;TZID=Europe/Berlin:20261229T100000,20270406T100000');
		expect(lines).toContain('DTSTAMP:20261101T120000Z');
		expect(lines).toContain('LAST-MODIFIED:20261101T120000Z');
	});

	it('names the event’s categories, escaped, and leaves CATEGORIES out without any', () => {
		const lines = contentLines(
			calendar([event({ categories: ['Arbeit und Ausbildung', 'Beratung, Hilfe'] })])
		);
		expect(lines).toContain('CATEGORIES:Arbeit und Ausbildung,Beratung\\, Hilfe');
		expect(contentLines(calendar([event()])).some((l) => l.startsWith('CATEGORIES'))).toBe(false);
	});

	it('stamps events without a modification time with the time of the feed', () => {
		expect(value(calendar([event()]), 'DTSTAMP')).toBe('20261121T100000Z');
	});

	it('writes the standard VTIMEZONE of Europe/Berlin', () => {
		expect(vtimezone('Europe/Berlin', 2025, 2036)).toEqual([
			'BEGIN:VTIMEZONE',
			'TZID:Europe/Berlin',
			'BEGIN:STANDARD',
			'DTSTART:20251026T030000',
			'TZOFFSETFROM:+0200',
			'TZOFFSETTO:+0100',
			'TZNAME:CET',
			'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
			'END:STANDARD',
			'BEGIN:DAYLIGHT',
			'DTSTART:20250330T020000',
			'TZOFFSETFROM:+0100',
			'TZOFFSETTO:+0200',
			'TZNAME:CEST',
			'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
			'END:DAYLIGHT',
			'END:VTIMEZONE'
		]);
	});

	it('describes other zones from Intl, also ones without daylight saving time', () => {
		const ny = vtimezone('America/New_York', 2025, 2036);
		expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
		expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
		const istanbul = vtimezone('Europe/Istanbul', 2025, 2036);
		expect(istanbul.filter((l) => l.startsWith('TZOFFSET'))).toEqual([
			'TZOFFSETFROM:+0300',
			'TZOFFSETTO:+0300'
		]);
	});

	it('writes UNTIL in UTC, so calendar apps end where the portal does', () => {
		const ics = calendar([event({ rrule: 'FREQ=WEEKLY;UNTIL=20270330' })]);
		expect(value(ics, 'RRULE')).toBe('FREQ=WEEKLY;UNTIL=20270330T215959Z');

		// read the feed back and expand it: the same occurrences as the schedule
		const start = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(value(ics, 'DTSTART')!)!;
		const [year, month, day, hour, minute, second] = start.slice(1).map(Number) as number[];
		const fromFeed: Schedule = {
			starts_at: fromWallClock(
				{ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! },
				'Europe/Berlin'
			),
			duration_minutes: 120,
			rrule: value(ics, 'RRULE')!,
			timezone: 'Europe/Berlin'
		};
		const original: Schedule = {
			starts_at: '2026-11-24T09:00:00Z',
			duration_minutes: 120,
			rrule: 'FREQ=WEEKLY;UNTIL=20270330',
			timezone: 'Europe/Berlin'
		};
		const window = { from: new Date('2026-01-01'), to: new Date('2028-01-01') };
		expect(occurrences(fromFeed, window)).toEqual(occurrences(original, window));
		expect(occurrences(original, window).at(-1)!.start.toISOString()).toBe(
			'2027-03-30T08:00:00.000Z'
		);
	});

	it('escapes text values', () => {
		expect(escapeText('Deutsch; Englisch, Arabisch\\Farsi\nZweite Zeile\r\nDritte')).toBe(
			'Deutsch\\; Englisch\\, Arabisch\\\\Farsi\\nZweite Zeile\\nDritte'
		);
		expect(escapeText('Glocke\u0007 und Tab\t')).toBe('Glocke und Tab\t');
		const ics = calendar([
			event({ title: 'Café; Treff, offen', description: 'a\\b\nc', location: 'Haus 1, Raum 2' })
		]);
		expect(value(ics, 'SUMMARY')).toBe('Café\\; Treff\\, offen');
		expect(value(ics, 'DESCRIPTION')).toBe('a\\\\b\\nc');
		expect(value(ics, 'LOCATION')).toBe('Haus 1\\, Raum 2');
		expect(problems(ics)).toEqual([]);
	});

	it.each([
		[
			'Arabic',
			'مقهى اللغة الأسبوعي: لقاء مفتوح لتعلم اللغة الألمانية والتعارف بين الجيران في مركز الحي، مع رعاية الأطفال'
		],
		[
			'Ukrainian',
			'Мовне кафе: щотижнева відкрита зустріч для вивчення німецької мови та знайомства з сусідами в районному центрі'
		],
		['emoji', `Familienfest ${'🎉👨‍👩‍👧'.repeat(12)} im Park`]
	])('folds a long %s title at 75 octets without splitting a character', (_language, title) => {
		const ics = calendar([event({ title })]);
		expect(problems(ics)).toEqual([]);
		const physical = ics.split('\r\n');
		const summary = physical.findIndex((l) => l.startsWith('SUMMARY:'));
		expect(physical[summary + 1]!.startsWith(' ')).toBe(true); // it was folded
		expect(value(ics, 'SUMMARY')).toBe(title);
		// every byte sequence is whole: decoding each line as UTF-8 loses nothing
		for (const line of physical) {
			const bytes = new TextEncoder().encode(line);
			expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
		}
	});

	it('folds any line so that unfolding restores it', () => {
		const samples = [
			'',
			'x'.repeat(75),
			'x'.repeat(76),
			'ä'.repeat(100),
			`a${'€'.repeat(40)}`,
			'𝄞'.repeat(50)
		];
		for (const line of samples) {
			const folded = foldLine(line);
			expect(unfold(folded)).toBe(line);
			for (const physical of folded.split('\r\n')) {
				expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
			}
		}
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
	});

	describe('exceptions', () => {
		/** The VEVENTs of a calendar as maps of property (with parameters) to value. */
		function events(ics: string): Map<string, string>[] {
			const found: Map<string, string>[] = [];
			let current: Map<string, string> | null = null;
			for (const line of contentLines(ics)) {
				if (line === 'BEGIN:VEVENT') current = new Map();
				else if (line === 'END:VEVENT') {
					found.push(current!);
					current = null;
				} else if (current) {
					const colon = line.indexOf(':');
					current.set(line.slice(0, colon), line.slice(colon + 1));
				}
			}
			return found;
		}

		const cafe = event({
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			description: 'Deutsch sprechen bei Tee',
			// as the database keeps them: every exception's date is an exdate too
			exdates: ['2026-12-01T09:00:00Z', '2026-12-08T09:00:00Z', '2026-12-15T09:00:00Z'],
			exceptions: [
				{
					occurs_at: '2026-12-08T09:00:00Z',
					moved_to: null,
					note: 'Weihnachtsfeier; alle, kommt!'
				},
				{ occurs_at: '2026-12-15T09:00:00Z', moved_to: '2026-12-17T14:30:00Z', note: null }
			],
			cancelledLabel: 'Fällt aus'
		});

		it('writes a cancelled date as a cancelled override with its note, a moved one at its new time', () => {
			const ics = calendar([cafe]);
			expect(problems(ics)).toEqual([]);
			const [master, cancelled, moved] = events(ics);
			expect(events(ics)).toHaveLength(3);

			// the master excludes only the plain exdate: overridden dates are not excluded too
			expect(master!.get('EXDATE;TZID=Europe/Berlin')).toBe('20261201T100000');
			expect(master!.has('RECURRENCE-ID;TZID=Europe/Berlin')).toBe(false);

			expect(cancelled!.get('UID')).toBe(master!.get('UID'));
			expect(cancelled!.get('RECURRENCE-ID;TZID=Europe/Berlin')).toBe('20261208T100000');
			expect(cancelled!.get('DTSTART;TZID=Europe/Berlin')).toBe('20261208T100000');
			expect(cancelled!.get('STATUS')).toBe('CANCELLED');
			expect(cancelled!.get('TRANSP')).toBe('TRANSPARENT');
			expect(cancelled!.get('SUMMARY')).toBe('Fällt aus: Sprachcafé');
			expect(cancelled!.get('DESCRIPTION')).toBe(
				'Weihnachtsfeier\\; alle\\, kommt!\\n\\nDeutsch sprechen bei Tee'
			);

			expect(moved!.get('RECURRENCE-ID;TZID=Europe/Berlin')).toBe('20261215T100000');
			expect(moved!.get('DTSTART;TZID=Europe/Berlin')).toBe('20261217T153000');
			expect(moved!.get('DTEND;TZID=Europe/Berlin')).toBe('20261217T173000');
			expect(moved!.has('STATUS')).toBe(false);
			expect(moved!.get('SUMMARY')).toBe('Sprachcafé');
		});

		it('overrides dates the rule generates, read back in the zone', () => {
			const ics = calendar([cafe]);
			const [master, ...overrides] = events(ics);
			const start = (value: string) => {
				const [, y, mo, d, h, mi] = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(value)!.map(Number);
				return fromWallClock(
					{ year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: 0 },
					'Europe/Berlin'
				);
			};
			const fromFeed: Schedule = {
				starts_at: start(master!.get('DTSTART;TZID=Europe/Berlin')!),
				duration_minutes: 120,
				rrule: master!.get('RRULE')!,
				exdates: [start(master!.get('EXDATE;TZID=Europe/Berlin')!)],
				timezone: 'Europe/Berlin'
			};
			const generated = occurrences(fromFeed, {
				from: new Date('2026-11-01'),
				to: new Date('2027-01-01')
			}).map((o) => o.start.getTime());
			for (const override of overrides) {
				expect(generated).toContain(
					start(override.get('RECURRENCE-ID;TZID=Europe/Berlin')!).getTime()
				);
			}
		});

		it('ignores exceptions of a one-off event and writes none without them', () => {
			expect(events(calendar([event({ exceptions: cafe.exceptions })]))).toHaveLength(1);
			expect(events(calendar([event({ rrule: 'FREQ=WEEKLY' })]))).toHaveLength(1);
			const plain = calendar([{ ...cafe, cancelledLabel: undefined }]);
			expect(events(plain)[1]!.get('SUMMARY')).toBe('Cancelled: Sprachcafé');
		});
	});
});
